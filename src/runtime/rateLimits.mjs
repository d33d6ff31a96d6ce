// @ts-check
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible'

import { runtimeState } from './runtimeState.mjs'

// How much one client address may ask of the site, for the requests that cost real work or can
// be turned against someone: each limit is `points` requests per `duration` seconds. A page
// served from the page cache costs nothing and is never counted; these apply to what reaches
// Next. The README lists them. `RATE_LIMITS=off` turns them off (benchmarks that play thousands of
// readers from one address).
export const limits = /** @type {const} */ ({
  // Any login attempt from one address, whichever account (password spraying).
  login: { points: 60, duration: 60 },
  // Wrong passwords for one account from one address: after 5, that address waits 10 minutes
  // for that account, while its owner can still log in from anywhere else.
  loginFailures: { points: 5, duration: 10 * 60 },
  forgotPassword: { points: 5, duration: 15 * 60 },
  formSubmission: { points: 10, duration: 10 * 60 },
  import: { points: 60, duration: 60 * 60 },
  // Searches and anonymous API reads are counted over a few seconds, not a minute: a minute's
  // allowance spent at once kept the server's one thread busy for seconds (bench/RESULTS.md,
  // issue 14). The same average (one search, ten reads a second) in bursts the loop absorbs.
  search: { points: 5, duration: 5 },
  // Uncached API reads and GraphQL: partners polling and pages of the admin. Requests that carry
  // a login or a key get more, since the admin panel makes many for each screen.
  apiRead: { points: 20, duration: 2 },
  signedInAPI: { points: 6000, duration: 60 },
})

/** @typedef {keyof typeof limits} LimitName */
/** @typedef {{ consume: (key: string, points?: number) => Promise<unknown>, get: (key: string) => Promise<{ consumedPoints: number, msBeforeNext: number } | null>, penalty: (key: string, points?: number) => Promise<unknown>, delete: (key: string) => Promise<unknown> }} Limiter */

/**
 * One limiter for each limit.
 *
 * @param {(name: LimitName, limit: (typeof limits)[LimitName]) => Limiter} make
 * @returns {Record<LimitName, Limiter>}
 */
const eachLimit = (make) =>
  /** @type {Record<LimitName, Limiter>} */ (
    /** @type {unknown} */ (
      Object.fromEntries(
        Object.entries(limits).map(([name, limit]) => [
          name,
          make(/** @type {LimitName} */ (name), limit),
        ]),
      )
    )
  )

const memoryLimiters = () => eachLimit((_, limit) => new RateLimiterMemory(limit))

/**
 * Limiters kept in Redis, so that every instance counts the same requests. While Redis cannot be
 * reached, each instance counts on its own in memory (rate-limiter-flexible's insurance limiter)
 * instead of refusing or waiting: a Redis outage never turns into errors for readers.
 *
 * @param {import('redis').RedisClientType<any, any, any, any, any>} client
 */
export const redisLimiters = (client) => {
  const insurance = memoryLimiters()
  return eachLimit(
    (name, limit) =>
      new RateLimiterRedis({
        ...limit,
        storeClient: client,
        useRedisPackage: true,
        rejectIfRedisNotReady: true,
        keyPrefix: `cifcc:limit:${name}`,
        // Once an address is over a limit, this instance refuses it from memory until the window
        // ends, instead of asking Redis again for every request of a flood. Not for the wrong
        // passwords, which are read and cleared (get, delete) rather than consumed.
        ...(name === 'loginFailures' ? {} : { inMemoryBlockOnConsumed: limit.points + 1 }),
        insuranceLimiter: /** @type {import('rate-limiter-flexible').RateLimiterAbstract} */ (
          /** @type {unknown} */ (insurance[name])
        ),
      }),
  )
}

// The server and Payload's login hooks count in the same limiters (src/runtime/runtimeState.mjs).
// Without the server (next dev, the integration tests) each process counts in memory.
/** @param {Record<LimitName, Limiter>} limiters */
export const shareRateLimiters = (limiters) => {
  runtimeState.rateLimiters = limiters
}

/** @param {LimitName} name @returns {Limiter} */
export const rateLimiter = (name) => (runtimeState.rateLimiters ??= memoryLimiters())[name]

export const rateLimitsEnabled = () => process.env.RATE_LIMITS !== 'off'

/**
 * Counts one request against a limit. Resolves to null while under it, or to the seconds to
 * wait once over it.
 *
 * @param {LimitName} name
 * @param {string} key
 * @returns {Promise<number | null>}
 */
export const countRequest = async (name, key) => {
  if (!rateLimitsEnabled()) return null
  try {
    await rateLimiter(name).consume(key)
    return null
  } catch (refusal) {
    // consume rejects with the limiter's answer when over the limit, and with an Error when
    // neither the store nor its insurance could count: then the request goes through.
    if (refusal instanceof Error) return null
    const { msBeforeNext } = /** @type {{ msBeforeNext: number }} */ (refusal)
    return Math.max(1, Math.ceil(msBeforeNext / 1000))
  }
}
