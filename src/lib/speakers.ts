import type { Speaker } from '@/payload-types'

import { cacheTags } from './cacheTags'
import { cachedQuery } from './cachedQuery'
import type { Locale } from './i18n'
import { getPayloadClient } from './payload'

export type SpeakerSummary = Pick<Speaker, 'id' | 'name' | 'honorific' | 'slug' | 'positions'>

export const listSpeakers = cachedQuery({
  name: 'listSpeakers',
  tags: [cacheTags.speakers, cacheTags.organisations],
  query: async ({ locale }: { locale: Locale }) => {
    const payload = await getPayloadClient()
    const { docs } = await payload.find({
      collection: 'speakers',
      locale,
      depth: 1,
      pagination: false,
      sort: 'slug',
      overrideAccess: false,
      select: { name: true, honorific: true, slug: true, positions: true },
      populate: { organisations: { name: true, abbreviation: true, slug: true } },
    })
    return docs as SpeakerSummary[]
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
      where: { slug: { equals: slug } },
      limit: 1,
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
        organisations: { name: true, abbreviation: true, slug: true },
        meetings: { title: true, slug: true, startsAt: true, startsAt_tz: true, kind: true },
        photos: { alt: true, url: true, width: true, height: true, sizes: true },
      },
    })
    const speaker = (docs[0] as Speaker | undefined) ?? null
    if (!speaker) return null
    const { docs: photos } = await payload.find({
      collection: 'photos',
      locale,
      where: { people: { contains: speaker.id } },
      limit: 24,
      depth: 0,
      sort: '-takenAt',
      overrideAccess: false,
      select: { alt: true, caption: true, url: true, width: true, height: true, sizes: true },
    })
    return { speaker, photos }
  },
})
