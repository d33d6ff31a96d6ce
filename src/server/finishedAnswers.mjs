// @ts-check
import zlib from 'node:zlib'

import { withoutClientRuntime } from './clientRuntime.mjs'
import { etagOf, matchesETag } from '../runtime/etags.mjs'
import { bufferOf, storableTypes } from './responseCapture.mjs'

// The renderer holds a public read's answer (a page, a feed, a public API read) until Next has
// written all of it, and finishes it before it goes out:
// - a page loses Next's client runtime (src/server/clientRuntime.mjs);
// - a 200 gets its ETag, and a reader who sent that tag in If-None-Match gets 304 instead, whether
//   or not the page cache will hold the answer (the cache tags its copies the same way);
// - a reader the page cache does not serve gets it gzipped, which Next was asked not to do so
//   that the body could be read here.
// Node's ServerResponse has no transform hook, so write and end are wrapped, as responseCapture
// does; this is installed after it, so the cache keeps what readers get.

// An answer larger than this is passed on as Next wrote it rather than held whole.
const largestHeld = 8 * 1024 * 1024

/** @param {import('node:http').ServerResponse} response */
const typeOf = (response) => String(response.getHeader('content-type') ?? '')

/** @param {import('node:http').ServerResponse} response */
const isPage = (response) => /^text\/html\b/i.test(typeOf(response))

/** @param {import('node:http').ServerResponse} response */
const isHeld = (response) =>
  !response.headersSent &&
  !response.getHeader('content-encoding') &&
  (isPage(response) || (response.statusCode === 200 && storableTypes.test(typeOf(response))))

/**
 * @param {import('node:http').IncomingMessage} request
 * @param {import('node:http').ServerResponse} response
 * @param {{ gzip: boolean, context: import('../runtime/requestContext.mjs').RequestContext }} options
 *   context: the request's, in which Payload's file handler leaves a file's tag (src/payload/fileETags.ts)
 */
export const finishAnswers = (request, response, { gzip, context }) => {
  // A HEAD answer has no body to finish (and its length is the GET's).
  if (request.method === 'HEAD') return
  const { writeHead, write, end, flushHeaders } = response
  const ifNoneMatch = request.method === 'GET' ? request.headers['if-none-match'] : undefined
  /** @type {Buffer[] | null} */
  let held = null
  let heldBytes = 0
  /** @type {boolean | undefined} */
  let holding
  // Once the answer is let go, its head is written the usual way (Node calls writeHead itself).
  let released = false
  const decide = () => {
    if (holding === undefined) {
      holding = isHeld(response)
      if (holding) held = []
      else if (context.fileETag && response.statusCode === 200 && !response.headersSent)
        response.setHeader('etag', context.fileETag)
    }
    return holding
  }
  const passOn = () => {
    const chunks = held ?? []
    held = null
    released = true
    for (const chunk of chunks) write.apply(response, /** @type {any} */ ([chunk]))
  }
  // Next sends the headers as soon as it starts writing (flushHeaders), or writes them with the
  // status (writeHead); a held answer keeps them, to send them at its end with its ETag.
  response.flushHeaders = () => {
    if (released || !decide()) flushHeaders.call(response)
  }
  response.writeHead = /** @type {typeof writeHead} */ (
    function (/** @type {any[]} */ ...args) {
      if (released || response.headersSent || !keepHead(response, args)) {
        return writeHead.apply(response, /** @type {any} */ (args))
      }
      return decide() ? response : writeHead.call(response, response.statusCode)
    }
  )
  response.write = /** @type {typeof write} */ (
    function (/** @type {any[]} */ ...args) {
      if (!decide() || !held) return write.apply(response, /** @type {any} */ (args))
      const chunk = bufferOf(args[0], args[1])
      if (chunk) held.push(chunk)
      heldBytes += chunk?.length ?? 0
      if (heldBytes > largestHeld) passOn()
      const callback = args.find((arg) => typeof arg === 'function')
      if (callback) process.nextTick(callback)
      return true
    }
  )
  response.end = /** @type {typeof end} */ (
    function (/** @type {any[]} */ ...args) {
      const chunk = bufferOf(args[0], args[1])
      if (!decide() || !held) return end.apply(response, /** @type {any} */ (args))
      const callback = args.find((arg) => typeof arg === 'function')
      const written = Buffer.concat(chunk ? [...held, chunk] : held)
      held = null
      released = true
      const body = finished(response, written)
      if (response.statusCode === 200 && body.length > 0) {
        const etag = etagOf(body)
        response.setHeader('etag', etag)
        if (matchesETag(ifNoneMatch, etag)) return notModified(response, end, callback)
      }
      const sent = gzip && body.length > 0 ? gzipped(response, body) : body
      response.setHeader('content-length', sent.length)
      return end.apply(response, /** @type {any} */ ([sent, callback]))
    }
  )
}

/**
 * Moves writeHead's status and headers onto the response, as setHeader would have, so that they
 * can still change; false for the raw (array) form, which is left to Node.
 *
 * @param {import('node:http').ServerResponse} response
 * @param {any[]} args
 */
const keepHead = (response, [status, ...rest]) => {
  const headers = rest.find((arg) => arg && typeof arg === 'object')
  if (Array.isArray(headers)) return false
  response.statusCode = status
  if (typeof rest[0] === 'string') response.statusMessage = rest[0]
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value !== undefined) response.setHeader(name, value)
  }
  return true
}

/** @param {import('node:http').ServerResponse} response @param {Buffer} body */
const finished = (response, body) =>
  isPage(response) && body.length > 0
    ? Buffer.from(withoutClientRuntime(body.toString('utf8')))
    : body

/**
 * @param {import('node:http').ServerResponse} response
 * @param {Function} end
 * @param {Function | undefined} callback
 */
const notModified = (response, end, callback) => {
  response.statusCode = 304
  for (const name of ['content-type', 'content-length']) response.removeHeader(name)
  return end.apply(response, /** @type {any} */ ([callback]))
}

/** @param {import('node:http').ServerResponse} response @param {Buffer} body */
const gzipped = (response, body) => {
  response.setHeader('content-encoding', 'gzip')
  response.appendHeader('vary', 'Accept-Encoding')
  return zlib.gzipSync(body)
}
