import type { Payload } from 'payload'
import type { Readable } from 'node:stream'

import {
  GetObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3'
import { createHash } from 'node:crypto'
import { once } from 'node:events'
import fs from 'node:fs'
import fsp from 'node:fs/promises'
import path from 'node:path'

import type { ObjectStorageSettings } from '@/payload/objectStorage'

import { bucketPrefixOf, objectStorageSettings } from '@/payload/objectStorage'

import { archivedCollections, uploadDirectory } from './format'

// Where an upload collection's files are, for export and restore: a folder (MEDIA_DIR), or a
// bucket on object storage (S3_BUCKET) under the collection's prefix. Each file is named by its
// path relative to the folder or prefix, which is also its name in the archive.

export type StoredFile = { relative: string; size: number; mtime: Date }

export type MediaStore = {
  /** Where a file is, for messages. */
  describe: (relative: string) => string
  list: () => Promise<StoredFile[]>
  read: (relative: string) => Promise<Readable>
  /** The file's SHA-256 in hex, or null when there is no such file. */
  sha256: (relative: string) => Promise<string | null>
  write: (relative: string, content: AsyncIterable<Buffer>, mtime: Date) => Promise<void>
}

const sha256Of = async (content: AsyncIterable<Buffer>) => {
  const hash = createHash('sha256')
  for await (const chunk of content) hash.update(chunk)
  return hash.digest('hex')
}

const isInside = ({ file, dir }: { file: string; dir: string }) =>
  !path.relative(dir, file).startsWith('..')

// `others` are the folders of other upload collections inside this one (documents/ inside the
// photos' MEDIA_DIR): their files are theirs, not this collection's.
const folderStore = ({ dir, others = [] }: { dir: string; others?: string[] }): MediaStore => ({
  describe: (relative) => path.join(dir, relative),
  list: async () => {
    if (!fs.existsSync(dir)) return []
    const entries = await fsp.readdir(dir, { recursive: true, withFileTypes: true })
    const files = entries
      .filter((entry) => entry.isFile())
      .map((entry) => path.join(entry.parentPath, entry.name))
      .filter((file) => !others.some((other) => isInside({ file, dir: other })))
      .map((file) => path.relative(dir, file))
      .sort()
    return Promise.all(
      files.map(async (file) => {
        const { size, mtime } = await fsp.stat(path.join(dir, file))
        return { relative: file.split(path.sep).join('/'), size, mtime }
      }),
    )
  },
  read: async (relative) => fs.createReadStream(path.join(dir, relative)),
  sha256: async (relative) => {
    const file = path.join(dir, relative)
    return fs.existsSync(file) ? sha256Of(fs.createReadStream(file)) : null
  },
  write: async (relative, content, mtime) => {
    const destination = path.join(dir, relative)
    await fsp.mkdir(path.dirname(destination), { recursive: true })
    const out = fs.createWriteStream(destination)
    for await (const chunk of content) if (!out.write(chunk)) await once(out, 'drain')
    out.end()
    await once(out, 'close')
    await fsp.utimes(destination, mtime, mtime)
  },
})

const bucketStore = (settings: ObjectStorageSettings, prefix: string): MediaStore => {
  const client = new S3Client(settings.config)
  const Bucket = settings.bucket
  const keyOf = (relative: string) => `${prefix}/${relative}`
  const get = async (relative: string) => {
    try {
      const { Body } = await client.send(new GetObjectCommand({ Bucket, Key: keyOf(relative) }))
      return Body as Readable
    } catch (error) {
      if (error instanceof NoSuchKey) return null
      throw error
    }
  }
  return {
    describe: (relative) => `s3://${Bucket}/${keyOf(relative)}`,
    list: async () => {
      const files: StoredFile[] = []
      let ContinuationToken: string | undefined
      do {
        const page = await client.send(
          new ListObjectsV2Command({ Bucket, Prefix: `${prefix}/`, ContinuationToken }),
        )
        for (const { Key, Size, LastModified } of page.Contents ?? []) {
          if (!Key || Key.endsWith('/')) continue
          const relative = Key.slice(prefix.length + 1)
          files.push({ relative, size: Size ?? 0, mtime: LastModified ?? new Date() })
        }
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined
      } while (ContinuationToken)
      return files.sort((a, b) => (a.relative < b.relative ? -1 : 1))
    },
    read: async (relative) => {
      const body = await get(relative)
      if (!body) throw new Error(`${keyOf(relative)} is no longer in the bucket`)
      return body
    },
    sha256: async (relative) => {
      const body = await get(relative)
      return body ? sha256Of(body) : null
    },
    // A photo is at most 25 MB (payload.config.ts): held whole, so that S3 is told its length.
    write: async (relative, content) => {
      const chunks: Buffer[] = []
      for await (const chunk of content) chunks.push(chunk)
      await client.send(
        new PutObjectCommand({ Bucket, Key: keyOf(relative), Body: Buffer.concat(chunks) }),
      )
    },
  }
}

/** Each upload collection's store: its bucket when object storage holds it, its folder otherwise. */
export const mediaStores = (payload: Payload): Record<string, MediaStore> => {
  const settings = objectStorageSettings()
  const stores: Record<string, MediaStore> = {}
  const uploads = archivedCollections(payload).flatMap(({ slug, upload }) =>
    upload ? [{ slug, upload, dir: uploadDirectory(slug, upload) }] : [],
  )
  for (const { slug, upload, dir } of uploads) {
    // The storage adapter sets disableLocalStorage on the collections it keeps in the bucket.
    if (settings) stores[slug] = bucketStore(settings, bucketPrefixOf(slug))
    else if (!upload.disableLocalStorage) {
      const others = uploads
        .map((other) => other.dir)
        .filter((other) => other !== dir && isInside({ file: other, dir }))
      stores[slug] = folderStore({ dir, others })
    }
  }
  return stores
}
