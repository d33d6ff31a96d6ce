import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'

import { purgeTargets } from '@/server/cachePurge.mjs'
import { anyContentTag, PageCache, preferredEncoding, preparePage } from '@/server/pageCache.mjs'

const rendered = (html: string, headers: Record<string, string> = {}) => ({
  status: 200,
  headers: {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'private, no-cache, no-store, max-age=0, must-revalidate',
    vary: 'rsc, Accept-Encoding',
    ...headers,
  },
  body: Buffer.from(html),
})

const newCache = (
  options: Partial<{ maxBytes: number; ttlMs: number; maxVariantsPerPath: number }> = {},
) => new PageCache({ maxBytes: 1024 * 1024, ttlMs: 60_000, ...options })

describe('the page cache', () => {
  it('keeps a page in every encoding, with shared caching headers and no routing headers', async () => {
    const cache = newCache()
    const html = `<html>${'climate '.repeat(500)}</html>`
    const stored = await cache.store(
      '/meetings/a',
      rendered(html, { 'x-middleware-rewrite': '/en/meetings/a', date: 'yesterday' }),
      { tags: ['meetings'], renderedSince: cache.generation },
    )
    expect(stored).toBe(true)
    const page = cache.get('/meetings/a')!
    expect(page.variants.identity.body.toString()).toBe(html)
    expect(brotliDecompressSync(page.variants.br.body).toString()).toBe(html)
    expect(gunzipSync(page.variants.gzip.body).toString()).toBe(html)
    expect(page.variants.br.headers['content-encoding']).toBe('br')
    expect(page.variants.br.headers['content-length']).toBe(String(page.variants.br.body.length))
    expect(page.variants.identity.headers['content-encoding']).toBeUndefined()

    const headers = page.variants.identity.headers
    expect(headers['cache-control']).toBe('public, max-age=0, must-revalidate')
    expect(headers.vary).toBe('rsc, Accept-Encoding')
    expect(headers.etag).toBe(page.etag)
    expect(headers['x-middleware-rewrite']).toBeUndefined()
    expect(headers.date).toBeUndefined()
  })

  it('labels a page with its tags for shared caches, and lets them keep it while they are purged', async () => {
    const tags = ['meetings', 'speakers', anyContentTag]
    const unpurged = await preparePage({
      key: '/a',
      rendered: rendered('<p/>'),
      tags,
      ttlMs: 600_000,
    })
    const headers = unpurged.variants.identity.headers
    expect(headers['surrogate-key']).toBe('meetings speakers any-content all')
    expect(headers['cache-tag']).toBe('meetings,speakers,any-content,all')
    expect(headers['cache-control']).toBe('public, max-age=0, must-revalidate')

    const purged = await preparePage({
      key: '/a',
      rendered: rendered('<p/>'),
      tags,
      ttlMs: 600_000,
      purged: true,
    })
    expect(purged.variants.br.headers['cache-control']).toBe(
      'public, max-age=0, must-revalidate, s-maxage=600',
    )
  })

  it('reads CACHE_PURGE_URLS, and names an entry that is not an address', () => {
    expect(purgeTargets(undefined)).toEqual([])
    expect(purgeTargets(' http://127.0.0.1:6081/ , http://varnish:6081 ')).toEqual([
      'http://127.0.0.1:6081/',
      'http://varnish:6081/',
    ])
    expect(() => purgeTargets('http://ok/, varnish:6081 x')).toThrow(
      'CACHE_PURGE_URLS: "varnish:6081 x" is not an http:// or https:// address',
    )
  })

  it('keeps a cache-control the page chose itself', async () => {
    const cache = newCache()
    await cache.store('/feed.xml', rendered('<rss/>', { 'cache-control': 'public, max-age=300' }), {
      tags: [],
      renderedSince: cache.generation,
    })
    expect(cache.get('/feed.xml')!.variants.identity.headers['cache-control']).toBe(
      'public, max-age=300',
    )
  })

  it('expires an entry that depends on all content whatever the edit', async () => {
    const cache = newCache()
    const since = cache.generation
    await cache.store('/api/meetings', rendered('{}', { 'content-type': 'application/json' }), {
      tags: [anyContentTag],
      renderedSince: since,
    })
    expect(cache.get('/api/meetings')).toBeDefined()
    cache.invalidate(['organisations'])
    expect(cache.get('/api/meetings')).toBeUndefined()
    // Nor is one stored that was read before an edit to anything.
    const stored = await cache.store('/api/meetings', rendered('{}'), {
      tags: [anyContentTag],
      renderedSince: since,
    })
    expect(stored).toBe(false)
  })

  it('expires exactly the pages that show a changed collection', async () => {
    const cache = newCache()
    const since = cache.generation
    await cache.store('/meetings/a', rendered('a'), {
      tags: ['meetings', 'speakers'],
      renderedSince: since,
    })
    await cache.store('/speakers/b', rendered('b'), { tags: ['speakers'], renderedSince: since })
    await cache.store('/photos', rendered('c'), { tags: ['photos'], renderedSince: since })

    cache.invalidate(['speakers'])
    expect(cache.get('/meetings/a')).toBeUndefined()
    expect(cache.get('/speakers/b')).toBeUndefined()
    expect(cache.get('/photos')).toBeDefined()
    expect(cache.bytes).toBe(cache.get('/photos')!.bytes)
  })

  it('does not keep a page whose data changed while it was rendering', async () => {
    const cache = newCache()
    const renderedSince = cache.generation
    cache.invalidate(['meetings'])
    expect(
      await cache.store('/meetings/a', rendered('old'), { tags: ['meetings'], renderedSince }),
    ).toBe(false)
    expect(cache.get('/meetings/a')).toBeUndefined()

    // An expiry of something the page does not show does not matter.
    const later = cache.generation
    cache.invalidate(['photos'])
    expect(
      await cache.store('/meetings/a', rendered('new'), {
        tags: ['meetings'],
        renderedSince: later,
      }),
    ).toBe(true)
  })

  it('does not keep a page expired while it was being compressed', async () => {
    const cache = newCache()
    const storing = cache.store('/meetings/a', rendered('x'.repeat(50_000)), {
      tags: ['meetings'],
      renderedSince: cache.generation,
    })
    cache.invalidate(['meetings'])
    expect(await storing).toBe(false)
    expect(cache.get('/meetings/a')).toBeUndefined()
  })

  it('drops the least recently read pages when it is full', async () => {
    const page = (letter: string) => rendered(letter.repeat(400))
    const measure = newCache()
    await measure.store('/a', page('a'), { tags: [], renderedSince: 0 })
    // Room for three pages of this size, not four.
    const cache = newCache({ maxBytes: Math.floor(measure.bytes * 3.5) })
    for (const key of ['/a', '/b', '/c']) {
      await cache.store(key, page(key[1]), { tags: ['pages'], renderedSince: cache.generation })
    }
    cache.get('/a')
    await cache.store('/d', page('d'), { tags: ['pages'], renderedSince: cache.generation })
    expect(cache.bytes).toBeLessThanOrEqual(cache.maxBytes)
    expect(cache.get('/a')).toBeDefined()
    expect(cache.get('/b')).toBeUndefined()
    expect(cache.get('/c')).toBeDefined()
    expect(cache.get('/d')).toBeDefined()
  })

  it('holds no more memory than PAGE_CACHE_MB, however many small pages it is given', async () => {
    const maxBytes = 8 * 1024 * 1024
    const cache = newCache({ maxBytes })
    // A flood of distinct URLs, each a small answer (one record over the API, say), on paths of
    // their own (a path's variants are capped apart).
    for (let index = 0; index < 20_000; index++) {
      await cache.store(
        `/api/speakers/${index}`,
        rendered(`{"docs":[{"id":${index}}],"page":${index}}`, {
          'content-type': 'application/json',
        }),
        { tags: [anyContentTag], renderedSince: cache.generation },
      )
    }
    expect(cache.bytes).toBeLessThanOrEqual(maxBytes)
    // What the kept bodies hold alive: the whole memory each one is a view of (a slice of a zlib
    // chunk or of Node's buffer pool keeps all of it). Measured on the bodies themselves, since
    // the process's figures move with whatever else runs.
    const held = new Set<ArrayBufferLike>()
    for (const page of cache.pages.values()) {
      for (const variant of Object.values(page.variants)) held.add(variant.body.buffer)
    }
    const heldBytes = [...held].reduce((sum, buffer) => sum + buffer.byteLength, 0)
    expect(heldBytes).toBeLessThanOrEqual(maxBytes)
  })

  it("lets one path's variants replace each other, not the other pages", async () => {
    const cache = newCache({ maxVariantsPerPath: 3 })
    await cache.store('/meetings', rendered('list'), { tags: [], renderedSince: 0 })
    for (const word of ['a', 'b', 'c', 'd', 'e']) {
      await cache.store(`/search?q=${word}`, rendered(word), { tags: [], renderedSince: 0 })
      await cache.store(`/search?q=${word}\n1\ntree`, rendered(word), {
        tags: [],
        renderedSince: 0,
      })
    }
    expect(cache.get('/meetings')).toBeDefined()
    const kept = [...cache.pages.keys()].filter((key) => key.startsWith('/search'))
    expect(kept).toEqual(['/search?q=d\n1\ntree', '/search?q=e', '/search?q=e\n1\ntree'])
    cache.delete('/search?q=e')
    expect(cache.keysByPath.get('/search')?.size).toBe(2)
  })

  it('forgets a page once its time is up', async () => {
    const cache = newCache({ ttlMs: 30 })
    await cache.store('/a', rendered('a'), { tags: [], renderedSince: cache.generation })
    expect(cache.get('/a')).toBeDefined()
    await new Promise((resolve) => setTimeout(resolve, 40))
    expect(cache.get('/a')).toBeUndefined()
    expect(cache.bytes).toBe(0)
  })

  it('answers in the best encoding the reader accepts', () => {
    expect(preferredEncoding('gzip, deflate, br, zstd')).toBe('br')
    expect(preferredEncoding('gzip, deflate')).toBe('gzip')
    expect(preferredEncoding('deflate')).toBe('identity')
    expect(preferredEncoding(undefined)).toBe('identity')
  })
})
