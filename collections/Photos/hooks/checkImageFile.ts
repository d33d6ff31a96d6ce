import type { CollectionBeforeOperationHook } from 'payload'
import type { Metadata } from 'sharp'

import { APIError } from 'payload'
import sharp from 'sharp'

// 24 MP is the forum's usual camera; 100 MP leaves room for any real photo, and refuses files
// whose header claims more than memory can decode (a "pixel bomb" of a few hundred bytes).
export const maxPhotoPixels = 100_000_000

const jpegEnd = Buffer.from([0xff, 0xd9])
const pngEnd = Buffer.from('IEND')

// A file cut short in transfer still has a valid header, so sharp reads its size and Payload only
// fails later, while resizing, with a message that says nothing. JPEG ends with EOI and PNG with
// its IEND chunk (a few bytes may follow either): checking for them costs nothing.
const isTruncated = ({ data, format }: { data: Buffer; format?: string }) => {
  const tail = data.subarray(Math.max(0, data.length - 32))
  if (format === 'jpeg') return !tail.includes(jpegEnd)
  if (format === 'png') return !tail.includes(pngEnd)
  return false
}

const refuse = (message: string) => new APIError(message, 400, null, true)

// Reads only the image's header: refuses, with a reason a person can act on, what Payload would
// otherwise accept and then fail on (or spend gigabytes of memory on) while making the sizes.
export const checkImageFile: CollectionBeforeOperationHook = async ({ req, operation }) => {
  if (operation !== 'create' && operation !== 'update') return
  const file = req.file
  if (!file?.data?.length || !file.mimetype?.startsWith('image/')) return
  let metadata: Metadata
  try {
    metadata = await sharp(file.data, { limitInputPixels: false }).metadata()
  } catch {
    // Not an image at all (a renamed document or program): Payload's own check of the file's
    // real type refuses it next, and names the type it found.
    return
  }
  const { width = 0, height = 0, format } = metadata
  if (width * height > maxPhotoPixels) {
    throw refuse(
      `"${file.name}" is ${width} × ${height} pixels; photos can be at most ` +
        `${maxPhotoPixels / 1_000_000} megapixels. Export a smaller copy and upload that.`,
    )
  }
  if (isTruncated({ data: file.data, format })) {
    throw refuse(
      `"${file.name}" is damaged or incomplete: the image ends before its last byte. ` +
        'Upload the original file again.',
    )
  }
}
