// @ts-check
import { normalisedPageURL } from './cacheKeys.mjs'
import { carriesPersonalCookie } from './cookies.mjs'
import { matchesETag } from '../runtime/etags.mjs'
import { preferredEncoding } from './pageCache.mjs'
import publicAPI from '../runtime/publicAPI.json' with { type: 'json' }

// Which requests the page cache may answer and keep, and under which key: the same rules in the
// front process, which answers from the cache, and in the renderer, which fills it.

// Payload's admin and API, Next's own assets and image optimiser, and the preview routes are
// never shared between readers...
const uncachedPaths = /^\/(?:api|admin|_next|next)(?:[/?]|$)/
// ...except the REST reads of the public collections, which partners poll: for an anonymous
// reader their answer depends on the content alone. No cachedQuery runs inside Payload's
// handlers to record which content, so they are stored under anyContentTag and any edit to
// anything public expires them. Drafts (?draft=) are asked for by editors and never kept. Which
// collections are public is said by their configs (src/payload/siteContent.ts), from which
// `npm run generate:public` writes publicAPI.json.
const publicAPIReads = new RegExp(
  `^/api/(?:${publicAPI.paths.map((path) => path.replace(/[/.]/g, '\\$&')).join('|')})(?:[/?]|$)`,
)
const draftParameter = /[?&]draft=/
// A client-side navigation gets the page as a React Server Components payload, which depends on
// the URL and on what the browser already shows (the router's state tree): the same for every
// anonymous reader who navigates from the same place, and as expensive to render as the page.
const routerHeaders = [
  'rsc',
  'next-router-state-tree',
  'next-router-prefetch',
  'next-router-segment-prefetch',
  'next-url',
]

/** @param {import('node:http').IncomingMessage} request */
export const isAPIRequest = (request) => /^\/api(?:\/|\?|$)/.test(request.url ?? '/')

/**
 * A page of the public site (or a file its routes answer, such as a feed): not the admin, the API
 * or Next's own files.
 *
 * @param {string} url
 */
export const isSitePage = (url) => !uncachedPaths.test(url)

/** @param {string} url */
export const isPublicAPIRead = (url) => publicAPIReads.test(url) && !draftParameter.test(url)

/** @param {import('node:http').IncomingMessage} request */
const isAnonymousRead = (request) =>
  (request.method === 'GET' || request.method === 'HEAD') &&
  // A server action (a form post) does something; it is never a read.
  !request.headers['next-action'] &&
  !request.headers.authorization &&
  // A session or a draft-mode cookie means the page may be personal.
  !carriesPersonalCookie(request.headers.cookie)

/**
 * Whether the request may be answered from the page cache and its answer kept there. Its URL is
 * normalised on the way (src/server/cacheKeys.mjs): Next renders the page for the parameters it
 * reads, and the cache keeps it under them.
 *
 * @param {import('node:http').IncomingMessage} request
 */
export const takeSharedRead = (request) => {
  const url = request.url ?? '/'
  const shared = isAnonymousRead(request) && (!uncachedPaths.test(url) || isPublicAPIRead(url))
  if (shared && !isAPIRequest(request)) request.url = normalisedPageURL(url)
  return shared
}

/** @param {import('node:http').IncomingMessage} request */
export const cacheKeyOf = (request) =>
  request.headers.rsc
    ? [request.url, ...routerHeaders.map((name) => String(request.headers[name] ?? ''))].join('\n')
    : String(request.url)

// Partners' browser apps on other sites may read what any anonymous reader may: the public
// collections, without credentials (a browser never sends cookies to a `*` origin). Everything
// else keeps Payload's CORS rules, and its CSRF check on cookie-authenticated requests.
/** @param {import('node:http').IncomingMessage} request */
export const isCrossOriginRead = (request) =>
  isAnonymousRead(request) && isPublicAPIRead(request.url ?? '/')

/**
 * @param {import('node:http').IncomingMessage} request
 * @param {import('node:http').ServerResponse} response
 * @param {import('./pageCache.mjs').CachedPage} page
 */
export const sendCachedPage = (request, response, page) => {
  if (matchesETag(request.headers['if-none-match'], page.etag)) {
    response.writeHead(304, page.notModifiedHeaders)
    response.end()
    return
  }
  const { body, headers } = page.variants[preferredEncoding(request.headers['accept-encoding'])]
  response.writeHead(200, headers)
  response.end(request.method === 'HEAD' ? undefined : body)
}
