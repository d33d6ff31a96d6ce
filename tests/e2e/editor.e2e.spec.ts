import type { Browser } from 'playwright-core'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { baseURL, launchBrowser, newPage } from './helpers/browser'

const meetingSlug = 'green-industry-and-low-carbon-city-construction'
const admin = { email: 'admin@example.org', password: 'e2e admin password 1', name: 'Admin' }
const editor = { email: 'editor@example.org', password: 'e2e editor password 1', name: 'Editor' }

const api = async ({
  path,
  method = 'GET',
  token,
  body,
}: {
  path: string
  method?: string
  token?: string
  body?: unknown
}) => {
  const response = await fetch(`${baseURL()}${path}`, {
    method,
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `JWT ${token}` } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  })
  return { status: response.status, json: await response.json().catch(() => null) }
}

const publicText = async (path: string) => (await fetch(`${baseURL()}${path}`)).text()

let browser: Browser
let adminToken: string
let meetingId: string

beforeAll(async () => {
  browser = await launchBrowser()
  // The first account goes through Payload's first-user registration, as on a new site.
  const registered = await api({ path: '/api/users/first-register', method: 'POST', body: admin })
  expect(registered.status).toBe(200)
  adminToken = registered.json.token
  const created = await api({
    path: '/api/users',
    method: 'POST',
    token: adminToken,
    body: { ...editor, role: 'editor' },
  })
  expect(created.status).toBe(201)
  const found = await api({ path: `/api/meetings?where[slug][equals]=${meetingSlug}&depth=0` })
  meetingId = found.json.docs[0].id
})

afterAll(async () => {
  await browser?.close()
})

describe('an editor in the admin panel', () => {
  let originalTitle: string

  beforeAll(async () => {
    const found = await api({ path: `/api/meetings/${meetingId}?depth=0` })
    originalTitle = found.json.title
  })

  it('logs in, publishes a new title, and the public page shows it', async () => {
    const { context, page } = await newPage({ browser })
    await page.goto('/admin/login')
    await page.fill('#field-email', editor.email)
    await page.fill('#field-password', editor.password)
    await page.click('button[type="submit"]')
    await page.waitForURL('**/admin')

    await page.goto(`/admin/collections/meetings/${meetingId}`)
    const newTitle = `Green Industry and Low-Carbon Cities (updated ${Date.now()})`
    await page.fill('#field-title', newTitle)
    await page.getByRole('button', { name: /publish changes/i }).click()
    const publishedAt = Date.now()
    await page
      .getByText(/updated successfully|published successfully/i)
      .first()
      .waitFor()

    // Polled until it shows; the time it took is reported, and measured properly in bench/.
    await expect
      .poll(() => publicText(`/meetings/${meetingSlug}`), { timeout: 15_000, interval: 100 })
      .toContain(newTitle)
    console.info(`edit-to-live: ${Date.now() - publishedAt} ms`)
    await context.close()
  })

  // Also puts the seeded title back, which the visitor tests follow.
  it('shows the next published edit too, made over REST', async () => {
    const restored = await api({
      path: `/api/meetings/${meetingId}`,
      method: 'PATCH',
      token: adminToken,
      body: { title: originalTitle, _status: 'published' },
    })
    expect(restored.status).toBe(200)

    await expect
      .poll(() => publicText(`/meetings/${meetingSlug}`), { timeout: 15_000, interval: 200 })
      .toContain(originalTitle)
  })
})

describe('a draft', () => {
  const draftTitle = `Unannounced side event ${Date.now()}`
  let draftSlug: string

  beforeAll(async () => {
    const created = await api({
      path: '/api/meetings?draft=true',
      method: 'POST',
      token: adminToken,
      body: {
        title: draftTitle,
        kind: 'side-event',
        edition: 2026,
        startsAt: '2026-12-01T02:00:00.000Z',
        _status: 'draft',
      },
    })
    expect(created.status).toBe(201)
    draftSlug = created.json.doc.slug
  })

  it('has no public page', async () => {
    const response = await fetch(`${baseURL()}/meetings/${draftSlug}`)

    expect(response.status).toBe(404)
  })

  it.each(['/meetings', '/sitemap.xml', '/feed.xml'])('is absent from %s', async (path) => {
    const text = await publicText(path)

    expect(text).not.toContain(draftSlug)
    expect(text).not.toContain(draftTitle)
  })

  // The results page repeats the query itself, so look for a hit rather than the words.
  it('is not found by search', async () => {
    const text = await publicText(`/search?q=${encodeURIComponent(draftTitle)}`)

    expect(text).toContain('Nothing found.')
    expect(text).not.toContain(`/meetings/${draftSlug}`)
  })
})
