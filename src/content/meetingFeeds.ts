import type { CalendarMeeting } from '@/site/calendar'
import type { FeedMeeting } from '@/site/feed'
import type { Locale } from '@/site/i18n'
import type { Speaker } from '@/payload-types'

import { cacheTags } from './cacheTags'
import { cachedQuery } from './cachedQuery'
import { getDictionary } from '@/site/dictionary'
import { meetingsFeed } from '@/site/feed'
import { absoluteURL, siteURL } from '@/site/i18n'
import { oneBySlug } from './oneBySlug'
import { listFeedNews } from './news'
import { getPayloadClient } from './payloadClient'
import { getSite } from './site'

// Data for the iCalendar files and the RSS feed; the formats themselves are built in calendar.ts
// and feed.ts.

export const feedLength = 50

// What an iCalendar event needs of a meeting, for one meeting and for all upcoming ones.
const calendarSelect = {
  title: true,
  slug: true,
  startsAt: true,
  startsAt_tz: true,
  endsAt: true,
  venue: true,
  summary: true,
  updatedAt: true,
  // The year, for RELATED-TO the edition (depth 0 leaves it an id, which is the year).
  edition: true,
} as const

// Published meetings starting at or after `from`. Callers round `from` (to the hour) so that the
// cache holds one entry per hour rather than one per request, and filter the exact instant.
export const listUpcomingMeetings = cachedQuery({
  name: 'listUpcomingMeetings',
  tags: [cacheTags.meetings],
  query: async ({ locale, from }: { locale: Locale; from: string }) => {
    const payload = await getPayloadClient()
    const { docs } = await payload.find({
      collection: 'meetings',
      locale,
      where: { startsAt: { greater_than_equal: from } },
      sort: 'startsAt',
      limit: 200,
      depth: 0,
      overrideAccess: false,
      select: calendarSelect,
    })
    return docs as CalendarMeeting[]
  },
})

export const listFeedMeetings = cachedQuery({
  name: 'listFeedMeetings',
  tags: [cacheTags.meetings],
  query: async ({ locale }: { locale: Locale }) => {
    const payload = await getPayloadClient()
    const { docs } = await payload.find({
      collection: 'meetings',
      locale,
      sort: ['-publishedAt', '-startsAt'],
      limit: feedLength,
      depth: 0,
      overrideAccess: false,
      select: {
        title: true,
        slug: true,
        startsAt: true,
        summary: true,
        publishedAt: true,
        updatedAt: true,
      },
    })
    return docs as FeedMeeting[]
  },
})

export const getCalendarMeeting = cachedQuery({
  name: 'getCalendarMeeting',
  tags: [cacheTags.meetings],
  query: async ({ locale, slug }: { locale: Locale; slug: string }) => {
    const payload = await getPayloadClient()
    const { docs } = await payload.find({
      collection: 'meetings',
      locale,
      ...oneBySlug(slug),
      depth: 0,
      overrideAccess: false,
      select: calendarSelect,
    })
    return (docs[0] as CalendarMeeting | undefined) ?? null
  },
})

// A speaker's published meetings, for their calendar: the ones they hosted, spoke or answered at
// (the meetings' `participants`), oldest first. Null for a speaker the public may not see.
export const getSpeakerCalendar = cachedQuery({
  name: 'getSpeakerCalendar',
  tags: [cacheTags.speakers, cacheTags.meetings],
  query: async ({ locale, slug }: { locale: Locale; slug: string }) => {
    const payload = await getPayloadClient()
    const { docs: speakers } = await payload.find({
      collection: 'speakers',
      locale,
      ...oneBySlug(slug),
      depth: 0,
      overrideAccess: false,
      select: { name: true, slug: true },
    })
    const speaker = speakers[0] as Pick<Speaker, 'id' | 'name' | 'slug'> | undefined
    if (!speaker) return null
    const { docs } = await payload.find({
      collection: 'meetings',
      locale,
      // `in` matches a hasMany relationship that includes the id, on SQLite and MongoDB alike.
      where: { participants: { in: [speaker.id] } },
      sort: 'startsAt',
      limit: 500,
      pagination: false,
      depth: 0,
      overrideAccess: false,
      select: calendarSelect,
    })
    return { speaker, meetings: docs as CalendarMeeting[] }
  },
})

// The RSS response for /feed.xml (English) and /zh/feed.xml, shared by both route handlers: the
// newest meeting reports and news releases together.
export const meetingsFeedResponse = async ({ locale }: { locale: Locale }) => {
  const [meetings, releases, site] = await Promise.all([
    listFeedMeetings({ locale }),
    listFeedNews({ locale, limit: feedLength }),
    getSite({ locale }),
  ])
  const dictionary = getDictionary(locale)
  const body = meetingsFeed({
    meetings,
    releases,
    length: feedLength,
    locale,
    baseURL: siteURL(),
    title: `${site.name || dictionary.siteName} · ${dictionary.news}`,
    description: dictionary.meetingsFeedDescription,
    feedURL: absoluteURL({ locale, path: '/feed.xml' }),
    copyright: site.copyright,
  })
  return new Response(body, {
    headers: {
      'Content-Type': 'application/rss+xml; charset=utf-8',
      'Cache-Control': 'public, max-age=900',
    },
  })
}
