import type { Photo, Speaker } from '@/payload-types'

import { cacheTags } from './cacheTags'
import { cachedQuery } from './cachedQuery'
import type { Locale } from '@/site/i18n'
import { getPayloadClient } from './payloadClient'

export type FeaturedSpeaker = Pick<Speaker, 'id' | 'name' | 'honorific' | 'slug' | 'positions'> & {
  portrait?: null | string | Pick<Photo, 'alt' | 'url' | 'width' | 'height' | 'sizes'>
}

// The home page shows a row of faces, not a directory.
export const featuredSpeakerCount = 8

// The people of an edition's published meetings, those with portraits first; embargoed people are
// not populated for the public and drop out.
export const listFeaturedSpeakers = cachedQuery({
  name: 'listFeaturedSpeakers',
  tags: [cacheTags.meetings, cacheTags.speakers, cacheTags.photos],
  query: async ({ locale, year }: { locale: Locale; year: number }) => {
    const payload = await getPayloadClient()
    const { docs } = await payload.find({
      collection: 'meetings',
      locale,
      where: { edition: { equals: year } },
      sort: 'startsAt',
      limit: 100,
      pagination: false,
      depth: 2,
      overrideAccess: false,
      select: { participants: true },
      populate: {
        speakers: {
          name: true,
          honorific: true,
          slug: true,
          portrait: true,
          positions: { title: true },
        },
        photos: { alt: true, url: true, width: true, height: true, sizes: true },
      },
    })
    const people = new Map<string, FeaturedSpeaker>()
    for (const meeting of docs)
      for (const person of meeting.participants ?? [])
        if (typeof person === 'object' && !people.has(person.id))
          people.set(person.id, person as FeaturedSpeaker)
    return [...people.values()]
      .sort((a, b) => Number(Boolean(b.portrait)) - Number(Boolean(a.portrait)))
      .slice(0, featuredSpeakerCount)
  },
})
