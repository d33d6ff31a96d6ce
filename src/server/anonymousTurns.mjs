// @ts-check
import pLimit from 'p-limit'

import { rateLimitsEnabled } from '../runtime/rateLimits.mjs'
import { runtimeState } from '../runtime/runtimeState.mjs'
import { carriesCredentials, sendAfterDelay, sendRefusal } from './requestLimits.mjs'

// Anonymous requests that reach Next (the page cache could not answer them) take turns: one at a
// time for each client address, and one at a time for all of them together, first come first
// served. Next renders and Payload's SQLite queries run on the server's one thread (libsql answers
// synchronously), and libuv accepts one new connection per turn of the event loop (libuv#3696):
// with eight renders under way each turn took tens of milliseconds, new connections piled up in
// the kernel, and readers waited seconds for cached pages (bench/RESULTS.md, issue 14). On
// MongoDB a render mostly waits for the database without holding the thread, so a few go at once.
// Signed-in staff and API keys do not queue: the admin sends many requests at once, and they have
// their own limit.
export const turnsPerAddress = 1
export const turnsInAll = /^mongodb/.test(process.env.DATABASE_URI ?? '') ? 4 : 1
// Beyond this many waiting, a client is told to slow down rather than queue without end.
export const maxWaitingPerAddress = 64
const maxWaitingInAll = 512
// The longest a turn is held: a page streamed to a client that does not read it could otherwise
// hold it for as long as the connection stays open.
const longestTurnMs = 10_000
// A body is waited for before the turn, so that a client sending it slowly holds no turn; only
// small ones (logins, forms), which Node parses as they arrive without anyone reading them.
const largestWaitedBody = 16 * 1024
const longestBodyWaitMs = 10_000

// What does not queue: Next's scripts, styles and images and the uploaded files are read from
// disk (a browser asks for many at once).
const unqueued = /^\/(?:_next\/|api\/[^/?]+\/file\/)/

/** @type {Map<string, import('p-limit').LimitFunction>} */
const queues = new Map()
const everyone = pLimit(turnsInAll)
// Work inside Next that keeps the thread busy whoever asked for it (an import parsing a page) takes
// the same turns: src/runtime/threadTurn.ts finds them in src/runtime/runtimeState.mjs.
runtimeState.threadTurns = everyone

/** @param {import('node:http').IncomingMessage} request */
const bodyLength = (request) =>
  'transfer-encoding' in request.headers
    ? Infinity
    : Number(request.headers['content-length'] ?? 0) || 0

/** @param {import('node:http').IncomingMessage} request */
const takesTurns = (request) =>
  rateLimitsEnabled() &&
  request.method !== 'OPTIONS' &&
  !carriesCredentials(request) &&
  bodyLength(request) <= largestWaitedBody &&
  !unqueued.test(request.url ?? '/')

/**
 * Resolves true once the request's whole body has arrived (Node parses a small one into the
 * request without anyone reading it), false if it has not after longestBodyWaitMs.
 *
 * @param {import('node:http').IncomingMessage} request
 * @returns {Promise<boolean>}
 */
const bodyArrived = (request) =>
  new Promise((resolve) => {
    if (request.complete || bodyLength(request) === 0) return resolve(true)
    const giveUpAt = Date.now() + longestBodyWaitMs
    // Node has no event for a body parsed but not read. A body sent with its headers is parsed
    // right after them (the next look, once the loop turns); a slower one is looked for every
    // 10 ms, which costs a timer.
    const look = () => {
      if (request.complete) resolve(true)
      else if (request.destroyed || Date.now() > giveUpAt) resolve(false)
      else setTimeout(look, 10)
    }
    setImmediate(look)
  })

/**
 * Runs `work` in the address's turn; false when too many are waiting already.
 *
 * @param {string} address
 * @param {() => Promise<unknown>} work
 */
const queueTurn = (address, work) => {
  let queue = queues.get(address)
  if (!queue) queues.set(address, (queue = pLimit(turnsPerAddress)))
  if (queue.pendingCount >= maxWaitingPerAddress || everyone.pendingCount >= maxWaitingInAll) {
    return false
  }
  const ownQueue = queue
  void ownQueue(() => everyone(work)).finally(() =>
    // An address with nothing running or waiting is forgotten, so the map stays as small as the
    // number of clients being served. (Checked a turn later: p-limit counts the finished work as
    // running until its own bookkeeping after this promise settles.)
    setImmediate(() => {
      const idle = ownQueue.activeCount === 0 && ownQueue.pendingCount === 0
      if (idle && queues.get(address) === ownQueue) queues.delete(address)
    }),
  )
  return true
}

/**
 * One turn: starts the work from the event loop and ends once the answer is written.
 *
 * @param {import('node:http').ServerResponse} response
 * @param {() => void} work
 * @returns {() => Promise<unknown>}
 */
const turn = (response, work) => () =>
  new Promise((resolve) => {
    // Started from the event loop, not from the last request's callbacks: p-limit hands over in
    // a microtask, and libsql answers synchronously, so each render would otherwise run straight
    // after the last one without the loop ever accepting a connection between.
    setImmediate(() => {
      // A client that left while waiting gets no render.
      if (response.destroyed) return resolve(undefined)
      const timer = setTimeout(resolve, longestTurnMs)
      // Written (prefinish), not read by the client: that is the client's own time.
      const endTurn = () => {
        clearTimeout(timer)
        resolve(undefined)
      }
      response.once('prefinish', endTurn)
      response.once('close', endTurn)
      try {
        work()
      } catch (error) {
        // Thrown from a timer callback, it would end the process; it ends this request instead.
        process.stderr.write(`cifcc-site: a request failed before Next answered it: ${error}\n`)
        response.destroy()
      }
    })
  })

/**
 * Hands the request to `work` (Next) at once if it is signed in, or once it is the address's
 * turn; tells the client to slow down when too many of its requests are waiting.
 *
 * @param {{ request: import('node:http').IncomingMessage, response: import('node:http').ServerResponse, address: string, work: () => void }} pending
 */
export const inTurn = async ({ request, response, address, work }) => {
  if (!takesTurns(request)) return work()
  if (!(await bodyArrived(request))) {
    sendRefusal({
      request,
      response,
      status: 408,
      message: `The body of the request did not arrive within ${longestBodyWaitMs / 1000} seconds.`,
      headers: { connection: 'close' },
    })
    return
  }
  if (queueTurn(address, turn(response, work))) return
  sendAfterDelay(response, () =>
    sendRefusal({
      request,
      response,
      status: 429,
      message: `Too many requests at once from your address: at most ${maxWaitingPerAddress} may wait. Please send fewer at a time.`,
      headers: { 'retry-after': '1' },
    }),
  )
}
