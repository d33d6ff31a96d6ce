import ICAL from 'ical.js'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'

import type { Meeting, Organisation, Photo, Speaker } from '@/payload-types'

import type { JsonLdNode } from '@/site/jsonLd'

import { meetingsCalendar } from '@/site/calendar'
import { meetingsFeed } from '@/site/feed'
import { isoWithOffset, meetingEventJsonLd, serializeJsonLd } from '@/site/jsonLd'

// Format tests of the pure builders: plain objects shaped like Payload documents, no database.

const baseURL = 'https://www.example.org'
const timestamps = { createdAt: '2022-11-01T00:00:00.000Z', updatedAt: '2022-11-02T08:00:00.000Z' }

const organisation: Organisation = {
  id: 'org-1',
  name: 'United Nations Industrial Development Organization',
  abbreviation: 'UNIDO',
  kind: 'un-agency',
  slug: 'unido',
  ...timestamps,
}

const speaker = (id: string, name: string, slug: string): Speaker => ({
  id,
  name,
  slug,
  ...timestamps,
})

const photo: Photo = {
  id: 'photo-1',
  alt: 'The panel <on stage>',
  url: '/api/photos/file/panel.jpg',
  width: 1600,
  height: 1067,
  sizes: {
    card: { url: '/api/photos/file/panel-768x512.webp', width: 768, height: 512 },
    og: { url: '/api/photos/file/panel-1200x630.jpg', width: 1200, height: 630 },
  },
  ...timestamps,
}

const roundTable: Meeting = {
  id: '4b3323ed-ed4d-4a51-916c-2935897ec7c9',
  title: 'Green Industry </script> and Low-Carbon Cities',
  kind: 'round-table',
  edition: 2022,
  startsAt: '2022-10-30T06:00:00.000Z',
  startsAt_tz: 'Asia/Shanghai',
  endsAt: '2022-10-30T09:30:00.000Z',
  endsAt_tz: 'Asia/Shanghai',
  venue: 'Beijing, China',
  summary: 'Speakers discussed carbon accounting; trading, and cities.',
  statements: [
    {
      id: 's1',
      speaker: speaker('sp-1', 'Edward Clarence-Smith', 'edward-clarence-smith'),
      organisation,
      position: 'Representative',
    },
    { id: 's2', speaker: speaker('sp-2', 'Zou Ji', 'zou-ji'), organisation: null, position: null },
    // The same speaker twice is one performer.
    { id: 's3', speaker: speaker('sp-2', 'Zou Ji', 'zou-ji') },
    // An unpopulated relationship (a draft speaker) is left out, not emitted as an id.
    { id: 's4', speaker: 'sp-hidden' },
  ],
  photos: { docs: [photo, 'photo-unpopulated'] },
  publishedAt: '2022-11-01T09:00:00.000Z',
  slug: 'green-industry',
  ...timestamps,
}

// In Paris in summer (UTC+2), with no venue, no end and no statements.
const workshop: Meeting = {
  id: 'meeting-2',
  title: 'Carbon Markets Workshop',
  kind: 'workshop',
  edition: 2024,
  startsAt: '2024-07-01T08:00:00.000Z',
  startsAt_tz: 'Europe/Paris',
  venue: null,
  summary: null,
  slug: 'carbon-markets-workshop',
  createdAt: '2024-06-01T00:00:00.000Z',
  updatedAt: '2024-06-01T00:00:00.000Z',
}

const utcMeeting: Meeting = {
  ...workshop,
  id: 'meeting-3',
  title: 'Online Briefing',
  slug: 'online-briefing',
  startsAt: '2024-01-15T12:00:00.000Z',
  startsAt_tz: 'UTC',
  endsAt: '2024-01-15T13:00:00.000Z',
}

// Every value at every depth, so that a test can look for undefined and null anywhere.
const allValues = (value: unknown): unknown[] =>
  value && typeof value === 'object'
    ? Object.values(value).flatMap((item) => [item, ...allValues(item)])
    : []

describe('isoWithOffset', () => {
  it('writes the wall-clock time and offset of the zone', () => {
    expect(isoWithOffset({ iso: '2022-10-30T06:00:00.000Z', timeZone: 'Asia/Shanghai' })).toBe(
      '2022-10-30T14:00:00+08:00',
    )
    expect(isoWithOffset({ iso: '2024-07-01T08:00:00.000Z', timeZone: 'Europe/Paris' })).toBe(
      '2024-07-01T10:00:00+02:00',
    )
    expect(isoWithOffset({ iso: '2024-01-15T08:00:00.000Z', timeZone: 'Europe/Paris' })).toBe(
      '2024-01-15T09:00:00+01:00',
    )
    expect(isoWithOffset({ iso: '2024-01-15T12:00:00.000Z', timeZone: 'UTC' })).toBe(
      '2024-01-15T12:00:00+00:00',
    )
  })
})

describe('meetingsCalendar', () => {
  const parse = (text: string) => new ICAL.Component(ICAL.parse(text))

  it('writes a parseable VCALENDAR with the meeting in its own time zone', () => {
    const text = meetingsCalendar({
      meetings: [roundTable],
      locale: 'en',
      baseURL,
      name: roundTable.title,
    })
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true)
    const calendar = parse(text)
    const events = calendar.getAllSubcomponents('vevent')
    expect(events).toHaveLength(1)
    const [event] = events

    const dtstart = event.getFirstProperty('dtstart')
    expect(dtstart?.getParameter('tzid')).toBe('Asia/Shanghai')
    expect(String(dtstart?.getFirstValue())).toBe('2022-10-30T14:00:00')
    expect(String(event.getFirstPropertyValue('dtend'))).toBe('2022-10-30T17:30:00')

    // The VTIMEZONE lets a client turn local time into the right instant.
    const zones = calendar.getAllSubcomponents('vtimezone')
    expect(zones.map((zone) => zone.getFirstPropertyValue('tzid'))).toEqual(['Asia/Shanghai'])
    const start = new ICAL.Event(event).startDate
    start.zone = new ICAL.Timezone(zones[0])
    expect(start.toJSDate().toISOString()).toBe(roundTable.startsAt)

    expect(event.getFirstPropertyValue('uid')).toBe(`${roundTable.id}@www.example.org`)
    expect(event.getFirstPropertyValue('summary')).toBe(roundTable.title)
    expect(event.getFirstPropertyValue('location')).toBe('Beijing, China')
    expect(event.getFirstPropertyValue('url')).toBe(`${baseURL}/meetings/green-industry`)
    // Escaped commas and semicolons read back as the original text.
    expect(event.getFirstPropertyValue('description')).toBe(
      `${roundTable.summary}\n\n${baseURL}/meetings/green-industry`,
    )
  })

  it('is deterministic, so the same data gives the same file', () => {
    const build = () =>
      meetingsCalendar({ meetings: [roundTable], locale: 'en', baseURL, name: 'Meetings' })
    expect(build()).toBe(build())
  })

  it('gives each zone one VTIMEZONE, writes UTC meetings in UTC and Chinese links under /zh', () => {
    const text = meetingsCalendar({
      meetings: [roundTable, workshop, utcMeeting],
      locale: 'zh',
      baseURL,
      name: '会议',
    })
    const calendar = parse(text)
    expect(
      calendar
        .getAllSubcomponents('vtimezone')
        .map((zone) => zone.getFirstPropertyValue('tzid'))
        .sort(),
    ).toEqual(['Asia/Shanghai', 'Europe/Paris'])
    const [, paris, utc] = calendar.getAllSubcomponents('vevent')
    expect(paris.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/Paris')
    expect(String(paris.getFirstPropertyValue('dtstart'))).toBe('2024-07-01T10:00:00')
    expect(paris.getFirstPropertyValue('dtend')).toBeNull()
    expect(paris.getFirstPropertyValue('location')).toBeNull()
    expect(paris.getFirstPropertyValue('url')).toBe(
      `${baseURL}/zh/meetings/carbon-markets-workshop`,
    )
    expect(utc.getFirstProperty('dtstart')?.getParameter('tzid')).toBeUndefined()
    expect(text).toContain('DTSTART:20240115T120000Z')
  })

  it('writes a valid empty calendar when nothing is upcoming', () => {
    const calendar = parse(meetingsCalendar({ meetings: [], locale: 'en', baseURL, name: 'X' }))
    expect(calendar.name).toBe('vcalendar')
    expect(calendar.getAllSubcomponents('vevent')).toHaveLength(0)
  })
})

describe('meetingsFeed', () => {
  const build = (meetings: Meeting[], locale: 'en' | 'zh' = 'en') =>
    meetingsFeed({
      meetings,
      locale,
      baseURL,
      title: 'CIFCC · News',
      description: 'Reports & more',
      feedURL: `${baseURL}${locale === 'zh' ? '/zh' : ''}/feed.xml`,
    })
  const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'item' })

  it('writes well-formed RSS 2.0 with one item per meeting', () => {
    const xml = build([roundTable, workshop])
    expect(XMLValidator.validate(xml)).toBe(true)
    const { rss } = parser.parse(xml)
    expect(rss['@_version']).toBe('2.0')
    expect(rss.channel.title).toBe('CIFCC · News')
    expect(rss.channel.link).toBe(`${baseURL}/`)
    const items = rss.channel.item
    expect(items).toHaveLength(2)
    expect(items.map((item: { link: string }) => item.link)).toEqual([
      `${baseURL}/meetings/green-industry`,
      `${baseURL}/meetings/carbon-markets-workshop`,
    ])
    expect(items[0].title).toBe(roundTable.title)
    expect(items[0].guid['#text']).toBe(`${roundTable.id}@www.example.org`)
    expect(items[0].guid['@_isPermaLink']).toBe('false')
    // Published date when there is one, else the day of the meeting.
    expect(new Date(items[0].pubDate).toISOString()).toBe(roundTable.publishedAt)
    expect(new Date(items[1].pubDate).toISOString()).toBe(workshop.startsAt)
    expect(items[0].description).toBe(roundTable.summary)
    expect(items[1].description).toBeUndefined()
  })

  it('links to the Chinese pages in the Chinese feed', () => {
    const { rss } = parser.parse(build([roundTable], 'zh'))
    expect(rss.channel.language).toBe('zh-cn')
    expect(rss.channel.item[0].link).toBe(`${baseURL}/zh/meetings/green-industry`)
  })

  it('puts news releases among the meetings by date, linked to their pages', () => {
    const release = {
      id: 'release-1',
      title: 'Registration opens',
      slug: 'registration-opens',
      summary: 'The forum opens registration.',
      publishedAt: '2022-11-02T09:00:00.000Z',
    }
    const xml = meetingsFeed({
      meetings: [roundTable],
      releases: [release],
      locale: 'zh',
      baseURL,
      title: 'CIFCC · News',
      description: 'Reports & more',
      feedURL: `${baseURL}/zh/feed.xml`,
    })
    const items = parser.parse(xml).rss.channel.item
    expect(items.map((item: { link: string }) => item.link)).toEqual([
      `${baseURL}/zh/news/registration-opens`,
      `${baseURL}/zh/meetings/green-industry`,
    ])
    expect(items[0].guid['#text']).toBe('release-1@www.example.org')
  })

  it('is well-formed with no items', () => {
    const xml = build([])
    expect(XMLValidator.validate(xml)).toBe(true)
    expect(parser.parse(xml).rss.channel.item).toBeUndefined()
  })
})

describe('meetingEventJsonLd', () => {
  const build = (meeting: Meeting) =>
    meetingEventJsonLd({ meeting, locale: 'en', baseURL, organizerName: 'CIFCC' })

  it('has the schema.org Event properties', () => {
    const event = build(roundTable)
    expect(event).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Event',
      name: roundTable.title,
      description: roundTable.summary,
      url: `${baseURL}/meetings/green-industry`,
      inLanguage: 'en',
      startDate: '2022-10-30T14:00:00+08:00',
      endDate: '2022-10-30T17:30:00+08:00',
      eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
      eventStatus: 'https://schema.org/EventScheduled',
      location: { '@type': 'Place', name: 'Beijing, China' },
      organizer: { '@type': 'Organization', name: 'CIFCC' },
      image: [`${baseURL}/api/photos/file/panel-1200x630.jpg`],
    })
    const performers = event.performer as JsonLdNode[]
    expect(performers.map((person) => person.name)).toEqual(['Edward Clarence-Smith', 'Zou Ji'])
    expect(performers[0]).toMatchObject({
      '@type': 'Person',
      url: `${baseURL}/speakers/edward-clarence-smith`,
      jobTitle: 'Representative',
      affiliation: { '@type': 'Organization', name: organisation.name, alternateName: 'UNIDO' },
    })
    // Nested nodes do not repeat the context.
    expect(performers[0]['@context']).toBeUndefined()
    expect(allValues(event).filter((value) => value === undefined || value === null)).toEqual([])
  })

  it('omits what the meeting does not have instead of writing empty values', () => {
    const event = build(workshop)
    expect(event.startDate).toBe('2024-07-01T10:00:00+02:00')
    for (const key of ['location', 'endDate', 'description', 'performer', 'image'])
      expect(event).not.toHaveProperty(key)
    expect(allValues(event).filter((value) => value === undefined || value === null)).toEqual([])
    expect(JSON.stringify(event)).not.toMatch(/null|""|\[\]|\{\}/)
  })

  it('serialises safely for a script element', () => {
    const text = serializeJsonLd({ data: build(roundTable) })
    expect(text).not.toContain('<')
    expect(text).toContain('\\u003c/script>')
    expect(JSON.parse(text).name).toBe(roundTable.title)
  })
})
