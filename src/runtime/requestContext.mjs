// @ts-check
import { AsyncLocalStorage } from 'node:async_hooks'

import { runtimeState } from './runtimeState.mjs'

/**
 * What one request did, gathered while Next renders it: the database queries it made (for the
 * access log and the benchmarks), the cache tags of the data it showed and whether its output may
 * be shared (for the page cache), the tags it expired by saving content, and whether the database
 * failed it (src/runtime/databaseHealth.mjs).
 *
 * @typedef {{
 *   queries: number
 *   tags: Set<string>
 *   cacheable: boolean
 *   expiredTags: Set<string>
 *   statements?: string[]
 *   databaseFailed?: boolean
 *   fileETag?: string
 * }} RequestContext
 */

// One storage for the server and Next's bundles (src/runtime/runtimeState.mjs).
export const requestContext = (runtimeState.requestContext ??= new AsyncLocalStorage())

/** @returns {RequestContext} */
export const createRequestContext = () => ({
  queries: 0,
  tags: new Set(),
  cacheable: true,
  expiredTags: new Set(),
})

/** @param {unknown} [statement] what the adapter sent, kept when the access log asks for it */
export const countDatabaseQuery = (statement) => {
  const context = requestContext.getStore()
  if (!context) return
  context.queries += 1
  context.statements?.push(String(statement).slice(0, 300))
}

/** @param {readonly string[]} tags */
export const recordCacheTags = (tags) => {
  const context = requestContext.getStore()
  if (context) for (const tag of tags) context.tags.add(tag)
}

// The validator of an uploaded file Payload is about to stream from the disk, which Payload's
// own answer lacks; the renderer puts it on the answer (src/payload/fileETags.ts).
/** @param {string} etag */
export const recordFileETag = (etag) => {
  const context = requestContext.getStore()
  if (context) context.fileETag = etag
}

// Something personal (a preview, a signed-in reader) went into the response.
export const markUncacheable = () => {
  const context = requestContext.getStore()
  if (context) context.cacheable = false
}

/** @param {{ invalidate: (tags: Iterable<string>) => void }} cache */
export const registerPageCache = (cache) => {
  runtimeState.pageCache = cache
}

/**
 * Expires the cached pages that show any of these tags: at once, and again when the saving
 * request ends. Payload runs afterChange hooks before it commits the transaction, so a page
 * rendered in between could still read the old row; the second expiry drops it.
 *
 * @param {readonly string[]} tags
 */
export const expireCachedPages = (tags) => {
  const cache = runtimeState.pageCache
  if (!cache) return
  cache.invalidate(tags)
  const context = requestContext.getStore()
  if (context) for (const tag of tags) context.expiredTags.add(tag)
}
