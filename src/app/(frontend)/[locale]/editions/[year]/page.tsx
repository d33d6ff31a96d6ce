import type { Metadata } from 'next'

import Image from 'next/image'
import Link from 'next/link'
import { notFound } from 'next/navigation'

import { Breadcrumbs } from '@/components/Breadcrumbs'
import { EditionFacts } from '@/components/editions/EditionFacts'
import { Partners } from '@/components/editions/Partners'
import { Programme } from '@/components/editions/Programme'
import { JsonLdScript } from '@/components/meeting/JsonLdScript'
import { getEdition, listSessions } from '@/content/editions'
import { getSite } from '@/content/site'
import { getDictionary, interpolate } from '@/site/dictionary'
import { editionYearParam } from '@/site/editionParams'
import { isLocale, localePath, siteURL } from '@/site/i18n'
import { editionEventJsonLd, populated } from '@/site/jsonLd'
import { pageMetadata } from '@/site/metadata'

import '../../editions.css'

type Params = Promise<{ locale: string; year: string }>

export const generateStaticParams = () => []

export const generateMetadata = async ({ params }: { params: Params }): Promise<Metadata> => {
  const { locale, year } = await params
  const id = editionYearParam(year)
  if (!isLocale(locale) || id === null) return {}
  const dictionary = getDictionary(locale)
  const [edition, site] = await Promise.all([getEdition({ locale, year: id }), getSite({ locale })])
  if (!edition) return {}
  const title = interpolate({ template: dictionary.editionTitle, values: { year: id } })
  return pageMetadata({
    locale,
    path: `/editions/${id}`,
    title: edition.theme ? `${title}: ${edition.theme}` : title,
    description: edition.summary,
    siteName: site.name || dictionary.siteName,
  })
}

const EditionPage = async ({ params }: { params: Params }) => {
  const { locale, year } = await params
  const id = editionYearParam(year)
  if (!isLocale(locale) || id === null) notFound()
  const dictionary = getDictionary(locale)
  const [edition, sessions, site] = await Promise.all([
    getEdition({ locale, year: id }),
    listSessions({ locale, year: id }),
    getSite({ locale }),
  ])
  if (!edition) notFound()
  const title = interpolate({ template: dictionary.editionTitle, values: { year: id } })
  const photo = populated(edition.heroPhoto ?? null)
  const photoSrc = photo?.sizes?.hero?.url || photo?.url
  const programmePath = localePath({ locale, path: `/editions/${id}/programme` })
  return (
    <article className="edition" aria-labelledby="edition-title">
      <Breadcrumbs
        locale={locale}
        dictionary={dictionary}
        trail={[
          { label: dictionary.editions, href: localePath({ locale, path: '/editions' }) },
          { label: title },
        ]}
      />
      <header className="edition__header">
        <h1 id="edition-title">
          {title}
          {edition.theme ? <span className="edition__theme">{edition.theme}</span> : null}
        </h1>
        <EditionFacts edition={edition} locale={locale} dictionary={dictionary} />
        {sessions.length ? (
          <p>
            <Link href={programmePath}>{dictionary.seeProgramme} →</Link>
          </p>
        ) : null}
      </header>
      {photo && photoSrc ? (
        <Image
          className="edition__photo"
          src={photoSrc}
          alt={photo.alt}
          width={photo.sizes?.hero?.width || photo.width || 1600}
          height={photo.sizes?.hero?.height || photo.height || 900}
          sizes="(min-width: 64rem) 60rem, 100vw"
          priority
        />
      ) : null}
      {edition.summary ? <p className="lead">{edition.summary}</p> : null}
      <Partners partners={edition.partners} locale={locale} dictionary={dictionary} />
      {sessions.length ? (
        <section aria-labelledby="edition-programme">
          <h2 id="edition-programme">{dictionary.programme}</h2>
          <Programme sessions={sessions} locale={locale} dictionary={dictionary} headingLevel={3} />
        </section>
      ) : null}
      <JsonLdScript
        data={editionEventJsonLd({
          edition,
          name: title,
          seriesName: site.name || dictionary.siteName,
          meetings: sessions,
          locale,
          baseURL: siteURL(),
        })}
      />
    </article>
  )
}

export default EditionPage
