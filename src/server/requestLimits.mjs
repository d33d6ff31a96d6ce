// @ts-check
import { carriesSessionCookie } from './cookies.mjs'
import { countRequest } from '../runtime/rateLimits.mjs'

/** @typedef {import('../runtime/rateLimits.mjs').LimitName} LimitName */

const searchPage = /^\/(?:zh\/)?search(?:[/?]|$)/
const apiPath = /^\/api(?:[/?]|$)/

/** @param {import('node:http').IncomingMessage} request */
export const carriesCredentials = (request) =>
  Boolean(request.headers.authorization) || carriesSessionCookie(request.headers.cookie)

/**
 * Which limit a request that reached Next counts against, if any: by what it asks for, not by who
 * sends it (a login is a login with or without a session). The admin's own pages are not limited,
 * but its API requests are, under the signed-in allowance.
 *
 * @param {import('node:http').IncomingMessage} request
 * @returns {LimitName | null}
 */
export const limitFor = (request) => {
  const url = request.url ?? '/'
  const path = url.split('?')[0]
  if (request.method === 'POST') {
    if (path === '/api/users/login') return 'login'
    if (path === '/api/users/forgot-password') return 'forgotPassword'
    if (path === '/api/form-submissions') return 'formSubmission'
    if (path === '/api/meetings/import') return 'import'
    // A server action on a page of the site is its form being sent (src/content/submitForm.ts).
    if (request.headers['next-action'] && !apiPath.test(url) && !url.startsWith('/admin')) {
      return 'formSubmission'
    }
  }
  if (searchPage.test(url) || url.startsWith('/api/search')) return 'search'
  if (!apiPath.test(url) || request.method === 'OPTIONS') return null
  return carriesCredentials(request) ? 'signedInAPI' : 'apiRead'
}

/** @type {Record<'en' | 'zh', (seconds: number) => string>} */
const tooMany = {
  en: (seconds) =>
    `Too many requests from your address. Please wait ${waitIn.en(seconds)} and try again.`,
  zh: (seconds) => `来自您地址的请求过多，请等待${waitIn.zh(seconds)}后再试。`,
}

const waitIn = {
  /** @param {number} seconds */
  en: (seconds) => (seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`),
  /** @param {number} seconds */
  zh: (seconds) => (seconds < 90 ? `${seconds}秒` : `${Math.ceil(seconds / 60)}分钟`),
}

/**
 * A refusal with a sentence: JSON for API clients, a short page on the site.
 *
 * @param {{ request: import('node:http').IncomingMessage, response: import('node:http').ServerResponse, status: number, message: string, language?: 'en' | 'zh', headers?: Record<string, string> }} refusal
 */
export const sendRefusal = ({ request, response, status, message, language = 'en', headers }) => {
  const isAPI = apiPath.test(request.url ?? '/')
  const body = isAPI
    ? JSON.stringify({ errors: [{ message }] })
    : `<!DOCTYPE html><html lang="${language === 'zh' ? 'zh-Hans' : 'en'}"><head><meta charset="utf-8">` +
      `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${status}</title></head>` +
      `<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5">` +
      `<p>${message}</p></body></html>\n`
  response.writeHead(status, {
    'content-type': isAPI ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  })
  response.end(request.method === 'HEAD' ? undefined : body)
}

/**
 * 429 with Retry-After and a sentence in the reader's language.
 *
 * @param {import('node:http').IncomingMessage} request
 * @param {import('node:http').ServerResponse} response
 * @param {number} seconds
 */
export const sendTooManyRequests = (request, response, seconds) => {
  const url = request.url ?? '/'
  const language = url === '/zh' || url.startsWith('/zh/') || url.startsWith('/zh?') ? 'zh' : 'en'
  sendRefusal({
    request,
    response,
    status: 429,
    message: tooMany[language](seconds),
    language,
    headers: { 'retry-after': String(seconds) },
  })
}

/**
 * Counts a request against its limit. Resolves to the seconds to wait when it is over, or null.
 *
 * @param {import('node:http').IncomingMessage} request
 * @param {string} address
 */
export const overLimit = async (request, address) => {
  const name = limitFor(request)
  return name ? countRequest(name, address) : null
}

// A refusal is held for a moment before it is sent (a tarpit). Flood tools send each request as
// soon as the last is answered: answered at once, one address gets thousands of 429s a second
// over keep-alive, or opens thousands of connections a second to be told 413, and writing those
// answers takes the CPU that readers need (bench/RESULTS.md, issue 14). Held for a second, each
// of its connections sends one request a second. A client that honours Retry-After never
// notices. Holding costs a socket and a timer, so at most maxHeldRefusals wait at once; beyond
// that they are answered straight away.
const refusalDelayMs = Math.max(0, Number(process.env.RATE_LIMIT_DELAY_MS ?? 1000) || 0)
const maxHeldRefusals = 1000
let heldRefusals = 0

/**
 * Sends a refusal after refusalDelayMs (never later than `atMostMs`, the wait a 429 announces),
 * or at once when too many are already held.
 *
 * @param {import('node:http').ServerResponse} response
 * @param {() => void} send
 * @param {number} [atMostMs]
 */
export const sendAfterDelay = (response, send, atMostMs = refusalDelayMs) => {
  const delay = Math.min(refusalDelayMs, atMostMs)
  if (delay === 0 || heldRefusals >= maxHeldRefusals) {
    send()
    return
  }
  heldRefusals += 1
  let held = true
  const release = () => {
    if (held) heldRefusals -= 1
    held = false
  }
  const timer = setTimeout(() => {
    release()
    if (!response.destroyed) send()
  }, delay)
  // A client that gives up waiting frees its place.
  response.once('close', () => {
    clearTimeout(timer)
    release()
  })
}
