// @ts-check
import { promisify } from 'node:util'
import zlib from 'node:zlib'

import { pathOfKey } from './cacheKeys.mjs'
import { etagOf } from '../runtime/etags.mjs'

const brotli = promisify(zlib.brotliCompress)
const gzip = promisify(zlib.gzip)

/**
 * @typedef {'br' | 'gzip' | 'identity'} Encoding
 * @typedef {{ body: Buffer, headers: Record<string, string | string[]> }} Variant
 * @typedef {{
 *   etag: string
 *   variants: Record<Encoding, Variant>
 *   notModifiedHeaders: Record<string, string>
 *   tags: string[]
 *   expiresAt: number
 *   bytes: number
 * }} CachedPage
 * @typedef {{
 *   status: number
 *   headers: Record<string, string | string[] | number | undefined>
 *   body: Buffer
 * }} RenderedPage
 */

// Hop-by-hop and per-response headers are not part of what gets replayed.
const unreplayedHeaders = new Set([
  'connection',
  'content-encoding',
  'content-length',
  'date',
  'keep-alive',
  'transfer-encoding',
  'x-page-cache',
])

// Next marks every dynamically rendered page private and no-store; once the page cache holds it,
// it is the same for every reader until an edit expires it, so browsers may keep it if they ask
// again (If-None-Match) before using it.
const sharedCacheControl = 'public, max-age=0, must-revalidate'

// Each kept body gets memory of its own, exactly its size. zlib's output is a slice of a 16 KB
// chunk, and small buffers share Node's 8 KB pool: a 23-byte brotli page held 16 KB while the
// cache counted 23 bytes, and a flood of distinct URLs grew the process far past PAGE_CACHE_MB
// (issue 18).
/** @param {Buffer} buffer */
export const ownCopy = (buffer) => {
  const copy = Buffer.allocUnsafeSlow(buffer.length)
  buffer.copy(copy)
  return copy
}

// What an entry costs beyond its bodies and key: its objects, its three variants' headers and its
// index entries. An estimate on the generous side, not a measurement.
const entryOverheadBytes = 2048

// The cache's indexes (keys by tag, keys by path): a set of keys under each name, gone once empty.
/** @param {Map<string, Set<string>>} index @param {string} name @param {string} key */
const addToIndex = (index, name, key) => {
  let keys = index.get(name)
  if (!keys) index.set(name, (keys = new Set()))
  keys.add(key)
}

/** @param {Map<string, Set<string>>} index @param {string} name @param {string} key */
const removeFromIndex = (index, name, key) => {
  const keys = index.get(name)
  keys?.delete(key)
  if (keys?.size === 0) index.delete(name)
}

/** @param {string | undefined} acceptEncoding @returns {Encoding} */
export const preferredEncoding = (acceptEncoding) => {
  if (!acceptEncoding) return 'identity'
  if (/\bbr\b/.test(acceptEncoding)) return 'br'
  if (/\bgzip\b/.test(acceptEncoding)) return 'gzip'
  return 'identity'
}

/**
 * The tag of an entry that depends on all content, such as a REST response: whatever tag an edit
 * expires, it expires this one too.
 */
export const anyContentTag = '*'

/**
 * A page's tags as shared caches in front get them (Surrogate-Key, Cache-Tag): anyContentTag ('*')
 * becomes a word.
 *
 * @param {Iterable<string>} tags
 */
export const surrogateKeys = (tags) =>
  [...tags].map((tag) => (tag === anyContentTag ? 'any-content' : tag))

// A key every page carries, so that all of them can be purged at once (see PageCache.clear).
export const everyPageKey = 'all'

/**
 * A rendered page as the cache keeps it: compressed once per encoding, with the headers every
 * reader gets.
 *
 * @param {{ key: string, rendered: RenderedPage, tags: string[], ttlMs: number, purged?: boolean }} page
 *   purged: shared caches in front are told of every edit (src/server/cachePurge.mjs), so they may
 *   keep the page as long as this cache does
 * @returns {Promise<CachedPage>}
 */
export const preparePage = async ({ key, rendered, tags, ttlMs, purged = false }) => {
  const [br, gz] = await Promise.all([
    brotli(rendered.body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } }),
    gzip(rendered.body, { level: 6 }),
  ])
  const etag = etagOf(rendered.body)
  /** @type {Record<string, string | string[]>} */
  const headers = {}
  for (const [name, value] of Object.entries(rendered.headers)) {
    // x-middleware-*: how the proxy routed the render, not part of the page.
    if (value === undefined || unreplayedHeaders.has(name) || name.startsWith('x-middleware-')) {
      continue
    }
    headers[name] = typeof value === 'number' ? String(value) : value
  }
  const cacheControl = String(headers['cache-control'] ?? '')
  if (!cacheControl || /private|no-store/.test(cacheControl)) {
    headers['cache-control'] = purged
      ? `${sharedCacheControl}, s-maxage=${Math.floor(ttlMs / 1000)}`
      : sharedCacheControl
  }
  // The tags, for shared caches in front (Varnish's xkey, CDNs).
  const keys = [...surrogateKeys(tags), everyPageKey]
  headers['surrogate-key'] = keys.join(' ')
  headers['cache-tag'] = keys.join(',')
  const vary = String(headers.vary ?? '')
  if (!/\baccept-encoding\b/i.test(vary)) {
    headers.vary = vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding'
  }
  headers.etag = etag
  headers['x-page-cache'] = 'HIT'

  /** @param {Buffer} body @param {Encoding} encoding @returns {Variant} */
  const variant = (body, encoding) => ({
    body,
    headers: {
      ...headers,
      'content-length': String(body.length),
      ...(encoding === 'identity' ? {} : { 'content-encoding': encoding }),
    },
  })
  /** @type {CachedPage} */
  const page = {
    etag,
    variants: {
      br: variant(ownCopy(br), 'br'),
      gzip: variant(ownCopy(gz), 'gzip'),
      identity: variant(ownCopy(rendered.body), 'identity'),
    },
    notModifiedHeaders: {
      etag,
      'cache-control': String(headers['cache-control']),
      vary: String(headers.vary),
      'x-page-cache': 'HIT',
    },
    tags,
    expiresAt: Date.now() + ttlMs,
    bytes: rendered.body.length + br.length + gz.length + key.length * 2 + entryOverheadBytes,
  }
  return page
}

/**
 * Whole rendered pages for anonymous readers, kept in memory and expired by the same cache tags
 * that expire Next's data cache (src/content/cacheTags.ts), so that a hit costs a Map lookup and a
 * socket write instead of Next's routing and rendering.
 *
 * Exactness: every expiry bumps a counter; a render records the counter when it starts and is
 * only stored if none of its tags were expired since. A page rendered from data that changed
 * while it rendered is therefore never kept.
 */
export class PageCache {
  /**
   * @param {{ maxBytes: number, ttlMs: number, maxVariantsPerPath?: number }} options
   *   maxVariantsPerPath: entries one path may hold (its queries and RSC variants), so that a flood
   *   of one page's variants (searches for random words) replaces its own entries, not every
   *   other page's.
   */
  constructor({ maxBytes, ttlMs, maxVariantsPerPath = 128 }) {
    this.maxBytes = maxBytes
    this.ttlMs = ttlMs
    this.maxVariantsPerPath = maxVariantsPerPath
    /** @type {Map<string, Set<string>>} each path's keys, oldest stored first */
    this.keysByPath = new Map()
    this.bytes = 0
    this.expiries = 0
    /** @type {Map<string, CachedPage>} Map order is least recently used first. */
    this.pages = new Map()
    /** @type {Map<string, Set<string>>} */
    this.keysByTag = new Map()
    /** @type {Map<string, number>} */
    this.tagExpiredAt = new Map()
  }

  /** The value a render records when it starts, for {@link PageCache.store}. */
  get generation() {
    return this.expiries
  }

  /** @param {string} key @returns {CachedPage | undefined} */
  get(key) {
    const page = this.pages.get(key)
    if (!page) return undefined
    if (page.expiresAt <= Date.now()) {
      this.delete(key)
      return undefined
    }
    // Most recently used last.
    this.pages.delete(key)
    this.pages.set(key, page)
    return page
  }

  /**
   * Keeps a rendered page, unless one of its tags was expired since its render began.
   *
   * @param {string} key
   * @param {RenderedPage} rendered
   * @param {{ tags: Iterable<string>, renderedSince: number, ttlMs?: number }} provenance
   *   ttlMs: shorter than the cache's own, while expiries may not arrive (src/server/sharedCache.mjs)
   */
  async store(key, rendered, { tags, renderedSince, ttlMs = this.ttlMs }) {
    const tagList = [...tags]
    if (this.expiredSince(tagList, renderedSince)) return false
    const page = await preparePage({ key, rendered, tags: tagList, ttlMs })
    return this.insert(key, page, { renderedSince })
  }

  /**
   * Keeps a page prepared elsewhere (by the renderer process, src/server/renderer.mjs), unless one
   * of its tags was expired since its render began.
   *
   * @param {string} key
   * @param {CachedPage} page
   * @param {{ renderedSince: number }} provenance
   */
  insert(key, page, { renderedSince }) {
    // Compression yields, and a page prepared in another process arrives later still: an edit may
    // have landed meanwhile.
    if (this.expiredSince(page.tags, renderedSince)) return false
    // A page bigger than the whole cache would only evict everything else.
    if (page.bytes > this.maxBytes) return false
    this.delete(key)
    this.makeRoomOnPath(pathOfKey(key))
    this.pages.set(key, page)
    this.bytes += page.bytes
    addToIndex(this.keysByPath, pathOfKey(key), key)
    for (const tag of page.tags) addToIndex(this.keysByTag, tag, key)
    this.evict()
    return true
  }

  /** @param {Iterable<string>} tags */
  invalidate(tags) {
    this.expiries += 1
    for (const tag of [...tags, anyContentTag]) {
      this.tagExpiredAt.set(tag, this.expiries)
      const keys = this.keysByTag.get(tag)
      if (!keys) continue
      for (const key of [...keys]) this.delete(key)
    }
  }

  /** Drops the oldest variants of a path that has as many as it may hold. */
  makeRoomOnPath(/** @type {string} */ path) {
    const variants = this.keysByPath.get(path)
    if (!variants) return
    for (const key of variants) {
      if (variants.size < this.maxVariantsPerPath) break
      this.delete(key)
    }
  }

  clear() {
    this.expiries += 1
    this.pages.clear()
    this.keysByTag.clear()
    this.keysByPath.clear()
    this.bytes = 0
  }

  /** @param {string[]} tags @param {number} since */
  expiredSince(tags, since) {
    return tags.some((tag) => (this.tagExpiredAt.get(tag) ?? 0) > since)
  }

  /** @param {string} key */
  delete(key) {
    const page = this.pages.get(key)
    if (!page) return
    this.pages.delete(key)
    this.bytes -= page.bytes
    removeFromIndex(this.keysByPath, pathOfKey(key), key)
    for (const tag of page.tags) removeFromIndex(this.keysByTag, tag, key)
  }

  evict() {
    for (const key of this.pages.keys()) {
      if (this.bytes <= this.maxBytes) break
      this.delete(key)
    }
  }
}
