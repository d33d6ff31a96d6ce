// @ts-check
import { anyContentTag, everyPageKey, surrogateKeys } from './pageCache.mjs'

// Shared HTTP caches in front of the site (Varnish, a CDN) keep the pages the page cache keeps,
// labelled with the same cache tags (Surrogate-Key for Varnish's xkey and Fastly, Cache-Tag for
// Cloudflare), and are told which tags a published edit expired: a PURGE request carrying them in
// Surrogate-Key to each address in CACHE_PURGE_URLS (deploy/varnish/default.vcl answers it).
//
// Every instance purges after its own page cache dropped the pages (src/server/front.mjs), for its
// own edits and for those it hears of through Redis: the last purge comes after the last instance
// forgot the old page, so a shared cache cannot fetch it again from an instance that still had it.

/** @param {string | undefined} list comma-separated addresses */
export const purgeTargets = (list) =>
  (list ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const url = URL.canParse(entry) ? new URL(entry) : null
      if (url?.protocol !== 'http:' && url?.protocol !== 'https:') {
        throw new Error(`CACHE_PURGE_URLS: "${entry}" is not an http:// or https:// address`)
      }
      return url.href
    })

// A purge that cannot be sent is logged and dropped: the shared cache then keeps the page until its
// s-maxage runs out, and readers are never held up by it.
const purgeTimeoutMs = 2_000

/**
 * Tells every shared cache to drop what shows these tags (every page, without tags). Every edit
 * expires the entries that depend on everything too (see PageCache.invalidate).
 *
 * @param {string[]} targets
 * @param {Iterable<string>} [tags]
 */
export const purgeSharedCaches = (targets, tags) => {
  if (targets.length === 0) return
  const keys = tags ? surrogateKeys(new Set([...tags, anyContentTag])).join(' ') : everyPageKey
  for (const target of targets) {
    fetch(target, {
      method: 'PURGE',
      headers: { 'surrogate-key': keys },
      signal: AbortSignal.timeout(purgeTimeoutMs),
    })
      .then(async (response) => {
        await response.arrayBuffer()
        if (!response.ok) throw new Error(`it answered ${response.status}`)
      })
      .catch((/** @type {unknown} */ error) => {
        process.stderr.write(`cifcc-site: purging ${keys} at ${target} failed: ${String(error)}\n`)
      })
  }
}
