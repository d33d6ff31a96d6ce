import type { Payload } from 'payload'

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import S3rver from 's3rver'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { exportArchive } from '@/archive/export'
import { restoreArchive } from '@/archive/restore'

import type { TestServer } from '../helpers/server'

import { createMeeting, uploadTestDocument, uploadTestImage } from '../helpers/factories'
import { getTestPayload, openSecondSite } from '../helpers/payload'
import { startTestServer } from '../helpers/server'

// Photos on S3-compatible object storage (issue 18): with S3_BUCKET set, the original and every
// size go to the bucket and none to MEDIA_DIR, and the site serves them back at
// /api/photos/file/<name>, so that every instance shows the same photos; export and restore read
// and write the bucket. s3rver (npm) is the S3 server: a real one, over HTTP, on this machine.

const bucket = 'cifcc-photos'
const s3Directory = fs.mkdtempSync(path.join(os.tmpdir(), 'cifcc-s3rver-'))
let s3: S3rver
let payload: Payload
let server: TestServer

/** Every object key in the bucket, from s3rver's own store on disk. */
const objectKeys = () =>
  fs
    .readdirSync(path.join(s3Directory, bucket), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('._S3rver_object'))
    .map((name) =>
      name
        .replace(/\._S3rver_object$/, '')
        .split(path.sep)
        .join('/'),
    )

beforeAll(async () => {
  s3 = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: s3Directory,
    configureBuckets: [{ name: bucket, configs: [] }],
  })
  const { port } = (await s3.run()) as { port: number }
  // Before Payload's config is loaded (getTestPayload): it reads them then. s3rver's own keys.
  Object.assign(process.env, {
    S3_BUCKET: bucket,
    S3_ENDPOINT: `http://127.0.0.1:${port}`,
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
  })
  payload = await getTestPayload()
  server = await startTestServer()
}, 120_000)

afterAll(async () => {
  await server?.close()
  await s3?.close()
  fs.rmSync(s3Directory, { recursive: true, force: true })
})

describe('photos on object storage', () => {
  it('puts the original and every size in the bucket, and serves each back', async () => {
    const photo = await uploadTestImage(payload, { width: 1600, height: 1000 })
    const files = [
      photo.filename,
      ...Object.values(photo.sizes ?? {}).map((size) => size?.filename),
    ]
    expect(files.filter(Boolean)).toHaveLength(5)
    expect(objectKeys()).toEqual(
      expect.arrayContaining(files.map((file) => `photos/${String(file)}`)),
    )
    const mediaDir = String(process.env.MEDIA_DIR)
    for (const file of files) {
      expect(fs.existsSync(path.join(mediaDir, String(file))), String(file)).toBe(false)
      const served = await fetch(`${server.url}/api/photos/file/${String(file)}`)
      expect(served.status, String(file)).toBe(200)
      expect(served.headers.get('content-type'), String(file)).toMatch(/^image\//)
      expect((await served.arrayBuffer()).byteLength).toBeGreaterThan(100)
    }
  })

  it('removes the files from the bucket with the photo', async () => {
    const photo = await uploadTestImage(payload)
    expect(objectKeys()).toContain(`photos/${photo.filename}`)
    await payload.delete({ collection: 'photos', id: photo.id })
    expect(objectKeys()).not.toContain(`photos/${photo.filename}`)
    expect((await fetch(`${server.url}/api/photos/file/${photo.filename}`)).status).toBe(404)
  })

  it('exports the photos from the bucket, and restores them into it', async () => {
    const photo = await uploadTestImage(payload, { width: 900, height: 600 })
    const original = Buffer.from(
      await (await fetch(`${server.url}/api/photos/file/${photo.filename}`)).arrayBuffer(),
    )
    const file = path.join(s3Directory, 'site.tar.gz')
    const manifest = await exportArchive({ payload, file })
    expect(manifest.media.photos.files).toBe(objectKeys().length)

    // The bucket loses them (deleting the photos deletes their objects)…
    const { docs } = await payload.find({ collection: 'photos', limit: 100, depth: 0 })
    for (const doc of docs) await payload.delete({ collection: 'photos', id: doc.id })
    expect(objectKeys()).toEqual([])

    // …and a restore into an empty site on the same storage puts every one back, byte for byte.
    const target = await openSecondSite({ key: 'restored-on-object-storage' })
    try {
      await restoreArchive({ payload: target.payload, file })
      expect(objectKeys()).toHaveLength(manifest.media.photos.files)
      const stored = fs.readFileSync(
        path.join(s3Directory, bucket, 'photos', `${photo.filename}._S3rver_object`),
      )
      expect(stored.equals(original)).toBe(true)
    } finally {
      await target.close()
    }
  })
})

// Documents (issue 15) under a prefix of their own, through the same access rule as on disk.
describe('documents on object storage', () => {
  it('puts a PDF under documents/ in the bucket, and serves it back', async () => {
    const meeting = await createMeeting(payload, { _status: 'published' })
    const document = await uploadTestDocument(payload, { data: { meeting: meeting.id } })

    const served = await fetch(`${server.url}/api/documents/file/${document.filename}`)

    expect(objectKeys()).toContain(`documents/${document.filename}`)
    expect(fs.existsSync(path.join(String(process.env.MEDIA_DIR), 'documents'))).toBe(false)
    expect([served.status, served.headers.get('content-type')]).toEqual([200, 'application/pdf'])
  })

  it('does not serve the PDF of a draft meeting to anonymous readers', async () => {
    const meeting = await createMeeting(payload, { _status: 'draft' })
    const document = await uploadTestDocument(payload, { data: { meeting: meeting.id } })

    const served = await fetch(`${server.url}/api/documents/file/${document.filename}`)

    expect(objectKeys()).toContain(`documents/${document.filename}`)
    expect(served.status).toBe(403)
  })
})
