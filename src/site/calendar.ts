import type { Edition, Meeting } from '@/payload-types'

import { TZDate } from '@date-fns/tz'
import ical, { ICalCalendarMethod } from 'ical-generator'
import { tzlib_get_ical_block, tzlib_get_timezones } from 'timezones-ical-library'

import type { Locale } from './i18n'

import { forumTimeZone } from '@/payload/fields/dateTime'

import { editionYear } from '@/content/editionYear'

import { localePath } from './i18n'
import { isoWithOffset, meetingURL } from './jsonLd'

export type CalendarMeeting = Pick<
  Meeting,
  'id' | 'title' | 'slug' | 'startsAt' | 'startsAt_tz' | 'endsAt' | 'venue' | 'summary'
> &
  Partial<Pick<Meeting, 'updatedAt' | 'edition'>>

// The forum edition itself, as an all-day event its meetings are RELATED-TO.
export type CalendarEdition = Pick<Edition, 'id' | 'startsOn' | 'endsOn'> &
  Partial<Pick<Edition, 'theme' | 'updatedAt'>> & { title: string }

// Stable UIDs at this site: a meeting's id, an edition's year.
export const meetingUID = ({ id, host }: { id: number | string; host: string }) => `${id}@${host}`
export const editionUID = ({ year, host }: { year: number; host: string }) =>
  `edition-${year}@${host}`

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
  edition,
  locale,
  baseURL,
  name,
}: {
  meetings: CalendarMeeting[]
  edition?: CalendarEdition
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
      id: meetingUID({ id: meeting.id, host }),
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
  if (edition) addEdition({ calendar, edition, locale, baseURL })
  const related = meetings.map(({ edition: year }) =>
    year ? editionUID({ year: editionYear(year), host }) : null,
  )
  return withRelatedTo({ text: calendar.toString(), related })
}

type Calendar = ReturnType<typeof ical>

// A calendar date of the forum's own zone, as an all-day event's DATE ("20221029").
const forumDate = (iso: string) =>
  new Date(`${isoWithOffset({ iso, timeZone: forumTimeZone }).slice(0, 10)}T00:00:00Z`)

const addEdition = ({
  calendar,
  edition,
  locale,
  baseURL,
}: {
  calendar: Calendar
  edition: CalendarEdition
  locale: Locale
  baseURL: string
}) => {
  if (!edition.startsOn) return
  const url = `${baseURL}${localePath({ locale, path: `/editions/${edition.id}` })}`
  const lastDay = forumDate(edition.endsOn || edition.startsOn)
  calendar.createEvent({
    id: editionUID({ year: edition.id, host: new URL(baseURL).host }),
    allDay: true,
    start: forumDate(edition.startsOn),
    // An all-day event ends on the day after its last (RFC 5545: DTEND is exclusive).
    end: new Date(lastDay.getTime() + 86_400_000),
    stamp: new Date(edition.updatedAt ?? edition.startsOn),
    summary: edition.title,
    description: [edition.theme, url].filter(Boolean).join('\n\n'),
    url,
  })
}

// RFC 5545 folds content lines at 75 octets; a UID here is ASCII.
const foldLine = (line: string) => `${line.match(/.{1,74}/g)!.join('\r\n ')}\r\n`

// RELATED-TO (the parent, by default) names each meeting's edition by its UID. ical-generator has
// no such property (its x() takes X- names only), so the line goes in before each meeting's
// END:VEVENT, in the order the events were created; the edition's own event, created last, has
// none.
const withRelatedTo = ({ text, related }: { text: string; related: (null | string)[] }) => {
  let index = 0
  return text.replace(/END:VEVENT\r\n/g, (end) => {
    const uid = related[index++]
    return uid ? `${foldLine(`RELATED-TO:${uid}`)}${end}` : end
  })
}
