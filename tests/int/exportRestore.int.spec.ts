import type { CollectionSlug, Payload } from 'payload'

import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import tar from 'tar-stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { ArchiveManifest } from '@/archive/format'

import { exportArchive } from '@/archive/export'
import { archiveFormat } from '@/archive/format'
import { idTranslationFor, translateIds } from '@/archive/ids'
import { restoreArchive } from '@/archive/restore'
import { seed } from '@/seed'

import type { SecondSite } from '../helpers/payload'

import {
  createAdmin,
  createMeeting,
  createNews,
  createPage,
  testPassword,
  uploadTestDocument,
} from '../helpers/factories'
import { getTestPayload, openSecondSite } from '../helpers/payload'

const contentCollections = [
  'editions',
  'meetings',
  'speakers',
  'organisations',
  'photos',
  'documents',
  'pages',
  'news',
  'users',
  'search',
  'forms',
  'form-submissions',
  'redirects',
  'webhooks',
] as const satisfies CollectionSlug[]

const versionedCollections = ['meetings', 'pages', 'news'] as const

const adminEmail = 'archivist@example.test'

let source: Payload
let webhookSecret: string
let webhookID: string
let target: SecondSite
let empty: SecondSite
let workDir: string
let archive: string
let manifest: ArchiveManifest

const allDocuments = async (payload: Payload, collection: CollectionSlug) =>
  (
    await payload.db.find({
      collection,
      pagination: false,
      sort: 'id',
      joins: false as never,
    })
  ).docs

// Version ids are the adapter's own (see README), so versions are compared without them.
const allVersions = async (payload: Payload, collection: CollectionSlug) =>
  (await payload.db.findVersions({ collection, pagination: false, sort: 'updatedAt' })).docs
    .map(({ id: _id, ...version }) => JSON.stringify(version))
    .sort()

const withoutId = ({ id: _id, ...rest }: Record<string, unknown>) => rest

// Relative path → sha256 of every file under dir.
const filesIn = (dir: string): Record<string, string> => {
  if (!fs.existsSync(dir)) return {}
  const files = fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
  return Object.fromEntries(
    files.map((file) => [
      path.relative(dir, file),
      crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex'),
    ]),
  )
}

const countEverything = async (payload: Payload) =>
  Object.fromEntries(
    await Promise.all(
      contentCollections.map(async (collection) => [
        collection,
        (await payload.db.count({ collection })).totalDocs,
      ]),
    ),
  )

const writeTarGz = async ({
  file,
  entries,
}: {
  file: string
  entries: { name: string; content: string }[]
}) => {
  const pack = tar.pack()
  for (const { name, content } of entries) pack.entry({ name }, content)
  pack.finalize()
  const chunks: Buffer[] = []
  for await (const chunk of pack) chunks.push(chunk as Buffer)
  fs.writeFileSync(file, zlib.gzipSync(Buffer.concat(chunks)))
}

beforeAll(async () => {
  source = await getTestPayload()
  await seed({ payload: source })

  const draft = await createMeeting(source, { _status: 'draft', summary: 'First draft' })
  await uploadTestDocument(source, { data: { meeting: draft.id, title: 'Draft slides' } })
  await uploadTestDocument(source, {
    data: { meeting: (await createMeeting(source)).id, title: 'Published report', language: 'zh' },
  })
  await source.update({
    collection: 'meetings',
    id: draft.id,
    draft: true,
    data: { summary: 'Second draft' },
  })
  await source.update({
    collection: 'meetings',
    id: draft.id,
    draft: true,
    locale: 'zh',
    data: { title: '草稿会议' },
  })
  const page = await createPage(source, { summary: 'Published summary' })
  await source.update({
    collection: 'pages',
    id: page.id,
    draft: true,
    data: { summary: 'A change not yet published' },
  })
  // A published release and one still a draft (as a scheduled one is until its time).
  await createNews(source, { summary: 'Published release' })
  await createNews(source, { _status: 'draft', summary: 'Scheduled release' })
  await createAdmin(source, { email: adminEmail })
  await source.create({
    collection: 'redirects',
    data: {
      from: '/news/2019/1234.html',
      to: { type: 'reference', reference: { relationTo: 'pages', value: page.id } },
      locale: 'zh',
    },
  })
  const {
    docs: [contactForm],
  } = await source.find({ collection: 'forms', limit: 1 })
  await source.create({
    collection: 'form-submissions',
    data: {
      form: contactForm.id,
      submissionData: [
        { field: 'name', value: 'Wang Lin' },
        { field: 'email', value: 'wang.lin@example.org' },
        { field: 'topic', value: 'media' },
        { field: 'message', value: 'May a television crew film the round table?' },
      ],
    },
  })

  const webhook = await source.create({
    collection: 'webhooks',
    data: { name: 'Partner newsroom', url: 'https://partner.example/cifcc', collections: ['news'] },
  })
  webhookSecret = webhook.secret!
  webhookID = webhook.id

  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cifcc-archive-test-'))
  archive = path.join(workDir, 'site.tar.gz')
  manifest = await exportArchive({ payload: source, file: archive })
  target = await openSecondSite({ key: 'restore-target' })
  await restoreArchive({ payload: target.payload, file: archive })
  empty = await openSecondSite({ key: 'restore-refused' })
}, 300_000)

afterAll(async () => {
  await target?.close()
  await empty?.close()
  fs.rmSync(workDir, { recursive: true, force: true })
})

describe('an exported archive', () => {
  it('lists every content collection with its count, and where it came from', async () => {
    expect(Object.keys(manifest.collections).sort()).toEqual([...contentCollections].sort())
    for (const collection of contentCollections)
      expect([collection, manifest.collections[collection].documents]).toEqual([
        collection,
        (await source.db.count({ collection })).totalDocs,
      ])
    expect(manifest).toMatchObject({ format: archiveFormat, sourceAdapter: source.db.name })
  })
})

describe('a webhook in the archive', () => {
  it('travels with its secret encrypted, which the restored site reads with the same PAYLOAD_SECRET', async () => {
    const bytes = zlib.gunzipSync(fs.readFileSync(archive)).toString('utf8')
    expect(bytes).toContain('Partner newsroom')
    expect(bytes).not.toContain(webhookSecret.slice('whsec_'.length))
    const restored = await target.payload.findByID({ collection: 'webhooks', id: webhookID })
    expect(restored.secret).toBe(webhookSecret)
  })

  it('leaves the change events and delivery log of the old site out', () => {
    expect(manifest.collections['change-events']).toBeUndefined()
    expect(manifest.collections['webhook-deliveries']).toBeUndefined()
  })
})

describe('a restored database', () => {
  it.each(contentCollections)(
    'holds the same %s, with ids, all locales and relationships',
    async (collection) => {
      const restored = await allDocuments(target.payload, collection)

      expect(restored.length).toBeGreaterThan(0)
      expect(restored).toEqual(await allDocuments(source, collection))
    },
  )

  it.each(versionedCollections)('holds the same versions of %s', async (collection) => {
    expect(await allVersions(target.payload, collection)).toEqual(
      await allVersions(source, collection),
    )
  })

  it('holds the same site settings in both languages', async () => {
    const read = (payload: Payload) => payload.db.findGlobal({ slug: 'site' })

    expect(withoutId(await read(target.payload))).toEqual(withoutId(await read(source)))
  })

  it('shows the draft meeting as the latest draft, and the published page as published', async () => {
    const read = async (payload: Payload) => ({
      meetings: (
        await payload.find({ collection: 'meetings', draft: true, locale: 'zh', depth: 0 })
      ).docs.map(({ id, title, _status }) => ({ id, title, _status })),
      pages: (await payload.find({ collection: 'pages', depth: 1 })).docs.map(
        ({ id, summary, parent }) => ({ id, summary, parent }),
      ),
    })

    expect(await read(target.payload)).toEqual(await read(source))
  })

  it('lets a user log in with the password they had', async () => {
    const { user } = await target.payload.login({
      collection: 'users',
      data: { email: adminEmail, password: testPassword },
    })

    expect(user?.email).toBe(adminEmail)
  })

  it('has every media file, original and sizes, byte for byte', () => {
    const restored = filesIn(target.mediaDir)

    expect(Object.keys(restored).length).toBeGreaterThan(0)
    expect(restored).toEqual(filesIn(process.env.MEDIA_DIR as string))
  })

  it("keeps the documents' PDFs in their own folder, each once", async () => {
    const documents = await allDocuments(target.payload, 'documents')
    const inDocumentsFolder = Object.keys(filesIn(path.join(target.mediaDir, 'documents')))

    expect(inDocumentsFolder.sort()).toEqual(
      documents.map((document) => (document as { filename?: string }).filename).sort(),
    )
    expect(manifest.media.documents.files).toBe(documents.length)
    expect(manifest.media.photos.files).toBe(
      Object.keys(filesIn(process.env.MEDIA_DIR as string)).length - documents.length,
    )
  })
})

describe('restore refuses', () => {
  it('a database that is not empty, and changes nothing in it', async () => {
    const before = await countEverything(target.payload)

    await expect(restoreArchive({ payload: target.payload, file: archive })).rejects.toThrow(
      /not empty/,
    )
    expect(await countEverything(target.payload)).toEqual(before)
  })

  it('a file that is not an archive, writing nothing', async () => {
    const file = path.join(workDir, 'not-an-archive.tar.gz')
    fs.writeFileSync(file, 'meetings,speakers\n')

    await expect(restoreArchive({ payload: empty.payload, file })).rejects.toThrow(/not gzip/)
    expect(Object.values(await countEverything(empty.payload))).toEqual(
      contentCollections.map(() => 0),
    )
  })

  it('a truncated archive, writing nothing', async () => {
    const file = path.join(workDir, 'truncated.tar.gz')
    const whole = fs.readFileSync(archive)
    fs.writeFileSync(file, whole.subarray(0, Math.floor(whole.length / 2)))

    await expect(restoreArchive({ payload: empty.payload, file })).rejects.toThrow(
      /damaged or incomplete/,
    )
    expect(Object.values(await countEverything(empty.payload))).toEqual(
      contentCollections.map(() => 0),
    )
    expect(filesIn(empty.mediaDir)).toEqual({})
  })

  it('an archive without a manifest', async () => {
    const file = path.join(workDir, 'no-manifest.tar.gz')
    await writeTarGz({ file, entries: [{ name: 'collections/meetings.ndjson', content: '{}\n' }] })

    await expect(restoreArchive({ payload: empty.payload, file })).rejects.toThrow(/no manifest/)
  })

  it('an archive of a format version it does not know', async () => {
    const file = path.join(workDir, 'future.tar.gz')
    await writeTarGz({
      file,
      entries: [
        {
          name: 'manifest.json',
          content: JSON.stringify({ ...manifest, formatVersion: 99, appVersion: '9.0.0' }),
        },
      ],
    })

    await expect(restoreArchive({ payload: empty.payload, file })).rejects.toThrow(
      /format version 99/,
    )
  })
})

describe('ids on the way from SQLite to MongoDB', () => {
  const uuid = '51ef45d4-8d77-4076-b186-481ea65e1245'
  const objectId = '6745a1f0c3b2a1d4e5f60718'
  const documentIds = [
    { collection: 'speakers', id: uuid },
    { collection: 'speakers', id: objectId },
  ]
  const adapter = (name: string) =>
    ({ db: { name }, collections: { speakers: { customIDType: undefined } } }) as unknown as Payload

  it('become ObjectIds derived from the UUIDs, the same on every restore', () => {
    const translation = idTranslationFor({ payload: adapter('mongoose'), documentIds })

    expect(translation.get(uuid)).toMatch(/^[0-9a-f]{24}$/)
    expect(translation.get(uuid)).toBe(
      idTranslationFor({ payload: adapter('mongoose'), documentIds }).get(uuid),
    )
    expect(translation.has(objectId)).toBe(false)
  })

  it('are replaced wherever a document refers to one, and nothing else is', () => {
    const translation = idTranslationFor({ payload: adapter('mongoose'), documentIds })
    const doc = {
      host: uuid,
      statements: [{ id: 'row-1', speaker: uuid, position: { en: uuid.toUpperCase() } }],
      doc: { relationTo: 'speakers', value: uuid },
      other: objectId,
    }

    expect(translateIds(doc, translation)).toEqual({
      host: translation.get(uuid),
      statements: [
        { id: 'row-1', speaker: translation.get(uuid), position: { en: uuid.toUpperCase() } },
      ],
      doc: { relationTo: 'speakers', value: translation.get(uuid) },
      other: objectId,
    })
  })

  it('stay as they are on SQLite', () => {
    expect(idTranslationFor({ payload: adapter('sqlite'), documentIds }).size).toBe(0)
  })
})
