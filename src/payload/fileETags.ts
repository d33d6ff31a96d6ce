import type { PayloadRequest, UploadConfig } from 'payload'

import fs from 'node:fs/promises'
import path from 'node:path'

import { matchesETag } from '@/runtime/etags.mjs'
import { recordFileETag } from '@/runtime/requestContext.mjs'

type UploadHandler = NonNullable<UploadConfig['handlers']>[number]

// Payload streams an upload from the disk with no validator, so a reader's or partner's cache
// fetches each photo and PDF whole every time. This handler (an upload collection's `handlers`,
// run after Payload checked that the reader may see the file) tags it as serve-static and nginx
// do, by size and modification time: answers 304 to a reader who has it, and otherwise leaves the
// file to Payload and the tag to the renderer (src/server/finishedAnswers.mjs). On object
// storage there is no file here, and the storage plugin's handler answers with the bucket's ETag.
export const answerUnchangedFiles =
  (staticDir: string): UploadHandler =>
  (req, { params }) =>
    // Payload takes anything but a Response as "not answered here" (its getFile endpoint).
    unchangedAnswer({ req, staticDir, filename: params.filename }) as Promise<Response>

const unchangedAnswer = async ({
  req,
  staticDir,
  filename,
}: {
  req: PayloadRequest
  staticDir: string
  filename: string
}): Promise<Response | undefined> => {
  const folder = path.resolve(staticDir)
  const file = path.resolve(folder, filename)
  // Payload refuses a name that leaves the folder; so does this, before touching the disk.
  if (!file.startsWith(folder + path.sep)) return
  const stats = await fs.stat(file).catch(() => null)
  if (!stats?.isFile()) return
  const opaque = `"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`
  const etag = `W/${opaque}`
  if (matchesETag(req.headers.get('if-none-match') ?? undefined, opaque)) {
    return new Response(null, { status: 304, headers: { etag } })
  }
  recordFileETag(etag)
  return undefined
}
