// @ts-check
// Answers while the database is out (src/runtime/databaseHealth.mjs): 503 at once with when to try
// again, instead of requests waiting for the database to time out, and requests the database
// failed rewritten to say so.

import { isAPIRequest } from './cachePolicy.mjs'
import {
  databaseHealth,
  databaseUnavailableMessage,
  reportDatabaseRecovery,
  retryAfterSeconds,
} from '../runtime/databaseHealth.mjs'
import { canReadSQLite } from './sqliteProbe.mjs'
import { serverWords } from '../site/serverWords.mjs'

// Next's compiled scripts and styles never touch the database: a reader holding a cached page
// still gets them during an outage.
const staticAssets = /^\/_next\/static\//

const { en, zh } = serverWords
const unavailablePage = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${en.outageTitle}</title></head>
<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5">
<h1>${en.outageTitle}</h1>
<p>${en.outageMessage}</p>
<p lang="zh-Hans">${zh.outageMessage}</p>
</body></html>
`

/**
 * What the site says while it cannot reach its database: JSON to API clients, a page to readers.
 *
 * @param {import('node:http').IncomingMessage} request
 */
const unavailableAnswer = (request) =>
  isAPIRequest(request)
    ? {
        type: 'application/json; charset=utf-8',
        body: JSON.stringify({ errors: [{ message: databaseUnavailableMessage }] }),
      }
    : { type: 'text/html; charset=utf-8', body: unavailablePage }

/**
 * @param {import('node:http').IncomingMessage} request
 * @param {import('node:http').ServerResponse} response
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
 * @param {import('node:http').IncomingMessage} request
 * @param {import('node:http').ServerResponse} response
 * @returns {boolean} whether the request was answered
 */
export const answeredDuringOutage = (request, response) => {
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
 * the outage message and when to try again. Payload's own 503 (src/payload/hooks/answerDatabaseOutage.ts)
 * already says it and is left as it is.
 *
 * @param {import('node:http').IncomingMessage} request
 * @param {import('node:http').ServerResponse} response
 * @param {import('../runtime/requestContext.mjs').RequestContext} context
 */
export const reportOutagesAs503 = (request, response, context) => {
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
