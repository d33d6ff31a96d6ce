import type { Metadata } from 'next'

import Link from 'next/link'
import { notFound } from 'next/navigation'

import { Breadcrumbs } from '@/components/Breadcrumbs'
import { EditionFacts } from '@/components/editions/EditionFacts'
import { JsonLdScript } from '@/components/meeting/JsonLdScript'
import { listEditions } from '@/content/editions'
import { getSite } from '@/content/site'
import { getDictionary, interpolate } from '@/site/dictionary'
import { isLocale, localePath, siteURL } from '@/site/i18n'
import { seriesJsonLd } from '@/site/jsonLd'
import { pageMetadata } from '@/site/metadata'

import '../editions.css'

type Params = Promise<{ locale: string }>

export const generateMetadata = async ({ params }: { params: Params }): Promise<Metadata> => {
  const { locale } = await params
  if (!isLocale(locale)) return {}
  const dictionary = getDictionary(locale)
  const site = await getSite({ locale })
  return pageMetadata({
    locale,
    path: '/editions',
    title: dictionary.editions,
    description: dictionary.editionsDescription,
    siteName: site.name || dictionary.siteName,
  })
}

const EditionsPage = async ({ params }: { params: Params }) => {
  const { locale } = await params
  if (!isLocale(locale)) notFound()
  const dictionary = getDictionary(locale)
  const [editions, site] = await Promise.all([listEditions({ locale }), getSite({ locale })])
  return (
    <div className="editions">
      <Breadcrumbs
        locale={locale}
        dictionary={dictionary}
        trail={[{ label: dictionary.editions }]}
      />
      <h1>{dictionary.editions}</h1>
      <p className="lead">{dictionary.editionsDescription}</p>
      <ol className="edition-list">
        {editions.map((edition) => (
          <li key={edition.id} className="edition-card">
            <h2>
              <Link href={localePath({ locale, path: `/editions/${edition.id}` })}>
                {interpolate({ template: dictionary.editionTitle, values: { year: edition.id } })}
              </Link>
            </h2>
            {edition.theme ? <p className="edition-card__theme">{edition.theme}</p> : null}
            <EditionFacts edition={edition} locale={locale} dictionary={dictionary} />
          </li>
        ))}
      </ol>
      <JsonLdScript
        data={seriesJsonLd({
          name: site.name || dictionary.siteName,
          locale,
          baseURL: siteURL(),
          years: editions.map(({ id }) => id),
        })}
      />
    </div>
  )
}

export default EditionsPage
