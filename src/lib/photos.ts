import type { Meeting, Photo } from '@/payload-types'

import { cacheTags } from './cacheTags'
import { cachedQuery } from './cachedQuery'
import type { Locale } from './i18n'
import { getPayloadClient } from './payload'

export type GalleryPhoto = Pick<
  Photo,
  'id' | 'alt' | 'caption' | 'credit' | 'url' | 'width' | 'height' | 'sizes' | 'takenAt'
>

export type MeetingGallery = {
  meeting: Pick<Meeting, 'id' | 'title' | 'slug' | 'startsAt' | 'startsAt_tz'>
  photos: GalleryPhoto[]
}

// Payload computes `url` from `filename` after reading, so the filename must be selected too.
const photoSelect = {
  alt: true,
  filename: true,
  caption: true,
  credit: true,
  url: true,
  width: true,
  height: true,
  sizes: true,
  takenAt: true,
  meeting: true,
} as const

// "Live pictures": every published meeting that has photos, newest first, with its photos.
export const listGalleries = cachedQuery({
  name: 'listGalleries',
  tags: [cacheTags.photos, cacheTags.meetings],
  query: async ({ locale }: { locale: Locale }): Promise<MeetingGallery[]> => {
    const payload = await getPayloadClient()
    const { docs } = await payload.find({
      collection: 'photos',
      locale,
      where: { meeting: { exists: true } },
      depth: 1,
      pagination: false,
      sort: 'takenAt',
      overrideAccess: false,
      select: photoSelect,
      populate: { meetings: { title: true, slug: true, startsAt: true, startsAt_tz: true } },
    })
    const galleries = new Map<string, MeetingGallery>()
    for (const { meeting, ...photo } of docs) {
      // A photo of a draft meeting has its meeting withheld from the public (populated as an id).
      if (!meeting || typeof meeting !== 'object') continue
      const gallery = galleries.get(meeting.id) ?? { meeting, photos: [] }
      gallery.photos.push(photo as GalleryPhoto)
      galleries.set(meeting.id, gallery)
    }
    return [...galleries.values()].sort((a, b) =>
      b.meeting.startsAt.localeCompare(a.meeting.startsAt),
    )
  },
})

export type ImageSource = { url: string; width: number; height: number }

// What the gallery and its viewer need of a photo, small enough to hand to a client component.
export type ViewablePhoto = {
  id: string
  alt: string
  caption: null | string
  credit: null | string
  original: ImageSource
  large: ImageSource
}

export const toViewablePhoto = (photo: GalleryPhoto): null | ViewablePhoto => {
  const { url, width, height } = photo
  // An upload whose file failed to process has no dimensions; next/image cannot lay it out.
  if (!url || !width || !height) return null
  const original = { url, width, height }
  const hero = photo.sizes?.hero
  // The hero size is never enlarged, so a photo smaller than it may have none: show the original.
  const large =
    hero?.url && hero.width && hero.height
      ? { url: hero.url, width: hero.width, height: hero.height }
      : original
  return {
    id: photo.id,
    alt: photo.alt,
    caption: photo.caption ?? null,
    credit: photo.credit ?? null,
    original,
    large,
  }
}
