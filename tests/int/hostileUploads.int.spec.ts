import type { Payload } from 'payload'

import fs from 'node:fs'
import zlib from 'node:zlib'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { APIClient } from '../helpers/api'
import type { TestServer } from '../helpers/server'

import { openEditorSession } from '../helpers/editorSession'
import { makeTestImage } from '../helpers/factories'

let payload: Payload
let server: TestServer
let api: APIClient
let token: string

beforeAll(async () => {
  ;({ payload, server, api, token } = await openEditorSession())
})

afterAll(async () => {
  await server?.close()
})

const upload = (bytes: Uint8Array, filename: string, type: string) => {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), filename)
  form.append('_payload', JSON.stringify({ alt: 'An upload that should not be kept' }))
  return api.rest('POST', '/api/photos', { token, form })
}

const mediaFiles = () => fs.readdirSync(process.env.MEDIA_DIR as string).sort()

// A real 1×1 PNG whose header claims width × height: a few hundred bytes that would decode to
// gigabytes (a "pixel bomb").
const pixelBomb = async ({ width, height }: { width: number; height: number }) => {
  const png = await sharp({
    create: { width: 1, height: 1, channels: 3, background: '#0a6' },
  })
    .png()
    .toBuffer()
  // Signature (8 bytes), then the IHDR chunk: length (4), type (4), width (4), height (4)…
  png.writeUInt32BE(width, 16)
  png.writeUInt32BE(height, 20)
  const ihdr = png.subarray(12, 29)
  png.writeUInt32BE(zlib.crc32(ihdr), 29)
  return png
}

const elfExecutable = () => {
  const bytes = Buffer.alloc(4096)
  Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]).copy(bytes)
  return bytes
}

const scriptedSVG = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">' +
    '<script>alert(document.cookie)</script><rect width="10" height="10"/></svg>',
)

// Every hostile upload is refused with a 4xx that says why, and leaves no document and no file.
describe('hostile uploads to /api/photos', () => {
  it.each([
    {
      what: 'a renamed executable',
      file: async () => elfExecutable(),
      filename: 'portrait.jpg',
      type: 'image/jpeg',
      status: 400,
      reason: /not allowed|Invalid MIME type/i,
    },
    {
      what: 'an SVG with a script',
      file: async () => scriptedSVG,
      filename: 'logo.svg',
      type: 'image/svg+xml',
      status: 400,
      reason: /not allowed|Invalid MIME type/i,
    },
    {
      what: 'a pixel bomb (a PNG claiming 100,000 × 100,000 pixels)',
      file: () => pixelBomb({ width: 100_000, height: 100_000 }),
      filename: 'bomb.png',
      type: 'image/png',
      status: 400,
      reason: /100000 × 100000 pixels; photos can be at most 100 megapixels/,
    },
    {
      what: 'a truncated JPEG',
      file: async () => {
        const { data } = await makeTestImage({ width: 1200, height: 800 })
        return data.subarray(0, Math.floor(data.length / 2))
      },
      filename: 'cut-short.jpg',
      type: 'image/jpeg',
      status: 400,
      reason: /damaged or incomplete/i,
    },
  ])('refuses $what', async ({ file, filename, type, status, reason }) => {
    const before = { count: await payload.count({ collection: 'photos' }), files: mediaFiles() }

    const response = await upload(await file(), filename, type)

    expect(response.status).toBe(status)
    expect(JSON.stringify(response.body)).toMatch(reason)
    expect(await payload.count({ collection: 'photos' })).toEqual(before.count)
    expect(mediaFiles()).toEqual(before.files)
  })

  it('refuses a file over the 25 MB limit with 413', async () => {
    const before = mediaFiles()
    const { data } = await makeTestImage({ width: 400, height: 300 })
    const oversized = Buffer.concat([data, Buffer.alloc(26 * 1024 * 1024)])

    const response = await upload(oversized, 'huge.jpg', 'image/jpeg')

    expect(response.status).toBe(413)
    expect(JSON.stringify(response.body)).toMatch(/too large|limit/i)
    expect(mediaFiles()).toEqual(before)
  })

  it('still takes a good photo', async () => {
    const { data } = await makeTestImage({ width: 1200, height: 800 })
    const response = await upload(data, 'good.jpg', 'image/jpeg')
    expect(response.status).toBe(201)
  })
})
