// @ts-check
import { purgeSharedCaches } from './cachePurge.mjs'
import { cachePurgeURLs } from './config.mjs'
import { ownCopy, preparePage } from './pageCache.mjs'

// The messages between the front process (src/server/front.mjs), which holds the page cache, and
// the renderer (src/server/renderer.mjs), which fills and expires it. They travel over the IPC
// channel Node opens between a process and the child it forks, in order: an expiry sent while a
// page renders always arrives before that page.

/**
 * @typedef {{ type: 'ready' }
 *   | { type: 'store', key: string, page: import('./pageCache.mjs').CachedPage, renderedSince: number }
 *   | { type: 'expire', tags: string[] }
 *   | { type: 'clear' }} RendererMessage
 */

// Request headers the front sets for the renderer, overwriting any a client sent.
// The page cache's generation when the request reached the front: see PageCache.store.
export const generationHeader = 'x-cifcc-cache-generation'

/** @param {RendererMessage} message */
const sendToFront = (message) => {
  if (process.connected) process.send?.(message)
}

/**
 * The renderer's view of the page cache: what it keeps or expires goes to the front. Pages are
 * compressed here, so that the front's thread only files them.
 *
 * @param {{ maxBytes: number, ttlMs: number, purged: boolean }} options
 *   purged: shared caches in front are purged on each edit (src/server/cachePurge.mjs)
 */
export const frontPageCache = ({ maxBytes, ttlMs, purged }) => ({
  maxBytes,
  /** @param {Iterable<string>} tags */
  invalidate: (tags) => sendToFront({ type: 'expire', tags: [...tags] }),
  clear: () => sendToFront({ type: 'clear' }),
  /**
   * @param {string} key
   * @param {import('./pageCache.mjs').RenderedPage} rendered
   * @param {{ tags: Iterable<string>, renderedSince: number, ttlMs?: number }} provenance
   */
  store: async (key, rendered, provenance) => {
    const tags = [...provenance.tags]
    const page = await preparePage({
      key,
      rendered,
      tags,
      ttlMs: provenance.ttlMs ?? ttlMs,
      purged,
    })
    sendToFront({ type: 'store', key, page, renderedSince: provenance.renderedSince })
  },
})

export const reportReady = () => sendToFront({ type: 'ready' })

/**
 * Applies a renderer's message to the front's page cache, and passes expiries on to the shared
 * caches in front once the page cache has dropped the pages (src/server/cachePurge.mjs).
 *
 * @param {import('./pageCache.mjs').PageCache} pageCache
 * @param {RendererMessage} message
 */
export const applyRendererMessage = (pageCache, message) => {
  if (message.type === 'expire') {
    pageCache.invalidate(message.tags)
    purgeSharedCaches(cachePurgeURLs, message.tags)
  } else if (message.type === 'clear') {
    pageCache.clear()
    purgeSharedCaches(cachePurgeURLs)
  } else if (message.type === 'store') {
    // The bodies arrive as views of the whole message's memory: each gets its own, so that the
    // cache holds what it counts.
    for (const variant of Object.values(message.page.variants)) {
      variant.body = ownCopy(variant.body)
    }
    pageCache.insert(message.key, message.page, { renderedSince: message.renderedSince })
  }
}
