import type { Metadata } from 'next'

import Image from 'next/image'
import { notFound, permanentRedirect } from 'next/navigation'

import type { Photo } from '@/payload-types'

import { Breadcrumbs } from '@/components/Breadcrumbs'
import { imageSource } from '@/components/people/Portrait'
import { RichText } from '@/components/RichText'
import { getDictionary } from '@/site/dictionary'
import { formatDate } from '@/site/format'
import { isLocale, localePath, siteURL } from '@/site/i18n'
import { absoluteMediaURL, populated } from '@/site/jsonLd'
import { pageMetadata } from '@/site/metadata'
import { newsKindLabel } from '@/site/newsKinds'
import { getNewsRelease } from '@/content/news'
import { findRedirect } from '@/content/redirects'
import { getSite } from '@/content/site'

import '../../meeting.css'

type Params = Promise<{ locale: string; slug: string }>

// Rendered on first request and then cached until a release or photo changes.
export const generateStaticParams = () => []

// Slugs are made of a-z, 0-9 and hyphens (src/payload/fields/slug.ts); anything else cannot match.
const isSlug = (slug: string) => /^[a-z0-9-]{1,200}$/.test(slug)

const findRelease = async ({ params }: { params: Params }) => {
  const { locale, slug } = await params
  if (!isLocale(locale) || !isSlug(slug)) return null
  const release = await getNewsRelease({ locale, slug })
  return release ? { locale, release, photo: populated<Photo>(release.photo) } : null
}

export const generateMetadata = async ({ params }: { params: Params }): Promise<Metadata> => {
  const found = await findRelease({ params })
  if (!found) return {}
  const { locale, release, photo } = found
  const site = await getSite({ locale })
  const og = photo?.sizes?.og
  const ogImage = absoluteMediaURL({ url: og?.url, baseURL: siteURL() })
  return pageMetadata({
    locale,
    path: `/news/${release.slug}`,
    title: release.title,
    description: release.summary,
    siteName: site.name || getDictionary(locale).siteName,
    type: 'article',
    image: ogImage ? { url: ogImage, width: 1200, height: 630, alt: photo?.alt } : null,
    times: { published: release.publishedAt, modified: release.updatedAt },
  })
}

// The old site kept its news under /news too: an old address here that no release answers
// (/news/1234.html) goes where staff redirected it, as any other old address does.
const redirectOrNotFound = async ({ params }: { params: Params }): Promise<never> => {
  const { locale, slug } = await params
  const target = isLocale(locale)
    ? await findRedirect({ path: `${locale === 'zh' ? '/zh' : ''}/news/${slug}` })
    : null
  if (target) permanentRedirect(target)
  notFound()
}

const NewsReleasePage = async ({ params }: { params: Params }) => {
  const found = await findRelease({ params })
  if (!found) return redirectOrNotFound({ params })
  const { locale, release, photo } = found
  const dictionary = getDictionary(locale)
  const image = photo ? imageSource({ photo, size: 'card' }) : null
  return (
    <article className="meeting" aria-labelledby="release-title">
      <Breadcrumbs
        locale={locale}
        dictionary={dictionary}
        trail={[
          { label: dictionary.news, href: localePath({ locale, path: '/news' }) },
          { label: release.title },
        ]}
      />
      <header className="meeting__header">
        <p className="meeting__kind">{newsKindLabel({ kind: release.kind, dictionary })}</p>
        <h1 id="release-title">{release.title}</h1>
        {release.publishedAt ? (
          <dl className="meta-list">
            <dt>{dictionary.publishedOn}</dt>
            <dd>
              <time dateTime={release.publishedAt}>
                {formatDate({ iso: release.publishedAt, locale })}
              </time>
            </dd>
          </dl>
        ) : null}
        {release.summary ? <p className="lead">{release.summary}</p> : null}
      </header>
      {photo && image ? (
        <figure className="meeting__figure">
          <Image
            src={image.url}
            width={image.width}
            height={image.height}
            alt={photo.alt}
            sizes="(max-width: 768px) 100vw, 768px"
            priority
          />
          {photo.caption ? <figcaption>{photo.caption}</figcaption> : null}
        </figure>
      ) : null}
      <RichText data={release.body} />
    </article>
  )
}

export default NewsReleasePage
