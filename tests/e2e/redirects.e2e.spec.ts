import { beforeAll, describe, expect, it } from 'vitest'

import { adminToken as registeredAdminToken } from './helpers/adminSession'
import { baseURL } from './helpers/browser'

// Issue 15: an address of the old site answers, under `npm start`, with a 301 to the page it now
// is, once that page is public.

let adminToken: string

const api = async ({ path, method, body }: { path: string; method: string; body: unknown }) => {
  const response = await fetch(`${baseURL()}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', Authorization: `JWT ${adminToken}` },
    body: JSON.stringify(body),
  })
  return { status: response.status, json: await response.json() }
}

// As a crawler or browser asks for an old address: without following the answer.
const visit = async (path: string) => {
  const response = await fetch(`${baseURL()}${path}`, { redirect: 'manual' })
  const location = response.headers.get('location')
  return {
    status: response.status,
    location: location && new URL(location, baseURL()).pathname,
  }
}

beforeAll(async () => {
  adminToken = await registeredAdminToken()
})

describe('an old address that names a meeting', () => {
  const oldAddress = `/news/2019/e2e-${Date.now()}.html`
  let meeting: { id: string; slug: string }

  beforeAll(async () => {
    const created = await api({
      path: '/api/meetings?draft=true',
      method: 'POST',
      body: {
        title: `Old Site Round Table ${Date.now()}`,
        kind: 'round-table',
        edition: 2019,
        startsAt: '2019-11-20T06:00:00.000Z',
        startsAt_tz: 'Asia/Shanghai',
        _status: 'draft',
      },
    })
    expect(created.status).toBe(201)
    meeting = created.json.doc
    const redirect = await api({
      path: '/api/redirects',
      method: 'POST',
      body: {
        from: `https://www.cifcc.org${oldAddress}`,
        to: { type: 'reference', reference: { relationTo: 'meetings', value: meeting.id } },
        locale: 'zh',
      },
    })
    expect(redirect.status).toBe(201)
  })

  it('is a 404 while the meeting is a draft', async () => {
    expect(await visit(oldAddress)).toEqual({ status: 404, location: null })
  })

  it('answers 301 with the meeting’s page in the redirect’s language once it is published', async () => {
    const published = await api({
      path: `/api/meetings/${meeting.id}`,
      method: 'PATCH',
      body: { _status: 'published' },
    })
    expect(published.status).toBe(200)

    expect(await visit(oldAddress)).toEqual({
      status: 301,
      location: `/zh/meetings/${meeting.slug}`,
    })
    const page = await fetch(`${baseURL()}${oldAddress}`)
    expect([page.status, new URL(page.url).pathname]).toEqual([200, `/zh/meetings/${meeting.slug}`])
  })

  it('never sends a reader off the site', async () => {
    const offSite = `/news/2019/e2e-off-site-${Date.now()}.html`
    const refused = await api({
      path: '/api/redirects',
      method: 'POST',
      body: { from: offSite, to: { type: 'custom', url: '//evil.example' }, locale: 'en' },
    })

    expect(refused.status).toBe(400)
    expect(await visit(offSite)).toEqual({ status: 404, location: null })
  })
})
