import type { Browser, Page } from 'playwright-core'

import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  openDocument,
  adminToken as registeredAdminToken,
  waitForFormReady,
} from './helpers/adminSession'
import { baseURL, launchBrowser, newPage } from './helpers/browser'

const meetingSlug = 'green-industry-and-low-carbon-city-construction'
const editor = { email: 'editor@example.org', password: 'e2e editor password 1', name: 'Editor' }

const api = async ({
  path,
  method = 'GET',
  token,
  apiKey,
  body,
}: {
  path: string
  method?: string
  token?: string
  apiKey?: string
  body?: unknown
}) => {
  const response = await fetch(`${baseURL()}${path}`, {
    method,
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `JWT ${token}` } : {}),
      ...(apiKey ? { Authorization: `users API-Key ${apiKey}` } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  })
  return { status: response.status, json: await response.json().catch(() => null) }
}

// Spellings of "another site" that a browser would follow from a Location header.
const offSitePaths = [
  '/\\evil.example',
  '/%5Cevil.example',
  '/%09/evil.example',
  '/\t/evil.example',
  '//evil.example',
  '///evil.example',
  '/.//evil.example',
  '/%2F%2Fevil.example',
  'https://evil.example/',
  'javascript:alert(1)',
  '//xn--e1afmkfd.example',
]

const publicText = async (path: string) => (await fetch(`${baseURL()}${path}`)).text()

let browser: Browser
let adminToken: string
let meetingId: string

beforeAll(async () => {
  browser = await launchBrowser()
  // The first account goes through Payload's first-user registration, as on a new site, in
  // whichever browser test file runs first.
  adminToken = await registeredAdminToken()
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

const logIn = async ({ page, user }: { page: Page; user: { email: string; password: string } }) => {
  await page.goto('/admin/login')
  await page.fill('#field-email', user.email)
  await page.fill('#field-password', user.password)
  await page.click('button[type="submit"]')
  await page.waitForURL('**/admin')
}

describe('an editor in the admin panel', () => {
  let originalTitle: string

  beforeAll(async () => {
    const found = await api({ path: `/api/meetings/${meetingId}?depth=0` })
    originalTitle = found.json.title
  })

  it('logs in, publishes a new title, and the public page shows it', async () => {
    const { context, page } = await newPage({ browser })
    await logIn({ page, user: editor })

    await openDocument(page, `/admin/collections/meetings/${meetingId}`)
    const newTitle = `Green Industry and Low-Carbon Cities (updated ${Date.now()})`
    await page.fill('#field-title', newTitle)
    // The form has taken the edit once the document's heading follows it; a click before that
    // publishes the title the form loaded with.
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).first().textContent(), {
        timeout: 15_000,
      })
      .toContain(newTitle)
    await waitForFormReady(page)
    await page.getByRole('button', { name: /publish changes/i }).click()
    const publishedAt = Date.now()
    // The published document, not the toast: on a busy machine the toast can come and go
    // between two looks.
    await expect
      .poll(
        async () =>
          (await api({ path: `/api/meetings/${meetingId}?depth=0`, token: adminToken })).json
            ?.title,
        { timeout: 30_000, interval: 200 },
      )
      .toBe(newTitle)

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
      // The editor's admin tab may still hold the document's lock (Payload keeps it for five
      // minutes after the last change); taking it over is what a second writer has to do.
      path: `/api/meetings/${meetingId}?overrideLock=true`,
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

// src/server keeps rendered pages for anonymous readers; every published edit must reach the very
// next reader, without waiting or polling.
describe('the page cache', () => {
  const path = `/meetings/${meetingSlug}`
  const read = (headers: Record<string, string> = {}) =>
    fetch(`${baseURL()}${path}`, { headers: { 'accept-encoding': 'identity', ...headers } })
  // The cache keeps a render once it is compressed, a moment after its first reader got it.
  const readCached = async () => {
    await expect
      .poll(async () => (await read()).headers.get('x-page-cache'), {
        timeout: 5_000,
        interval: 20,
      })
      .toBe('HIT')
    return read()
  }

  it('serves a reader the same page from memory, compressed and revalidated by ETag', async () => {
    const hit = await readCached()
    expect(hit.headers.get('x-page-cache')).toBe('HIT')
    expect(hit.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate')
    // The security headers Next set on the render are replayed with the page.
    expect(hit.headers.get('content-security-policy')).toContain("frame-ancestors 'self'")
    expect(hit.headers.get('strict-transport-security')).toContain('max-age=')
    const etag = hit.headers.get('etag')!
    const html = await hit.text()
    expect(html).toContain('<html')

    const notModified = await read({ 'if-none-match': etag })
    expect(notModified.status).toBe(304)

    // Node's fetch decodes br itself: the decoded page must be the page.
    const compressed = await fetch(`${baseURL()}${path}`, { headers: { 'accept-encoding': 'br' } })
    expect(compressed.headers.get('content-encoding')).toBe('br')
    expect(await compressed.text()).toBe(html)
  })

  it('never serves a cached page to a signed-in editor', async () => {
    expect((await readCached()).headers.get('x-page-cache')).toBe('HIT')
    const signedIn = await read({ cookie: `payload-token=${adminToken}` })
    expect(signedIn.status).toBe(200)
    expect(signedIn.headers.get('x-page-cache')).toBeNull()
  })

  it('keeps a client navigation apart from the page, by what the browser already shows', async () => {
    // The router asks at the address with an `_rsc` parameter made from its headers; Next
    // redirects a request without the right one there.
    const navigate = async (stateTree: string) => {
      const headers = {
        'accept-encoding': 'identity',
        rsc: '1',
        'next-router-state-tree': stateTree,
      }
      const redirect = await fetch(`${baseURL()}${path}`, { headers, redirect: 'manual' })
      const location = redirect.headers.get('location') ?? path
      return fetch(new URL(location, baseURL()), { headers, redirect: 'manual' })
    }
    const fromHome = encodeURIComponent(JSON.stringify(['', { children: ['__PAGE__', {}] }]))

    await expect
      .poll(async () => (await navigate(fromHome)).headers.get('x-page-cache'), {
        timeout: 5_000,
        interval: 20,
      })
      .toBe('HIT')
    const navigation = await navigate(fromHome)
    expect(navigation.headers.get('content-type')).toContain('text/x-component')
    expect(await navigation.text()).not.toContain('<html')

    // From elsewhere the payload differs: it is not the one kept for navigations from home.
    const fromElsewhere = await navigate(encodeURIComponent(JSON.stringify(['', {}])))
    expect(fromElsewhere.headers.get('x-page-cache')).toBe('MISS')
    // And the page itself is still the page.
    expect(await (await readCached()).text()).toContain('<html')
  })

  it('shows an edit on the next request, and an edit to a speaker on the meetings that quote them', async () => {
    expect((await readCached()).headers.get('x-page-cache')).toBe('HIT')
    const summary = `Cache check ${Date.now()}`
    const original = await api({ path: `/api/meetings/${meetingId}?depth=0` })
    const edited = await api({
      // As above: the editor's closed admin tab may still hold the meeting's lock.
      path: `/api/meetings/${meetingId}?overrideLock=true`,
      method: 'PATCH',
      token: adminToken,
      body: { summary },
    })
    expect(edited.status).toBe(200)
    const afterEdit = await read()
    expect(afterEdit.headers.get('x-page-cache')).toBe('MISS')
    expect(await afterEdit.text()).toContain(summary)
    expect((await readCached()).headers.get('x-page-cache')).toBe('HIT')

    const speakers = await api({ path: '/api/speakers?where[slug][equals]=zou-ji&depth=0' })
    const speaker = speakers.json.docs[0]
    const renamed = await api({
      path: `/api/speakers/${speaker.id}`,
      method: 'PATCH',
      token: adminToken,
      body: { name: `${speaker.name} (renamed)` },
    })
    expect(renamed.status).toBe(200)
    expect(await (await read()).text()).toContain(`${speaker.name} (renamed)`)

    await api({
      path: `/api/speakers/${speaker.id}`,
      method: 'PATCH',
      token: adminToken,
      body: { name: speaker.name },
    })
    await api({
      // As above: the editor's closed admin tab may still hold the meeting's lock.
      path: `/api/meetings/${meetingId}?overrideLock=true`,
      method: 'PATCH',
      token: adminToken,
      body: { summary: original.json.summary },
    })
    expect(await (await read()).text()).not.toContain(summary)
  })

  it('keeps anonymous REST reads too, until any public content changes', async () => {
    const apiPath = `/api/meetings/${meetingId}?depth=1`
    const readAPI = (headers: Record<string, string> = {}) =>
      fetch(`${baseURL()}${apiPath}`, { headers })
    await expect
      .poll(async () => (await readAPI()).headers.get('x-page-cache'), { timeout: 5_000 })
      .toBe('HIT')
    expect(
      (await readAPI({ authorization: `JWT ${adminToken}` })).headers.get('x-page-cache'),
    ).toBe(null)
    const drafts = await fetch(`${baseURL()}/api/meetings/${meetingId}?draft=true`)
    expect(drafts.headers.get('x-page-cache')).toBeNull()

    // An organisation is not the meeting, but the meeting's depth-1 answer may name it.
    const organisations = await api({ path: '/api/organisations?limit=1&depth=0' })
    const organisation = organisations.json.docs[0]
    const website = `https://example.org/${Date.now()}`
    const edited = await api({
      path: `/api/organisations/${organisation.id}`,
      method: 'PATCH',
      token: adminToken,
      body: { website },
    })
    expect(edited.status).toBe(200)
    const afterEdit = await readAPI()
    expect(afterEdit.headers.get('x-page-cache')).toBe('MISS')
    await api({
      path: `/api/organisations/${organisation.id}`,
      method: 'PATCH',
      token: adminToken,
      body: { website: organisation.website ?? null },
    })
  })
})

describe('a draft', () => {
  const draftTitle = `Unannounced side event ${Date.now()}`
  let draftSlug: string
  let draftId: string

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
    draftId = created.json.doc.id
  })

  it('has no public page', async () => {
    const response = await fetch(`${baseURL()}/meetings/${draftSlug}`)

    expect(response.status).toBe(404)
  })

  it.each(['/meetings', '/sitemap.xml', '/feed.xml', '/zh/feed.xml', '/meetings/calendar.ics'])(
    'is absent from %s',
    async (path) => {
      const text = await publicText(path)

      expect(text).not.toContain(draftSlug)
      expect(text).not.toContain(draftTitle)
    },
  )

  it('has no calendar file of its own', async () => {
    const response = await fetch(`${baseURL()}/meetings/${draftSlug}/calendar.ics`)

    expect(response.status).toBe(404)
  })

  it('is absent from the search index and GraphQL for anonymous callers', async () => {
    const search = await api({
      path: `/api/search?where[title][like]=${encodeURIComponent(draftTitle)}&depth=0`,
    })
    const graphQL = await api({
      path: '/api/graphql',
      method: 'POST',
      body: { query: `{ Meetings(draft: true, limit: 1000) { docs { id title } } }` },
    })

    expect(search.json.totalDocs).toBe(0)
    expect(JSON.stringify(graphQL.json)).not.toContain(draftId)
    expect(graphQL.json.data.Meetings.docs.length).toBeGreaterThan(0)
  })

  // The results page repeats the query itself, so look for a hit rather than the words.
  it('is not found by search', async () => {
    const text = await publicText(`/search?q=${encodeURIComponent(draftTitle)}`)

    expect(text).toContain('Nothing found.')
    expect(text).not.toContain(`/meetings/${draftSlug}`)
  })

  describe('in the live preview', () => {
    let previewURL: string
    let editorCookies: string

    it('shows an editor the draft, and follows their typing', async () => {
      const { context, page } = await newPage({ browser })
      await logIn({ page, user: editor })
      await openDocument(page, `/admin/collections/meetings/${draftId}`)
      await page.getByRole('button', { name: 'Live Preview' }).click()
      const preview = page.frameLocator('#live-preview-iframe')

      await preview.getByRole('heading', { level: 1, name: draftTitle }).waitFor()
      await preview.getByText('You are previewing the latest draft').waitFor()

      const editedTitle = `${draftTitle} (edited)`
      await page.fill('#field-title', editedTitle)
      // Autosave stores the draft, and the page in the pane is rendered again with it.
      await preview
        .getByRole('heading', { level: 1, name: editedTitle })
        .waitFor({ timeout: 20_000 })

      previewURL = new URL(
        (await page.locator('#live-preview-iframe').getAttribute('src')) ?? '',
        baseURL(),
      ).toString()
      editorCookies = (await context.cookies())
        .map(({ name, value }) => `${name}=${value}`)
        .join('; ')
      await context.close()
    })

    it('leaves the public page absent while the editor previews', async () => {
      const previewedPath = new URL(previewURL).searchParams.get('path')
      expect(previewedPath).toMatch(/^\/meetings\//)
      const response = await fetch(`${baseURL()}${previewedPath}`)
      expect(response.status).toBe(404)
      expect(await publicText('/meetings')).not.toContain(draftTitle)
    })

    it('refuses a preview link with a wrong secret, even to an editor', async () => {
      const forged = new URL(previewURL)
      forged.searchParams.set('previewSecret', 'guessed')

      const response = await fetch(forged, {
        headers: { cookie: editorCookies },
        redirect: 'manual',
      })

      expect(response.status).toBe(403)
      expect(await response.text()).toContain('This preview link is not valid')
      expect(response.headers.get('set-cookie') ?? '').not.toContain('__prerender_bypass')
    })

    it('refuses a valid preview link to someone not logged in', async () => {
      const response = await fetch(previewURL, { redirect: 'manual' })

      expect(response.status).toBe(403)
      expect(await response.text()).toContain('Log in to the admin panel')
      // At most the cookie is cleared; it is never given a value.
      expect(response.headers.get('set-cookie') ?? '').not.toMatch(/__prerender_bypass=[^;]/)
    })

    it('lets the logged-in editor in with a valid link', async () => {
      const response = await fetch(previewURL, {
        headers: { cookie: editorCookies },
        redirect: 'manual',
      })

      expect(response.status).toBe(307)
      expect(response.headers.get('location')).toBe(new URL(previewURL).searchParams.get('path'))
      expect(response.headers.get('set-cookie')).toContain('__prerender_bypass=')
    })

    // Entering and leaving preview both redirect to a path given in the link: neither may lead
    // off the site, however the path is spelled (the leave route needs no login at all).
    it.each(offSitePaths)('never redirects off the site for the path %j', async (trick) => {
      const forged = new URL(previewURL)
      forged.searchParams.set('path', trick)
      const exit = new URL('/next/exit-preview', baseURL())
      exit.searchParams.set('path', trick)
      for (const url of [forged, exit]) {
        const response = await fetch(url, {
          headers: { cookie: editorCookies },
          redirect: 'manual',
        })
        const location = response.headers.get('location')
        if (location !== null) expect(new URL(location, baseURL()).origin).toBe(baseURL())
        expect(response.status, `${url}`).toBeLessThan(500)
      }
    })
  })
})

// A published meeting whose editor is drafting a new, embargoed title: every public surface
// keeps showing the published one until it is published.
describe('a published meeting with a newer draft', () => {
  const publishedTitle = `Ministerial dialogue on adaptation finance ${Date.now()}`
  const draftTitle = `${publishedTitle} (embargoed)`
  let slug: string
  let id: string

  beforeAll(async () => {
    const created = await api({
      path: '/api/meetings',
      method: 'POST',
      token: adminToken,
      body: {
        title: publishedTitle,
        summary: 'Ministers compare how adaptation is financed.',
        kind: 'plenary',
        edition: 2026,
        startsAt: '2026-11-30T02:00:00.000Z',
        _status: 'published',
      },
    })
    expect(created.status).toBe(201)
    ;({ id, slug } = created.json.doc)
    // Read once as a visitor, so that the cached pages are the ones that must not change.
    expect(await publicText(`/meetings/${slug}`)).toContain(publishedTitle)
    const drafted = await api({
      path: `/api/meetings/${id}?draft=true`,
      method: 'PATCH',
      token: adminToken,
      body: { title: draftTitle, _status: 'draft' },
    })
    expect(drafted.status).toBe(200)
  })

  it.each([
    '/meetings/:slug',
    '/meetings',
    '/sitemap.xml',
    '/feed.xml',
    '/zh/feed.xml',
    '/meetings/calendar.ics',
    '/meetings/:slug/calendar.ics',
    '/search?q=embargoed',
  ])('keeps the draft title off %s', async (path) => {
    expect(await publicText(path.replace(':slug', slug))).not.toContain(draftTitle)
  })

  it('still shows the published title on its page and in its Open Graph tags', async () => {
    const html = await publicText(`/meetings/${slug}`)
    const ogTitle = html.match(/<meta property="og:title" content="([^"]*)"/)?.[1]

    expect(html).toContain(publishedTitle)
    expect(ogTitle).toContain(publishedTitle)
    expect(ogTitle).not.toContain('embargoed')
  })

  it('keeps the draft title out of REST and GraphQL for anonymous callers', async () => {
    const [search, rest, graphQL] = await Promise.all([
      api({ path: `/api/search?where[title][like]=embargoed&depth=0` }),
      api({ path: `/api/meetings/${id}?draft=true&depth=0` }),
      api({
        path: '/api/graphql',
        method: 'POST',
        body: {
          query: `query ($id: String!) { Meeting(id: $id, draft: true) { title } Meetings(draft: true, limit: 1000) { docs { title } } }`,
          variables: { id },
        },
      }),
    ])

    expect(search.json.totalDocs).toBe(0)
    expect(rest.json.title).toBe(publishedTitle)
    expect(graphQL.json.data.Meeting.title).toBe(publishedTitle)
    expect(JSON.stringify(graphQL.json)).not.toContain(draftTitle)
  })
})

// A partner's read-only account, through the production server and its page cache.
describe('a reader with an API key', () => {
  const reader = {
    name: 'Partner newsroom',
    email: 'newsroom@example.org',
    password: 'e2e reader password 1',
  }
  const apiKey = crypto.randomUUID()
  const draftTitle = `Embargoed briefing ${Date.now()}`
  let draftId: string

  beforeAll(async () => {
    const created = await api({
      path: '/api/users',
      method: 'POST',
      token: adminToken,
      body: { ...reader, role: 'reader', enableAPIKey: true, apiKey },
    })
    expect(created.status).toBe(201)
    const draft = await api({
      path: '/api/meetings?draft=true',
      method: 'POST',
      token: adminToken,
      body: {
        title: draftTitle,
        kind: 'press-event',
        edition: 2026,
        startsAt: '2026-12-02T02:00:00.000Z',
        _status: 'draft',
      },
    })
    draftId = draft.json.doc.id
  })

  // The same address asked with and without the key, in both orders and twice each, so that a
  // page-cache entry made for one would show up for the other.
  it('reads drafts with its key, and the page cache never gives them to anyone else', async () => {
    const path = '/api/meetings?depth=0&limit=200&sort=-createdAt'
    const idsOf = async (apiKeyOrNone?: string) =>
      ((await api({ path, apiKey: apiKeyOrNone })).json.docs as { id: string }[]).map(
        ({ id }) => id,
      )

    const seen = [
      await idsOf(),
      await idsOf(apiKey),
      await idsOf(),
      await idsOf(apiKey),
      await idsOf(),
    ].map((ids) => ids.includes(draftId))

    expect(seen).toEqual([false, true, false, true, false])
  })

  it('changes nothing with its key', async () => {
    const response = await api({
      path: `/api/meetings/${draftId}`,
      method: 'PATCH',
      apiKey,
      body: { title: 'Changed by a reader' },
    })

    expect(response.status).toBe(403)
  })

  it('is turned away from the admin panel, even after logging in with its password', async () => {
    const login = await api({
      path: '/api/users/login',
      method: 'POST',
      body: { email: reader.email, password: reader.password },
    })
    expect(login.status).toBe(200)

    const response = await fetch(`${baseURL()}/admin/collections/meetings/${draftId}`, {
      headers: { cookie: `payload-token=${login.json.token}` },
    })
    const html = await response.text()

    expect(html).toContain('this user does not have access to the admin panel')
    expect(html).not.toContain(draftTitle)
  })
})

describe('the contact form', () => {
  const message = `Can a television crew film the round table? (${Date.now()})`
  const submissionCount = async () =>
    (await api({ path: '/api/form-submissions?limit=0&depth=0', token: adminToken })).json
      .totalDocs as number

  it('explains what is missing, keeps what was typed, and thanks the visitor once sent', async () => {
    const { context, page } = await newPage({ browser })
    await page.goto('/contact-us')
    const form = page.locator('form.site-form')

    await form.getByRole('button', { name: 'Send message' }).click()
    // Next's route announcer is an alert too.
    const summary = page.getByRole('alert').filter({ hasText: 'Please correct' })
    await expect.poll(() => summary.textContent()).toContain('Please fill in “Your name”.')
    expect(await summary.textContent()).toContain('Please fill in “Message”.')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert')
    expect(await form.getByLabel('Your name').getAttribute('aria-invalid')).toBe('true')

    await form.getByLabel('Your name').fill('Wang Lin')
    await form.getByLabel('E-mail address').fill('wang.lin at example')
    await form.getByLabel('Subject').selectOption('media')
    await form.getByLabel('Message').fill(message)
    await form.getByRole('button', { name: 'Send message' }).click()
    await expect
      .poll(() => summary.textContent())
      .toBe(
        'Please correct the following and send again:“E-mail address” needs an e-mail address such as name@example.org.',
      )
    expect(await form.getByLabel('Your name').inputValue()).toBe('Wang Lin')
    expect(await form.getByLabel('Subject').inputValue()).toBe('media')
    expect(await form.getByLabel('Message').inputValue()).toBe(message)

    await form.getByLabel('E-mail address').fill('wang.lin@example.org')
    await form.getByRole('button', { name: 'Send message' }).click()
    await page
      .getByRole('status')
      .getByText('Your message has reached the forum secretariat')
      .waitFor()
    await context.close()
  })

  it('answers in Chinese on the Chinese site', async () => {
    const { context, page } = await newPage({ browser })
    await page.goto('/zh/contact-us')

    await page.getByRole('button', { name: '发送留言' }).click()

    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: '请修改' }).textContent())
      .toContain('请填写“您的姓名”。')
    await context.close()
  })

  it('works without JavaScript', async () => {
    const context = await browser.newContext({ baseURL: baseURL(), javaScriptEnabled: false })
    const page = await context.newPage()
    const before = await submissionCount()
    await page.goto('/contact-us')

    await page.getByLabel('Your name').fill('Ana Duarte')
    await page.getByLabel('E-mail address').fill('ana.duarte@example.org')
    await page.getByLabel('Subject').selectOption('registration')
    await page.getByLabel('Message').fill('How do I register a delegation of five?')
    await page.getByRole('button', { name: 'Send message' }).click()

    await page.getByText('Your message has reached the forum secretariat').waitFor()
    expect(await submissionCount()).toBe(before + 1)
    await context.close()
  })

  it('thanks a bot that fills in the hidden field, and keeps nothing', async () => {
    const { context, page } = await newPage({ browser })
    const before = await submissionCount()
    await page.goto('/contact-us')
    const form = page.locator('form.site-form')
    await form.getByLabel('Your name').fill('Buy followers')
    await form.getByLabel('E-mail address').fill('bot@example.org')
    await form.getByLabel('Subject').selectOption('other')
    await form.getByLabel('Message').fill('Cheap followers at example.org')
    await page.locator('input[name="homepage"]').fill('https://spam.example.org', { force: true })

    await form.getByRole('button', { name: 'Send message' }).click()

    await page.getByRole('status').waitFor()
    expect(await submissionCount()).toBe(before)
    await context.close()
  })

  it('shows the visitor’s message to an editor in the admin', async () => {
    const { context, page } = await newPage({ browser })
    await logIn({ page, user: editor })

    const found = await api({
      path: `/api/form-submissions?depth=0&where[submissionData.value][equals]=${encodeURIComponent(message)}`,
      token: adminToken,
    })
    expect(found.json.docs).toHaveLength(1)
    const id = found.json.docs[0].id

    await page.goto('/admin/collections/form-submissions')
    await page.locator(`.table a[href$="/form-submissions/${id}"]`).first().click()
    await page.waitForURL(`**/admin/collections/form-submissions/${id}`)

    await expect
      .poll(() =>
        page
          .locator('textarea')
          .evaluateAll((areas) => areas.map((area) => (area as HTMLTextAreaElement).value)),
      )
      .toContain(message)
    await context.close()
  })
})

describe('unpublishing', () => {
  it('takes a meeting off the site at once, page and lists', async () => {
    const title = `Press briefing on the outcomes ${Date.now()}`
    const created = await api({
      path: '/api/meetings',
      method: 'POST',
      token: adminToken,
      body: {
        title,
        kind: 'press-event',
        edition: 2022,
        startsAt: '2022-10-31T08:00:00.000Z',
        _status: 'published',
      },
    })
    expect(created.status).toBe(201)
    const { id, slug } = created.json.doc
    // Read once, so that the page and the list are in the cache when the meeting is withdrawn.
    await expect.poll(() => publicText(`/meetings/${slug}`)).toContain(title)
    expect(await publicText('/meetings')).toContain(title)

    const withdrawn = await api({
      path: `/api/meetings/${id}`,
      method: 'PATCH',
      token: adminToken,
      body: { _status: 'draft' },
    })
    expect(withdrawn.status).toBe(200)

    expect((await fetch(`${baseURL()}/meetings/${slug}`)).status).toBe(404)
    expect(await publicText('/meetings')).not.toContain(title)
    expect(await publicText('/feed.xml')).not.toContain(title)
  })
})

describe('importing an old page in the admin', () => {
  it('turns an uploaded page into a draft the editor can open, and nothing public', async () => {
    const { context, page } = await newPage({ browser })
    await logIn({ page, user: editor })
    await page.goto('/admin/collections/meetings')

    await page
      .getByLabel('Old news page to import')
      .setInputFiles(path.resolve('tests/int/fixtures/import/workshop-2019-no-qa.txt'))
    const draftLink = page.getByRole('link', { name: 'Open the draft' })
    await draftLink.waitFor({ timeout: 30_000 })
    const banner = await page
      .getByText(/^Draft ".+" created\./)
      .first()
      .textContent()
    const title = banner?.match(/^Draft "(.+)" created\./)?.[1]
    expect(title).toContain('Financing Coastal Resilience')

    await draftLink.click()
    await page.waitForURL('**/admin/collections/meetings/*')
    await waitForFormReady(page)
    expect(await page.locator('#field-title').inputValue()).toBe(title)
    const id = page.url().split('/').at(-1)!

    const draft = await api({ path: `/api/meetings/${id}?draft=true&depth=0`, token: adminToken })
    expect(draft.json._status).toBe('draft')
    expect((await api({ path: `/api/meetings/${id}` })).status).toBe(404)
    expect((await fetch(`${baseURL()}/meetings/${draft.json.slug}`)).status).toBe(404)
    await context.close()
  })
})
