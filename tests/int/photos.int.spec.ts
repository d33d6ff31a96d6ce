import type { Payload, PayloadRequest } from 'payload'

import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Photo } from '@/payload-types'

import { photoSizes } from '@collections/Photos'
import { shareUploadBuffer } from '@collections/Photos/hooks/shareUploadBuffer'

import { makeTestImage, uploadTestImage } from '../helpers/factories'
import { getTestPayload } from '../helpers/payload'

type SizeName = keyof typeof photoSizes

// The Open Graph crop stays JPEG for link-preview crawlers; the others are WebP.
const expectedFormats: Record<SizeName, { mimeType: string; format: string }> = {
  thumbnail: { mimeType: 'image/webp', format: 'webp' },
  card: { mimeType: 'image/webp', format: 'webp' },
  hero: { mimeType: 'image/webp', format: 'webp' },
  og: { mimeType: 'image/jpeg', format: 'jpeg' },
}

const original = { width: 2400, height: 1600 }

// A crop is exactly its box; the hero fits inside its box with the photo's own shape, never
// enlarged.
const expectedDimensions = (name: SizeName, photo: { width: number; height: number }) => {
  const { width, height, fit } = photoSizes[name]
  if (fit === 'cover') return { width, height }
  const scale = Math.min(width / photo.width, height / photo.height, 1)
  return { width: Math.round(photo.width * scale), height: Math.round(photo.height * scale) }
}

const sizeCases = (Object.keys(photoSizes) as SizeName[]).map((name) => ({
  name,
  ...expectedDimensions(name, original),
  ...expectedFormats[name],
}))

const uploads: { format: 'jpeg' | 'png'; mimeType: string }[] = [
  { format: 'jpeg', mimeType: 'image/jpeg' },
  { format: 'png', mimeType: 'image/png' },
]

let payload: Payload

beforeAll(async () => {
  payload = await getTestPayload()
})

const mediaFile = (filename: null | string | undefined) =>
  path.join(process.env.MEDIA_DIR as string, String(filename))

describe.each(uploads)('a 2400×1600 $format upload', ({ format, mimeType }) => {
  let photo: Photo
  let uploaded: Buffer

  beforeAll(async () => {
    const file = await makeTestImage({ ...original, format })
    uploaded = Buffer.from(file.data)
    photo = await payload.create({
      collection: 'photos',
      data: { alt: `A ${format} test photo` },
      file,
    })
  })

  it('keeps the original with its type and dimensions', () => {
    expect(photo).toMatchObject({ mimeType, ...original })
  })

  it('stores the original in MEDIA_DIR', async () => {
    const metadata = await sharp(mediaFile(photo.filename)).metadata()

    expect({ width: metadata.width, height: metadata.height }).toEqual(original)
  })

  it('stores the original byte for byte', () => {
    expect(fs.readFileSync(mediaFile(photo.filename)).equals(uploaded)).toBe(true)
  })

  describe.each(sizeCases)('its $name size', (size) => {
    it(`is recorded at ${size.width}×${size.height} as ${size.mimeType}`, () => {
      expect(photo.sizes?.[size.name]).toMatchObject({
        width: size.width,
        height: size.height,
        mimeType: size.mimeType,
        filename: expect.any(String),
      })
    })

    it(`is a ${size.width}×${size.height} ${size.format} file in MEDIA_DIR`, async () => {
      const metadata = await sharp(mediaFile(photo.sizes?.[size.name]?.filename)).metadata()

      expect({ width: metadata.width, height: metadata.height, format: metadata.format }).toEqual({
        width: size.width,
        height: size.height,
        format: size.format,
      })
    })

    it('is served from the photos file route', () => {
      expect(photo.sizes?.[size.name]?.url).toBe(
        `/api/photos/file/${photo.sizes?.[size.name]?.filename}`,
      )
    })
  })

  it('writes its files to MEDIA_DIR and none to the project folder', () => {
    const names = [photo.filename, ...sizeCases.map(({ name }) => photo.sizes?.[name]?.filename)]

    const locations = names.map((name) => ({
      inMediaDir: fs.existsSync(mediaFile(name)),
      inProject: fs.existsSync(path.resolve(process.cwd(), 'media', String(name))),
    }))

    expect(locations).toEqual(names.map(() => ({ inMediaDir: true, inProject: false })))
  })
})

// The gallery's viewer shows the hero whole: a crop to 16:9 would cut the top and bottom off a
// landscape photo and most of a portrait one.
describe('the hero size', () => {
  it.each([
    { shape: 'landscape', width: 2400, height: 1600, hero: { width: 1620, height: 1080 } },
    { shape: 'portrait', width: 1600, height: 2400, hero: { width: 720, height: 1080 } },
    { shape: 'small', width: 1200, height: 800, hero: { width: 1200, height: 800 } },
  ])(
    'of a $width×$height $shape photo is $hero.width×$hero.height',
    async ({ width, height, hero }) => {
      const photo = await uploadTestImage(payload, { width, height })

      expect({ width: photo.sizes?.hero?.width, height: photo.sizes?.hero?.height }).toEqual(hero)
    },
  )
})

// Every image size starts from a sharp clone of the upload; a clone of a shared buffer is not a
// copy of it.
describe('before an upload is processed', () => {
  it('its bytes move to shared memory, and the caller keeps its own file', async () => {
    const file = await makeTestImage()
    const req = { file } as unknown as PayloadRequest

    await shareUploadBuffer({ req } as unknown as Parameters<typeof shareUploadBuffer>[0])

    expect({
      shared: req.file?.data.buffer instanceof SharedArrayBuffer,
      same: req.file?.data.equals(file.data),
      callerShared: file.data.buffer instanceof SharedArrayBuffer,
    }).toEqual({ shared: true, same: true, callerShared: false })
  })
})
