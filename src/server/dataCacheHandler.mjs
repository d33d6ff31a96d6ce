// @ts-check
import { registeredSharedCache } from './sharedCache.mjs'

// Next's data cache on Redis (next.config.mjs sets it as `cacheHandler` when REDIS_URL is set):
// the entries behind cachedQuery (unstable_cache), read and expired alike by every instance.
// Next's own handler keeps them in .next/cache with the tags' expiry times in memory, so a second
// instance kept serving what the first had expired (issue 18).
//
// Written here rather than taken from npm: @fortedigital/nextjs-cache-handler, the maintained one
// for Next 16, needs Node 22 (this project runs on Node 20), and the rest stop at Next 15. What
// this needs is small: entries as JSON under a key, tags checked against the expiry times that
// src/server/sharedCache.mjs keeps current on every instance.
//
// Without the server's shared cache (`next build`, or `next start` without src/server), nothing
// is kept: every read goes to the database.

/**
 * @typedef {{ lastModified: number, tags: string[], value: unknown, cacheControl?: unknown }} Entry
 */

// Next's entries hold Buffers (rendered pages, route bodies) and Maps (segment data) besides
// plain JSON. The replacer sees each value before its toJSON turns a Buffer into an array of
// numbers, through `this[key]`.
/** @this {any} @param {string} key @param {unknown} value */
function replacer(key, value) {
  const original = this[key]
  if (Buffer.isBuffer(original)) return { $buffer: original.toString('base64') }
  if (original instanceof Map) return { $map: [...original] }
  return value
}

/** @param {string} _key @param {any} value */
const reviver = (_key, value) => {
  if (value && typeof value === 'object') {
    if (typeof value.$buffer === 'string') return Buffer.from(value.$buffer, 'base64')
    if (Array.isArray(value.$map)) return new Map(value.$map)
  }
  return value
}

/** The tags an entry was stored under: a fetch's own, or a rendered route's header. */
/** @param {any} data @param {any} ctx @returns {string[]} */
const tagsOf = (data, ctx) => {
  if (Array.isArray(ctx?.tags)) return ctx.tags
  const header = data?.headers?.['x-next-cache-tags']
  return typeof header === 'string' ? header.split(',') : []
}

export default class DataCacheHandler {
  /** @param {unknown} _context */
  constructor(_context) {}

  /**
   * @param {string} key
   * @param {{ tags?: string[], softTags?: string[] }} ctx
   */
  async get(key, ctx) {
    const shared = registeredSharedCache()
    const stored = await shared?.read(key)
    if (!shared || !stored) return null
    /** @type {Entry} */
    const entry = JSON.parse(stored, reviver)
    const tags = [...entry.tags, ...(ctx?.tags ?? []), ...(ctx?.softTags ?? [])]
    if (shared.expiredSince(tags, entry.lastModified)) return null
    return {
      lastModified: entry.lastModified,
      value: entry.value,
      cacheControl: entry.cacheControl,
    }
  }

  /**
   * @param {string} key
   * @param {any} data
   * @param {any} ctx
   */
  async set(key, data, ctx) {
    const shared = registeredSharedCache()
    if (!shared || !data) return
    /** @type {Entry} */
    const entry = {
      lastModified: Date.now(),
      tags: tagsOf(data, ctx),
      value: data,
      cacheControl: ctx?.fetchCache ? undefined : ctx?.cacheControl,
    }
    await shared.write(key, JSON.stringify(entry, replacer))
  }

  /** @param {string | string[]} tags */
  async revalidateTag(tags) {
    registeredSharedCache()?.expire(Array.isArray(tags) ? tags : [tags])
  }

  resetRequestCache() {}
}
