import type { Meeting, Organisation, Photo, Speaker } from '@/payload-types'

import { cacheTags } from './cacheTags'
import { cachedQuery } from './cachedQuery'
import type { Locale } from '@/site/i18n'
import { letterOfSlug } from '@/site/letters'
import { oneBySlug } from './oneBySlug'
import { getPayloadClient } from './payloadClient'

export type SpeakerSummary = Pick<Speaker, 'id' | 'name' | 'honorific' | 'slug' | 'positions'>

export type SpeakerPhoto = Pick<
  Photo,
  'id' | 'alt' | 'caption' | 'url' | 'width' | 'height' | 'sizes' | 'meeting'
>

// What a speaker's page shows of the meetings they took part in; `host` and `coHosts` stay ids
// (the join is read at depth 1), which is all the page needs to say "Host".
export type SpeakerMeeting = Pick<
  Meeting,
  'id' | 'title' | 'slug' | 'startsAt' | 'startsAt_tz' | 'kind' | 'host' | 'coHosts'
>

export type SpeakerOrganisation = Pick<
  Organisation,
  'id' | 'name' | 'abbreviation' | 'slug' | 'website'
>

// A page of the directory holds a few screens of names: enough to browse by letter, small enough
// to render fast with thousands of speakers.
export const speakersPerPage = 120

export const listSpeakers = cachedQuery({
  name: 'listSpeakers',
  tags: [cacheTags.speakers, cacheTags.organisations],
  query: async ({ locale, page = 1 }: { locale: Locale; page?: number }) => {
    const payload = await getPayloadClient()
    const result = await payload.find({
      collection: 'speakers',
      locale,
      depth: 1,
      page,
      limit: speakersPerPage,
      // The directory files speakers under the first letter of their slug; slug order keeps every
      // letter together across page breaks.
      sort: 'slug',
      overrideAccess: false,
      select: { name: true, honorific: true, slug: true, positions: true },
      populate: { organisations: { name: true, abbreviation: true, slug: true } },
    })
    return { speakers: result.docs as SpeakerSummary[], totalPages: result.totalPages }
  },
})

// The page of the directory each letter starts on, for the A–Z index: one read of every slug (not
// localized, so no locales table), instead of a count per letter.
export const listSpeakerLetterPages = cachedQuery({
  name: 'listSpeakerLetterPages',
  tags: [cacheTags.speakers],
  query: async (): Promise<Record<string, number>> => {
    const payload = await getPayloadClient()
    const { docs } = await payload.find({
      collection: 'speakers',
      depth: 0,
      pagination: false,
      sort: 'slug',
      overrideAccess: false,
      select: { slug: true },
    })
    const pages: Record<string, number> = {}
    docs.forEach(({ slug }, index) => {
      const letter = letterOfSlug(slug)
      pages[letter] ??= Math.floor(index / speakersPerPage) + 1
    })
    return pages
  },
})

export const getSpeaker = cachedQuery({
  name: 'getSpeaker',
  tags: [cacheTags.speakers, cacheTags.organisations, cacheTags.meetings, cacheTags.photos],
  query: async ({ locale, slug }: { locale: Locale; slug: string }) => {
    const payload = await getPayloadClient()
    const { docs } = await payload.find({
      collection: 'speakers',
      locale,
      ...oneBySlug(slug),
      depth: 1,
      overrideAccess: false,
      joins: { meetings: { limit: 100, sort: '-startsAt' } },
      select: {
        name: true,
        honorific: true,
        slug: true,
        portrait: true,
        positions: true,
        bio: true,
        meetings: true,
        updatedAt: true,
      },
      populate: {
        // website: the Person JSON-LD names each employer with its own address.
        organisations: { name: true, abbreviation: true, slug: true, website: true },
        meetings: {
          title: true,
          slug: true,
          startsAt: true,
          startsAt_tz: true,
          kind: true,
          host: true,
          coHosts: true,
        },
        // Payload builds `url` from `filename` after the read: select both.
        photos: { alt: true, url: true, filename: true, width: true, height: true, sizes: true },
      },
    })
    const speaker = (docs[0] as Speaker | undefined) ?? null
    if (!speaker) return null
    const { docs: found } = await payload.find({
      collection: 'photos',
      locale,
      // `in` matches a hasMany relationship that includes the id, on SQLite and MongoDB alike.
      where: { people: { in: [speaker.id] } },
      limit: 24,
      depth: 1,
      sort: '-takenAt',
      overrideAccess: false,
      select: {
        alt: true,
        caption: true,
        url: true,
        filename: true,
        width: true,
        height: true,
        sizes: true,
        meeting: true,
      },
      populate: { meetings: { slug: true } },
    })
    const portraitId =
      speaker.portrait && typeof speaker.portrait === 'object'
        ? speaker.portrait.id
        : speaker.portrait
    // A photo of a draft meeting has its meeting withheld from the public (left as a bare id): it
    // is not shown until the meeting is published. The portrait is shown at the top already.
    const photos = (found as SpeakerPhoto[]).filter(
      (photo) => photo.id !== portraitId && (!photo.meeting || typeof photo.meeting === 'object'),
    )
    return { speaker, photos }
  },
})
