import type { CollectionConfig, Payload, SanitizedCollectionConfig } from 'payload'

import path from 'node:path'

import packageJson from '../../package.json'

export const archiveFormat = 'cifcc-site-archive'

// Raise when the layout or a document's shape changes in a way an older restore cannot read.
export const archiveFormatVersion = 1

export const appVersion = packageJson.version

export type CollectionCounts = { documents: number; versions: number }
export type GlobalCounts = { isSaved: boolean; versions: number }
export type MediaCounts = { files: number; bytes: number }

export type ArchiveManifest = {
  format: typeof archiveFormat
  formatVersion: number
  appVersion: string
  createdAt: string
  sourceAdapter: string
  locales: string[]
  collections: Record<string, CollectionCounts>
  globals: Record<string, GlobalCounts>
  media: Record<string, MediaCounts>
}

// A problem the person running export or restore can fix (a wrong path, a non-empty database, a
// damaged archive): the CLIs print its message alone, without a stack trace.
export class ArchiveError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ArchiveError'
  }
}

export const entryNames = {
  manifest: 'manifest.json',
  documents: (collection: string) => `collections/${collection}.ndjson`,
  versions: (collection: string) => `versions/${collection}.ndjson`,
  global: (global: string) => `globals/${global}.json`,
  globalVersions: (global: string) => `global-versions/${global}.ndjson`,
  media: (collection: string, file: string) => `media/${collection}/${file}`,
}

// Not content: edit locks and admin-panel preferences belong to sessions of the old site, jobs and
// the key-value store are transient, and the migrations a database has run describe its own
// schema (a restored SQLite file gets its records from its own migrations; the first of them also
// names the database in the data-cache keys, see src/payload/databaseIdentity.ts).
// Change events and webhook deliveries are a log of the old site's saves, kept 90 days: ids may
// change on the way (SQLite → MongoDB) and partners start their feed again. Webhooks themselves
// are archived, as staff's settings, with their secrets in the encrypted form the database holds
// (src/payload/changes/secret.ts): a site restored with the same PAYLOAD_SECRET goes on signing
// as before; under another one, admins regenerate each secret.
const notContent = new Set([
  'payload-locked-documents',
  'payload-preferences',
  'payload-migrations',
  'payload-jobs',
  'payload-kv',
  'change-events',
  'webhook-deliveries',
])

export const archivedCollections = (payload: Payload): SanitizedCollectionConfig[] =>
  payload.config.collections.filter(({ slug }) => !notContent.has(slug))

export const hasVersions = (config: Pick<CollectionConfig, 'versions'>) => Boolean(config.versions)

// Payload writes uploads relative to the working directory when staticDir is relative.
export const uploadDirectory = (slug: string, upload: { staticDir?: string }) =>
  path.resolve(upload.staticDir || slug)

export type Progress = (event: { step: string; done: number; total: number }) => void

export type EntryKind =
  | { kind: 'manifest' }
  | { kind: 'documents'; collection: string }
  | { kind: 'versions'; collection: string }
  | { kind: 'global'; global: string }
  | { kind: 'globalVersions'; global: string }
  | { kind: 'media'; collection: string; file: string }

// The inverse of entryNames. A media path may not climb out of its upload folder.
export const classifyEntry = (name: string): EntryKind | undefined => {
  if (name === entryNames.manifest) return { kind: 'manifest' }
  const data = /^(collections|versions|globals|global-versions)\/([\w-]+)\.(ndjson|json)$/.exec(
    name,
  )
  if (data) {
    const [, folder, slug] = data
    if (folder === 'collections') return { kind: 'documents', collection: slug }
    if (folder === 'versions') return { kind: 'versions', collection: slug }
    if (folder === 'globals') return { kind: 'global', global: slug }
    return { kind: 'globalVersions', global: slug }
  }
  const media = /^media\/([\w-]+)\/(.+)$/.exec(name)
  if (media && !media[2].split('/').some((part) => part === '..' || part === '' || part === '.'))
    return { kind: 'media', collection: media[1], file: media[2] }
  return undefined
}
