import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'

import { photoSizes } from '../../../collections/Photos'

type SizeName = keyof typeof photoSizes

export type ImageFile = { filename: string; width: number; height: number; filesize: number }

export type BaseImage = {
  original: ImageFile & { mimeType: string }
  sizes: Record<SizeName, ImageFile & { mimeType: string }>
}

const originalSize = { width: 1920, height: 1280 }

const formatOf = (size: SizeName) => (size === 'og' ? 'jpeg' : 'webp')

// A few distinct pictures, each with every size the Photos collection makes, drawn once; every
// synthetic photo then links to one of them under its own name (a hard link costs no disk).
export const drawBaseImages = async ({
  directory,
  count,
}: {
  directory: string
  count: number
}): Promise<BaseImage[]> => {
  fs.mkdirSync(directory, { recursive: true })
  const images: BaseImage[] = []
  for (let index = 0; index < count; index += 1) {
    const hue = Math.round((index * 360) / count)
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${originalSize.width}" height="${originalSize.height}">
      <rect width="100%" height="100%" fill="hsl(${hue},45%,38%)"/>
      <rect x="160" y="760" width="1600" height="320" rx="24" fill="hsl(${hue},30%,22%)"/>
      <circle cx="${480 + index * 37}" cy="520" r="150" fill="hsl(${(hue + 40) % 360},50%,70%)"/>
      <circle cx="${1180 - index * 23}" cy="560" r="130" fill="hsl(${(hue + 80) % 360},50%,72%)"/>
    </svg>`
    const stem = `scale-base-${index}`
    const original = await sharp(Buffer.from(svg)).jpeg({ quality: 70 }).toBuffer()
    fs.writeFileSync(path.join(directory, `${stem}.jpg`), original)
    const sizes = {} as BaseImage['sizes']
    for (const [name, { width, height }] of Object.entries(photoSizes) as [
      SizeName,
      { width: number; height: number },
    ][]) {
      const format = formatOf(name)
      const buffer = await sharp(original)
        .resize(width, height, { fit: 'cover' })
        .toFormat(format, { quality: 75 })
        .toBuffer()
      const filename = `${stem}-${width}x${height}.${format === 'jpeg' ? 'jpg' : format}`
      fs.writeFileSync(path.join(directory, filename), buffer)
      sizes[name] = {
        filename,
        width,
        height,
        filesize: buffer.length,
        mimeType: `image/${format}`,
      }
    }
    images.push({
      original: {
        filename: `${stem}.jpg`,
        ...originalSize,
        filesize: original.length,
        mimeType: 'image/jpeg',
      },
      sizes,
    })
  }
  return images
}

// Gives a base picture, and each of its sizes, a new name in the media folder.
export const linkImage = ({
  directory,
  base,
  stem,
}: {
  directory: string
  base: BaseImage
  stem: string
}) => {
  const link = (from: string, to: string) => {
    const target = path.join(directory, to)
    fs.rmSync(target, { force: true })
    fs.linkSync(path.join(directory, from), target)
  }
  const filename = `${stem}.jpg`
  link(base.original.filename, filename)
  const sizes = Object.fromEntries(
    Object.entries(base.sizes).map(([name, size]) => {
      const sized = size.filename.replace(/^scale-base-\d+/, stem)
      link(size.filename, sized)
      return [name, { ...size, filename: sized }]
    }),
  )
  return { ...base.original, filename, sizes }
}
