import http from 'node:http'
import v8 from 'node:v8'
import vm from 'node:vm'
import { afterEach, describe, expect, it } from 'vitest'

import { recordResponse } from '@/server/responseCapture.mjs'

// The server keeps a copy of what Next writes only while the answer may be stored: over real
// HTTP, a large download streams through without its bytes piling up in memory.

v8.setFlagsFromString('--expose-gc')
const collectGarbage = vm.runInNewContext('gc') as () => void

let server: http.Server | undefined
afterEach(() => server?.close())

/** Serves one answer through recordResponse; resolves with what it kept, or null. */
const serve = async (
  answer: (response: http.ServerResponse) => Promise<void>,
  largestKept = 1024 * 1024,
) => {
  let kept: Buffer | null = null
  let heapAtEnd = 0
  server = http.createServer(async (_request, response) => {
    recordResponse(response, largestKept, (page) => {
      kept = page.body
    })
    await answer(response)
    collectGarbage()
    heapAtEnd = process.memoryUsage().arrayBuffers
    response.end()
  })
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  collectGarbage()
  const before = process.memoryUsage().arrayBuffers
  // Read and thrown away, so that only the server's side can hold the bytes.
  const received = await new Promise<number>((resolve, reject) => {
    http
      .get(`http://127.0.0.1:${port}/`, (response) => {
        let bytes = 0
        response.on('data', (chunk: Buffer) => (bytes += chunk.length))
        response.on('end', () => resolve(bytes))
      })
      .on('error', reject)
  })
  return { kept: kept as Buffer | null, received, heldMB: (heapAtEnd - before) / 1024 / 1024 }
}

// 40 MB written from one 64 KB buffer, waiting for the socket as a stream does.
const writeLarge = (type: string) => async (response: http.ServerResponse) => {
  response.writeHead(200, { 'content-type': type })
  const chunk = Buffer.alloc(64 * 1024, 1)
  for (let index = 0; index < 640; index++) {
    if (!response.write(chunk)) await new Promise((resolve) => response.once('drain', resolve))
  }
}

describe('response capture', () => {
  it('keeps a page it may store', async () => {
    const { kept, received } = await serve(async (response) => {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
      response.write('<p>climate</p>')
    })
    expect(received).toBe(14)
    expect(kept?.toString()).toBe('<p>climate</p>')
  })

  it('streams a photo through without keeping its bytes', async () => {
    // As much as the whole page cache may hold: the type, not the size, is what stops the copy.
    const { kept, received, heldMB } = await serve(writeLarge('image/jpeg'), 128 * 1024 * 1024)
    expect(received).toBe(40 * 1024 * 1024)
    // The length, not the Buffer: a failure would print 40 MB.
    expect(kept?.length ?? 0).toBe(0)
    // A copy would hold all 40 MB; the margin is for whatever else the process holds meanwhile.
    expect(heldMB).toBeLessThan(20)
  })

  it('stops keeping a page larger than the cache', async () => {
    const { kept, heldMB } = await serve(writeLarge('text/html'), 1024 * 1024)
    // The length, not the Buffer: a failure would print 40 MB.
    expect(kept?.length ?? 0).toBe(0)
    expect(heldMB).toBeLessThan(20)
  })

  it('keeps no error page', async () => {
    const { kept } = await serve(async (response) => {
      response.statusCode = 404
      response.setHeader('content-type', 'text/html')
      response.write('<p>not here</p>')
    })
    // The length, not the Buffer: a failure would print 40 MB.
    expect(kept?.length ?? 0).toBe(0)
  })
})
