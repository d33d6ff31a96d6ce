// @ts-check
// The production server (`npm start`): Next's request handler behind a page cache for anonymous
// readers. A cached page is answered here without entering Next at all; everything else (the
// admin, the API, signed-in editors, previews, form posts) goes to Next as
// `next start` would send it.
import next from 'next'
import http from 'node:http'
import { parseArgs } from 'node:util'

import {
  databaseHealth,
  databaseUnavailableMessage,
  reportDatabaseRecovery,
  retryAfterSeconds,
} from './databaseHealth.mjs'
import { carriesPersonalCookie } from './cookies.mjs'
import { clientAddressHeader, clientAddressOf, trustedProxies } from './clientAddress.mjs'
import { normalisedPageURL } from './cacheKeys.mjs'
import { recordResponse } from './responseCapture.mjs'
import { anyContentTag, PageCache, preferredEncoding } from './pageCache.mjs'
import { redisLimiters, shareRateLimiters } from './rateLimits.mjs'
import { connectRedis } from './redis.mjs'
import { outagePageLifetimeMs, registerSharedCache, startSharedCache } from './sharedCache.mjs'
import { createRequestContext, registerPageCache, requestContext } from './requestContext.mjs'
import { productionSecretProblem } from './secret.mjs'
import { bodyProblem } from './bodyLimits.mjs'
import { overLimit, sendAfterDelay, sendRefusal, sendTooManyRequests } from './requestLimits.mjs'
import { inTurn } from './anonymousTurns.mjs'
import { canReadSQLite } from './sqliteProbe.mjs'
import { checkDatabaseAtStart } from './startupChecks.mjs'

const secretProblem = productionSecretProblem(process.env.PAYLOAD_SECRET)
if (secretProblem) {
  process.stderr.write(`cifcc-site will not start: ${secretProblem}\n`)
  process.exit(1)
}

const { values: args } = parseArgs({
  options: {
    port: { type: 'string', short: 'p' },
    hostname: { type: 'string', short: 'H' },
  },
  strict: false,
})
const port = Number(args.port ?? process.env.PORT ?? 3000)
const hostname = String(args.hostname ?? process.env.HOSTNAME ?? '0.0.0.0')

const pageCacheEnabled = process.env.PAGE_CACHE !== 'off'
const pageCache = new PageCache({
  maxBytes: Number(process.env.PAGE_CACHE_MB ?? 128) * 1024 * 1024,
  maxVariantsPerPath: Number(process.env.PAGE_CACHE_VARIANTS ?? 128),
  ttlMs: Number(process.env.PAGE_CACHE_TTL_SECONDS ?? 600) * 1000,
})
const proxies = trustedProxies(process.env.TRUSTED_PROXIES)
// With Redis, instances share the rate limits, the data cache and every expiry.
const redis = process.env.REDIS_URL ? connectRedis(process.env.REDIS_URL) : null
const sharedCache = redis ? startSharedCache({ client: redis, pageCache }) : null
if (redis) shareRateLimiters(redisLimiters(redis))
if (sharedCache) registerSharedCache(sharedCache)
/** Expires pages and data here, and through Redis on every other instance. */
const expire = (/** @type {Iterable<string>} */ tags) =>
  sharedCache ? sharedCache.expire(tags) : pageCache.invalidate(tags)
if (pageCacheEnabled || sharedCache) registerPageCache({ invalidate: expire })
// While Redis is out, expiries from other instances cannot arrive: pages are kept a second only.
const pageLifetimeMs = () =>
  sharedCache && !sharedCache.available() ? outagePageLifetimeMs : undefined
// ACCESS_LOG=1: a JSON line per request; ACCESS_LOG=queries: with the statements each one ran.
const accessLog = process.env.ACCESS_LOG === '1' || process.env.ACCESS_LOG === 'queries'
const logStatements = process.env.ACCESS_LOG === 'queries'

// Payload's admin and API, Next's own assets and image optimiser, and the preview routes are
// never shared between readers...
const uncachedPaths = /^\/(?:api|admin|_next|next)(?:\/|$)/
// ...except the REST reads of the public collections, which partners poll: for an anonymous
// reader their answer depends on the content alone. No cachedQuery runs inside Payload's
// handlers to record which content, so they are stored under anyContentTag and any edit to
// anything public expires them. Drafts (?draft=) are asked for by editors and never kept.
const publicAPIReads =
  /^\/api\/(?:meetings|speakers|organisations|photos|pages|search|globals\/site)(?:[/?]|$)/
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

/** @param {http.IncomingMessage} request */
const cacheKeyOf = (request) =>
  request.headers.rsc
    ? [request.url, ...routerHeaders.map((name) => String(request.headers[name] ?? ''))].join('\n')
    : String(request.url)

/** @param {string} url */
const isPublicAPIRead = (url) => publicAPIReads.test(url) && !draftParameter.test(url)

/** @param {http.IncomingMessage} request */
const isAnonymousRead = (request) =>
  (request.method === 'GET' || request.method === 'HEAD') &&
  // A server action (a form post) does something; it is never a read.
  !request.headers['next-action'] &&
  !request.headers.authorization &&
  // A session or a draft-mode cookie means the page may be personal.
  !carriesPersonalCookie(request.headers.cookie)

/** @param {http.IncomingMessage} request */
const isSharedRead = (request) =>
  isAnonymousRead(request) &&
  (!uncachedPaths.test(request.url ?? '/') || isPublicAPIRead(request.url ?? '/'))

// Partners' browser apps on other sites may read what any anonymous reader may: the public
// collections, without credentials (a browser never sends cookies to a `*` origin). Everything
// else keeps Payload's CORS rules, and its CSRF check on cookie-authenticated requests.
/** @param {http.IncomingMessage} request */
const isCrossOriginRead = (request) =>
  isAnonymousRead(request) && isPublicAPIRead(request.url ?? '/')

/**
 * @param {http.IncomingMessage} request
 * @param {http.ServerResponse} response
 * @param {import('./pageCache.mjs').CachedPage} page
 */
const sendCachedPage = (request, response, page) => {
  if (request.headers['if-none-match'] === page.etag) {
    response.writeHead(304, page.notModifiedHeaders)
    response.end()
    return
  }
  const { body, headers } = page.variants[preferredEncoding(request.headers['accept-encoding'])]
  response.writeHead(200, headers)
  response.end(request.method === 'HEAD' ? undefined : body)
}

// Next's compiled scripts and styles never touch the database: a reader holding a cached page
// still gets them during an outage.
const staticAssets = /^\/_next\/static\//

/** @param {http.IncomingMessage} request */
const isAPIRequest = (request) => /^\/api(?:\/|\?|$)/.test(request.url ?? '/')

const unavailablePage = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Back in a moment</title></head>
<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5">
<h1>Back in a moment</h1>
<p>The site cannot reach its database just now. Please try again in a minute.</p>
<p lang="zh-Hans">网站暂时无法访问数据库，请稍后再试。</p>
</body></html>
`

/**
 * What the site says while it cannot reach its database: JSON to API clients, a page to readers.
 *
 * @param {http.IncomingMessage} request
 */
const unavailableAnswer = (request) =>
  isAPIRequest(request)
    ? {
        type: 'application/json; charset=utf-8',
        body: JSON.stringify({ errors: [{ message: databaseUnavailableMessage }] }),
      }
    : { type: 'text/html; charset=utf-8', body: unavailablePage }

/**
 * @param {http.IncomingMessage} request
 * @param {http.ServerResponse} response
 */
const sendUnavailable = (request, response) => {
  const { type, body } = unavailableAnswer(request)
  response.writeHead(503, {
    'content-type': type,
    'cache-control': 'no-store',
    'retry-after': String(retryAfterSeconds),
    'x-content-type-options': 'nosniff',
  })
  response.end(request.method === 'HEAD' ? undefined : body)
}

let sqliteProbeRunning = false
// MongoDB: whether the one request let through to try the database is still running.
let outageTrialRunning = false

const probeSQLite = (/** @type {string} */ file) => {
  if (sqliteProbeRunning) return
  sqliteProbeRunning = true
  void canReadSQLite(file).then((readable) => {
    sqliteProbeRunning = false
    if (readable) reportDatabaseRecovery()
  })
}

/**
 * While the database is out, answers 503 at once rather than letting every request wait for it
 * to time out. SQLite is checked from a worker thread until it can be read again; MongoDB's
 * driver waits without holding up other requests, so there one request every retryAfterSeconds
 * goes through to find out.
 *
 * @param {http.IncomingMessage} request
 * @param {http.ServerResponse} response
 * @returns {boolean} whether the request was answered
 */
const answeredDuringOutage = (request, response) => {
  if (databaseHealth.unavailableSince === null || staticAssets.test(request.url ?? '/'))
    return false
  if (databaseHealth.checkingAtStart) {
    // src/server/startupChecks.mjs checks the database until it answers.
    sendUnavailable(request, response)
    return true
  }
  if (databaseHealth.sqliteFile) {
    probeSQLite(databaseHealth.sqliteFile)
    sendUnavailable(request, response)
    return true
  }
  const sinceLastFailure = Date.now() - databaseHealth.lastFailureAt
  if (outageTrialRunning || sinceLastFailure < retryAfterSeconds * 1000) {
    sendUnavailable(request, response)
    return true
  }
  outageTrialRunning = true
  response.once('close', () => {
    outageTrialRunning = false
  })
  return false
}

/**
 * A request the database failed gets an answer that says so: Next's error page and 500, or a
 * 401/403/404 because Payload could not load the signed-in user or the document, become 503 with
 * the outage message and when to try again. Payload's own 503 (src/hooks/answerDatabaseOutage.ts)
 * already says it and is left as it is.
 *
 * @param {http.IncomingMessage} request
 * @param {http.ServerResponse} response
 * @param {ReturnType<typeof createRequestContext>} context
 */
const reportOutagesAs503 = (request, response, context) => {
  const { writeHead, end } = response
  const replaceBody = (/** @type {string} */ body) => {
    response.write = /** @type {typeof response.write} */ (
      function (/** @type {any[]} */ ...writeArgs) {
        const callback = writeArgs.find((arg) => typeof arg === 'function')
        if (callback) process.nextTick(callback)
        return true
      }
    )
    response.end = /** @type {typeof end} */ (
      function (/** @type {any[]} */ ...endArgs) {
        const callback = endArgs.find((arg) => typeof arg === 'function')
        return end.call(response, request.method === 'HEAD' ? '' : body, callback)
      }
    )
  }
  response.writeHead = /** @type {typeof writeHead} */ (
    function (/** @type {any[]} */ ...writeHeadArgs) {
      const status = writeHeadArgs[0]
      if (status >= 400 && context.databaseFailed) {
        writeHeadArgs[0] = 503
        if (typeof writeHeadArgs[1] === 'string') writeHeadArgs[1] = 'Service Unavailable'
        response.setHeader('retry-after', String(retryAfterSeconds))
        response.setHeader('cache-control', 'no-store')
        if (status !== 503) {
          const headers = writeHeadArgs.find((arg) => arg && typeof arg === 'object')
          for (const name of ['content-length', 'content-encoding', 'content-type', 'etag']) {
            response.removeHeader(name)
            if (headers && !Array.isArray(headers)) {
              for (const key of Object.keys(headers)) {
                if (key.toLowerCase() === name) delete headers[key]
              }
            }
          }
          const { type, body } = unavailableAnswer(request)
          response.setHeader('content-type', type)
          replaceBody(body)
        }
      }
      return writeHead.apply(response, /** @type {any} */ (writeHeadArgs))
    }
  )
}

/** @param {import('./pageCache.mjs').RenderedPage} page */
const isStorable = (page) =>
  // recordResponse already kept only a 200 of a type the cache stores.
  page.headers['set-cookie'] === undefined

const app = next({ dev: false, hostname, port, webpack: true })
const handle = app.getRequestHandler()

/**
 * @param {{
 *   request: http.IncomingMessage
 *   response: http.ServerResponse
 *   startedAt: number
 *   cacheStatus: string
 *   context?: ReturnType<typeof createRequestContext>
 * }} entry
 */
const writeAccessLog = ({ request, response, startedAt, cacheStatus, context }) => {
  process.stdout.write(
    `${JSON.stringify({
      method: request.method,
      url: request.url,
      status: response.statusCode,
      ms: Math.round((performance.now() - startedAt) * 100) / 100,
      cache: cacheStatus,
      queries: context?.queries ?? 0,
      ...(context?.statements ? { statements: context.statements } : {}),
    })}\n`,
  )
}

/**
 * Liveness (the process answers) and readiness (it can serve the site: the database answers) for
 * orchestrators and load balancers; Redis is reported but not required, since the site answers
 * without it.
 *
 * @param {http.IncomingMessage} request
 * @param {http.ServerResponse} response
 * @returns {boolean} whether the request was one of them
 */
const answeredHealthCheck = (request, response) => {
  // Every request passes here: most are told apart without splitting their URL.
  if (!request.url?.startsWith('/api/health/')) return false
  const pathname = request.url.split('?')[0]
  if (pathname !== '/api/health/live' && pathname !== '/api/health/ready') return false
  const database = databaseHealth.unavailableSince === null ? 'up' : 'unavailable'
  const ready = pathname === '/api/health/live' || database === 'up'
  const body =
    pathname === '/api/health/live'
      ? { live: true }
      : {
          ready,
          database,
          redis: !redis ? 'not configured' : redis.isReady ? 'up' : 'unavailable',
        }
  response.writeHead(ready ? 200 : 503, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...(ready ? {} : { 'retry-after': String(retryAfterSeconds) }),
  })
  response.end(request.method === 'HEAD' ? undefined : JSON.stringify(body))
  return true
}

/** @type {http.RequestListener} */
const onRequest = (request, response) => {
  const startedAt = performance.now()
  if (answeredHealthCheck(request, response)) return
  const sharedRead = pageCacheEnabled && isSharedRead(request)
  // Next renders the page for the parameters it reads, and the cache keeps it under them
  // (src/server/cacheKeys.mjs).
  if (sharedRead && !isAPIRequest(request)) request.url = normalisedPageURL(String(request.url))
  const key = cacheKeyOf(request)
  if (sharedRead) {
    const page = pageCache.get(key)
    // A hit touches neither Next nor the database: no request context, and no listener unless
    // the access log wants one.
    if (page) {
      if (accessLog) {
        response.once('close', () =>
          writeAccessLog({ request, response, startedAt, cacheStatus: 'hit' }),
        )
      }
      sendCachedPage(request, response, page)
      return
    }
  }

  if (answeredDuringOutage(request, response)) {
    if (accessLog) {
      response.once('close', () =>
        writeAccessLog({ request, response, startedAt, cacheStatus: 'unavailable' }),
      )
    }
    return
  }

  const refusedBody = bodyProblem(request)
  if (refusedBody) {
    // Answered without reading the body; the connection closes rather than drain it.
    sendAfterDelay(response, () =>
      sendRefusal({ request, response, ...refusedBody, headers: { connection: 'close' } }),
    )
    return
  }

  // Whose request it is, for the rate limits here and for Payload's login hooks; a client's own
  // value of the header is overwritten.
  const address = clientAddressOf({
    socketAddress: request.socket.remoteAddress,
    forwardedFor: request.headers['x-forwarded-for'],
    proxies,
  })
  request.headers[clientAddressHeader] = address
  void overLimit(request, address).then((seconds) => {
    if (seconds === null) {
      const work = () => handOver({ request, response, sharedRead, key, startedAt })
      return inTurn({ request, response, address, work })
    }
    if (accessLog) {
      response.once('close', () =>
        writeAccessLog({ request, response, startedAt, cacheStatus: 'limited' }),
      )
    }
    sendAfterDelay(response, () => sendTooManyRequests(request, response, seconds), seconds * 1000)
  })
}

/**
 * Lets Next answer, recording what the answer read and keeping it when it may be shared.
 *
 * @param {{ request: http.IncomingMessage, response: http.ServerResponse, sharedRead: boolean, key: string, startedAt: number }} pending
 */
const handOver = ({ request, response, sharedRead, key, startedAt }) => {
  const context = createRequestContext()
  if (logStatements) context.statements = []
  reportOutagesAs503(request, response, context)
  const cacheStatus = sharedRead ? 'miss' : 'bypass'
  // Set before Next answers, so that a cached copy keeps it too.
  if (isCrossOriginRead(request)) response.setHeader('access-control-allow-origin', '*')
  response.once('close', () => {
    // Payload has committed by now: expire what the save changed once more (see
    // expireCachedPages).
    if (context.expiredTags.size > 0) expire(context.expiredTags)
    if (accessLog) writeAccessLog({ request, response, startedAt, cacheStatus, context })
  })

  if (sharedRead) {
    response.setHeader('x-page-cache', 'MISS')
    if (request.method === 'GET') {
      // The cache compresses each page once per encoding; Next sends this copy uncompressed.
      delete request.headers['accept-encoding']
      const renderedSince = pageCache.generation
      recordResponse(response, pageCache.maxBytes, (rendered) => {
        if (context.cacheable && isStorable(rendered)) {
          const tags = isPublicAPIRead(String(request.url)) ? [anyContentTag] : context.tags
          void pageCache.store(key, rendered, { tags, renderedSince, ttlMs: pageLifetimeMs() })
        }
      })
    }
  }
  requestContext.run(context, () => handle(request, response))
}

await app.prepare()
await checkDatabaseAtStart(process.env.DATABASE_URI)
const server = http.createServer(onRequest)
// Longer than the idle timeout of common proxies in front of it, so they never reuse a socket
// this side is closing.
server.keepAliveTimeout = 65_000
// Connections waiting to be accepted while the event loop is busy. Node's default (511) overflowed
// under bench:abuse whenever readers' browsers opened connections faster than a render let the
// loop accept them: the kernel dropped the rest, and each waited a second for the client to try
// again (issue 14). Linux caps this at net.core.somaxconn (4096 by default).
const listenBacklog = 4096
server.listen({ port, host: hostname, backlog: listenBacklog }, () => {
  process.stdout.write(
    `cifcc-site listening on http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${port}` +
      ` (page cache ${pageCacheEnabled ? 'on' : 'off'})\n`,
  )
})

// Shutdown (SIGTERM from an orchestrator, SIGINT from a terminal): stop accepting connections,
// let the requests in flight finish, close the database, exit 0. Whatever is still running after
// SHUTDOWN_GRACE_SECONDS is cut off and the exit code is 1, so that it shows. The default stays
// under the 10 s after which `docker stop` kills.
const defaultShutdownGraceSeconds = 8
const configuredGraceSeconds = Number(
  process.env.SHUTDOWN_GRACE_SECONDS || defaultShutdownGraceSeconds,
)
// A typo must not turn into no grace at all (setTimeout takes NaN as 0).
const shutdownGraceMs =
  (Number.isFinite(configuredGraceSeconds) && configuredGraceSeconds >= 0
    ? configuredGraceSeconds
    : defaultShutdownGraceSeconds) * 1000
if (shutdownGraceMs !== configuredGraceSeconds * 1000) {
  process.stderr.write(
    `SHUTDOWN_GRACE_SECONDS=${process.env.SHUTDOWN_GRACE_SECONDS} is not a number of seconds: ` +
      `using ${defaultShutdownGraceSeconds}\n`,
  )
}
let isShuttingDown = false
/** @type {Set<http.ServerResponse>} */
const responsesInFlight = new Set()

/** @param {http.ServerResponse} response */
const closeConnectionAfter = (response) => {
  // A keep-alive connection would otherwise stay open after its answer (server.close() leaves it
  // until keepAliveTimeout) and could carry the client's next request into a server that is
  // about to exit.
  if (!response.headersSent) response.setHeader('connection', 'close')
}

// Registered ahead of the request handler, so that a request arriving on an open connection during
// shutdown is told that the connection ends with it.
server.prependListener('request', (_request, response) => {
  responsesInFlight.add(response)
  response.once('close', () => {
    responsesInFlight.delete(response)
    // Answers whose headers went out before the signal still said keep-alive.
    if (isShuttingDown) server.closeIdleConnections()
  })
  if (isShuttingDown) closeConnectionAfter(response)
})

/** @param {string} message */
const logShutdown = (message) => process.stdout.write(`cifcc-site shutdown: ${message}\n`)

/** @param {number} count */
const requests = (count) => `${count} request${count === 1 ? '' : 's'}`

// getPayload keeps its instance in global._payload, which every bundle that loaded Payload shares;
// the server has no import of the config to ask for it otherwise.
const closeDatabase = async () => {
  /** @type {Map<string, { payload?: import('payload').Payload | null }> | undefined} */
  const instances = /** @type {any} */ (globalThis)._payload
  for (const { payload } of instances?.values() ?? []) {
    if (!payload) continue
    // The SQLite adapter's destroy() leaves its libsql client open, and libsql leaves each
    // transaction's connection to the garbage collector, so nothing closes the last one and SQLite
    // keeps recent writes in the -wal file. Moved into the database file, they go wherever it is
    // copied to after the server stopped.
    /** @type {import('@libsql/client').Client | undefined} */
    const sqliteClient = /** @type {any} */ (payload.db).client
    if (sqliteClient) {
      await sqliteClient.execute('PRAGMA wal_checkpoint(TRUNCATE)')
      logShutdown('moved the write-ahead log into the database file')
    }
    await payload.destroy()
    sqliteClient?.close()
    logShutdown(`closed the database (${payload.db.name})`)
  }
}

const shutdown = (/** @type {NodeJS.Signals} */ signal) => {
  // npm and cross-env pass a terminal's Ctrl-C on to the server, which the terminal already
  // signalled: the second signal must not end a shutdown under way.
  if (isShuttingDown) return
  isShuttingDown = true
  for (const response of responsesInFlight) closeConnectionAfter(response)
  setTimeout(() => {
    logShutdown(
      `${requests(responsesInFlight.size)} still running after ${shutdownGraceMs / 1000} s: ` +
        'cut off',
    )
    server.closeAllConnections()
    process.exit(1)
  }, shutdownGraceMs)
  server.close(async () => {
    logShutdown('every request answered')
    try {
      await closeDatabase()
    } catch (error) {
      logShutdown(`closing the database failed: ${String(error)}`)
      process.exit(1)
    }
    process.exit(0)
  })
  server.closeIdleConnections()
  // Only once the port is closed: whoever reads this may rely on it.
  logShutdown(
    `${signal}: no new connections; waiting up to ${shutdownGraceMs / 1000} s for ` +
      `${requests(responsesInFlight.size)} in flight`,
  )
}
process.on('SIGTERM', shutdown)
process.on('SIGINT', shutdown)
