import type { Meeting } from '@/payload-types'

import { TZDate } from '@date-fns/tz'
import ical, { ICalCalendarMethod } from 'ical-generator'
import { tzlib_get_ical_block, tzlib_get_timezones } from 'timezones-ical-library'

import type { Locale } from './i18n'

import { forumTimeZone } from '@/payload/fields/dateTime'

import { meetingURL } from './jsonLd'

export type CalendarMeeting = Pick<
  Meeting,
  'id' | 'title' | 'slug' | 'startsAt' | 'startsAt_tz' | 'endsAt' | 'venue' | 'summary'
> &
  Partial<Pick<Meeting, 'updatedAt'>>

const knownTimeZones = new Set(tzlib_get_timezones() as string[])

// The VTIMEZONE for a TZID, so that clients without that zone (or with outdated rules) still read
// the times right. timezones-ical-library keeps its data in JavaScript, which survives bundling;
// a library reading .ics files from its own folder does not. A zone the library files under
// another name (a link such as Asia/Calcutta) is left out rather than given a mismatched TZID.
export const vtimezoneOf = (timeZone: string): null | string => {
  if (!knownTimeZones.has(timeZone)) return null
  const [block] = tzlib_get_ical_block(timeZone) as string[]
  return block?.includes(`TZID:${timeZone}\r\n`) ? block : null
}

// An iCalendar (RFC 5545) file of the given meetings. Pure: the caller loads the meetings and
// passes the site's address, so the output depends on its arguments alone.
export const meetingsCalendar = ({
  meetings,
  locale,
  baseURL,
  name,
}: {
  meetings: CalendarMeeting[]
  locale: Locale
  baseURL: string
  name: string
}): string => {
  const host = new URL(baseURL).host
  const calendar = ical({
    name,
    method: ICalCalendarMethod.PUBLISH,
    prodId: { company: 'CIFCC', product: 'cifcc-site', language: locale.toUpperCase() },
    // No calendar-wide zone: each event carries its own TZID, and the generator adds one
    // VTIMEZONE per zone used, so clients show Beijing time correctly without a zone database.
    timezone: { name: null, generator: vtimezoneOf },
  })
  for (const meeting of meetings) {
    const url = meetingURL({ slug: meeting.slug, locale, baseURL })
    const timeZone = meeting.startsAt_tz || forumTimeZone
    // DTSTAMP from the last edit rather than "now", so that the same data gives the same file.
    const stamp = meeting.updatedAt ?? meeting.startsAt
    calendar.createEvent({
      // Stable across edits, slug changes and languages: the meeting's id at this site.
      id: `${meeting.id}@${host}`,
      // ical-generator writes a plain Date's TZID time in the server's own zone; a TZDate
      // carries the meeting's zone, so DTSTART reads 14:00 in Asia/Shanghai on any server.
      start: new TZDate(meeting.startsAt, timeZone),
      end: meeting.endsAt ? new TZDate(meeting.endsAt, timeZone) : null,
      timezone: timeZone,
      stamp: new Date(stamp),
      lastModified: meeting.updatedAt ? new Date(meeting.updatedAt) : null,
      summary: meeting.title,
      // Several calendar apps ignore URL, so the link is repeated in the description.
      description: [meeting.summary, url].filter(Boolean).join('\n\n'),
      location: meeting.venue || null,
      url,
    })
  }
  return calendar.toString()
}
