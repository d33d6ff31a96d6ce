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

const photoSelect = {
  alt: true,
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
