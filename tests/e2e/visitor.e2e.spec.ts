import type { Browser } from 'playwright-core'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { axeViolations } from './helpers/axe'
import {
  baseURL,
  cspViolations,
  launchBrowser,
  newPage,
  saveScreenshot,
  viewports,
} from './helpers/browser'

// The seeded demo: the 2022 round table, its speakers and their organisations.
const journeys = [
  {
    language: 'English',
    start: '/',
    lang: 'en',
    meeting: 'Green Industry and Low-Carbon City Construction',
    speaker: 'Zou Ji',
    organisation: 'World Resources Institute',
    prefix: '',
  },
  {
    language: 'Chinese',
    start: '/zh',
    lang: 'zh-Hans',
    meeting: '绿色产业与低碳城市建设',
    speaker: '邹骥',
    organisation: '世界资源研究所',
    prefix: '/zh',
  },
] as const

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

describe.each(journeys)('a visitor reading in $language', (journey) => {
  it('goes from home to a meeting, a speaker, their organisation and back to a meeting', async () => {
    const { context, page } = await newPage({ browser })

    await page.goto(journey.start)
    expect(await page.getAttribute('html', 'lang')).toBe(journey.lang)
    await page.getByRole('link', { name: journey.meeting }).first().click()
    await page.waitForURL(`**${journey.prefix}/meetings/*`)
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toContain(journey.meeting)

    await page.getByRole('link', { name: journey.speaker, exact: true }).first().click()
    await page.waitForURL(`**${journey.prefix}/speakers/zou-ji`)
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toContain(journey.speaker)

    await page.getByRole('link', { name: journey.organisation }).first().click()
    await page.waitForURL(`**${journey.prefix}/organisations/*`)
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toContain(journey.organisation)

    await page.getByRole('link', { name: journey.meeting }).first().click()
    await page.waitForURL(`**${journey.prefix}/meetings/*`)
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toContain(journey.meeting)

    await context.close()
  })

  it('switches language on the same page', async () => {
    const { context, page } = await newPage({ browser })
    await page.goto(`${journey.prefix}/speakers/zou-ji`)

    await page.locator('.language-switcher').click()

    const otherPrefix = journey.prefix ? '' : '/zh'
    await page.waitForURL((url) => url.pathname === `${otherPrefix}/speakers/zou-ji`)
    await context.close()
  })
})

const pageTypes = [
  { name: 'home', path: '/' },
  { name: 'meetings', path: '/meetings' },
  { name: 'meetings-filtered', path: '/meetings?year=2022&kind=round-table' },
  { name: 'search', path: '/search?q=zou' },
  { name: 'meeting', path: '/meetings/green-industry-and-low-carbon-city-construction' },
  { name: 'speakers', path: '/speakers' },
  { name: 'speaker', path: '/speakers/zou-ji' },
  { name: 'organisations', path: '/organisations' },
  { name: 'organisation', path: '/organisations/world-resources-institute' },
  { name: 'photos', path: '/photos' },
  { name: 'news', path: '/news' },
  { name: 'photo-gallery', path: '/photos/green-industry-and-low-carbon-city-construction' },
  { name: 'service-page', path: '/services/hotel' },
  { name: 'site-map', path: '/site-map' },
  { name: 'contact', path: '/contact-us' },
  { name: 'home-zh', path: '/zh' },
  { name: 'meeting-zh', path: '/zh/meetings/green-industry-and-low-carbon-city-construction' },
  { name: 'speaker-zh', path: '/zh/speakers/zou-ji' },
  { name: 'contact-zh', path: '/zh/contact-us' },
  { name: 'news-zh', path: '/zh/news' },
] as const

describe.each(pageTypes)('the $name page', ({ name, path }) => {
  it.each(Object.entries(viewports))(
    'renders at %s width with no accessibility violations',
    async (width, viewport) => {
      const { context, page } = await newPage({ browser, viewport })

      const response = await page.goto(path)

      expect(response?.status()).toBe(200)
      expect(response?.headers()['content-security-policy']).toContain("default-src 'self'")
      expect(response?.headers()['x-content-type-options']).toBe('nosniff')
      await expect.poll(() => page.getByRole('heading', { level: 1 }).count()).toBe(1)
      await saveScreenshot({ page, name: `${name}-${width}` })
      expect(await axeViolations({ page })).toEqual([])
      expect(await cspViolations(page)).toEqual([])
      await context.close()
    },
  )
})

// Feed readers and browsers find a site's feed from any of its pages (issue 15).
it.each([
  ['/', '/feed.xml'],
  ['/meetings', '/feed.xml'],
  ['/speakers', '/feed.xml'],
  ['/organisations', '/feed.xml'],
  ['/search?q=climate', '/feed.xml'],
  ['/zh', '/zh/feed.xml'],
  ['/zh/speakers', '/zh/feed.xml'],
  ['/zh/meetings', '/zh/feed.xml'],
])(
  'links the news feed in its language, as a link element and in the footer, from %s',
  async (path, feed) => {
    const html = await (await fetch(`${baseURL()}${path}`)).text()
    const feedLinks = (html.match(/<link [^>]*>/g) ?? [])
      .filter((tag) => tag.includes('rel="alternate"') && tag.includes('application/rss+xml'))
      .map((tag) => new URL(/href="([^"]+)"/.exec(tag)![1]).pathname)

    expect(feedLinks).toEqual([feed])
    expect(html).toMatch(
      new RegExp(`<footer[\\s\\S]*<a href="${feed}" type="application/rss\\+xml"`),
    )
  },
)

// Issue 15: on a phone the header is a bar with a menu button, a <details> that needs no
// JavaScript; on a desktop the links stand in the bar.
describe.each([
  { language: 'English', start: '/', menu: 'Menu', link: 'Speakers', target: '/speakers' },
  { language: 'Chinese', start: '/zh', menu: '菜单', link: '嘉宾', target: '/zh/speakers' },
])('the header in $language', ({ start, menu, link, target }) => {
  it('is a compact bar on a phone whose menu opens and leads on without JavaScript', async () => {
    const context = await browser.newContext({
      baseURL: baseURL(),
      viewport: viewports.phone,
      javaScriptEnabled: false,
    })
    const page = await context.newPage()
    await page.goto(start)
    const navigation = page.getByRole('navigation', { name: /Main navigation|主导航/ })

    expect((await page.locator('.site-header').boundingBox())!.height).toBeLessThanOrEqual(64)
    expect(await navigation.getByRole('link', { name: link }).isVisible()).toBe(false)

    await page.locator('summary', { hasText: menu }).click()
    await expect.poll(() => navigation.getByRole('link', { name: link }).isVisible()).toBe(true)
    await saveScreenshot({ page, name: `header-menu-open-${start === '/' ? 'en' : 'zh'}-phone` })

    await navigation.getByRole('link', { name: link }).click()
    await page.waitForURL((url) => url.pathname === target)
    expect(await page.locator('.site-menu').getAttribute('open')).toBeNull()
    await context.close()
  })

  it('closes the menu on the next page when JavaScript runs, and is reached by keyboard', async () => {
    const { context, page } = await newPage({ browser, viewport: viewports.phone })
    await page.goto(start)
    const button = page.locator('summary', { hasText: menu })

    await button.focus()
    expect(await button.evaluate((summary) => summary.matches(':focus-visible'))).toBe(true)
    await page.keyboard.press('Enter')
    await expect.poll(() => page.locator('.site-menu').getAttribute('open')).toBe('')
    // axe needs JavaScript, so the open menu is checked here.
    expect(await axeViolations({ page })).toEqual([])
    await page
      .getByRole('navigation', { name: /Main navigation|主导航/ })
      .getByRole('link', { name: link })
      .click()
    await page.waitForURL((url) => url.pathname === target)

    await expect.poll(() => page.locator('.site-menu').getAttribute('open')).toBeNull()
    await context.close()
  })

  it('shows its links directly on a desktop, with no menu button', async () => {
    const { context, page } = await newPage({ browser, viewport: viewports.desktop })
    await page.goto(start)

    expect(
      await page
        .getByRole('navigation', { name: /Main navigation|主导航/ })
        .getByRole('link', { name: link })
        .isVisible(),
    ).toBe(true)
    expect(await page.locator('summary', { hasText: menu }).isVisible()).toBe(false)
    await context.close()
  })
})

it('answers an unknown address with the site’s 404 page', async () => {
  const { context, page } = await newPage({ browser })

  const response = await page.goto('/no-such-page')

  expect(response?.status()).toBe(404)
  await expect
    .poll(() => page.getByRole('heading', { level: 1 }).textContent())
    .toBe('Page not found')
  expect(await axeViolations({ page })).toEqual([])
  await context.close()
})

it('finds a speaker by part of the name through the search form', async () => {
  const { context, page } = await newPage({ browser })
  await page.goto('/search')

  await page.getByRole('searchbox').fill('Zhens')
  await page.getByRole('searchbox').press('Enter')

  await page.getByRole('link', { name: 'Zhang Zhenshan' }).waitFor()
  await saveScreenshot({ page, name: 'search-results-desktop' })
  expect(await axeViolations({ page })).toEqual([])
  await context.close()
})

it('lets a keyboard user open, page through and close the photo viewer', async () => {
  const { context, page } = await newPage({ browser })
  await page.goto('/photos')

  const firstThumbnail = page.locator('.gallery__link').first()
  await firstThumbnail.focus()
  await page.keyboard.press('Enter')
  // Each meeting's gallery has its own viewer; the first thumbnail is the first gallery's.
  const viewer = page.locator('dialog.viewer').first()
  await expect.poll(() => viewer.evaluate((dialog: HTMLDialogElement) => dialog.open)).toBe(true)
  await page.keyboard.press('ArrowRight')
  await expect.poll(() => page.locator('.viewer__status').textContent()).toMatch(/^Photo 2 of \d+$/)
  await saveScreenshot({ page, name: 'photo-viewer-desktop' })
  expect(await axeViolations({ page })).toEqual([])
  await page.keyboard.press('Escape')

  await expect.poll(() => viewer.evaluate((dialog: HTMLDialogElement) => dialog.open)).toBe(false)
  await expect
    .poll(() => firstThumbnail.evaluate((link) => link === document.activeElement))
    .toBe(true)
  await context.close()
})

it('shows the contact form’s errors accessibly', async () => {
  const { context, page } = await newPage({ browser, viewport: viewports.phone })
  await page.goto('/contact-us')

  await page.getByRole('button', { name: 'Send message' }).click()

  await page.locator('.site-form__summary').waitFor()
  await saveScreenshot({ page, name: 'contact-errors-phone' })
  expect(await axeViolations({ page })).toEqual([])
  await context.close()
})

// Guards the guard: the clean reports above mean something only if the check can fail.
it('has an accessibility check that notices a broken page', async () => {
  const { context, page } = await newPage({ browser })
  await page.goto('/', { waitUntil: 'networkidle' })

  // Were the page hydrated (a page with a React island is), hydration could take out nodes the
  // server did not render after the network is idle: add the image until it stays.
  await expect
    .poll(
      async () => {
        await page.evaluate(() => {
          if (document.querySelector('main img.unlabelled')) return
          const image = document.createElement('img')
          image.src = '/icon.svg'
          image.className = 'unlabelled'
          document.querySelector('main')?.append(image)
        })
        await page.waitForTimeout(1000)
        return page.locator('main img.unlabelled').count()
      },
      { timeout: 30_000, interval: 0 },
    )
    .toBe(1)

  expect(await axeViolations({ page })).toEqual([
    expect.stringMatching(/^image-alt \(critical\): Images must have alternative text at /),
  ])
  await context.close()
})

// A Critical-CH header makes Chrome send the first request of a visit twice.
it('asks for no client hints on public pages, only in the admin', async () => {
  const home = await fetch(baseURL())
  const admin = await fetch(`${baseURL()}/admin/login`)

  expect(home.headers.get('critical-ch')).toBeNull()
  expect(home.headers.get('accept-ch')).toBeNull()
  expect(admin.headers.get('critical-ch')).toBe('Sec-CH-Prefers-Color-Scheme')
})

// Issue 15: public pages are HTML and CSS with one small script of the site's own
// (public/islands.js); Next's client runtime goes only to pages with a React island.
const scriptsLoadedBy = async (path: string) => {
  const { context, page } = await newPage({ browser, viewport: viewports.phone })
  const scripts: string[] = []
  const errors: string[] = []
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname)
  })
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  await page.goto(path, { waitUntil: 'networkidle' })
  await context.close()
  return { scripts, errors }
}

it.each([
  '/',
  '/meetings/green-industry-and-low-carbon-city-construction',
  '/speakers/zou-ji',
  '/photos',
  '/zh/photos/green-industry-and-low-carbon-city-construction',
  '/editions/2022/programme',
])('sends %s with the site’s own script and none of the framework’s', async (path) => {
  const { scripts, errors } = await scriptsLoadedBy(path)
  expect(scripts).toEqual(['/islands.js'])
  expect(errors).toEqual([])
})

it('sends the framework to a page with a form, which answers in place', async () => {
  const { scripts, errors } = await scriptsLoadedBy('/contact-us')
  expect(scripts.filter((script) => script.startsWith('/_next/static/')).length).toBeGreaterThan(2)
  expect(errors).toEqual([])
})

// Issue 16: every public GET has an ETag and answers If-None-Match with 304, from the page cache
// (an anonymous reader) and from the renderer (a reader with a session cookie, never cached).
it.each([
  ['a page', '/speakers/zou-ji'],
  ['a public API read', '/api/meetings?limit=1&depth=0'],
])('answers a conditional GET of %s with 304, cached or not', async (_kind, path) => {
  for (const cookie of ['', 'payload-token=none']) {
    const headers: Record<string, string> = cookie ? { cookie } : {}
    const first = await fetch(`${baseURL()}${path}`, { headers })
    const etag = first.headers.get('etag')
    await first.arrayBuffer()
    expect(etag, `${path} ${cookie}`).toMatch(/^"[\w-]+"$/)
    const again = await fetch(`${baseURL()}${path}`, {
      headers: { ...headers, 'if-none-match': etag! },
    })
    expect(again.status, `${path} ${cookie}`).toBe(304)
    expect(again.headers.get('etag')).toBe(etag)
  }
})

it('answers a conditional GET of an uploaded photo with 304', async () => {
  const photos = await (await fetch(`${baseURL()}/api/photos?limit=1&depth=0`)).json()
  const path = new URL(photos.docs[0].url, baseURL()).pathname
  const first = await fetch(`${baseURL()}${path}`)
  const etag = first.headers.get('etag')
  expect((await first.arrayBuffer()).byteLength).toBeGreaterThan(1000)
  expect(etag).toMatch(/^W\/"[0-9a-f]+-[0-9a-f]+"$/)
  const again = await fetch(`${baseURL()}${path}`, { headers: { 'if-none-match': etag! } })
  expect(again.status).toBe(304)
  expect(again.headers.get('etag')).toBe(etag)
})
