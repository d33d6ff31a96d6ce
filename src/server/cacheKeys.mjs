// @ts-check

// The query parameters each public page reads (src/app/(frontend)/[locale]/<route>/page.tsx, the
// route as its folders name it).
// Any other parameter (utm_source, fbclid, a flood's random words) does not change the page: the
// server removes it before Next renders, so all such addresses are one cached page, rendered once.
// tests/int/cacheKeys.int.spec.ts checks this table against the pages' code.
export const pageParameters = /** @type {Record<string, readonly string[]>} */ ({
  meetings: ['year', 'kind', 'page'],
  speakers: ['page'],
  photos: ['page'],
  news: ['page'],
  search: ['q', 'page'],
  'editions/[year]/programme': ['kind', 'topic'],
})

// Next's client router adds `_rsc` to its requests so that browsers cache them apart; Next reads
// it back.
const routerParameter = '_rsc'

// /meetings, /zh/search/, /editions/2022/programme: the route whose page reads the parameters, as
// its folders name it (a year is the [year] folder).
const routeOf = (/** @type {string} */ pathname) =>
  (/^\/(?:(?:en|zh)(?:\/|$))?(.*?)\/?$/.exec(pathname)?.[1] ?? '').replace(
    /(^|\/)\d{4}(?=\/|$)/g,
    '$1[year]',
  )

/**
 * A page's address with only the parameters its page reads, in one order.
 *
 * @param {string} url the request's path and query
 */
export const normalisedPageURL = (url) => {
  const queryAt = url.indexOf('?')
  if (queryAt === -1) return url
  const pathname = url.slice(0, queryAt)
  const given = new URLSearchParams(url.slice(queryAt + 1))
  const kept = new URLSearchParams()
  const route = routeOf(pathname)
  const names = Object.hasOwn(pageParameters, route) ? pageParameters[route] : []
  for (const name of [...names, routerParameter]) {
    for (const value of given.getAll(name)) kept.append(name, value)
  }
  const query = kept.toString()
  return query ? `${pathname}?${query}` : pathname
}

/** The part of a cache key before its query or router headers. */
export const pathOfKey = (/** @type {string} */ key) => key.split(/[?\n]/, 1)[0]
