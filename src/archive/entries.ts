import fs from 'node:fs'
import fsp from 'node:fs/promises'
import { pipeline } from 'node:stream/promises'
import { StringDecoder } from 'node:string_decoder'
import zlib from 'node:zlib'
import tar from 'tar-stream'

import { ArchiveError } from './format'

export type ArchiveEntry = {
  name: string
  size: number
  mtime: Date
  content: AsyncIterable<Buffer>
}

const gzipMagic = [0x1f, 0x8b]

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error))

const damaged = ({ file, error }: { file: string; error: unknown }) =>
  new ArchiveError(`The archive ${file} is damaged or incomplete: ${describe(error)}`)

// An entry's bytes, with a failure to read them (a truncated or corrupt archive) told apart from
// a failure of whatever the reader does with them (a database error while restoring).
async function* bytesOf({ file, content }: { file: string; content: AsyncIterable<unknown> }) {
  try {
    for await (const chunk of content) yield chunk as Buffer
  } catch (error) {
    throw damaged({ file, error })
  }
}

// Walks the archive's entries in order, one at a time; an entry the callback leaves unread is
// skipped. A file that is missing, not gzip, or damaged becomes an ArchiveError.
export const forEachEntry = async ({
  file,
  onEntry,
}: {
  file: string
  onEntry: (entry: ArchiveEntry) => Promise<void>
}): Promise<void> => {
  let handle: fsp.FileHandle
  try {
    handle = await fsp.open(file, 'r')
  } catch (error) {
    throw new ArchiveError(`Cannot read the archive ${file}: ${describe(error)}`)
  }
  const { bytesRead, buffer } = await handle.read(Buffer.alloc(2), 0, 2, 0)
  await handle.close()
  if (bytesRead < 2 || buffer[0] !== gzipMagic[0] || buffer[1] !== gzipMagic[1])
    throw new ArchiveError(`${file} is not an archive made by \`npm run export\` (not gzip).`)

  const extract = tar.extract()
  const feeding = pipeline(fs.createReadStream(file), zlib.createGunzip(), extract)
  // Its failure also ends the iteration below, which reports it.
  feeding.catch(() => {})
  let failedInCallback: { error: unknown } | undefined
  try {
    for await (const content of extract) {
      const { name, size, mtime, type } = content.header
      try {
        if (type === 'file')
          await onEntry({ name, size, mtime, content: bytesOf({ file, content }) })
      } catch (error) {
        failedInCallback = { error }
        throw error
      }
      content.resume()
    }
    await feeding
  } catch (error) {
    // The callback's own failures (a database error while restoring) are not the archive's.
    if (failedInCallback) throw failedInCallback.error
    throw damaged({ file, error })
  }
}

export const readText = async (content: AsyncIterable<Buffer>): Promise<string> => {
  const chunks: Buffer[] = []
  for await (const chunk of content) chunks.push(chunk)
  return Buffer.concat(chunks).toString('utf8')
}

const parseLine = <T>({ line, name }: { line: string; name: string }): T => {
  try {
    return JSON.parse(line) as T
  } catch {
    throw new ArchiveError(`The archive is damaged: ${name} holds something that is not JSON.`)
  }
}

export const readJSON = async <T>({ name, content }: ArchiveEntry): Promise<T> =>
  parseLine<T>({ line: await readText(content), name })

// One parsed value per line, without holding the whole entry in memory.
export async function* readNDJSON<T>({ name, content }: ArchiveEntry): AsyncGenerator<T> {
  const decoder = new StringDecoder('utf8')
  let pending = ''
  for await (const chunk of content) {
    pending += decoder.write(chunk)
    const lines = pending.split('\n')
    pending = lines.pop() ?? ''
    for (const line of lines) if (line) yield parseLine<T>({ line, name })
  }
  pending += decoder.end()
  if (pending) yield parseLine<T>({ line: pending, name })
}
