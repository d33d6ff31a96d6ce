import type { Metadata } from 'next'

import { notFound } from 'next/navigation'

import type { Meeting } from '@/payload-types'

import type { Dictionary } from '@/site/dictionary'

import { Breadcrumbs } from '@/components/Breadcrumbs'
import { MeetingCard } from '@/components/MeetingCard'
import { MeetingFilters } from '@/components/meeting/MeetingFilters'
import { Pagination } from '@/components/Pagination'
import { isMeetingKind, meetingKindLabel } from '@/site/kinds'
import { getDictionary, interpolate } from '@/site/dictionary'
import { isLocale, localePath } from '@/site/i18n'
import { listMeetingEditions, listMeetings } from '@/content/meetings'
import { alternates } from '@/site/metadata'
import { parsePageParam } from '@/site/pagination'

import '../meeting.css'

// Filters and pages come from the query string, so this page is rendered per request; its reads
// still come from the data cache.
export const dynamic = 'force-dynamic'

type Params = Promise<{ locale: string }>
type SearchParams = Promise<Record<string, string | string[] | undefined>>

type Query = { page: number; year?: number; kind?: Meeting['kind'] }

// A broken page number is null, and the page answers 404. A year or kind that is not offered is
// ignored, as the form would.
const parseQuery = ({
  searchParams,
  editions,
}: {
  searchParams: Record<string, string | string[] | undefined>
  editions: number[]
}): Query | null => {
  const { year, kind } = searchParams
  const page = parsePageParam(searchParams.page)
  if (page === null) return null
  const yearNumber = typeof year === 'string' && /^\d{4}$/.test(year) ? Number(year) : undefined
  return {
    page,
    year: yearNumber && editions.includes(yearNumber) ? yearNumber : undefined,
    kind: isMeetingKind(kind) ? kind : undefined,
  }
}

// The address of a list page, with only the parameters that differ from the defaults.
const pathOfQuery = ({ page, year, kind }: Query): string => {
  const search = new URLSearchParams()
  if (year) search.set('year', String(year))
  if (kind) search.set('kind', kind)
  if (page > 1) search.set('page', String(page))
  const query = search.toString()
  return `/meetings${query ? `?${query}` : ''}`
}

const headingOfQuery = ({ query, dictionary }: { query: Query; dictionary: Dictionary }) =>
  [query.year, query.kind ? meetingKindLabel({ kind: query.kind, dictionary }) : undefined]
    .filter(Boolean)
    .join(' · ') || dictionary.allMeetings

export const generateMetadata = async ({
  params,
  searchParams,
}: {
  params: Params
  searchParams: SearchParams
}): Promise<Metadata> => {
  const { locale } = await params
  if (!isLocale(locale)) return {}
  const dictionary = getDictionary(locale)
  const query = parseQuery({
    searchParams: await searchParams,
    editions: await listMeetingEditions({ locale }),
  })
  if (!query) return {}
  const filtered = query.year || query.kind
  const title = [
    dictionary.meetings,
    filtered ? headingOfQuery({ query, dictionary }) : undefined,
    query.page > 1
      ? interpolate({ template: dictionary.pageNumber, values: { page: query.page } })
      : undefined,
  ]
    .filter(Boolean)
    .join(' · ')
  return {
    title,
    description: dictionary.meetingsDescription,
    alternates: alternates({ locale, path: pathOfQuery(query) }),
  }
}

const MeetingsPage = async ({
  params,
  searchParams,
}: {
  params: Params
  searchParams: SearchParams
}) => {
  const { locale } = await params
  if (!isLocale(locale)) notFound()
  const dictionary = getDictionary(locale)
  const editions = await listMeetingEditions({ locale })
  const query = parseQuery({ searchParams: await searchParams, editions })
  if (!query) notFound()
  const { meetings, totalPages } = await listMeetings({
    locale,
    page: query.page,
    year: query.year,
    kind: query.kind,
  })
  // Past the last page: Payload answers with an empty page, which should not look like a result.
  if (query.page > Math.max(totalPages, 1)) notFound()
  const listPath = localePath({ locale, path: '/meetings' })
  return (
    <div className="meetings-page">
      <Breadcrumbs
        locale={locale}
        dictionary={dictionary}
        trail={[{ label: dictionary.meetings }]}
      />
      <h1>{dictionary.meetings}</h1>
      <p className="lead">{dictionary.meetingsDescription}</p>
      <MeetingFilters
        action={listPath}
        editions={editions}
        year={query.year}
        kind={query.kind}
        dictionary={dictionary}
      />
      <section aria-labelledby="meeting-results">
        <h2 id="meeting-results" className="meetings-page__results">
          {headingOfQuery({ query, dictionary })}
        </h2>
        {totalPages > 1 ? (
          <p className="meetings-page__status">
            {interpolate({
              template: dictionary.pageOfTotal,
              values: { page: query.page, total: totalPages },
            })}
          </p>
        ) : null}
        {meetings.length ? (
          <ul className="card-grid">
            {meetings.map((meeting) => (
              <li key={meeting.id}>
                <MeetingCard meeting={meeting} locale={locale} />
              </li>
            ))}
          </ul>
        ) : (
          <p>{dictionary.noResults}</p>
        )}
      </section>
      <Pagination
        page={query.page}
        totalPages={totalPages}
        dictionary={dictionary}
        hrefOfPage={(page) => localePath({ locale, path: pathOfQuery({ ...query, page }) })}
      />
      <ul className="meetings-page__subscribe">
        <li>
          <a href={localePath({ locale, path: '/feed.xml' })} type="application/rss+xml">
            {dictionary.rssFeed}
          </a>
        </li>
        <li>
          <a href={localePath({ locale, path: '/meetings/calendar.ics' })} type="text/calendar">
            {dictionary.upcomingCalendar}
          </a>
        </li>
      </ul>
    </div>
  )
}

export default MeetingsPage
