import type { Metadata } from 'next'

import { notFound, permanentRedirect } from 'next/navigation'

import type { Crumb } from '@/components/Breadcrumbs'

import { Breadcrumbs } from '@/components/Breadcrumbs'
import { FormSection } from '@/components/forms/FormSection'
import { PreviewBar } from '@/components/preview/PreviewBar'
import { ChildPages } from '@/components/pages/ChildPages'
import { SectionNavigation } from '@/components/pages/SectionNavigation'
import { SiteMap } from '@/components/pages/SiteMap'
import { RichText } from '@/components/RichText'
import { getDictionary } from '@/site/dictionary'
import { getForm } from '@/content/forms'
import { getPreviewViewer } from '@/content/preview'
import { findRedirect } from '@/content/redirects'
import { isLocale, localePath } from '@/site/i18n'
import { pageMetadata } from '@/site/metadata'
import { buildPageTree, getPageByPath, listPages, locatePage } from '@/content/pages'
import { pathOfPage } from '@/site/paths'
import { getSite } from '@/content/site'

import '../pages.css'

type Params = Promise<{ locale: string; segments: string[] }>

// The page whose body is followed by the generated map of the whole site.
const siteMapSlug = 'site-map'

// Service pages are rendered on first request and then cached (their reads are tagged, so an
// edit expires them). The static folders next to this one (meetings, speakers, …) win over this
// catch-all, which therefore also answers every unknown address with the 404 page.
export const generateStaticParams = () => []

const findPage = async ({ params }: { params: Params }) => {
  const { locale, segments } = await params
  if (!isLocale(locale)) return null
  const viewer = await getPreviewViewer()
  const page = await getPageByPath({ locale, segments, viewer })
  return page ? { locale, page, viewer } : null
}

export const generateMetadata = async ({ params }: { params: Params }): Promise<Metadata> => {
  const found = await findPage({ params })
  if (!found) return {}
  const { locale, page } = found
  const path = pathOfPage(page)
  const site = await getSite({ locale })
  return pageMetadata({
    locale,
    path,
    title: page.title,
    description: page.summary,
    siteName: site.name || getDictionary(locale).siteName,
  })
}

// An address no page answers may be one of the old site's (collections: redirects). Next sends
// a page's permanent redirect as 308; `npm start` sends it as 301 (src/server/renderer.mjs).
const redirectOrNotFound = async ({ params }: { params: Params }): Promise<never> => {
  const { locale, segments } = await params
  const path = `${locale === 'zh' ? '/zh' : ''}/${segments.join('/')}`
  const target = isLocale(locale) ? await findRedirect({ path }) : null
  if (target) permanentRedirect(target)
  notFound()
}

const ServicePage = async ({ params }: { params: Params }) => {
  const found = await findPage({ params })
  if (!found) return redirectOrNotFound({ params })
  const { locale, page, viewer } = found
  const dictionary = getDictionary(locale)
  const path = pathOfPage(page)
  const tree = buildPageTree({ pages: await listPages({ locale }) })
  const { node, section } = locatePage({ tree, path })
  const formID = typeof page.form === 'object' ? page.form?.id : page.form
  const form = formID ? await getForm({ id: formID, locale }) : null
  const trail: Crumb[] = (page.breadcrumbs ?? []).map((crumb) => ({
    label: crumb.label || page.title,
    href: crumb.url ? localePath({ locale, path: crumb.url }) : undefined,
  }))
  return (
    <div className="service-page">
      {viewer ? <PreviewBar path={localePath({ locale, path })} dictionary={dictionary} /> : null}
      <Breadcrumbs locale={locale} dictionary={dictionary} trail={trail} />
      <div className={section ? 'service-page__layout' : undefined}>
        <article className="service-page__article" aria-labelledby="page-title">
          <header className="service-page__header">
            <h1 id="page-title">{page.title}</h1>
            {page.summary ? <p className="service-page__summary">{page.summary}</p> : null}
          </header>
          <RichText data={page.body} />
          {form ? <FormSection form={form} locale={locale} dictionary={dictionary} /> : null}
          {node && node.children.length > 0 ? (
            <ChildPages pages={node.children} locale={locale} heading={dictionary.pagesInSection} />
          ) : null}
          {page.slug === siteMapSlug ? (
            <SiteMap tree={tree} currentPath={path} locale={locale} dictionary={dictionary} />
          ) : null}
        </article>
        {section ? (
          <SectionNavigation
            section={section}
            currentPath={path}
            locale={locale}
            label={dictionary.sectionNavigation}
          />
        ) : null}
      </div>
    </div>
  )
}

export default ServicePage
