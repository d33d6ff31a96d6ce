import type { Browser, Page } from 'playwright-core'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { videoEmbedOrigins } from '@/site/videoEmbeds.mjs'

import { makeTestPdf, uniqueSuffix } from '../helpers/factories'
import { axeViolations } from './helpers/axe'
import { adminToken, e2eAdmin, openAdminSession } from './helpers/adminSession'
import { baseURL, cspViolations, launchBrowser, newPage, saveScreenshot } from './helpers/browser'

// A meeting's recordings and documents as a visitor meets them (issue 15): the documents listed
// with their size and language, and the video players of other sites loaded only when the reader
// asks for one, so that opening the page sends nothing to YouTube or Bilibili.

const recordings = {
  youTube: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
  bilibili: 'https://www.bilibili.com/video/BV1GJ411x7h7',
  // A site without a player we know: a link only.
  iqiyi: 'https://www.iqiyi.com/v_19rrok4nt0.html',
}

let browser: Browser
let meetingPath: string
let meetingId: string
let documentURL: string

const rest = async ({
  token,
  path,
  method = 'POST',
  body,
}: {
  token: string
  path: string
  method?: string
  body: BodyInit
}) => {
  const response = await fetch(`${baseURL()}${path}`, {
    method,
    headers: {
      authorization: `JWT ${token}`,
      ...(typeof body === 'string' ? { 'content-type': 'application/json' } : {}),
    },
    body,
  })
  const json = await response.json()
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`)
  return json
}

beforeAll(async () => {
  browser = await launchBrowser()
  const token = await adminToken()
  const slug = `media-round-table-${uniqueSuffix()}`
  const { doc: meeting } = await rest({
    token,
    path: '/api/meetings',
    body: JSON.stringify({
      title: 'Round Table on Climate Finance',
      slug,
      kind: 'round-table',
      edition: 2022,
      startsAt: '2022-10-31T06:00:00.000Z',
      startsAt_tz: 'Asia/Shanghai',
      _status: 'published',
      recordings: [
        { url: recordings.youTube, language: 'en', label: 'Full session' },
        { url: recordings.bilibili, language: 'zh', label: 'Full session in Chinese' },
        { url: recordings.iqiyi, language: 'zh', label: 'Highlights' },
      ],
    }),
  })
  const pdf = makeTestPdf({ text: 'Climate finance', padding: 2_400_000 })
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(pdf.data)], { type: pdf.mimetype }), 'slides.pdf')
  form.append(
    '_payload',
    JSON.stringify({ title: 'Slides: Climate finance', language: 'en', meeting: meeting.id }),
  )
  const { doc: document } = await rest({ token, path: '/api/documents', body: form })
  meetingPath = `/meetings/${slug}`
  meetingId = meeting.id
  documentURL = document.url
})

afterAll(async () => {
  await browser?.close()
})

// Every request the page makes to a host other than the site's own.
const watchThirdParties = (page: Page) => {
  const siteHost = new URL(baseURL()).host
  const requested: string[] = []
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (url.protocol.startsWith('http') && url.host !== siteHost) requested.push(url.origin)
  })
  return () => [...new Set(requested)]
}

describe('a meeting with documents and recordings', () => {
  it('lists its documents with their size and language, linking to the PDF', async () => {
    const { context, page } = await newPage({ browser })
    await page.goto(meetingPath)

    const documents = page.getByRole('region', { name: 'Documents' })
    const link = documents.getByRole('link', { name: 'Slides: Climate finance' })
    expect(await link.getAttribute('href')).toBe(documentURL)
    expect(await documents.textContent()).toContain('PDF · 2.4 MB · English')
    const file = await fetch(`${baseURL()}${documentURL}`)
    expect([file.status, file.headers.get('content-type')]).toEqual([200, 'application/pdf'])
    await context.close()
  })

  it('names them in Chinese on the Chinese page', async () => {
    const { context, page } = await newPage({ browser })
    await page.goto(`/zh${meetingPath}`)

    const documents = page.getByRole('region', { name: '会议文件' })
    expect(await documents.textContent()).toContain('PDF · 2.4 MB · 英文')
    expect(await page.getByRole('button', { name: '在此播放' }).count()).toBe(2)
    await context.close()
  })

  it('asks nothing of a video site until the reader presses play, then shows its player', async () => {
    const { context, page } = await newPage({ browser })
    const thirdParties = watchThirdParties(page)
    await page.goto(meetingPath)
    const recording = page.getByRole('listitem').filter({ hasText: 'Full session' }).first()
    const play = recording.getByRole('button', { name: 'Play here' })
    await play.waitFor()
    await saveScreenshot({ page, name: 'meeting-recordings' })
    const beforePlay = thirdParties()
    expect(await page.locator('iframe').count()).toBe(0)

    await play.click()

    const player = recording.locator('iframe')
    await player.waitFor()
    expect(await player.getAttribute('src')).toBe(
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1',
    )
    await expect.poll(thirdParties).toEqual(['https://www.youtube-nocookie.com'])
    expect(beforePlay).toEqual([])
    expect(await play.count()).toBe(0)
    expect(await cspViolations(page)).toEqual([])
    await context.close()
  })

  it("allows frames from the known players' sites and no other", async () => {
    const response = await fetch(`${baseURL()}${meetingPath}`)
    const frameSrc = response.headers
      .get('content-security-policy')
      ?.split(';')
      .map((directive) => directive.trim())
      .find((directive) => directive.startsWith('frame-src '))

    expect(frameSrc?.split(' ').slice(1).sort()).toEqual(["'self'", ...videoEmbedOrigins].sort())
  })

  it('links every recording, and offers no player, without JavaScript', async () => {
    const context = await browser.newContext({ baseURL: baseURL(), javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(meetingPath)

    const recordingsRegion = page.getByRole('region', { name: 'Recordings' })
    const links = await recordingsRegion
      .getByRole('link')
      .evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')))
    expect(links).toEqual([recordings.youTube, recordings.bilibili, recordings.iqiyi])
    expect(await recordingsRegion.getByRole('link', { name: 'Watch on iqiyi.com' }).count()).toBe(1)
    expect(await recordingsRegion.getByRole('button').count()).toBe(0)
    await context.close()
  })

  it('has no accessibility violations with the player waiting and playing', async () => {
    const { context, page } = await newPage({ browser })
    await page.goto(meetingPath)
    const waiting = await axeViolations({ page })
    await page.getByRole('button', { name: 'Play here' }).first().click()
    await page.locator('iframe').waitFor()

    expect([waiting, await axeViolations({ page })]).toEqual([[], []])
    await context.close()
  })
})

// Staff find the documents in the admin: a list with the meeting by name and the size as people
// read it, and the meeting's own edit view listing its documents (where new ones are added).
describe.each([
  { language: 'en' as const, columns: ['Title', 'Meeting', 'Language of the document', 'Size'] },
  { language: 'zh' as const, columns: ['标题', '会议', '文件语言', '大小'] },
])('the documents in the admin in $language', ({ language, columns }) => {
  it('are listed with their meeting, language and size, and on the meeting', async () => {
    const admin = await openAdminSession({ browser, account: e2eAdmin, language })

    const row = await admin.step('open the documents list', async () => {
      await admin.page.goto('/admin/collections/documents')
      const found = admin.page.locator('tr').filter({ hasText: 'Slides: Climate finance' })
      await found.waitFor()
      return found
    })
    const headers = await admin.page.locator('thead th').allTextContents()
    expect(columns.filter((column) => !headers.some((header) => header.includes(column)))).toEqual(
      [],
    )
    const cells = await row.locator('td').allTextContents()
    expect(cells.join(' | ')).toMatch(/Round Table on Climate Finance.*(English|英文).*2\.4 MB/)

    await admin.step('open the meeting', async () => {
      await admin.page.goto(`/admin/collections/meetings/${meetingId}`)
      await admin.page
        .locator('.field-type.join')
        .filter({ hasText: 'Slides: Climate finance' })
        .waitFor()
    })
    await admin.close()
  })
})
