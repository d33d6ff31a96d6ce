import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { ChangeEvent } from '@/payload-types'

import { maxChangesLimit } from '@/payload/changes/feed'
import { isCrossOriginRead, isPublicAPIRead } from '@/server/cachePolicy.mjs'

import type { APIClient } from '../helpers/api'
import type { TestServer } from '../helpers/server'

import { apiClient } from '../helpers/api'
import {
  createMeeting,
  createNews,
  createPage,
  createSpeaker,
  uniqueSuffix,
  uploadTestDocument,
  uploadTestImage,
} from '../helpers/factories'
import { getTestPayload } from '../helpers/payload'
import { startTestServer } from '../helpers/server'

let payload: Payload
let server: TestServer
let api: APIClient

beforeAll(async () => {
  payload = await getTestPayload()
  server = await startTestServer()
  api = apiClient(server)
})

afterAll(() => server?.close())

const eventsOf = async (documentId: string): Promise<Pick<ChangeEvent, 'kind' | 'slug'>[]> => {
  const { docs } = await payload.find({
    collection: 'change-events',
    where: { documentId: { equals: documentId } },
    sort: ['at', 'id'],
    pagination: false,
    depth: 0,
  })
  return docs.map(({ kind, slug }) => ({ kind, slug }))
}

const kindsOf = async (documentId: string) => (await eventsOf(documentId)).map(({ kind }) => kind)

// As the admin saves: a draft (autosave, "Save draft") with draft: true, a publication without.
const saveDraft = (id: string, data: Record<string, unknown>) =>
  payload.update({ collection: 'meetings', id, data, draft: true })
const publish = (id: string, data: Record<string, unknown> = {}) =>
  payload.update({ collection: 'meetings', id, data: { ...data, _status: 'published' } })
const unpublish = (id: string) =>
  payload.update({ collection: 'meetings', id, data: { _status: 'draft' } })

describe('change events', () => {
  it('are not recorded for drafts of a meeting that was never published', async () => {
    const meeting = await createMeeting(payload, { _status: 'draft' })
    await saveDraft(meeting.id, { venue: 'Room 1' })
    await saveDraft(meeting.id, { venue: 'Room 2' })
    expect(await kindsOf(meeting.id)).toEqual([])
  })

  it('record a publication with the slug, and each published change', async () => {
    const meeting = await createMeeting(payload, { _status: 'draft' })
    await publish(meeting.id)
    await publish(meeting.id, { venue: 'Hall B' })
    expect(await eventsOf(meeting.id)).toEqual([
      { kind: 'published', slug: meeting.slug },
      { kind: 'updated', slug: meeting.slug },
    ])
    // What the admin shows for an event (the delivery log, pickers) instead of its id.
    const { docs } = await payload.find({
      collection: 'change-events',
      where: { documentId: { equals: meeting.id } },
      limit: 1,
      sort: 'at',
    })
    expect(docs[0].label).toBe(`published · meetings · ${meeting.slug}`)
  })

  it('record nothing for a draft saved beside a published meeting, and an update when it is published', async () => {
    const meeting = await createMeeting(payload)
    await saveDraft(meeting.id, { venue: 'Not yet announced' })
    expect(await kindsOf(meeting.id)).toEqual(['published'])
    await publish(meeting.id)
    expect(await kindsOf(meeting.id)).toEqual(['published', 'updated'])
  })

  it('record unpublishing as removed, under the slug the public knew', async () => {
    const meeting = await createMeeting(payload)
    await saveDraft(meeting.id, { slug: `secret-new-name-${uniqueSuffix()}` })
    await unpublish(meeting.id)
    expect(await eventsOf(meeting.id)).toEqual([
      { kind: 'published', slug: meeting.slug },
      { kind: 'removed', slug: meeting.slug },
    ])
  })

  it('record nothing for drafts of an unpublished meeting, and a publication when it is published again', async () => {
    const meeting = await createMeeting(payload)
    await unpublish(meeting.id)
    await saveDraft(meeting.id, { venue: 'Room 3' })
    expect(await kindsOf(meeting.id)).toEqual(['published', 'removed'])
    await publish(meeting.id)
    expect(await kindsOf(meeting.id)).toEqual(['published', 'removed', 'published'])
  })

  it('record deleting a published document as removed, and nothing for deleting a draft', async () => {
    const [published, draft] = await Promise.all([
      createPage(payload),
      createPage(payload, { _status: 'draft' }),
    ])
    await payload.delete({ collection: 'pages', id: published.id })
    await payload.delete({ collection: 'pages', id: draft.id })
    expect(await kindsOf(published.id)).toEqual(['published', 'removed'])
    expect(await kindsOf(draft.id)).toEqual([])
  })

  it('record the upload, change and deletion of a photo', async () => {
    const photo = await uploadTestImage(payload, { width: 64, height: 48 })
    await payload.update({ collection: 'photos', id: photo.id, data: { alt: 'A new caption' } })
    await payload.delete({ collection: 'photos', id: photo.id })
    expect(await kindsOf(photo.id)).toEqual(['published', 'updated', 'removed'])
  })

  it("follow the public's rule for a meeting's documents: nothing while the meeting is a draft", async () => {
    const [draft, published] = await Promise.all([
      createMeeting(payload, { _status: 'draft' }),
      createMeeting(payload),
    ])
    const [hidden, shown] = await Promise.all([
      uploadTestDocument(payload, { data: { meeting: draft.id } }),
      uploadTestDocument(payload, { data: { meeting: published.id } }),
    ])
    expect(await kindsOf(hidden.id)).toEqual([])
    expect(await kindsOf(shown.id)).toEqual(['published'])
  })

  it('follow a speaker into an embargo and out of it with the meeting that names them', async () => {
    const speaker = await createSpeaker(payload)
    const meeting = await createMeeting(payload, { _status: 'draft', host: speaker.id })
    await publish(meeting.id)
    expect(await kindsOf(speaker.id)).toEqual(['published', 'removed', 'published'])
  })

  it('are kept 90 days: older ones go when the next change is recorded', async () => {
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString()
    const [old, recent] = await Promise.all(
      [91, 89].map((days) =>
        payload.create({
          collection: 'change-events',
          data: {
            collection: 'news',
            documentId: uniqueSuffix(),
            kind: 'updated',
            at: daysAgo(days),
          },
        }),
      ),
    )
    await createNews(payload)
    const left = await payload.find({
      collection: 'change-events',
      where: { id: { in: [old.id, recent.id] } },
      depth: 0,
    })
    expect(left.docs.map(({ id }) => id)).toEqual([recent.id])
  })

  it('are not recorded for collections outside the public API (users, forms)', async () => {
    const before = (await payload.count({ collection: 'change-events' })).totalDocs
    await payload.create({
      collection: 'users',
      data: {
        name: 'Someone',
        email: `someone-${uniqueSuffix()}@example.test`,
        password: 'tea kettle under the olive tree',
        role: 'editor',
      },
    })
    expect((await payload.count({ collection: 'change-events' })).totalDocs).toBe(before)
  })
})

describe('GET /api/changes', () => {
  const since = () => new Date(Date.now() - 1).toISOString()

  it('lists the changes after a time, oldest first, with the REST address of each document', async () => {
    const start = since()
    const release = await createNews(payload)
    await payload.update({ collection: 'news', id: release.id, data: { summary: 'Changed.' } })
    const { status, body } = await api.rest('GET', `/api/changes?since=${start}`)
    expect(status).toBe(200)
    expect(body.events).toEqual([
      {
        collection: 'news',
        id: release.id,
        kind: 'published',
        at: expect.any(String),
        slug: release.slug,
        url: `/api/news/${release.id}`,
      },
      expect.objectContaining({ id: release.id, kind: 'updated' }),
    ])
    expect(Date.parse(body.events[0].at)).toBeGreaterThan(Date.parse(start))
    const document = await api.rest('GET', body.events[0].url)
    expect(document.body.slug).toBe(release.slug)
  })

  it('is read a page at a time by following next, without a change twice or left out', async () => {
    const start = since()
    const meetings = []
    for (let index = 0; index < 5; index += 1) meetings.push(await createMeeting(payload))
    const seen: string[] = []
    let next = `/api/changes?since=${start}&limit=2`
    for (let page = 0; page < 4; page += 1) {
      const { body } = await api.rest('GET', next)
      expect(body.events.length).toBeLessThanOrEqual(2)
      seen.push(...body.events.map(({ id }: { id: string }) => id))
      next = body.next
      if (!body.hasMore) break
    }
    expect(seen).toEqual(meetings.map(({ id }) => id))
    // The last page's next is where to poll from: nothing new yet, then the next change.
    expect((await api.rest('GET', next)).body.events).toEqual([])
    const later = await createMeeting(payload)
    expect((await api.rest('GET', next)).body.events.map(({ id }: { id: string }) => id)).toEqual([
      later.id,
    ])
  })

  it('caps the page size', async () => {
    const { body } = await api.rest('GET', `/api/changes?limit=100000`)
    expect(body.next).toContain(`limit=${maxChangesLimit}`)
  })

  it('never shows anything of a draft', async () => {
    const start = since()
    const slug = `unannounced-${uniqueSuffix()}`
    const draft = await createMeeting(payload, { _status: 'draft', slug })
    await saveDraft(draft.id, { venue: 'Secret venue' })
    const published = await createMeeting(payload)
    await saveDraft(published.id, { slug: `${slug}-renamed` })
    const { body } = await api.rest('GET', `/api/changes?since=${start}`)
    const text = JSON.stringify(body)
    expect(text).not.toContain(draft.id)
    expect(text).not.toContain(slug)
    expect(body.events.map(({ id }: { id: string }) => id)).toEqual([published.id])
  })

  it('answers a time in the future with no changes', async () => {
    const { status, body } = await api.rest('GET', '/api/changes?since=2999-01-01T00:00:00Z')
    expect(status).toBe(200)
    expect(body.events).toEqual([])
  })

  it.each([
    ['yesterday', '"since" must be a date or a date and time with its offset from UTC'],
    ['2026-12-05T09:30:00', '"since" must be a date or a date and time with its offset from UTC'],
    ['2026-13-45T99:00:00Z', '"since" must be a date or a date and time with its offset from UTC'],
  ])('refuses since=%s with 400 and a sentence', async (value, message) => {
    const { status, body } = await api.rest('GET', `/api/changes?since=${value}`)
    expect(status).toBe(400)
    expect(body.errors[0].message).toContain(message)
  })

  it('refuses a cursor it did not make, and a page size that is not a number', async () => {
    const cursor = await api.rest('GET', '/api/changes?cursor=not-a-cursor')
    expect(cursor.status).toBe(400)
    expect(cursor.body.errors[0].message).toContain('use the "next" address')
    const limit = await api.rest('GET', '/api/changes?limit=ten')
    expect(limit.status).toBe(400)
  })

  it('is a public read that the server shares and other sites may read', () => {
    expect(isPublicAPIRead('/api/changes?since=2026-12-05T00:00:00Z')).toBe(true)
    expect(
      isCrossOriginRead({
        method: 'GET',
        url: '/api/changes?since=2026-12-05T00:00:00Z',
        headers: {},
      } as never),
    ).toBe(true)
  })

  it('keeps the change events collection itself closed to the public', async () => {
    const rest = await api.rest('GET', '/api/change-events')
    expect(rest.status).toBe(403)
  })
})
