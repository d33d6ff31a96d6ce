// @ts-check
// The renderer: Next's request handler, started by the front process (src/server/front.mjs) and
// reached only through it, on a Unix socket. Here requests are limited and take turns, Next and
// Payload answer them, and pages that may be shared are prepared for the front's page cache.
import next from 'next'
import fs from 'node:fs'
import http from 'node:http'

import { writeAccessLog } from './accessLog.mjs'
import { inTurn } from './anonymousTurns.mjs'
import {
  cacheKeyOf,
  isCrossOriginRead,
  isPublicAPIRead,
  isSitePage,
  takeSharedRead,
} from './cachePolicy.mjs'
import { clientAddressHeader } from '../runtime/clientAddress.mjs'
import {
  accessLog,
  cachePurgeURLs,
  hostname,
  logStatements,
  pageCacheEnabled,
  pageCacheOptions,
  port,
  rendererSocket,
  shutdownGraceMs,
} from './config.mjs'
import { finishAnswers } from './finishedAnswers.mjs'
import { frontPageCache, generationHeader, reportReady } from './frontChannel.mjs'
import { answeredHealthCheck } from './health.mjs'
import { answeredDuringOutage, reportOutagesAs503 } from './outage.mjs'
import { anyContentTag } from './pageCache.mjs'
import { redisLimiters, shareRateLimiters } from '../runtime/rateLimits.mjs'
import { connectRedis } from './redis.mjs'
import {
  createRequestContext,
  registerPageCache,
  requestContext,
} from '../runtime/requestContext.mjs'
import { overLimit, sendAfterDelay, sendTooManyRequests } from './requestLimits.mjs'
import { recordResponse } from './responseCapture.mjs'
import { outagePageLifetimeMs, registerSharedCache, startSharedCache } from './sharedCache.mjs'
import { closableServer, logShutdown, requests } from './shutdown.mjs'
import { checkDatabaseAtStart } from './startupChecks.mjs'
import { closeDatabase } from './closeDatabase.mjs'
import { startJobRunner } from './jobRunner.mjs'

if (!rendererSocket) {
  process.stderr.write('src/server/renderer.mjs is started by src/server/index.mjs (npm start)\n')
  process.exit(1)
}

const pageCache = frontPageCache({ ...pageCacheOptions, purged: cachePurgeURLs.length > 0 })
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

/** @param {import('./pageCache.mjs').RenderedPage} page */
const isStorable = (page) =>
  // recordResponse already kept only a 200 of a type the cache stores.
  page.headers['set-cookie'] === undefined

const app = next({ dev: false, hostname, port, webpack: true })
const handle = app.getRequestHandler()

/** @type {http.RequestListener} */
const onRequest = (request, response) => {
  const startedAt = performance.now()
  if (answeredHealthCheck(request, response, redis)) return
  // The front answered it from the page cache if it could; this decides whether to keep it.
  const sharedRead = pageCacheEnabled && takeSharedRead(request)
  if (answeredDuringOutage(request, response)) {
    if (accessLog) {
      response.once('close', () =>
        writeAccessLog({ request, response, startedAt, cacheStatus: 'unavailable' }),
      )
    }
    return
  }
  // Whose request it is, for the rate limits here and for Payload's login hooks: the front found
  // out from the connection.
  const address = String(request.headers[clientAddressHeader] ?? 'unknown')
  void overLimit(request, address).then((seconds) => {
    if (seconds === null) {
      const work = () => handOver({ request, response, sharedRead, startedAt })
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
 * @param {{ request: http.IncomingMessage, response: http.ServerResponse, sharedRead: boolean, startedAt: number }} pending
 */
const handOver = ({ request, response, sharedRead, startedAt }) => {
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
  const acceptsGzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))
  if (sharedRead) keepWhenShareable(request, response, context)
  if (isSitePage(String(request.url)) || isPublicAPIRead(String(request.url))) {
    delete request.headers['accept-encoding']
    finishAnswers(request, response, { gzip: !sharedRead && acceptsGzip, context })
  }
  answerPermanentRedirectsWith301(request, response)
  requestContext.run(context, () => handle(request, response))
}

/**
 * Next sends every permanent redirect as 308 (a page's permanentRedirect, src/proxy.ts's /en/…);
 * the old site's addresses (collections: redirects) are to be answered with the 301 every crawler
 * and client has known longest. For a GET or HEAD the two mean the same, so all of them are.
 *
 * @param {http.IncomingMessage} request
 * @param {http.ServerResponse} response
 */
const answerPermanentRedirectsWith301 = (request, response) => {
  if (request.method !== 'GET' && request.method !== 'HEAD') return
  const { writeHead } = response
  response.writeHead = /** @type {typeof writeHead} */ (
    function (/** @type {any[]} */ ...writeHeadArgs) {
      if (writeHeadArgs[0] === 308) {
        writeHeadArgs[0] = 301
        if (typeof writeHeadArgs[1] === 'string') writeHeadArgs[1] = 'Moved Permanently'
        else response.statusMessage = 'Moved Permanently'
      }
      return writeHead.apply(response, /** @type {any} */ (writeHeadArgs))
    }
  )
}

/**
 * @param {http.IncomingMessage} request
 * @param {http.ServerResponse} response
 * @param {import('../runtime/requestContext.mjs').RequestContext} context
 */
const keepWhenShareable = (request, response, context) => {
  response.setHeader('x-page-cache', 'MISS')
  if (request.method !== 'GET') return
  // The cache compresses each page once per encoding; Next sends this copy uncompressed.
  delete request.headers['accept-encoding']
  const key = cacheKeyOf(request)
  const renderedSince = Number(request.headers[generationHeader] ?? 0)
  recordResponse(response, pageCache.maxBytes, (rendered) => {
    if (!context.cacheable || !isStorable(rendered)) return
    const tags = isPublicAPIRead(String(request.url)) ? [anyContentTag] : context.tags
    void pageCache.store(key, rendered, { tags, renderedSince, ttlMs: pageLifetimeMs() })
  })
}

await app.prepare()
await checkDatabaseAtStart(process.env.DATABASE_URI)
const server = http.createServer(onRequest)
// Longer than the front's keep-alive to this socket, so it never reuses one being closed here.
server.keepAliveTimeout = 65_000
const closable = closableServer(server)
fs.rmSync(rendererSocket, { force: true })
server.listen(rendererSocket, reportReady)
// Scheduled publications: due jobs are run every few seconds, as requests to this server.
const jobRunner = startJobRunner({ socketPath: rendererSocket })

const shutdown = (/** @type {NodeJS.Signals} */ signal) => {
  // A terminal's Ctrl-C reaches this process twice (from the terminal and from the front): the
  // second signal must not end a shutdown under way.
  if (closable.closing) return
  jobRunner.stop()
  setTimeout(() => {
    logShutdown(
      `${requests(closable.inFlight)} still running after ${shutdownGraceMs / 1000} s: cut off`,
    )
    server.closeAllConnections()
    process.exit(1)
  }, shutdownGraceMs)
  closable.close(async () => {
    logShutdown('every request answered')
    try {
      await closeDatabase()
    } catch (error) {
      logShutdown(`closing the database failed: ${String(error)}`)
      process.exit(1)
    }
    process.exit(0)
  })
  // Only once the public port is closed (the front closes it first): whoever reads this may rely
  // on it.
  logShutdown(
    `${signal}: no new connections; waiting up to ${shutdownGraceMs / 1000} s for ` +
      `${requests(closable.inFlight)} in flight`,
  )
}
process.on('SIGTERM', shutdown)
process.on('SIGINT', shutdown)
// The front process ended without a shutdown (killed): nothing can reach this one any more.
process.on('disconnect', () => process.exit(1))
