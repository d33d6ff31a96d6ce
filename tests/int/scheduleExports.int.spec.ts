import type { Payload } from 'payload'

import ICAL from 'ical.js'
import { beforeAll, describe, expect, it, vi } from 'vitest'

import type { Edition, Meeting, Speaker } from '@/payload-types'
import type { Schedule, ScheduleEvent } from '@/site/schedule'

import { GET as editionCalendarGET } from '@/app/(frontend)/[locale]/editions/[year]/calendar.ics/route'
import { GET as scheduleJSONGET } from '@/app/(frontend)/[locale]/editions/[year]/schedule.json/route'
import { GET as scheduleXMLGET } from '@/app/(frontend)/[locale]/editions/[year]/schedule.xml/route'
import { GET as meetingCalendarGET } from '@/app/(frontend)/[locale]/meetings/[slug]/calendar.ics/route'
import { GET as speakerCalendarGET } from '@/app/(frontend)/[locale]/speakers/[slug]/calendar.ics/route'
import { siteURL } from '@/site/i18n'
import { meetingGuid, uuidV5 } from '@/site/schedule'

import { createEdition, createMeeting, createSpeaker } from '../helpers/factories'
import { getTestPayload } from '../helpers/payload'
import { scheduleJSONErrors, scheduleXMLErrors } from '../helpers/scheduleSchemas'

vi.mock('next/cache', () => import('../helpers/uncachedNextCache'))

// The schedule exports (schedule.json, schedule.xml in the c3voc/frab format) and the calendars of
// an edition and of a speaker, read through their route handlers from a real database: a forum of
// three days, two rooms with sessions side by side, a session with no room and no end, a draft.

type Handler = (request: Request, context: { params: Promise<never> }) => Promise<Response>

const get = (handler: Handler, params: Record<string, string>) =>
  (handler as (request: Request, context: { params: Promise<typeof params> }) => Promise<Response>)(
    new Request('http://localhost/export'),
    { params: Promise.resolve(params) },
  )

const host = new URL(siteURL()).host

let payload: Payload
let edition: Edition
let draftEdition: Edition
let people: Record<'host' | 'coHost' | 'speaker' | 'unannounced', Speaker>
let sessions: Record<
  'opening' | 'parallelA' | 'parallelB' | 'workshop' | 'unplaced' | 'closing' | 'draft',
  Meeting
>
let elsewhere: Meeting

// A Beijing wall-clock time on the forum's nth day.
const at = (day: number, time: string) =>
  new Date(`${edition.id}-10-${28 + day}T${time}:00+08:00`).toISOString()

const readSchedule = async (locale = 'en', year = String(edition.id)) => {
  const response = await get(scheduleJSONGET, { locale, year })
  expect(response.status).toBe(200)
  return (await response.json()) as Schedule
}

const eventsOf = (schedule: Schedule): ScheduleEvent[] =>
  schedule.schedule.conference.days.flatMap(({ rooms }) => Object.values(rooms).flat())

const eventOf = (schedule: Schedule, meeting: Meeting) =>
  eventsOf(schedule).find(({ guid }) => guid === meetingGuid(meeting.id))!

beforeAll(async () => {
  payload = await getTestPayload()
  edition = await createEdition(payload, { theme: 'Climate, together' })
  edition = await payload.update({
    collection: 'editions',
    id: edition.id,
    data: { startsOn: at(1, '12:00'), endsOn: at(3, '12:00') },
  })
  draftEdition = await createEdition(payload, { _status: 'draft' })
  people = {
    host: await createSpeaker(payload, { name: 'Zou Ji' }),
    coHost: await createSpeaker(payload, { name: 'Li Junfeng' }),
    speaker: await createSpeaker(payload, { name: 'Ma Jun' }),
    unannounced: await createSpeaker(payload, { name: 'Not Yet Announced' }),
  }
  const meeting = (data: Parameters<typeof createMeeting>[1]) =>
    createMeeting(payload, { edition: edition.id, ...data })
  sessions = {
    opening: await meeting({
      title: 'Opening plenary',
      kind: 'plenary',
      startsAt: at(1, '09:00'),
      endsAt: at(1, '10:30'),
      room: 'Hall A',
      summary: 'The forum opens.',
      focus: 'Policy and trend',
      host: people.host.id,
      coHosts: [people.coHost.id],
      statements: [{ speaker: people.speaker.id }, { speaker: people.host.id }],
    }),
    parallelA: await meeting({
      title: 'Green finance',
      kind: 'round-table',
      startsAt: at(1, '11:00'),
      endsAt: at(1, '12:00'),
      room: 'Hall A',
      summary: 'Money for the transition.',
      statements: [{ speaker: people.speaker.id }],
    }),
    parallelB: await meeting({
      title: 'Low-carbon cities',
      kind: 'workshop',
      startsAt: at(1, '11:00'),
      endsAt: at(1, '12:30'),
      room: 'Hall B',
      summary: 'Cities and projects.',
      host: people.host.id,
    }),
    workshop: await meeting({
      title: 'Carbon markets',
      kind: 'forum',
      startsAt: at(2, '14:00'),
      endsAt: at(2, '15:30'),
      room: 'Hall B',
      summary: 'Trading emissions.',
      topics: [{ topic: 'Markets' }, { topic: 'Policy' }],
    }),
    unplaced: await meeting({
      title: 'Press briefing',
      kind: 'press-event',
      startsAt: at(2, '16:00'),
    }),
    closing: await meeting({
      title: 'Closing round table',
      kind: 'round-table',
      startsAt: at(3, '09:30'),
      endsAt: at(3, '11:00'),
      room: 'Hall A',
      summary: 'What comes next.',
      coHosts: [people.coHost.id],
    }),
    draft: await meeting({
      _status: 'draft',
      title: 'Secret side event',
      kind: 'side-event',
      startsAt: at(2, '09:00'),
      endsAt: at(2, '10:00'),
      room: 'Hall A',
      host: people.unannounced.id,
      statements: [{ speaker: people.host.id }],
    }),
  }
  elsewhere = await createMeeting(payload, {
    title: 'Another year',
    edition: draftEdition.id,
    startsAt: at(2, '10:00'),
  })
  await payload.update({
    collection: 'meetings',
    id: sessions.opening.id,
    locale: 'zh',
    data: { title: '开幕全体会议', room: '甲厅', summary: '论坛开幕。' },
  })
})

describe('schedule.json and schedule.xml', () => {
  it('writes schedule.json as the published JSON schema describes it', async () => {
    const schedule = await readSchedule()

    expect(scheduleJSONErrors(schedule)).toEqual([])
  })

  it('writes schedule.xml as the published XML schema describes it, with the same events', async () => {
    const response = await get(scheduleXMLGET, { locale: 'en', year: String(edition.id) })
    const xml = await response.text()

    expect(response.headers.get('content-type')).toBe('application/xml; charset=utf-8')
    expect(await scheduleXMLErrors(xml)).toEqual([])
    const guids = [...xml.matchAll(/<event guid="([^"]+)"/g)].map(([, guid]) => guid).sort()
    expect(guids).toEqual(
      eventsOf(await readSchedule())
        .map(({ guid }) => guid)
        .sort(),
    )
  })

  it('writes the Chinese exports as valid as the English ones', async () => {
    const response = await get(scheduleXMLGET, { locale: 'zh', year: String(edition.id) })

    expect(scheduleJSONErrors(await readSchedule('zh'))).toEqual([])
    expect(await scheduleXMLErrors(await response.text())).toEqual([])
  })

  it('lists every published session of the edition once, and no draft or other edition', async () => {
    const titles = eventsOf(await readSchedule()).map(({ title }) => title)

    expect(titles.sort()).toEqual(
      [
        sessions.opening,
        sessions.parallelA,
        sessions.parallelB,
        sessions.workshop,
        sessions.unplaced,
        sessions.closing,
      ]
        .map(({ title }) => title)
        .sort(),
    )
    expect(titles).not.toContain(sessions.draft.title)
    expect(titles).not.toContain(elsewhere.title)
  })

  it('describes the conference: acronym, title, dates, days, zone and address', async () => {
    const { conference } = (await readSchedule()).schedule

    expect(conference).toMatchObject({
      acronym: `cifcc${edition.id}`,
      title: `CIFCC ${edition.id}`,
      description: 'Climate, together',
      start: `${edition.id}-10-29`,
      end: `${edition.id}-10-31`,
      daysCount: 3,
      timeslot_duration: '00:15',
      time_zone_name: 'Asia/Shanghai',
      url: `${siteURL()}/editions/${edition.id}`,
    })
    expect(conference.rooms.map(({ name }) => name).sort()).toEqual([
      'Hall A',
      'Hall B',
      'Room to be announced',
    ])
  })

  it('lays the days out with their bounds and sessions side by side in their rooms', async () => {
    const { days } = (await readSchedule()).schedule.conference
    const titlesByRoom = (rooms: Record<string, ScheduleEvent[]>) =>
      Object.fromEntries(
        Object.entries(rooms).map(([room, events]) => [room, events.map(({ title }) => title)]),
      )

    expect(days.map(({ index, date }) => [index, date])).toEqual([
      [1, `${edition.id}-10-29`],
      [2, `${edition.id}-10-30`],
      [3, `${edition.id}-10-31`],
    ])
    expect(days[0]).toMatchObject({
      day_start: `${edition.id}-10-29T09:00:00+08:00`,
      day_end: `${edition.id}-10-29T12:30:00+08:00`,
    })
    expect(titlesByRoom(days[0].rooms)).toEqual({
      'Hall A': ['Opening plenary', 'Green finance'],
      'Hall B': ['Low-carbon cities'],
    })
    expect(titlesByRoom(days[1].rooms)).toEqual({
      'Hall B': ['Carbon markets'],
      'Room to be announced': ['Press briefing'],
    })
  })

  it('gives a session its time, length, room, kind, text, people and page', async () => {
    const opening = eventOf(await readSchedule(), sessions.opening)

    expect(opening).toMatchObject({
      date: `${edition.id}-10-29T09:00:00+08:00`,
      start: '09:00',
      duration: '01:30',
      end: `${edition.id}-10-29T10:30:00+08:00`,
      room: 'Hall A',
      title: 'Opening plenary',
      subtitle: 'Policy and trend',
      track: 'Plenary session',
      type: 'talk',
      language: 'en',
      abstract: 'The forum opens.',
      url: `${siteURL()}/meetings/${sessions.opening.slug}`,
      links: [{ type: 'web', url: `${siteURL()}/meetings/${sessions.opening.slug}` }],
    })
    expect(opening.persons.map(({ name }) => name)).toEqual(['Zou Ji', 'Li Junfeng', 'Ma Jun'])
    expect(opening.persons[0].url).toBe(`${siteURL()}/speakers/${people.host.slug}`)
  })

  it('gives a session without an end an hour, and names its topics', async () => {
    const schedule = await readSchedule()

    expect(eventOf(schedule, sessions.unplaced).duration).toBe('01:00')
    expect(eventOf(schedule, sessions.workshop).description).toBe('Topics: Markets · Policy')
  })

  it('fills in every field the schedule apps read, for every session', async () => {
    const needed = ['guid', 'date', 'start', 'duration', 'room', 'title', 'type', 'url', 'slug']
    const events = eventsOf(await readSchedule())

    expect(events).toHaveLength(6)
    for (const event of events) {
      for (const field of needed)
        expect(event[field as keyof ScheduleEvent], `${event.title}: ${field}`).toBeTruthy()
      expect(event.id, event.title).toBeGreaterThan(0)
      expect(event.links, event.title).not.toHaveLength(0)
    }
    expect(events.filter(({ abstract }) => !abstract).map(({ title }) => title)).toEqual([
      'Press briefing',
    ])
  })

  it('keeps a session guid from its id alone: a UUID v5, the same in both languages', async () => {
    const [english, chinese] = [await readSchedule('en'), await readSchedule('zh')]
    const openingZh = eventOf(chinese, sessions.opening)

    expect(eventOf(english, sessions.opening).guid).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    )
    expect(openingZh).toMatchObject({ title: '开幕全体会议', room: '甲厅', language: 'zh' })
    expect(openingZh.url).toBe(`${siteURL()}/zh/meetings/${sessions.opening.slug}`)
    expect(
      eventsOf(chinese)
        .map(({ guid }) => guid)
        .sort(),
    ).toEqual(
      eventsOf(english)
        .map(({ guid }) => guid)
        .sort(),
    )
  })

  it('computes UUID v5 as RFC 4122 does (the example of Python’s uuid module)', () => {
    const dns = '6ba7b810-9dad-11d1-80b4-00c04fd430c8'

    expect(uuidV5({ namespace: dns, name: 'python.org' })).toBe(
      '886313e1-3b8a-5372-9b90-0c9aee199e5d',
    )
  })

  it('keeps schedule.xml valid when a title carries markup and a control character', async () => {
    const year = (await createEdition(payload)).id
    await createMeeting(payload, {
      title: 'Fish & chips <b>"live"</b>\u0001 at 5',
      edition: year,
      startsAt: `${year}-10-30T06:00:00.000Z`,
    })
    const response = await get(scheduleXMLGET, { locale: 'en', year: String(year) })
    const xml = await response.text()

    expect(await scheduleXMLErrors(xml)).toEqual([])
    expect(xml).toContain(
      '<title>Fish &amp; chips &lt;b&gt;&quot;live&quot;&lt;/b&gt; at 5</title>',
    )
  })

  it('answers 404 with a sentence for a draft edition, a year without one and a bad year', async () => {
    const draft = await get(scheduleJSONGET, { locale: 'en', year: String(draftEdition.id) })
    const none = await get(scheduleXMLGET, { locale: 'zh', year: '2001' })
    const bad = await get(scheduleJSONGET, { locale: 'en', year: 'latest' })

    expect([draft.status, none.status, bad.status]).toEqual([404, 404, 404])
    expect(await draft.text()).toBe(`There is no published forum edition of ${draftEdition.id}.\n`)
    expect(await none.text()).toBe('没有已发布的2001年论坛。\n')
    expect(await bad.text()).toBe('An edition is named by its year, such as 2022.\n')
  })
})

type CalendarEvent = { uid: string; relatedTo: null | string; summary: string }

const readCalendar = async (response: Response): Promise<CalendarEvent[]> => {
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8')
  const calendar = new ICAL.Component(ICAL.parse(await response.text()))
  return calendar.getAllSubcomponents('vevent').map((event) => ({
    uid: String(event.getFirstPropertyValue('uid')),
    relatedTo: (event.getFirstPropertyValue('related-to') as null | string) ?? null,
    summary: String(event.getFirstPropertyValue('summary')),
  }))
}

// Sessions side by side start together: their order among themselves is not the point.
const byUID = (events: CalendarEvent[]) => [...events].sort((a, b) => a.uid.localeCompare(b.uid))

describe('the calendars of an edition and of a speaker', () => {
  const editionUID = () => `edition-${edition.id}@${host}`
  const meetingEvent = (meeting: Meeting) => ({
    uid: `${meeting.id}@${host}`,
    relatedTo: editionUID(),
    summary: meeting.title,
  })

  it("gives the edition's calendar each published session, related to the edition's own event", async () => {
    const events = await readCalendar(
      await get(editionCalendarGET, { locale: 'en', year: String(edition.id) }),
    )

    expect(events.at(-1)).toEqual({
      uid: editionUID(),
      relatedTo: null,
      summary: `CIFCC ${edition.id}`,
    })
    expect(byUID(events.slice(0, -1))).toEqual(
      byUID(
        [
          sessions.opening,
          sessions.parallelA,
          sessions.parallelB,
          sessions.workshop,
          sessions.unplaced,
          sessions.closing,
        ].map(meetingEvent),
      ),
    )
  })

  it("keeps the edition calendar's UIDs in Chinese, and refuses a draft edition", async () => {
    const chinese = await readCalendar(
      await get(editionCalendarGET, { locale: 'zh', year: String(edition.id) }),
    )
    const draft = await get(editionCalendarGET, { locale: 'en', year: String(draftEdition.id) })

    expect(chinese.map(({ uid }) => uid)).toContain(`${sessions.opening.id}@${host}`)
    expect(chinese.find(({ uid }) => uid === `${sessions.opening.id}@${host}`)?.summary).toBe(
      '开幕全体会议',
    )
    expect(draft.status).toBe(404)
  })

  it("gives a speaker's calendar the published meetings they hosted or spoke at", async () => {
    const hostEvents = await readCalendar(
      await get(speakerCalendarGET, { locale: 'en', slug: people.host.slug }),
    )
    const speakerEvents = await readCalendar(
      await get(speakerCalendarGET, { locale: 'zh', slug: people.speaker.slug }),
    )

    expect(byUID(hostEvents)).toEqual(
      byUID([meetingEvent(sessions.opening), meetingEvent(sessions.parallelB)]),
    )
    expect(byUID(speakerEvents).map(({ uid, relatedTo }) => [uid, relatedTo])).toEqual(
      byUID([meetingEvent(sessions.opening), meetingEvent(sessions.parallelA)]).map(({ uid }) => [
        uid,
        editionUID(),
      ]),
    )
  })

  it('answers 404 for a speaker named only by a draft, and for an address no speaker has', async () => {
    const unannounced = await get(speakerCalendarGET, {
      locale: 'en',
      slug: people.unannounced.slug,
    })
    const nobody = await get(speakerCalendarGET, { locale: 'en', slug: 'no-such-person' })
    const bad = await get(speakerCalendarGET, { locale: 'en', slug: '../etc' })

    expect([unannounced.status, nobody.status, bad.status]).toEqual([404, 404, 404])
    expect(await nobody.text()).toBe('There is no published speaker at this address.\n')
  })

  it("relates a single meeting's calendar file to its edition too", async () => {
    const events = await readCalendar(
      await get(meetingCalendarGET, { locale: 'en', slug: sessions.closing.slug }),
    )

    expect(events).toEqual([meetingEvent(sessions.closing)])
  })
})
