import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { CollectionSlug, GlobalSlug, JsonObject, Payload } from 'payload'

import { createHash } from 'node:crypto'

import type { ArchiveEntry } from './entries'
import type { ArchiveManifest, Progress } from './format'

import { forEachEntry, readJSON, readNDJSON, readText } from './entries'
import {
  archivedCollections,
  archiveFormat,
  archiveFormatVersion,
  ArchiveError,
  classifyEntry,
} from './format'
import { idTranslationFor, translateIds } from './ids'
import { mediaStores } from './mediaStore'

const progressEvery = 250

type StoredDocument = JsonObject & { id: string }
type StoredVersion = {
  parent: string
  version: JsonObject
  autosave?: boolean
  createdAt: string
  updatedAt: string
  publishedLocale?: string
  snapshot?: true
}

// What createVersion and createGlobalVersion both take of a stored version.
const versionArguments = (version: StoredVersion) => ({
  versionData: version.version,
  autosave: Boolean(version.autosave),
  createdAt: version.createdAt,
  updatedAt: version.updatedAt,
  publishedLocale: version.publishedLocale,
  snapshot: version.snapshot,
  returning: false,
})

const countsOf = (payload: Payload): Promise<(readonly [string, number])[]> =>
  Promise.all([
    ...archivedCollections(payload).flatMap(({ slug, versions }) => [
      payload.db
        .count({ collection: slug as CollectionSlug })
        .then(({ totalDocs }) => [slug, totalDocs] as const),
      ...(versions
        ? [
            payload.db
              .countVersions({ collection: slug as CollectionSlug })
              .then(({ totalDocs }) => [`${slug} versions`, totalDocs] as const),
          ]
        : []),
    ]),
    ...payload.config.globals.map(async ({ slug }) => {
      const global = await payload.db.findGlobal({ slug })
      return [`global ${slug}`, global && (global.createdAt || global.updatedAt) ? 1 : 0] as const
    }),
  ])

// Restoring merges nothing: ids would clash and relationships would point at the wrong
// documents. Migration records do not count; a new SQLite database has them from its start.
const assertEmpty = async (payload: Payload) => {
  const held = (await countsOf(payload)).filter(([, count]) => count > 0)
  if (held.length === 0) return
  throw new ArchiveError(
    `The target database is not empty (${held.map(([what, count]) => `${what}: ${count}`).join(', ')}). ` +
      'Restore only into a new, empty database: set DATABASE_URI to a new SQLite file or MongoDB database.',
  )
}

const parseManifest = async (entry: ArchiveEntry): Promise<ArchiveManifest> => {
  let manifest: Partial<ArchiveManifest>
  try {
    manifest = JSON.parse(await readText(entry.content))
  } catch {
    throw new ArchiveError('The archive is damaged: its manifest.json is not JSON.')
  }
  if (manifest.format !== archiveFormat)
    throw new ArchiveError('This is not an archive made by `npm run export` (unknown manifest).')
  if (manifest.formatVersion !== archiveFormatVersion)
    throw new ArchiveError(
      `The archive has format version ${manifest.formatVersion} (from cifcc-site ` +
        `${manifest.appVersion}); this version of the site reads version ${archiveFormatVersion}.`,
    )
  return manifest as ArchiveManifest
}

const itemsIn = (manifest: ArchiveManifest) =>
  [
    ...Object.values(manifest.collections).map(({ documents, versions }) => documents + versions),
    ...Object.values(manifest.globals).map(({ isSaved, versions }) => Number(isSaved) + versions),
    ...Object.values(manifest.media).map(({ files }) => files),
  ].reduce((sum, count) => sum + count, 0)

type Inspection = {
  manifest: ArchiveManifest
  documentIds: { collection: string; id: string }[]
  // Media files already in place with the same bytes (a move on the same machine): left alone.
  presentMedia: Set<string>
}

// Reads the whole archive once before anything is written, so that a damaged, truncated or
// foreign archive is refused with the target untouched: every line must parse, every count must
// match the manifest, and no media file may overwrite a different file of the same name.
const inspectArchive = async ({
  payload,
  file,
  onProgress,
}: {
  payload: Payload
  file: string
  onProgress: Progress
}): Promise<Inspection> => {
  const collections = new Set<string>(archivedCollections(payload).map(({ slug }) => slug))
  const globals = new Set<string>(payload.config.globals.map(({ slug }) => slug))
  const stores = mediaStores(payload)
  const found = new Map<string, number>()
  const documentIds: { collection: string; id: string }[] = []
  const presentMedia = new Set<string>()
  const conflicts: string[] = []
  let manifest: ArchiveManifest | undefined
  // Items: documents, versions, globals and media files, as the manifest counts them.
  let checked = 0
  let toCheck = 0
  const add = (key: string, count = 1) => {
    found.set(key, (found.get(key) ?? 0) + count)
    if (key.startsWith('bytes ')) return
    checked += 1
    if (checked % progressEvery === 0 && checked < toCheck)
      onProgress({ step: 'checking archive', done: checked, total: toCheck })
  }

  await forEachEntry({
    file,
    onEntry: async (entry) => {
      const entryKind = classifyEntry(entry.name)
      if (!manifest) {
        if (entryKind?.kind !== 'manifest')
          throw new ArchiveError('This is not an archive made by `npm run export` (no manifest).')
        manifest = await parseManifest(entry)
        toCheck = itemsIn(manifest)
        onProgress({ step: 'checking archive', done: 0, total: toCheck })
        return
      }
      if (!entryKind || entryKind.kind === 'manifest')
        throw new ArchiveError(`The archive holds an unexpected entry: ${entry.name}`)
      const known =
        'collection' in entryKind
          ? entryKind.kind === 'media'
            ? entryKind.collection in stores
            : collections.has(entryKind.collection)
          : globals.has(entryKind.global)
      if (!known)
        throw new ArchiveError(
          `The archive holds ${entry.name}, which this site has no place for: ` +
            'was it exported from another application or a newer version?',
        )
      if (entryKind.kind === 'documents') {
        for await (const doc of readNDJSON<StoredDocument>(entry)) {
          documentIds.push({ collection: entryKind.collection, id: String(doc.id) })
          add(`documents ${entryKind.collection}`)
        }
      } else if (entryKind.kind === 'versions' || entryKind.kind === 'globalVersions') {
        const owner = entryKind.kind === 'versions' ? entryKind.collection : entryKind.global
        for await (const _version of readNDJSON(entry)) add(`versions ${owner}`)
      } else if (entryKind.kind === 'global') {
        await readJSON(entry)
        add(`global ${entryKind.global}`)
      } else {
        const hash = createHash('sha256')
        let bytes = 0
        for await (const chunk of entry.content) {
          hash.update(chunk)
          bytes += chunk.length
        }
        add(`media ${entryKind.collection}`)
        add(`bytes ${entryKind.collection}`, bytes)
        const store = stores[entryKind.collection]
        const present = await store.sha256(entryKind.file)
        if (present !== null) {
          if (present === hash.digest('hex')) presentMedia.add(entry.name)
          else conflicts.push(store.describe(entryKind.file))
        }
      }
    },
  })

  if (!manifest)
    throw new ArchiveError('This is not an archive made by `npm run export` (it is empty).')
  const expected = new Map<string, number>()
  for (const [slug, counts] of Object.entries(manifest.collections)) {
    expected.set(`documents ${slug}`, counts.documents)
    expected.set(`versions ${slug}`, counts.versions)
  }
  for (const [slug, counts] of Object.entries(manifest.globals)) {
    expected.set(`global ${slug}`, counts.isSaved ? 1 : 0)
    expected.set(`versions ${slug}`, counts.versions)
  }
  for (const [slug, counts] of Object.entries(manifest.media)) {
    expected.set(`media ${slug}`, counts.files)
    expected.set(`bytes ${slug}`, counts.bytes)
  }
  for (const key of new Set([...expected.keys(), ...found.keys()])) {
    if ((expected.get(key) ?? 0) !== (found.get(key) ?? 0))
      throw new ArchiveError(
        `The archive is incomplete: its manifest lists ${expected.get(key) ?? 0} ${key}, ` +
          `it holds ${found.get(key) ?? 0}.`,
      )
  }
  if (conflicts.length > 0)
    throw new ArchiveError(
      `${conflicts.length} media file(s) in the archive would overwrite different files already ` +
        `there, e.g. ${conflicts[0]}. Restore into an empty MEDIA_DIR (or, on object storage, an empty bucket).`,
    )
  onProgress({ step: 'checking archive', done: toCheck, total: toCheck })
  return { manifest, documentIds, presentMedia }
}

const withoutKeys = (doc: JsonObject, keys: string[]) =>
  Object.fromEntries(Object.entries(doc).filter(([key]) => !keys.includes(key)))

// SQLite checks each relationship as it is written, but documents refer to each other in circles
// (a meeting's photo shows speakers whose portrait is a photo of the meeting), so no order of
// writing satisfies every check: they are off while the archive loads, and the whole database is
// checked once at the end. The load is one transaction on the adapter's single connection (the
// adapter runs none of its own here): ten times faster than a commit per statement, and a failure
// leaves the database empty. MongoDB has no such checks, and a transaction there would outlive
// its time limit on a large site.
const inOneSQLiteTransaction = async ({
  payload,
  run,
}: {
  payload: Payload
  run: () => Promise<void>
}): Promise<{ danglingReferences: number }> => {
  if (payload.db.name !== 'sqlite') {
    await run()
    return { danglingReferences: 0 }
  }
  const { client } = payload.db as unknown as SQLiteAdapter
  await client.execute('PRAGMA foreign_keys = OFF')
  try {
    await client.execute('BEGIN')
    try {
      await run()
      await client.execute('COMMIT')
    } catch (error) {
      await client.execute('ROLLBACK')
      throw error
    }
  } finally {
    await client.execute('PRAGMA foreign_keys = ON')
  }
  const { rows } = await client.execute('PRAGMA foreign_key_check')
  return { danglingReferences: rows.length }
}

// Loads an archive from `npm run export` into an empty database through its adapter, past the
// collection hooks: slugs, participants, search entries and image sizes arrive as they were
// rather than being derived again, and documents keep their ids (see ids.ts for MongoDB).
export const restoreArchive = async ({
  payload,
  file,
  onProgress = () => {},
}: {
  payload: Payload
  file: string
  onProgress?: Progress
}): Promise<ArchiveManifest> => {
  await assertEmpty(payload)
  const { manifest, documentIds, presentMedia } = await inspectArchive({
    payload,
    file,
    onProgress,
  })
  const translation = idTranslationFor({ payload, documentIds })
  const stores = mediaStores(payload)
  const mediaTotal = Object.values(manifest.media).reduce((sum, { files }) => sum + files, 0)
  let mediaDone = 0

  const { danglingReferences } = await inOneSQLiteTransaction({
    payload,
    run: () =>
      forEachEntry({
        file,
        onEntry: async (entry) => {
          const entryKind = classifyEntry(entry.name)
          if (!entryKind || entryKind.kind === 'manifest') return
          const report = (step: string, done: number, total: number) => {
            if (done % progressEvery === 0 || done === total) onProgress({ step, done, total })
          }

          if (entryKind.kind === 'documents') {
            const collection = entryKind.collection as CollectionSlug
            const total = manifest.collections[collection].documents
            let done = 0
            report(collection, done, total)
            for await (const stored of readNDJSON<StoredDocument>(entry)) {
              const doc = translateIds(stored, translation)
              await payload.db.create({
                collection,
                customID: doc.id,
                data: withoutKeys(doc, ['id']),
                returning: false,
              })
              report(collection, (done += 1), total)
            }
          } else if (entryKind.kind === 'versions') {
            const collectionSlug = entryKind.collection as CollectionSlug
            const total = manifest.collections[collectionSlug].versions
            let done = 0
            report(`${collectionSlug} versions`, done, total)
            for await (const stored of readNDJSON<StoredVersion>(entry)) {
              const version = translateIds(stored, translation)
              await payload.db.createVersion({
                collectionSlug,
                parent: version.parent,
                ...versionArguments(version),
              })
              report(`${collectionSlug} versions`, (done += 1), total)
            }
          } else if (entryKind.kind === 'global') {
            const slug = entryKind.global
            const global = translateIds(await readJSON<JsonObject>(entry), translation)
            const data = () => withoutKeys(global, ['id', 'globalType'])
            // The SQLite adapter's createGlobal stamps createdAt with the current time, while its
            // updateGlobal creates a missing global as given; MongoDB's updateGlobal changes only
            // one that exists, and its createGlobal keeps createdAt. Each data() is a new object,
            // since the adapters transform what they are given in place.
            await payload.db.updateGlobal({ slug, data: data(), returning: false })
            if (!(await payload.db.findGlobal({ slug })).createdAt)
              await payload.db.createGlobal({ slug, data: data(), returning: false })
            onProgress({ step: `global ${slug}`, done: 1, total: 1 })
          } else if (entryKind.kind === 'globalVersions') {
            const globalSlug = entryKind.global as GlobalSlug
            const total = manifest.globals[globalSlug].versions
            let done = 0
            for await (const stored of readNDJSON<StoredVersion>(entry)) {
              const version = translateIds(stored, translation)
              await payload.db.createGlobalVersion({ globalSlug, ...versionArguments(version) })
              report(`${globalSlug} versions`, (done += 1), total)
            }
          } else {
            if (mediaDone === 0) onProgress({ step: 'media files', done: 0, total: mediaTotal })
            if (!presentMedia.has(entry.name))
              await stores[entryKind.collection].write(entryKind.file, entry.content, entry.mtime)
            report('media files', (mediaDone += 1), mediaTotal)
          }
        },
      }),
  })
  // Only an archive from MongoDB, which keeps a relationship to a deleted document, can have
  // these; SQLite would refuse to save those documents again until the relationship is cleared.
  if (danglingReferences > 0)
    payload.logger.warn({
      msg: `${danglingReferences} relationship(s) in the restored database point at documents the archive does not hold; clear them in the admin before editing those documents.`,
    })
  return manifest
}
