// @ts-check
import { randomUUID } from 'node:crypto'

import { runtimeState } from '../runtime/runtimeState.mjs'

// What instances of the site share through Redis (REDIS_URL), so that every instance serves the
// same, fresh site (issue 18):
// - Next's data cache (the entries behind cachedQuery), stored by src/server/dataCacheHandler.mjs;
// - when each cache tag was last expired, kept in a hash and announced on a channel, so that an
//   edit saved through one instance expires that tag's data entries and cached pages on all of
//   them within milliseconds.
// While Redis cannot be reached, nothing waits for it: data entries are neither read nor written
// (pages read the database), and since expiries from other instances cannot arrive, the page cache
// keeps what it stores for a second only. An instance that reconnects drops its cached pages,
// which may have missed expiries, and reads the tags' times again.

const channel = 'cifcc:expired-tags'
const tagTimesKey = 'cifcc:tag-expiries'
const dataPrefix = 'cifcc:data:'
// Data entries expire from Redis after a day even if no tag does, so that Redis never fills with
// entries of old deployments (their keys differ).
const dataLifetimeSeconds = 24 * 60 * 60
// How long a page is kept while expiries cannot arrive: the freshness an edit has anyway.
export const outagePageLifetimeMs = 1_000

/**
 * @typedef {{ invalidate: (tags: Iterable<string>) => void, clear: () => void }} PageCacheLike
 * @typedef {ReturnType<typeof startSharedCache>} SharedCache
 */

/**
 * @param {{ client: import('redis').RedisClientType<any, any, any, any, any>, pageCache: PageCacheLike }} options
 *   client: from connectRedis (src/server/redis.mjs), shared with the rate limits
 */
export const startSharedCache = ({ client, pageCache }) => {
  const instance = randomUUID()
  // A client in subscriber mode can run no other command. node-redis subscribes it again by
  // itself after each reconnection.
  const subscriber = client.duplicate()
  let subscribed = false
  /** @type {Map<string, number>} when each tag was last expired (ms since the epoch) */
  const tagExpiredAt = new Map()
  /** @type {Map<string, number>} expiries made while Redis was out, sent once it is back */
  const unsent = new Map()
  let listening = false

  const available = () => listening && client.isReady

  /** @param {Iterable<string>} tags @param {number} at */
  const noteExpiry = (tags, at) => {
    for (const tag of tags) tagExpiredAt.set(tag, Math.max(at, tagExpiredAt.get(tag) ?? 0))
  }

  /** @param {Map<string, number>} times */
  const announce = async (times) => {
    const entries = Object.fromEntries([...times].map(([tag, at]) => [tag, String(at)]))
    await client.hSet(tagTimesKey, entries)
    await client.publish(channel, JSON.stringify({ from: instance, times: entries }))
  }

  const sendUnsent = () => {
    if (unsent.size === 0) return
    const times = new Map(unsent)
    unsent.clear()
    announce(times).catch(() => {
      for (const [tag, at] of times) unsent.set(tag, Math.max(at, unsent.get(tag) ?? 0))
    })
  }

  const readTagTimes = async () => {
    const stored = await client.hGetAll(tagTimesKey)
    for (const [tag, at] of Object.entries(stored)) noteExpiry([tag], Number(at))
  }

  /** @param {string} message */
  const onExpiry = (message) => {
    /** @type {{ from: string, times: Record<string, string> }} */
    const { from, times } = JSON.parse(message)
    if (from === instance) return
    // Taken as expired now, not at the sender's time: an entry another instance stored between
    // the two is dropped too, rather than trusted across clocks.
    noteExpiry(Object.keys(times), Date.now())
    pageCache.invalidate(Object.keys(times))
  }

  const startListening = async () => {
    if (!subscribed) {
      await subscriber.subscribe(channel, onExpiry)
      subscribed = true
    }
    // Expiries may have been missed while this instance was not listening.
    pageCache.clear()
    await readTagTimes()
    listening = true
    sendUnsent()
  }

  // The two connections come back each in its own time: until the other one can read the tags'
  // times too, this one tries again.
  const keepTrying = () => {
    startListening().catch(() => {
      if (subscriber.isReady) setTimeout(keepTrying, 250).unref()
    })
  }
  subscriber.on('ready', keepTrying)
  subscriber.on('end', () => {
    listening = false
  })
  subscriber.on('error', () => {
    if (listening) pageCache.clear()
    listening = false
  })
  subscriber.connect().catch(() => {})

  return {
    available,

    /**
     * Expires tags here at once and on every other instance.
     *
     * @param {Iterable<string>} tags
     */
    expire(tags) {
      const list = [...tags]
      if (list.length === 0) return
      const now = Date.now()
      noteExpiry(list, now)
      pageCache.invalidate(list)
      const times = new Map(list.map((tag) => [tag, now]))
      if (!client.isReady) {
        for (const tag of list) unsent.set(tag, now)
        return
      }
      announce(times).catch(() => {
        for (const tag of list) unsent.set(tag, now)
      })
    },

    /**
     * Whether any of the tags was expired after `lastModified`.
     *
     * @param {Iterable<string>} tags
     * @param {number} lastModified
     */
    expiredSince(tags, lastModified) {
      for (const tag of tags) if ((tagExpiredAt.get(tag) ?? 0) >= lastModified) return true
      return false
    },

    /** @param {string} key @returns {Promise<string | null>} */
    async read(key) {
      if (!available()) return null
      try {
        const value = await client.get(dataPrefix + key)
        return value === null ? null : String(value)
      } catch {
        return null
      }
    },

    /** @param {string} key @param {string} value */
    async write(key, value) {
      if (!available()) return
      try {
        await client.set(dataPrefix + key, value, { EX: dataLifetimeSeconds })
      } catch {
        // The entry is simply not kept.
      }
    },

    async close() {
      await Promise.allSettled([subscriber.quit(), client.quit()])
    },
  }
}

// Next loads the data cache handler with its own copy of every module; it finds this instance's
// shared cache in src/runtime/runtimeState.mjs.
/** @param {SharedCache} cache */
export const registerSharedCache = (cache) => {
  runtimeState.sharedCache = cache
}

export const registeredSharedCache = () => runtimeState.sharedCache
