import type { Session } from '@/content/editions'
import type { Edition, Meeting, Speaker } from '@/payload-types'

import { TZDate } from '@date-fns/tz'
import { escapeUTF8 } from 'entities'
import { createHash } from 'node:crypto'

import type { Dictionary } from './dictionary'
import type { Locale } from './i18n'

import { forumTimeZone } from '@/payload/fields/dateTime'

import { interpolate } from './dictionary'
import { localePath } from './i18n'
import { isoWithOffset, meetingURL } from './jsonLd'
import { meetingKindLabel } from './kinds'
import { programmeDays } from './programme'

// An edition's programme in the c3voc/frab schedule format (https://c3voc.de/wiki/schedule), the
// one pretalx exports and Giggity, EventFahrplan and their like read: one model, written as
// schedule.json and schedule.xml. Pure: the caller loads the edition and its sessions.

export type SchedulePerson = Pick<Speaker, 'id' | 'name' | 'slug'>

// A speaker the public may not see comes back as a bare id and is left out.
type NamedPerson = null | number | SchedulePerson | string | undefined

export type ScheduleSession = Session &
  Pick<Meeting, 'focus'> & {
    host?: NamedPerson
    coHosts?: NamedPerson[] | null
    statements?: { speaker?: NamedPerson }[] | null
  }

export type ScheduleEdition = Pick<Edition, 'id' | 'theme' | 'startsOn' | 'endsOn' | 'updatedAt'>

type Reference = { type: 'web'; url: string; title: string }

export type ScheduleEvent = {
  guid: string
  id: number
  date: string
  start: string
  end: string
  duration: string
  room: string
  slug: string
  url: string
  title: string
  subtitle: null | string
  track: string
  type: string
  language: string
  abstract: string
  description: null | string
  persons: { name: string; public_name: string; guid: string; url: string }[]
  links: Reference[]
}

export type ScheduleDay = {
  index: number
  date: string
  day_start: string
  day_end: string
  rooms: Record<string, ScheduleEvent[]>
}

export type Schedule = {
  $schema: string
  generator: { name: string }
  schedule: {
    version: string
    base_url: string
    url: string
    conference: {
      acronym: string
      title: string
      description?: string
      start: string
      end: string
      daysCount: number
      timeslot_duration: string
      time_zone_name: string
      url: string
      rooms: { name: string; guid: string }[]
      days: ScheduleDay[]
    }
  }
}

// RFC 4122 name-based UUID (version 5, SHA-1).
export const uuidV5 = ({ name, namespace }: { name: string; namespace: string }): string => {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest()
  hash[6] = (hash[6] & 0x0f) | 0x50
  hash[8] = (hash[8] & 0x3f) | 0x80
  const hex = hash.subarray(0, 16).toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

// Fixed for good: apps keep favourites and reminders by guid, so changing a namespace would
// forget them all. A guid depends on the meeting's id alone, the same in either language.
const namespaces = {
  meetings: '6c374da4-f47e-4a5d-8f12-efbf79329df4',
  speakers: 'ff709970-212e-4271-adcf-6cf87fe64146',
  rooms: 'f369de6e-1e2a-4bb1-acc5-0101443fa8df',
} as const

export const meetingGuid = (id: number | string): string =>
  uuidV5({ name: String(id), namespace: namespaces.meetings })

// The format still requires the old numeric event id; MongoDB's ids are not numbers, so it is
// taken from the guid (48 bits: unique in practice, and safe as a JavaScript number).
const numericIdOf = (guid: string): number =>
  Number.parseInt(guid.replace(/-/g, '').slice(0, 12), 16) || 1

// The length the apps show when a meeting gave no end time.
const defaultMinutes = 60

const hoursAndMinutes = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`

// The frab types apps know, for the forum's kinds of meeting; the kind itself is the track.
const frabType: Record<Meeting['kind'], string> = {
  'round-table': 'discussion',
  plenary: 'talk',
  forum: 'talk',
  workshop: 'workshop',
  'side-event': 'meeting',
  'press-event': 'other',
}

const isNamed = (person: NamedPerson): person is SchedulePerson =>
  typeof person === 'object' && person !== null && Boolean(person.name)

// Host, co-hosts, then the speakers in the order they spoke, each once.
const personsOf = ({
  session,
  locale,
  baseURL,
}: {
  session: ScheduleSession
  locale: Locale
  baseURL: string
}): ScheduleEvent['persons'] => {
  const people = [
    session.host,
    ...(session.coHosts ?? []),
    ...(session.statements ?? []).map(({ speaker }) => speaker),
  ].filter(isNamed)
  const unique = [...new Map(people.map((person) => [person.id, person])).values()]
  return unique.map(({ id, name, slug }) => ({
    name,
    public_name: name,
    guid: uuidV5({ name: String(id), namespace: namespaces.speakers }),
    url: `${baseURL}${localePath({ locale, path: `/speakers/${slug}` })}`,
  }))
}

const eventOf = ({
  session,
  room,
  acronym,
  timeZone,
  locale,
  baseURL,
  dictionary,
}: {
  session: ScheduleSession
  room: string
  acronym: string
  timeZone: string
  locale: Locale
  baseURL: string
  dictionary: Dictionary
}): ScheduleEvent => {
  const guid = meetingGuid(session.id)
  const id = numericIdOf(guid)
  const zone = session.startsAt_tz || timeZone
  const date = isoWithOffset({ iso: session.startsAt, timeZone: zone })
  const minutes = session.endsAt
    ? Math.max(0, Math.round((Date.parse(session.endsAt) - Date.parse(session.startsAt)) / 60_000))
    : defaultMinutes
  const endsAt = new Date(Date.parse(session.startsAt) + minutes * 60_000).toISOString()
  const url = meetingURL({ slug: session.slug, locale, baseURL })
  const topics = (session.topics ?? []).map(({ topic }) => topic.trim()).filter(Boolean)
  return {
    guid,
    id,
    date,
    start: date.slice(11, 16),
    end: isoWithOffset({ iso: endsAt, timeZone: zone }),
    duration: hoursAndMinutes(minutes),
    room,
    slug: `${acronym}-${id}-${session.slug}`,
    url,
    title: session.title,
    subtitle: session.focus?.trim() || null,
    track: meetingKindLabel({ kind: session.kind, dictionary }),
    type: frabType[session.kind],
    language: locale,
    abstract: session.summary?.trim() ?? '',
    description: topics.length ? `${dictionary.topics}: ${topics.join(' · ')}` : null,
    persons: personsOf({ session, locale, baseURL }),
    links: [{ type: 'web', url, title: dictionary.meetingPage }],
  }
}

// A calendar date ("2022-10-30") of an instant in a zone.
const dateIn = ({ iso, timeZone }: { iso: string; timeZone: string }): string =>
  isoWithOffset({ iso, timeZone }).slice(0, 10)

// A forum lasts days, not months: the bound keeps a mistyped date from making a year of days.
const maxDays = 60

const datesBetween = ({ first, last }: { first: string; last: string }): string[] => {
  const dates: string[] = []
  for (let day = new Date(`${first}T00:00:00Z`); dates.length < maxDays;) {
    const date = day.toISOString().slice(0, 10)
    if (date > last) break
    dates.push(date)
    day = new Date(day.getTime() + 86_400_000)
  }
  return dates
}

// Local wall-clock time on a date, with its offset in the zone.
const localTime = ({
  date,
  time,
  timeZone,
}: {
  date: string
  time: string
  timeZone: string
}): string => {
  const [year, month, day] = date.split('-').map(Number)
  const [hours, minutes, seconds] = time.split(':').map(Number)
  const instant = new TZDate(year, month - 1, day, hours, minutes, seconds, timeZone)
  return isoWithOffset({ iso: new Date(instant.getTime()).toISOString(), timeZone })
}

const latest = (values: string[]): string => values.reduce((a, b) => (a > b ? a : b))

export const buildSchedule = ({
  edition,
  sessions,
  locale,
  baseURL,
  dictionary,
}: {
  edition: ScheduleEdition
  sessions: ScheduleSession[]
  locale: Locale
  baseURL: string
  dictionary: Dictionary
}): Schedule => {
  const year = edition.id
  const acronym = `cifcc${year}`
  const timeZone = sessions[0]?.startsAt_tz || forumTimeZone
  const byId = new Map(sessions.map((session) => [session.id, session]))
  const laidOut = programmeDays({ sessions })
  const roomName = (room: string) => room || dictionary.noRoom
  const sessionDates = laidOut.map(({ date }) => date)
  const first = [
    edition.startsOn && dateIn({ iso: edition.startsOn, timeZone }),
    sessionDates[0],
  ].filter((date): date is string => Boolean(date))
  const last = [
    edition.endsOn && dateIn({ iso: edition.endsOn, timeZone }),
    sessionDates.at(-1),
  ].filter((date): date is string => Boolean(date))
  const dates = first.length
    ? datesBetween({ first: first.sort()[0], last: latest([...last, ...first]) })
    : []
  const days = dates.map((date, index): ScheduleDay => {
    const day = laidOut.find((candidate) => candidate.date === date)
    const events = (day?.sessions ?? []).map(({ id, room }) =>
      eventOf({
        session: byId.get(id)!,
        room: roomName(room?.trim() ?? ''),
        acronym,
        timeZone,
        locale,
        baseURL,
        dictionary,
      }),
    )
    const rooms = Object.fromEntries(
      (day?.rooms ?? []).map((room) => [
        roomName(room),
        events.filter((event) => event.room === roomName(room)),
      ]),
    )
    // A day runs from its first session to its last; a day without sessions is the whole day.
    return {
      index: index + 1,
      date,
      day_start: events.length
        ? events.map(({ date: start }) => start).reduce((a, b) => (a < b ? a : b))
        : localTime({ date, time: '00:00:00', timeZone }),
      day_end: events.length
        ? latest(events.map(({ end }) => end))
        : localTime({ date, time: '23:59:59', timeZone }),
      rooms,
    }
  })
  const roomNames = [...new Set(days.flatMap(({ rooms }) => Object.keys(rooms)))]
  const editionPath = localePath({ locale, path: `/editions/${year}` })
  return {
    $schema: 'https://c3voc.de/schedule/schema.json',
    generator: { name: 'cifcc-site' },
    schedule: {
      // Apps reload when the version changes: the last edit to the edition or a session.
      version: latest([edition.updatedAt, ...sessions.map(({ updatedAt }) => updatedAt)]),
      base_url: `${baseURL}/`,
      url: `${baseURL}${editionPath}/schedule.json`,
      conference: {
        acronym,
        title: interpolate({ template: dictionary.editionTitle, values: { year } }),
        ...(edition.theme ? { description: edition.theme } : {}),
        start: dates[0] ?? `${year}-01-01`,
        end: dates.at(-1) ?? `${year}-01-01`,
        daysCount: days.length,
        timeslot_duration: '00:15',
        time_zone_name: timeZone,
        url: `${baseURL}${editionPath}`,
        rooms: roomNames.map((name) => ({
          name,
          guid: uuidV5({ name: `${year}/${name}`, namespace: namespaces.rooms }),
        })),
        days,
      },
    },
  }
}

// Text as XML allows it: control characters other than tab and newlines have no place in XML 1.0
// (an old page's import can carry one), and markup characters are escaped.
const xmlText = (value: number | string): string =>
  escapeUTF8(
    String(value).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, ''),
  ).replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')

const element = (name: string, value: null | number | string | undefined): string =>
  value === null || value === undefined || value === ''
    ? ''
    : `<${name}>${xmlText(value)}</${name}>`

const attributes = (values: Record<string, number | string>): string =>
  Object.entries(values)
    .map(([name, value]) => ` ${name}="${xmlText(value)}"`)
    .join('')

const eventXML = (event: ScheduleEvent): string =>
  [
    `<event${attributes({ guid: event.guid, id: event.id })}>`,
    element('room', event.room),
    element('title', event.title),
    element('subtitle', event.subtitle),
    element('type', event.type),
    element('date', event.date),
    element('start', event.start),
    element('duration', event.duration),
    // Required, if empty: the XSD asks for an abstract and a track on every event.
    `<abstract>${xmlText(event.abstract)}</abstract>`,
    element('slug', event.slug),
    `<track>${xmlText(event.track)}</track>`,
    element('language', event.language),
    element('description', event.description),
    '<persons>',
    ...event.persons.map(
      ({ guid, name }) => `<person${attributes({ guid })}>${xmlText(name)}</person>`,
    ),
    '</persons>',
    '<links>',
    ...event.links.map(
      ({ url, type, title }) => `<link${attributes({ href: url, type })}>${xmlText(title)}</link>`,
    ),
    '</links>',
    element('url', event.url),
    '</event>',
  ].join('')

// The same schedule as schedule.xml (the XSD's element order, one event per line).
export const scheduleXML = ({ schedule }: { schedule: Schedule }): string => {
  const { version, url, base_url, conference } = schedule.schedule
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<schedule>',
    `<generator${attributes(schedule.generator)}/>`,
    element('url', url.replace(/\.json$/, '.xml')),
    element('version', version),
    '<conference>',
    element('acronym', conference.acronym),
    element('title', conference.title),
    element('start', conference.start),
    element('end', conference.end),
    element('days', conference.daysCount),
    element('timeslot_duration', conference.timeslot_duration),
    element('base_url', base_url),
    element('url', conference.url),
    element('time_zone_name', conference.time_zone_name),
    '</conference>',
    ...conference.days.flatMap((day) => [
      `<day${attributes({ index: day.index, date: day.date, start: day.day_start, end: day.day_end })}>`,
      ...Object.entries(day.rooms).flatMap(([name, events]) => [
        `<room${attributes({ name, guid: conference.rooms.find((room) => room.name === name)!.guid })}>`,
        ...events.map(eventXML),
        '</room>',
      ]),
      '</day>',
    ]),
    '</schedule>',
    '',
  ].join('\n')
}
