import type { Where } from 'payload'

import type { Document, Meeting } from '@/payload-types'

import { cacheTags } from './cacheTags'
import type { PreviewArgs } from './cachedQuery'
import { cachedQuery } from './cachedQuery'
import type { Locale } from '@/site/i18n'
import { oneBySlug } from './oneBySlug'
import { getPayloadClient } from './payloadClient'

export const meetingsPerPage = 12

const summarySelect = {
  title: true,
  slug: true,
  kind: true,
  edition: true,
  startsAt: true,
  startsAt_tz: true,
  endsAt: true,
  endsAt_tz: true,
  venue: true,
  summary: true,
} as const

export type MeetingSummary = Pick<Meeting, 'id' | keyof typeof summarySelect>

export const listMeetings = cachedQuery({
  name: 'listMeetings',
  tags: [cacheTags.meetings],
  query: async ({
    locale,
    page = 1,
    limit = meetingsPerPage,
    year,
    kind,
  }: {
    locale: Locale
    page?: number
    limit?: number
    year?: number
    kind?: Meeting['kind']
  }) => {
    const payload = await getPayloadClient()
    const where: Where = {}
    if (year) where.edition = { equals: year }
    if (kind) where.kind = { equals: kind }
    const result = await payload.find({
      collection: 'meetings',
      locale,
      where,
      page,
      limit,
      depth: 0,
      sort: '-startsAt',
      overrideAccess: false,
      select: summarySelect,
    })
    return {
      meetings: result.docs as MeetingSummary[],
      page: result.page ?? 1,
      totalPages: result.totalPages,
      totalDocs: result.totalDocs,
    }
  },
})

export const listMeetingEditions = cachedQuery({
  name: 'listMeetingEditions',
  tags: [cacheTags.meetings],
  query: async ({ locale }: { locale: Locale }) => {
    const payload = await getPayloadClient()
    // The database hands back the few distinct years (SELECT DISTINCT on SQLite, a $group on
    // MongoDB) rather than one row per published meeting for Payload to read and discard.
    const { values } = await payload.findDistinct({
      collection: 'meetings',
      locale,
      field: 'edition',
      sort: '-edition',
      overrideAccess: false,
    })
    return values
      .map(({ edition }) => edition)
      .filter((edition): edition is number => typeof edition === 'number')
      .sort((a, b) => b - a)
  },
})

// Only the title of each position: their organisations would cost another level of population.
const speakerPopulate = {
  name: true,
  honorific: true,
  slug: true,
  positions: { title: true },
} as const
const organisationPopulate = { name: true, abbreviation: true, slug: true, kind: true } as const
const photoPopulate = {
  alt: true,
  caption: true,
  credit: true,
  url: true,
  width: true,
  height: true,
  sizes: true,
  filename: true,
} as const
// Payload computes `url` from `filename` after reading, so the filename is selected too.
const documentPopulate = {
  title: true,
  language: true,
  filesize: true,
  filename: true,
  url: true,
} as const

export type MeetingDocument = Pick<Document, 'id' | keyof typeof documentPopulate>

// A meeting lists every one of its documents; no real meeting comes near this many.
const documentsPerMeeting = 100

export const getMeeting = cachedQuery({
  name: 'getMeeting',
  tags: [
    cacheTags.meetings,
    cacheTags.editions,
    cacheTags.speakers,
    cacheTags.organisations,
    cacheTags.photos,
    cacheTags.documents,
  ],
  query: async ({ locale, slug, viewer }: { locale: Locale; slug: string } & PreviewArgs) => {
    const payload = await getPayloadClient()
    // depth 1: speakers, organisations and photos, one batched query per collection through
    // Payload's dataloader; `populate` keeps each to the fields the page shows.
    const { docs } = await payload.find({
      collection: 'meetings',
      locale,
      ...oneBySlug(slug),
      depth: 1,
      overrideAccess: false,
      draft: Boolean(viewer),
      user: viewer ?? undefined,
      joins: {
        photos: { limit: 60, sort: 'takenAt' },
        documents: { limit: documentsPerMeeting, sort: 'createdAt' },
      },
      select: {
        ...summarySelect,
        room: true,
        host: true,
        coHosts: true,
        focus: true,
        topics: true,
        body: true,
        statements: true,
        questions: true,
        attendingOrganisations: true,
        photos: true,
        recordings: true,
        documents: true,
        publishedAt: true,
        updatedAt: true,
      },
      populate: {
        // The edition's theme for the link to it; a draft edition stays an id.
        editions: { theme: true },
        speakers: speakerPopulate,
        organisations: organisationPopulate,
        photos: photoPopulate,
        documents: documentPopulate,
      },
    })
    return (docs[0] as Meeting | undefined) ?? null
  },
})

// Previous and next in time among published meetings, for the links at the foot of a meeting.
export const getAdjacentMeetings = cachedQuery({
  name: 'getAdjacentMeetings',
  tags: [cacheTags.meetingSchedule],
  query: async ({ locale, startsAt }: { locale: Locale; startsAt: string }) => {
    const payload = await getPayloadClient()
    const neighbour = async (direction: 'before' | 'after') => {
      const { docs } = await payload.find({
        collection: 'meetings',
        locale,
        where: {
          startsAt: direction === 'before' ? { less_than: startsAt } : { greater_than: startsAt },
        },
        sort: direction === 'before' ? '-startsAt' : 'startsAt',
        limit: 1,
        // One document is wanted, not a page of them: skip the count query.
        pagination: false,
        depth: 0,
        overrideAccess: false,
        select: { title: true, slug: true },
      })
      return (docs[0] as Pick<Meeting, 'id' | 'title' | 'slug'> | undefined) ?? null
    }
    const [previous, next] = await Promise.all([neighbour('before'), neighbour('after')])
    return { previous, next }
  },
})
