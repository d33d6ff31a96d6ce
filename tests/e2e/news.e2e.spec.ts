import type { Browser } from 'playwright-core'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { richText } from '@/content/richText'

import { adminToken, api as rest, createStaffAccount } from './helpers/adminSession'
import { axeViolations } from './helpers/axe'
import { baseURL, cspViolations, launchBrowser, newPage, saveScreenshot } from './helpers/browser'

// News against the production server (`npm start`): its pages in both languages, and a release
// scheduled a minute ahead that the server's job runner publishes on time, with nobody touching
// it, on the page (through the page cache, which the polling below fills), in REST and the feed.

const stamp = `e2e-news-${Date.now()}`
let browser: Browser
let editorToken: string

// A release as an editor writes it: English first, then its Chinese.
const createRelease = async ({
  title,
  zhTitle,
  status,
}: {
  title: string
  zhTitle: string
  status: 'draft' | 'published'
}) => {
  const created = await rest({
    path: `/api/news${status === 'draft' ? '?draft=true' : ''}`,
    method: 'POST',
    token: editorToken,
    body: {
      title,
      kind: 'press-release',
      summary: `${title}: what the forum announces.`,
      body: richText({ paragraphs: [`${title}. The forum announces its programme.`] }),
      _status: status,
    },
  })
  if (created.status !== 201) throw new Error(`create: ${JSON.stringify(created.json)}`)
  const { id, slug } = created.json.doc as { id: string; slug: string }
  const translated = await rest({
    path: `/api/news/${id}?locale=zh${status === 'draft' ? '&draft=true' : ''}`,
    method: 'PATCH',
    token: editorToken,
    body: { title: zhTitle, _status: status },
  })
  if (translated.status !== 200) throw new Error(`translate: ${JSON.stringify(translated.json)}`)
  return { id, slug }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

beforeAll(async () => {
  browser = await launchBrowser()
  const editor = await createStaffAccount({ role: 'editor', label: 'news' })
  const login = await rest({
    path: '/api/users/login',
    method: 'POST',
    body: { email: editor.email, password: editor.password },
  })
  editorToken = login.json.token
})

afterAll(async () => {
  await browser?.close()
  const token = await adminToken()
  await rest({
    path: `/api/news?where[title][contains]=${stamp}&limit=100`,
    method: 'DELETE',
    token,
  })
})

describe('the news pages', () => {
  it('list the releases newest first and show each one, in English and Chinese', async () => {
    const older = await createRelease({
      title: `Forum programme ${stamp}`,
      zhTitle: `论坛议程 ${stamp}`,
      status: 'published',
    })
    const newer = await createRelease({
      title: `Registration opens ${stamp}`,
      zhTitle: `报名开始 ${stamp}`,
      status: 'published',
    })
    const { page, context } = await newPage({ browser })

    await page.goto('/news')
    const englishTitles = await page.locator('.card__title').allTextContents()
    await saveScreenshot({ page, name: 'news-list' })
    const headerLink = await page.locator('.site-header nav a[href="/news"]').count()
    await page.goto('/zh/news')
    const chineseHeading = await page.locator('h1').textContent()
    await page.goto(`/zh/news/${newer.slug}`)
    const chineseTitle = await page.locator('h1').textContent()
    await page.goto(`/news/${older.slug}`)
    await saveScreenshot({ page, name: 'news-release' })
    const englishTitle = await page.locator('h1').textContent()
    const canonical = await page.locator('link[rel="canonical"]').getAttribute('href')
    const chineseAlternate = await page
      .locator('link[rel="alternate"][hreflang="zh-Hans"]')
      .getAttribute('href')
    const violations = await axeViolations({ page })
    const blocked = await cspViolations(page)
    await context.close()

    expect(englishTitles.indexOf(`Registration opens ${stamp}`)).toBeLessThan(
      englishTitles.indexOf(`Forum programme ${stamp}`),
    )
    expect(englishTitles.indexOf(`Forum programme ${stamp}`)).toBeGreaterThanOrEqual(0)
    expect(headerLink).toBe(1)
    expect(chineseHeading).toBe('新闻')
    expect(chineseTitle).toBe(`报名开始 ${stamp}`)
    expect(englishTitle).toBe(`Forum programme ${stamp}`)
    expect(canonical).toMatch(new RegExp(`/news/${older.slug}$`))
    expect(chineseAlternate).toMatch(new RegExp(`/zh/news/${older.slug}$`))
    expect(violations).toEqual([])
    expect(blocked).toEqual([])
  })

  it('answer 404 for a release that is still a draft', async () => {
    const draft = await createRelease({
      title: `Unannounced ${stamp}`,
      zhTitle: `未公布 ${stamp}`,
      status: 'draft',
    })

    const response = await fetch(`${baseURL()}/news/${draft.slug}`)

    expect(response.status).toBe(404)
  })
})

describe('an old address under /news that no release answers', () => {
  it('goes where staff redirected it', async () => {
    const oldAddress = `/news/${stamp}.html`
    const redirect = await rest({
      path: '/api/redirects',
      method: 'POST',
      token: await adminToken(),
      body: { from: oldAddress, to: { type: 'custom', url: '/news' } },
    })
    expect(redirect.status).toBe(201)

    const response = await fetch(`${baseURL()}${oldAddress}`, { redirect: 'manual' })

    expect(response.status).toBe(301)
    expect(new URL(response.headers.get('location')!, baseURL()).pathname).toBe('/news')
  })
})

type Sighting = { at: number; page: boolean; release: boolean; api: boolean; feed: boolean }

// What an anonymous reader sees of the release, as a reader polling the site would.
const lookFor = async ({ title, slug }: { title: string; slug: string }): Promise<Sighting> => {
  const [list, release, api, feed] = await Promise.all([
    fetch(`${baseURL()}/news`).then((response) => response.text()),
    fetch(`${baseURL()}/news/${slug}`).then((response) => response.status),
    fetch(`${baseURL()}/api/news?where[slug][equals]=${slug}`).then((response) => response.json()),
    fetch(`${baseURL()}/feed.xml`).then((response) => response.text()),
  ])
  return {
    at: Date.now(),
    page: list.includes(title),
    release: release === 200,
    api: api.totalDocs === 1,
    feed: feed.includes(`/news/${slug}`),
  }
}

describe('a release scheduled a minute ahead', () => {
  it('is published by the server on time, and nobody sees it before', async () => {
    const title = `Scheduled statement ${stamp}`
    const release = await createRelease({
      title,
      zhTitle: `定时发布的声明 ${stamp}`,
      status: 'draft',
    })
    const at = new Date(Date.now() + 60_000)
    const scheduled = await rest({
      path: `/api/news/${release.id}/schedule`,
      method: 'POST',
      token: editorToken,
      body: { at: at.toISOString() },
    })
    expect(scheduled.status).toBe(201)

    const sightings: Sighting[] = []
    const deadline = at.getTime() + 30_000
    while (Date.now() < deadline) {
      const sighting = await lookFor({ title, slug: release.slug })
      sightings.push(sighting)
      if (sighting.page && sighting.release && sighting.api && sighting.feed) break
      await sleep(2_000)
    }

    const seenBefore = sightings.filter(
      (sighting) =>
        sighting.at < at.getTime() &&
        (sighting.page || sighting.release || sighting.api || sighting.feed),
    )
    const firstSeen = sightings.find((sighting) => sighting.page && sighting.api)
    expect(sightings.filter(({ at: seen }) => seen < at.getTime()).length).toBeGreaterThan(15)
    expect(seenBefore).toEqual([])
    expect(sightings.at(-1)).toMatchObject({ page: true, release: true, api: true, feed: true })
    // The runner looks every 10 seconds.
    expect(firstSeen!.at - at.getTime()).toBeLessThan(15_000)
  }, 150_000)
})
