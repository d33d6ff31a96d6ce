import type { Metadata } from 'next'

import Link from 'next/link'
import { notFound } from 'next/navigation'

import type { ProgrammeFilter } from '@/site/programme'

import { Breadcrumbs } from '@/components/Breadcrumbs'
import { Programme } from '@/components/editions/Programme'
import { ProgrammeDownloads } from '@/components/editions/ProgrammeDownloads'
import { ProgrammeFilters } from '@/components/editions/ProgrammeFilters'
import { getEdition, listSessions } from '@/content/editions'
import { getSite } from '@/content/site'
import { getDictionary, interpolate } from '@/site/dictionary'
import { editionYearParam } from '@/site/editionParams'
import { isLocale, localePath } from '@/site/i18n'
import { isMeetingKind } from '@/site/kinds'
import { pageMetadata } from '@/site/metadata'
import { filterSessions, topicsOf } from '@/site/programme'

import '../../../editions.css'

// The filters come from the query string; the reads still come from the data cache.
export const dynamic = 'force-dynamic'

type Params = Promise<{ locale: string; year: string }>
type SearchParams = Promise<Record<string, string | string[] | undefined>>

// A kind or topic the edition does not offer is ignored, as the links would never ask for it.
const parseFilter = ({
  searchParams,
  topics,
}: {
  searchParams: Record<string, string | string[] | undefined>
  topics: string[]
}): ProgrammeFilter => {
  const { kind, topic } = searchParams
  return {
    kind: isMeetingKind(kind) ? kind : undefined,
    topic: typeof topic === 'string' && topics.includes(topic) ? topic : undefined,
  }
}

export const generateMetadata = async ({ params }: { params: Params }): Promise<Metadata> => {
  const { locale, year } = await params
  const id = editionYearParam(year)
  if (!isLocale(locale) || id === null) return {}
  const dictionary = getDictionary(locale)
  const [edition, site] = await Promise.all([getEdition({ locale, year: id }), getSite({ locale })])
  if (!edition) return {}
  return pageMetadata({
    locale,
    path: `/editions/${id}/programme`,
    title: interpolate({ template: dictionary.programmeOf, values: { year: id } }),
    description: interpolate({ template: dictionary.programmeDescription, values: { year: id } }),
    siteName: site.name || dictionary.siteName,
  })
}

const ProgrammePage = async ({
  params,
  searchParams,
}: {
  params: Params
  searchParams: SearchParams
}) => {
  const { locale, year } = await params
  const id = editionYearParam(year)
  if (!isLocale(locale) || id === null) notFound()
  const dictionary = getDictionary(locale)
  const [edition, sessions] = await Promise.all([
    getEdition({ locale, year: id }),
    listSessions({ locale, year: id }),
  ])
  if (!edition) notFound()
  const topics = topicsOf({ sessions })
  const filter = parseFilter({ searchParams: await searchParams, topics })
  const kinds = [...new Set(sessions.map(({ kind }) => kind))]
  const editionTitle = interpolate({ template: dictionary.editionTitle, values: { year: id } })
  const path = localePath({ locale, path: `/editions/${id}/programme` })
  return (
    <div className="programme-page">
      <Breadcrumbs
        locale={locale}
        dictionary={dictionary}
        trail={[
          { label: dictionary.editions, href: localePath({ locale, path: '/editions' }) },
          { label: editionTitle, href: localePath({ locale, path: `/editions/${id}` }) },
          { label: dictionary.programme },
        ]}
      />
      <h1>{interpolate({ template: dictionary.programmeOf, values: { year: id } })}</h1>
      {edition.theme ? <p className="lead">{edition.theme}</p> : null}
      {sessions.length ? (
        <ProgrammeFilters
          path={path}
          filter={filter}
          kinds={kinds}
          topics={topics}
          dictionary={dictionary}
        />
      ) : null}
      <Programme
        sessions={filterSessions({ sessions, filter })}
        locale={locale}
        dictionary={dictionary}
      />
      <ProgrammeDownloads locale={locale} year={id} />
      <p className="programme-page__back">
        <Link href={localePath({ locale, path: `/editions/${id}` })}>{editionTitle}</Link>
      </p>
    </div>
  )
}

export default ProgrammePage
