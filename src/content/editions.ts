import type { Edition, Meeting, Organisation, Photo } from '@/payload-types'
import type { ScheduleSession } from '@/site/schedule'

import { cacheTags } from './cacheTags'
import { cachedQuery } from './cachedQuery'
import type { Locale } from '@/site/i18n'
import { getPayloadClient } from './payloadClient'

const photoPopulate = { alt: true, url: true, width: true, height: true, sizes: true } as const
const partnerPopulate = { name: true, abbreviation: true, slug: true, logo: true } as const

const cardSelect = {
  theme: true,
  startsOn: true,
  endsOn: true,
  city: true,
  venue: true,
  summary: true,
  heroPhoto: true,
} as const

export type EditionCard = Pick<Edition, 'id' | keyof typeof cardSelect>

export type Partner = Pick<Organisation, 'id' | 'name' | 'abbreviation' | 'slug'> & {
  logo?: string | null | Pick<Photo, 'alt' | 'url' | 'width' | 'height' | 'sizes'>
}

// Every published edition, newest first: the forum is one a year, so the whole series is a short
// list.
export const listEditions = cachedQuery({
  name: 'listEditions',
  tags: [cacheTags.editions, cacheTags.photos],
  query: async ({ locale }: { locale: Locale }) => {
    const payload = await getPayloadClient()
    const { docs } = await payload.find({
      collection: 'editions',
      locale,
      sort: '-id',
      limit: 200,
      depth: 1,
      overrideAccess: false,
      select: cardSelect,
      populate: { photos: photoPopulate },
    })
    return docs as EditionCard[]
  },
})

// One edition with its partners (logos included) by role.
export const getEdition = cachedQuery({
  name: 'getEdition',
  tags: [cacheTags.editions, cacheTags.organisations, cacheTags.photos],
  query: async ({ locale, year }: { locale: Locale; year: number }) => {
    const payload = await getPayloadClient()
    const { docs } = await payload.find({
      collection: 'editions',
      locale,
      where: { id: { equals: year } },
      limit: 1,
      pagination: false,
      depth: 2,
      overrideAccess: false,
      select: { ...cardSelect, partners: true, updatedAt: true },
      populate: { organisations: partnerPopulate, photos: photoPopulate },
    })
    return (docs[0] as Edition | undefined) ?? null
  },
})

// The newest published edition: the one the home page is built around.
export const getCurrentEdition = cachedQuery({
  name: 'getCurrentEdition',
  tags: [cacheTags.editions, cacheTags.organisations, cacheTags.photos],
  query: async ({ locale }: { locale: Locale }) => {
    const [latest] = await listEditions({ locale })
    return latest ? getEdition({ locale, year: latest.id }) : null
  },
})

const sessionSelect = {
  title: true,
  slug: true,
  kind: true,
  startsAt: true,
  startsAt_tz: true,
  endsAt: true,
  endsAt_tz: true,
  room: true,
  venue: true,
  summary: true,
  topics: true,
  updatedAt: true,
} as const

export type Session = Pick<Meeting, 'id' | keyof typeof sessionSelect>

// The most sessions one edition's programme shows: far above a real forum's few dozen, and a
// bound on a page's work however many a database holds.
export const maxSessions = 1000

// The find arguments of an edition's published meetings in time order; the caller says how much of
// each it reads.
const editionSessions = ({ locale, year }: { locale: Locale; year: number }) =>
  ({
    collection: 'meetings',
    locale,
    where: { edition: { equals: year } },
    sort: 'startsAt',
    limit: maxSessions,
    pagination: false,
    overrideAccess: false,
  }) as const

// An edition's published meetings in time order, for its programme and its exports.
export const listSessions = cachedQuery({
  name: 'listSessions',
  tags: [cacheTags.meetings],
  query: async ({ locale, year }: { locale: Locale; year: number }) => {
    const payload = await getPayloadClient()
    const { docs } = await payload.find({
      ...editionSessions({ locale, year }),
      depth: 0,
      select: sessionSelect,
    })
    return docs as Session[]
  },
})

// The sessions with their people by name, for the schedule exports (src/site/schedule.ts): the
// host, co-hosts and speakers. A speaker the public may not see stays a bare id.
export const listScheduleSessions = cachedQuery({
  name: 'listScheduleSessions',
  tags: [cacheTags.meetings, cacheTags.speakers],
  query: async ({ locale, year }: { locale: Locale; year: number }) => {
    const payload = await getPayloadClient()
    const { docs } = await payload.find({
      ...editionSessions({ locale, year }),
      depth: 1,
      select: {
        ...sessionSelect,
        focus: true,
        host: true,
        coHosts: true,
        statements: { speaker: true },
      },
      populate: { speakers: { name: true, slug: true } },
    })
    return docs as ScheduleSession[]
  },
})
