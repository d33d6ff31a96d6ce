import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'

import type { Schedule } from '@/site/schedule'

import { scheduleJSONErrors, scheduleXMLErrors } from '../helpers/scheduleSchemas'
import { baseURL } from './helpers/browser'

// The seeded demo's 2022 edition, downloaded from `npm start` as a schedule app or a calendar
// would, and checked against the schemas the c3voc/frab format publishes.

const get = (pathname: string) =>
  fetch(`${baseURL()}${pathname}`, { signal: AbortSignal.timeout(30_000) })

const guidsOf = (schedule: Schedule) =>
  schedule.schedule.conference.days
    .flatMap(({ rooms }) => Object.values(rooms).flat())
    .map(({ guid }) => guid)
    .sort()

const readJSON = async (pathname: string) => {
  const response = await get(pathname)
  expect(response.status, pathname).toBe(200)
  expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8')
  return (await response.json()) as Schedule
}

describe.each([
  { language: 'English', prefix: '' },
  { language: 'Chinese', prefix: '/zh' },
])('the 2022 programme for schedule apps, in $language', ({ prefix }) => {
  it('downloads schedule.json that the published JSON schema accepts, with the round table', async () => {
    const schedule = await readJSON(`${prefix}/editions/2022/schedule.json`)

    expect(scheduleJSONErrors(schedule)).toEqual([])
    expect(schedule.schedule.conference.acronym).toBe('cifcc2022')
    expect(guidsOf(schedule).length).toBeGreaterThan(0)
  })

  it('downloads schedule.xml that the published XSD accepts, with the same events', async () => {
    const response = await get(`${prefix}/editions/2022/schedule.xml`)
    const xml = await response.text()
    const schedule = await readJSON(`${prefix}/editions/2022/schedule.json`)

    expect(response.status).toBe(200)
    expect(await scheduleXMLErrors(xml)).toEqual([])
    expect([...xml.matchAll(/<event guid="([^"]+)"/g)].map(([, guid]) => guid).sort()).toEqual(
      guidsOf(schedule),
    )
  })
})

describe('the 2022 downloads', () => {
  it('keep the same guids in both languages', async () => {
    const [english, chinese] = await Promise.all([
      readJSON('/editions/2022/schedule.json'),
      readJSON('/zh/editions/2022/schedule.json'),
    ])

    expect(guidsOf(chinese)).toEqual(guidsOf(english))
  })

  it("give the edition's and a speaker's calendars events related to the 2022 edition", async () => {
    for (const pathname of ['/editions/2022/calendar.ics', '/zh/speakers/zou-ji/calendar.ics']) {
      const response = await get(pathname)
      expect(response.status, pathname).toBe(200)
      const calendar = new ICAL.Component(ICAL.parse(await response.text()))
      const related = calendar
        .getAllSubcomponents('vevent')
        .map((event) => event.getFirstPropertyValue('related-to'))
        .filter(Boolean)

      expect(related.length, pathname).toBeGreaterThan(0)
      expect(
        related.every((uid) => /^edition-2022@/.test(String(uid))),
        pathname,
      ).toBe(true)
    }
  })

  it('are linked for download from the programme page in both languages', async () => {
    for (const prefix of ['', '/zh']) {
      const html = await (await get(`${prefix}/editions/2022/programme`)).text()
      for (const file of ['schedule.json', 'schedule.xml', 'calendar.ics'])
        expect(html).toContain(`href="${prefix}/editions/2022/${file}" download=""`)
    }
  })

  it('answer 404 with a sentence for a year without a published edition', async () => {
    const response = await get('/editions/2001/schedule.xml')

    expect(response.status).toBe(404)
    expect(await response.text()).toBe('There is no published forum edition of 2001.\n')
  })
})
