import type { Photo } from '@/payload-types'

import Image from 'next/image'

type ImageSource = { url: string; width: number; height: number }

// The square thumbnail suits a head-and-shoulders portrait (the card size is a 3:2 crop); the
// original stands in for uploads made before the sizes existed.
export const imageSource = ({
  photo,
  size,
}: {
  photo: Pick<Photo, 'url' | 'width' | 'height' | 'sizes'>
  size: 'thumbnail' | 'card'
}): ImageSource | null => {
  const sized = photo.sizes?.[size]
  if (sized?.url && sized.width && sized.height)
    return { url: sized.url, width: sized.width, height: sized.height }
  if (photo.url && photo.width && photo.height)
    return { url: photo.url, width: photo.width, height: photo.height }
  return null
}

export const Portrait = ({
  photo,
  className,
  sizes,
  preload = false,
}: {
  photo: Pick<Photo, 'alt' | 'url' | 'width' | 'height' | 'sizes'>
  className?: string
  sizes: string
  // Next 16's name for the deprecated `priority`: above-the-fold images load from the <head>.
  preload?: boolean
}) => {
  const source = imageSource({ photo, size: 'thumbnail' })
  if (!source) return null
  return (
    <Image
      className={className}
      src={source.url}
      width={source.width}
      height={source.height}
      alt={photo.alt}
      sizes={sizes}
      preload={preload}
    />
  )
}
