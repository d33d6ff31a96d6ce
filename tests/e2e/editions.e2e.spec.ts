import type { Browser, Page } from 'playwright-core'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { axeViolations } from './helpers/axe'
import { adminToken, api } from './helpers/adminSession'
import {
  baseURL,
  cspViolations,
  launchBrowser,
  newPage,
  saveScreenshot,
  viewports,
} from './helpers/browser'

// A forum of two days in three rooms with parallel sessions, made over REST as staff would, on top
// of the seeded demo (whose 2022 edition has one meeting).
const year = 2031
const day = (date: string, time: string) => `${date}T${time}:00.000+08:00`
const sessions = [
  {
    slug: 'e2e-opening',
    title: 'Opening plenary',
    kind: 'plenary',
    room: 'Main Hall',
    from: day('2031-10-28', '09:00'),
    to: day('2031-10-28', '10:30'),
    topics: ['Carbon markets'],
  },
  {
    slug: 'e2e-finance',
    title: 'Climate finance round table',
    kind: 'round-table',
    room: 'Room A',
    from: day('2031-10-28', '11:00'),
    to: day('2031-10-28', '12:30'),
    topics: ['Finance'],
  },
  {
    slug: 'e2e-cities',
    title: 'Low-carbon cities workshop',
    kind: 'workshop',
    room: 'Room B',
    from: day('2031-10-28', '11:00'),
    to: day('2031-10-28', '12:30'),
    topics: ['Cities'],
  },
  {
    slug: 'e2e-adaptation',
    title: 'Adaptation side event',
    kind: 'side-event',
    room: 'Room A',
    from: day('2031-10-29', '09:30'),
    to: day('2031-10-29', '11:00'),
    topics: ['Finance'],
  },
  {
    slug: 'e2e-closing',
    title: 'Closing plenary',
    kind: 'plenary',
    room: 'Main Hall',
    from: day('2031-10-29', '15:00'),
    to: day('2031-10-29', '16:00'),
    topics: ['Carbon markets'],
  },
] as const
const draftTitle = 'Unannounced draft session'

let browser: Browser

const create = async (token: string, collection: string, body: Record<string, unknown>) => {
  const { status, json } = await api({ path: `/api/${collection}`, method: 'POST', token, body })
  if (status !== 201) throw new Error(`create ${collection}: ${status} ${JSON.stringify(json)}`)
  return json.doc
}

beforeAll(async () => {
  browser = await launchBrowser()
  const token = await adminToken()
  // Read as the public reads them: only organisations the public may see are shown as partners
  // (other files of the suite make embargoed ones).
  const { json: organisations } = await api({ path: '/api/organisations?limit=3&depth=0' })
  const [host, coOrganiser, media] = organisations.docs.map(({ id }: { id: string }) => id)
  await create(token, 'editions', {
    id: year,
    theme: 'Cities in transition',
    startsOn: '2031-10-28T00:00:00.000Z',
    endsOn: '2031-10-29T00:00:00.000Z',
    city: 'Beijing',
    venue: 'Forum Centre',
    summary: 'A two-day forum on cities, finance and carbon markets.',
    partners: { hosts: [host], coOrganisers: [coOrganiser], mediaPartners: [media] },
    _status: 'published',
  })
  for (const session of sessions) {
    await create(token, 'meetings', {
      title: session.title,
      slug: session.slug,
      kind: session.kind,
      edition: year,
      room: session.room,
      startsAt: new Date(session.from).toISOString(),
      startsAt_tz: 'Asia/Shanghai',
      endsAt: new Date(session.to).toISOString(),
      endsAt_tz: 'Asia/Shanghai',
      topics: session.topics.map((topic) => ({ topic })),
      _status: 'published',
    })
  }
  await create(token, 'meetings?draft=true', {
    title: draftTitle,
    kind: 'plenary',
    edition: year,
    room: 'Main Hall',
    startsAt: new Date(day('2031-10-28', '14:00')).toISOString(),
    _status: 'draft',
  })
})

afterAll(async () => {
  await browser?.close()
})

const sessionTitles = (page: Page) =>
  page.locator('.programme__session .programme__title').allTextContents()

const boxOf = async (page: Page, title: string) => {
  const box = await page.locator('.programme__session', { hasText: title }).boundingBox()
  if (!box) throw new Error(`${title} is not shown`)
  return box
}

describe('the editions of the forum', () => {
  it('lists every published edition, newest first, as one event series', async () => {
    const { context, page } = await newPage({ browser })
    await page.goto('/editions')

    const years = await page.locator('.edition-card h2').allTextContents()
    expect(years.slice(0, 2)).toEqual([`CIFCC ${year}`, 'CIFCC 2022'])
    const jsonLd = JSON.parse(
      (await page.locator('script[type="application/ld+json"]').textContent())!,
    )
    expect(jsonLd['@type']).toBe('EventSeries')
    expect(
      jsonLd.subEvent.map(({ '@id': id }: { '@id': string }) => new URL(id).pathname),
    ).toContain(`/editions/${year}`)
    expect(await axeViolations({ page })).toEqual([])
    await context.close()
  })

  it("shows an edition's theme, dates, venue, partners by role and programme, without drafts", async () => {
    const { context, page } = await newPage({ browser })
    const response = await page.goto(`/editions/${year}`)

    expect(response?.status()).toBe(200)
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe(`CIFCC ${year}Cities in transition`)
    expect(await page.locator('.meta-list').first().textContent()).toMatch(
      /28\s?–\s?29 October 2031/,
    )
    expect(await page.locator('.partners__label').allTextContents()).toEqual([
      'Hosts',
      'Co-organisers',
      'Media partners',
    ])
    expect(await sessionTitles(page)).toEqual(sessions.map(({ title }) => title))
    expect(await page.content()).not.toContain(draftTitle)

    const event = JSON.parse(
      (await page.locator('script[type="application/ld+json"]').textContent())!,
    )
    expect(event['@type']).toBe('Event')
    expect(event.superEvent['@type']).toBe('EventSeries')
    expect(event.subEvent).toHaveLength(sessions.length)
    await saveScreenshot({ page, name: 'edition-desktop' })
    expect(await axeViolations({ page })).toEqual([])
    expect(await cspViolations(page)).toEqual([])
    await context.close()
  })

  it('links a meeting to its edition, and names the edition as its superEvent', async () => {
    const { context, page } = await newPage({ browser })
    await page.goto('/meetings/e2e-finance')

    await page.getByRole('link', { name: `CIFCC ${year}: Cities in transition` }).click()
    await page.waitForURL(`**/editions/${year}`)
    await page.goto('/meetings/e2e-finance')
    const event = JSON.parse(
      (await page.locator('script[type="application/ld+json"]').textContent())!,
    )
    expect(new URL(event.superEvent['@id']).pathname).toBe(`/editions/${year}`)
    await context.close()
  })
})

describe('the programme', () => {
  it('is a grid of rooms by time on a wide screen: parallel sessions side by side', async () => {
    const { context, page } = await newPage({ browser, viewport: viewports.desktop })
    await page.goto(`/editions/${year}/programme`)

    expect(await page.locator('.programme__day h2').allTextContents()).toEqual([
      '28 October 2031',
      '29 October 2031',
    ])
    const finance = await boxOf(page, 'Climate finance round table')
    const cities = await boxOf(page, 'Low-carbon cities workshop')
    const opening = await boxOf(page, 'Opening plenary')
    expect(Math.abs(finance.y - cities.y)).toBeLessThan(2)
    expect(cities.x).toBeGreaterThan(finance.x + finance.width - 1)
    expect(finance.y).toBeGreaterThan(opening.y + opening.height - 1)
    expect(await page.locator('.programme__room-heading').first().isVisible()).toBe(true)
    await saveScreenshot({ page, name: 'programme-desktop' })
    expect(await axeViolations({ page })).toEqual([])
    expect(await cspViolations(page)).toEqual([])
    await context.close()
  })

  it('is a list on a phone, each session saying its time and room, with nothing to scroll sideways', async () => {
    const { context, page } = await newPage({ browser, viewport: viewports.phone })
    await page.goto(`/editions/${year}/programme`)

    const finance = await boxOf(page, 'Climate finance round table')
    const cities = await boxOf(page, 'Low-carbon cities workshop')
    expect(cities.y).toBeGreaterThan(finance.y + finance.height - 1)
    expect(Math.abs(cities.x - finance.x)).toBeLessThan(2)
    expect(
      await page
        .locator('.programme__session', { hasText: 'Low-carbon cities workshop' })
        .textContent(),
    ).toContain('Room B')
    expect(await page.locator('.programme__room-heading').first().isVisible()).toBe(false)
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true)
    await saveScreenshot({ page, name: 'programme-phone' })
    expect(await axeViolations({ page })).toEqual([])
    await context.close()
  })

  it('filters by kind and by topic through plain links, without JavaScript', async () => {
    const context = await browser.newContext({
      baseURL: baseURL(),
      viewport: viewports.phone,
      javaScriptEnabled: false,
    })
    const page = await context.newPage()
    await page.goto(`/zh/editions/${year}/programme`)

    await page.getByRole('link', { name: '全体大会', exact: true }).click()
    await page.waitForURL(/kind=plenary/)
    expect(await sessionTitles(page)).toEqual(['Opening plenary', 'Closing plenary'])

    await page.getByRole('link', { name: 'Carbon markets' }).click()
    await page.waitForURL(/kind=plenary&topic=Carbon/)
    expect(await sessionTitles(page)).toEqual(['Opening plenary', 'Closing plenary'])

    await page.getByRole('link', { name: '全部类型' }).click()
    await page.getByRole('link', { name: 'Finance', exact: true }).click()
    await page.waitForURL(/topic=Finance/)
    expect(new URL(page.url()).searchParams.get('kind')).toBeNull()
    expect(await sessionTitles(page)).toEqual([
      'Climate finance round table',
      'Adaptation side event',
    ])
    await context.close()
  })

  it('prints on A4 as the list, without the site header or the filters', async () => {
    const { context, page } = await newPage({ browser })
    await page.goto(`/editions/${year}/programme`)
    await page.emulateMedia({ media: 'print' })

    expect(await page.locator('.programme-filters').isVisible()).toBe(false)
    expect(await page.locator('.site-header').isVisible()).toBe(false)
    const finance = await boxOf(page, 'Climate finance round table')
    const cities = await boxOf(page, 'Low-carbon cities workshop')
    expect(cities.y).toBeGreaterThan(finance.y)
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true })
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    await context.close()
  })

  it('answers 404 for an edition that is not published, and for a year that is not one', async () => {
    for (const path of [
      '/editions/2099',
      '/editions/2099/programme',
      '/editions/nineteen',
      '/editions/1999',
    ]) {
      expect((await fetch(`${baseURL()}${path}`)).status, path).toBe(404)
    }
  })
})
