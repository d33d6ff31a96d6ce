import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import zlib from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'

import { reactIslandAttribute, withoutClientRuntime } from '@/server/clientRuntime.mjs'
import { etagOf, matchesETag } from '@/runtime/etags.mjs'
import { createRequestContext } from '@/runtime/requestContext.mjs'
import { finishAnswers } from '@/server/finishedAnswers.mjs'

// Public pages go out without Next's client runtime (src/server/clientRuntime.mjs). The fixture
// is the home page exactly as `next build` + `npm start` sent it before that change: its chunks,
// their preloads and the inline RSC payload.
const nextPage = fs.readFileSync(path.resolve('tests/int/fixtures/next-home-page.html'), 'utf8')

const jsonLd = '<script type="application/ld+json">{"@type":"Event","name":"a \\u003c b"}</script>'

describe('a page without the client runtime', () => {
  it('loses every Next script, preload and payload, and keeps everything else', () => {
    expect(nextPage).toMatch(/_next\/static\/chunks/)
    expect(nextPage).toMatch(/self\.__next_f/)
    const page = withoutClientRuntime(nextPage.replace('</head>', `${jsonLd}</head>`))
    expect(page).not.toMatch(/_next\/static\/chunks/)
    expect(page).not.toMatch(/__next_f/)
    expect(page).toContain(jsonLd)
    // Its styles, text and images are untouched.
    expect(page.match(/<link rel="stylesheet"[^>]*>/g)).toEqual(
      nextPage.match(/<link rel="stylesheet"[^>]*>/g),
    )
    expect(page).toContain('<main id="content"')
    expect(page.endsWith('</body></html>')).toBe(true)
    expect(page.length).toBeLessThan(nextPage.length * 0.7)
  })

  it('keeps the runtime on a page with a React island, and on Next’s error shell', () => {
    const withForm = nextPage.replace(
      '<main id="content"',
      `<main ${reactIslandAttribute}="" id="content"`,
    )
    expect(withoutClientRuntime(withForm)).toBe(withForm)
    const shell = nextPage.replace('<html lang="en">', '<html id="__next_error__">')
    expect(shell).not.toBe(nextPage)
    expect(withoutClientRuntime(shell)).toBe(shell)
  })
})

let server: http.Server | undefined
afterEach(() => server?.close())

/** Serves `answer` through the rewrite over real HTTP; resolves with the raw answer. */
const fetchThrough = async (
  answer: (response: http.ServerResponse) => void,
  { gzip = false, headers = {} }: { gzip?: boolean; headers?: Record<string, string> } = {},
) => {
  server = http.createServer((request, response) => {
    finishAnswers(request, response, { gzip, context: createRequestContext() })
    answer(response)
  })
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return new Promise<{ status?: number; headers: http.IncomingHttpHeaders; body: Buffer }>(
    (resolve, reject) => {
      http
        .get(`http://127.0.0.1:${port}/`, { headers }, (response) => {
          const chunks: Buffer[] = []
          response.on('data', (chunk: Buffer) => chunks.push(chunk))
          response.on('end', () =>
            resolve({
              status: response.statusCode,
              headers: response.headers,
              body: Buffer.concat(chunks),
            }),
          )
        })
        .on('error', reject)
    },
  )
}

/** Writes the page the way Next does: headers flushed first, then pieces cut anywhere. */
const writeLikeNext = (response: http.ServerResponse, type = 'text/html; charset=utf-8') => {
  response.setHeader('content-type', type)
  response.flushHeaders()
  const bytes = Buffer.from(nextPage)
  for (let at = 0; at < bytes.length; at += 1000) response.write(bytes.subarray(at, at + 1000))
  response.end()
}

describe('the renderer’s answers', () => {
  it('send the page without the runtime, whole and with its length', async () => {
    const { headers, body } = await fetchThrough((response) => writeLikeNext(response))
    expect(body.toString()).toBe(withoutClientRuntime(nextPage))
    expect(Number(headers['content-length'])).toBe(body.length)
  })

  it('compress it for a reader the page cache does not serve', async () => {
    const { headers, body } = await fetchThrough((response) => writeLikeNext(response), {
      gzip: true,
    })
    expect(headers['content-encoding']).toBe('gzip')
    expect(zlib.gunzipSync(body).toString()).toBe(withoutClientRuntime(nextPage))
  })

  it('tag each answer with its ETag, and answer 304 to a reader who has it', async () => {
    const page = Buffer.from(withoutClientRuntime(nextPage))
    const first = await fetchThrough((response) => writeLikeNext(response))
    expect(first.headers.etag).toBe(etagOf(page))
    server?.close()
    const again = await fetchThrough((response) => writeLikeNext(response), {
      headers: { 'if-none-match': `"other", W/${first.headers.etag}` },
    })
    expect(again.status).toBe(304)
    expect(again.body.length).toBe(0)
    expect(again.headers.etag).toBe(first.headers.etag)
    server?.close()
    const json = await fetchThrough((response) => {
      response.setHeader('content-type', 'application/json')
      response.end('{"docs":[]}')
    })
    expect(json.headers.etag).toBe(etagOf(Buffer.from('{"docs":[]}')))
  })

  it('compare If-None-Match as RFC 9110 says: lists, weak tags and *', () => {
    expect(matchesETag('"a"', '"a"')).toBe(true)
    expect(matchesETag('"b", W/"a"', '"a"')).toBe(true)
    expect(matchesETag('*', '"a"')).toBe(true)
    expect(matchesETag('"b"', '"a"')).toBe(false)
    expect(matchesETag(undefined, '"a"')).toBe(false)
  })

  it('finish an answer whose head Next wrote with writeHead, as for a server action', async () => {
    const payload = '0:{"a":"$@1"}\n'
    const { headers, body } = await fetchThrough(
      (response) => {
        response.writeHead(200, { 'content-type': 'text/x-component' })
        response.write(payload)
        response.end()
      },
      { gzip: true },
    )
    expect(headers['content-encoding']).toBe('gzip')
    expect(headers.etag).toBe(etagOf(Buffer.from(payload)))
    expect(zlib.gunzipSync(body).toString()).toBe(payload)
  })

  it('pass any other answer through as it was written', async () => {
    const { headers, body } = await fetchThrough((response) =>
      writeLikeNext(response, 'application/pdf'),
    )
    expect(body.toString()).toBe(nextPage)
    expect(headers['transfer-encoding']).toBe('chunked')
  })
})
