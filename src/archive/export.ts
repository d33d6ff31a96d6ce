import type { Payload, PaginatedDocs } from 'payload'
import type { Header, Pack } from 'tar-stream'

import { once } from 'node:events'
import fs from 'node:fs'
import fsp from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import zlib from 'node:zlib'
import tar from 'tar-stream'

import type { ArchiveManifest, MediaCounts, Progress } from './format'

import {
  appVersion,
  archivedCollections,
  archiveFormat,
  archiveFormatVersion,
  ArchiveError,
  entryNames,
} from './format'
import { mediaStores } from './mediaStore'

const pageSize = 500
const progressEvery = 250

type Page = Pick<PaginatedDocs<Record<string, unknown>>, 'docs' | 'hasNextPage'>

// Reads a collection a page at a time and writes one document per line, so that the number of
// documents is limited by the disk, not by memory.
const writeNDJSON = async ({
  file,
  step,
  count,
  readPage,
  onProgress,
}: {
  file: string
  step: string
  count: () => Promise<{ totalDocs: number }>
  readPage: (page: number) => Promise<Page>
  onProgress: Progress
}): Promise<number> => {
  await fsp.mkdir(path.dirname(file), { recursive: true })
  const out = fs.createWriteStream(file)
  let done = 0
  try {
    // Counted before the first page is read, so that the rate shown includes reading it.
    const { totalDocs } = await count()
    onProgress({ step, done, total: totalDocs })
    for (let page = 1; ; page += 1) {
      const { docs, hasNextPage } = await readPage(page)
      for (const doc of docs) {
        if (!out.write(`${JSON.stringify(doc)}\n`)) await once(out, 'drain')
        done += 1
        if (done % progressEvery === 0) onProgress({ step, done, total: totalDocs })
      }
      if (!hasNextPage) break
    }
  } finally {
    out.end()
    await once(out, 'close')
  }
  onProgress({ step, done, total: done })
  return done
}

// content: the bytes, a file's path, or a stream of them.
const addEntry = (
  pack: Pack,
  header: Partial<Header> & Pick<Header, 'name'>,
  content: Buffer | string | Readable,
) =>
  new Promise<void>((resolve, reject) => {
    if (Buffer.isBuffer(content)) {
      pack.entry(header, content, (error) => (error ? reject(error) : resolve()))
      return
    }
    const entry = pack.entry(header, (error) => (error ? reject(error) : resolve()))
    const source = typeof content === 'string' ? fs.createReadStream(content) : content
    source.on('error', reject).pipe(entry)
  })

// Everything a site holds, through the database adapter (so the archive reads the same from
// SQLite and MongoDB): documents with every locale and their ids, versions, globals, and every
// file in the upload folders. Written to `<file>.partial` and renamed at the end, so a failed
// export never leaves something that looks like an archive.
export const exportArchive = async ({
  payload,
  file,
  onProgress = () => {},
}: {
  payload: Payload
  file: string
  onProgress?: Progress
}): Promise<ArchiveManifest> => {
  const target = path.resolve(file)
  if (!fs.existsSync(path.dirname(target)))
    throw new ArchiveError(`The folder ${path.dirname(target)} does not exist.`)

  const workDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'cifcc-export-'))
  const partial = `${target}.partial`
  try {
    const manifest: ArchiveManifest = {
      format: archiveFormat,
      formatVersion: archiveFormatVersion,
      appVersion,
      createdAt: new Date().toISOString(),
      sourceAdapter: payload.db.name,
      locales: payload.config.localization ? payload.config.localization.localeCodes : [],
      collections: {},
      globals: {},
      media: {},
    }
    // Entries written to workDir first, in archive order, since the manifest that goes before
    // them is only complete once they are.
    const stagedEntries: string[] = []
    const stage = (name: string) => {
      stagedEntries.push(name)
      return path.join(workDir, name)
    }

    for (const { slug, versions } of archivedCollections(payload)) {
      const documents = await writeNDJSON({
        file: stage(entryNames.documents(slug)),
        step: slug,
        onProgress,
        count: () => payload.db.count({ collection: slug }),
        readPage: (page) =>
          payload.db.find({
            collection: slug,
            page,
            limit: pageSize,
            sort: ['createdAt', 'id'],
            // Joins are read from the other side's relationships, which travel on their own.
            // (FindArgs types `joins` for no collection in particular, which leaves it `never`.)
            joins: false as never,
          }),
      })
      // Oldest first: each restored version becomes the latest of its document, as when it was
      // saved, so the last one written is the latest again.
      const versionCount = versions
        ? await writeNDJSON({
            file: stage(entryNames.versions(slug)),
            step: `${slug} versions`,
            onProgress,
            count: () => payload.db.countVersions({ collection: slug }),
            readPage: (page) =>
              payload.db.findVersions({
                collection: slug,
                page,
                limit: pageSize,
                sort: ['updatedAt', 'id'],
                pagination: true,
              }),
          })
        : 0
      manifest.collections[slug] = { documents, versions: versionCount }
    }

    for (const { slug, versions } of payload.config.globals) {
      const global = await payload.db.findGlobal({ slug })
      const isSaved = Boolean(global && (global.createdAt || global.updatedAt))
      if (isSaved) {
        const staged = stage(entryNames.global(slug))
        await fsp.mkdir(path.dirname(staged), { recursive: true })
        await fsp.writeFile(staged, JSON.stringify(global))
      }
      const versionCount = versions
        ? await writeNDJSON({
            file: stage(entryNames.globalVersions(slug)),
            step: `${slug} versions`,
            onProgress,
            count: () => payload.db.countGlobalVersions({ global: slug }),
            readPage: (page) =>
              payload.db.findGlobalVersions({
                global: slug,
                page,
                limit: pageSize,
                sort: ['updatedAt', 'id'],
                pagination: true,
              }),
          })
        : 0
      manifest.globals[slug] = { isSaved, versions: versionCount }
      onProgress({ step: `global ${slug}`, done: isSaved ? 1 : 0, total: isSaved ? 1 : 0 })
    }

    const mediaFiles: {
      name: string
      read: () => Promise<Readable>
      size: number
      mtime: Date
    }[] = []
    for (const [collection, store] of Object.entries(mediaStores(payload))) {
      const counts: MediaCounts = { files: 0, bytes: 0 }
      for (const { relative, size, mtime } of await store.list()) {
        mediaFiles.push({
          name: entryNames.media(collection, relative),
          read: () => store.read(relative),
          size,
          mtime,
        })
        counts.files += 1
        counts.bytes += size
      }
      manifest.media[collection] = counts
    }

    const pack = tar.pack()
    const written = pipeline(pack, zlib.createGzip(), fs.createWriteStream(partial))
    // The manifest goes first, so that a restore can reject an archive it cannot read at once.
    await addEntry(
      pack,
      { name: entryNames.manifest },
      Buffer.from(JSON.stringify(manifest, null, 2)),
    )
    for (const name of stagedEntries) {
      const source = path.join(workDir, name)
      await addEntry(pack, { name, size: (await fsp.stat(source)).size }, source)
    }
    let mediaDone = 0
    const mediaTotal = mediaFiles.length
    onProgress({ step: 'media files', done: 0, total: mediaTotal })
    for (const { name, read, size, mtime } of mediaFiles) {
      await addEntry(pack, { name, size, mtime }, await read())
      mediaDone += 1
      if (mediaDone % progressEvery === 0 || mediaDone === mediaTotal)
        onProgress({ step: 'media files', done: mediaDone, total: mediaTotal })
    }
    pack.finalize()
    await written
    await fsp.rename(partial, target)
    return manifest
  } catch (error) {
    await fsp.rm(partial, { force: true })
    throw error
  } finally {
    await fsp.rm(workDir, { recursive: true, force: true })
  }
}
