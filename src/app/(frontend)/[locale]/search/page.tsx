import type { Metadata } from 'next'

import Link from 'next/link'
import { notFound } from 'next/navigation'

import { Breadcrumbs } from '@/components/Breadcrumbs'
import type { SearchHit } from '@/content/search'
import type { Dictionary } from '@/site/dictionary'

import { getDictionary } from '@/site/dictionary'
import { isLocale, localePath } from '@/site/i18n'
import { alternates } from '@/site/metadata'
import { maxQueryLength, normaliseQuery, searchSite } from '@/content/search'

// Filters and pages come from the query string, so this page is rendered per request; its reads
// still come from the data cache.
export const dynamic = 'force-dynamic'

type Params = Promise<{ locale: string }>
type SearchParams = Promise<{ q?: string | string[]; page?: string | string[] }>

const hitKindWords: Record<SearchHit['kind'], keyof Dictionary> = {
  editions: 'hitEdition',
  meetings: 'hitMeeting',
  speakers: 'hitSpeaker',
  organisations: 'hitOrganisation',
  pages: 'hitPage',
  news: 'hitNews',
}

const pageNumber = (value: unknown) => {
  const number = Number(value)
  return Number.isInteger(number) && number > 0 && number < 10_000 ? number : 1
}

export const generateMetadata = async ({ params }: { params: Params }): Promise<Metadata> => {
  const { locale } = await params
  if (!isLocale(locale)) return {}
  // Result pages are endless variations of one page: keep them out of search engines.
  return {
    title: getDictionary(locale).search,
    alternates: alternates({ locale, path: '/search' }),
    robots: { index: false, follow: true },
  }
}

const SearchPage = async ({
  params,
  searchParams,
}: {
  params: Params
  searchParams: SearchParams
}) => {
  const { locale } = await params
  if (!isLocale(locale)) notFound()
  const dictionary = getDictionary(locale)
  const { q, page } = await searchParams
  const query = normaliseQuery(Array.isArray(q) ? q[0] : q)
  const current = pageNumber(Array.isArray(page) ? page[0] : page)
  const results = query ? await searchSite({ locale, query, page: current }) : null
  const href = (target: number) =>
    `${localePath({ locale, path: '/search' })}?${new URLSearchParams({ q: query, page: String(target) })}`
  return (
    <div className="search-page">
      <Breadcrumbs locale={locale} dictionary={dictionary} trail={[{ label: dictionary.search }]} />
      <h1>{dictionary.search}</h1>
      <form role="search" action={localePath({ locale, path: '/search' })} method="get">
        <label htmlFor="search-query">{dictionary.search}</label>{' '}
        <input
          id="search-query"
          type="search"
          name="q"
          defaultValue={query}
          maxLength={maxQueryLength}
        />{' '}
        <button type="submit">{dictionary.search}</button>
      </form>
      {results ? (
        <section aria-labelledby="search-results">
          <h2 id="search-results" aria-live="polite">
            {results.totalDocs} · “{query}”
          </h2>
          {results.hits.length === 0 ? <p>{dictionary.noResults}</p> : null}
          <ol className="search-results">
            {results.hits.map((hit) => (
              <li key={hit.id}>
                <span className="search-results__kind">{dictionary[hitKindWords[hit.kind]]}</span>{' '}
                <Link href={localePath({ locale, path: hit.path || '/' })}>{hit.title}</Link>
                {hit.excerpt ? <p>{hit.excerpt}</p> : null}
              </li>
            ))}
          </ol>
          {results.totalPages > 1 ? (
            <nav aria-label={dictionary.page} className="pagination">
              {current > 1 ? (
                <Link rel="prev" href={href(current - 1)}>
                  {dictionary.previous}
                </Link>
              ) : null}
              <span aria-current="page">
                {current} / {results.totalPages}
              </span>
              {current < results.totalPages ? (
                <Link rel="next" href={href(current + 1)}>
                  {dictionary.next}
                </Link>
              ) : null}
            </nav>
          ) : null}
        </section>
      ) : null}
    </div>
  )
}

export default SearchPage
