import type { Meeting, Photo } from '@/payload-types'

import { cacheTags } from './cacheTags'
import { cachedQuery } from './cachedQuery'
import type { Locale } from '@/site/i18n'
import { oneBySlug } from './oneBySlug'
import { getPayloadClient } from './payloadClient'

export type GalleryPhoto = Pick<
  Photo,
  'id' | 'alt' | 'caption' | 'credit' | 'url' | 'width' | 'height' | 'sizes' | 'takenAt'
>

export type GalleryMeeting = Pick<Meeting, 'id' | 'title' | 'slug' | 'startsAt' | 'startsAt_tz'>

export type MeetingGallery = {
  meeting: GalleryMeeting
  photos: GalleryPhoto[]
  // Every photo of the meeting; `photos` may be the first few of them.
  totalPhotos: number
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
} as const

const meetingSelect = {
  title: true,
  slug: true,
  startsAt: true,
  startsAt_tz: true,
  photos: true,
} as const

// "Live pictures" is paginated by meeting, and shows the first photos of each: a wall of
// thousands of photos would be tens of megabytes of page.
export const galleriesPerPage = 10
export const photosPerGalleryOnWall = 12
// A meeting's own gallery shows all of its photos, up to a limit no real meeting reaches.
const photosPerGallery = 1000

type MeetingWithPhotos = GalleryMeeting & {
  photos?: { docs?: (string | GalleryPhoto)[]; totalDocs?: number }
}

const toGallery = ({ photos, ...meeting }: MeetingWithPhotos): MeetingGallery => {
  const docs = (photos?.docs ?? []).filter((photo) => typeof photo === 'object')
  return { meeting, photos: docs, totalPhotos: photos?.totalDocs ?? docs.length }
}

// Published meetings that have photos, newest first; Payload's access control leaves drafts out.
export const listGalleries = cachedQuery({
  name: 'listGalleries',
  tags: [cacheTags.photos, cacheTags.meetings],
  query: async ({ locale, page = 1 }: { locale: Locale; page?: number }) => {
    const payload = await getPayloadClient()
    const result = await payload.find({
      collection: 'meetings',
      locale,
      where: { photos: { exists: true } },
      page,
      limit: galleriesPerPage,
      depth: 1,
      sort: '-startsAt',
      overrideAccess: false,
      joins: { photos: { limit: photosPerGalleryOnWall, sort: 'takenAt', count: true } },
      select: meetingSelect,
      populate: { photos: photoSelect },
    })
    return {
      galleries: (result.docs as MeetingWithPhotos[]).map(toGallery),
      totalPages: result.totalPages,
    }
  },
})

export const getGallery = cachedQuery({
  name: 'getGallery',
  tags: [cacheTags.photos, cacheTags.meetings],
  query: async ({ locale, slug }: { locale: Locale; slug: string }) => {
    const payload = await getPayloadClient()
    const { docs } = await payload.find({
      collection: 'meetings',
      locale,
      ...oneBySlug(slug),
      depth: 1,
      overrideAccess: false,
      joins: { photos: { limit: photosPerGallery, sort: 'takenAt', count: true } },
      select: meetingSelect,
      populate: { photos: photoSelect },
    })
    const meeting = docs[0] as MeetingWithPhotos | undefined
    return meeting ? toGallery(meeting) : null
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
