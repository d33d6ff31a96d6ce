import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { News } from '@/payload-types'

import { meetingsFeedResponse } from '@/content/meetingFeeds'
import { richText } from '@/content/richText'
import { searchSite } from '@/content/search'
import { listSitemapDocuments } from '@/content/sitemap'
import { jobRunnerHeader } from '@/runtime/jobRunner.mjs'
import { runtimeState } from '@/runtime/runtimeState.mjs'

import type { APIClient } from '../helpers/api'
import type { TestServer } from '../helpers/server'

import { apiClient } from '../helpers/api'
import { recordExpiredTags } from '../helpers/expiredTags'
import {
  createEditor,
  createNews,
  createReader,
  testPassword,
  uploadTestImage,
} from '../helpers/factories'
import { getTestPayload } from '../helpers/payload'
import { startTestServer } from '../helpers/server'

vi.mock('next/cache', () => import('../helpers/uncachedNextCache'))

let payload: Payload
let server: TestServer
let api: APIClient
let editorToken: string
let editorID: string
let readerKey: string
const expired = recordExpiredTags()

beforeAll(async () => {
  payload = await getTestPayload()
  server = await startTestServer()
  api = apiClient(server)
  const editor = await createEditor(payload)
  editorID = editor.id
  editorToken = await api.login(editor.email, testPassword)
  readerKey = (await createReader(payload)).apiKey
})

afterAll(() => server?.close())

const createRelease = (fields: Parameters<typeof createNews>[1] = {}) =>
  createNews(payload, { body: richText({ paragraphs: ['The forum announces.'] }), ...fields })

// What anonymous readers get of a release on each public surface.
const publicSurfaces = async (release: News) => {
  const [rest, byID, graphQL, feed, sitemap, search] = await Promise.all([
    api.rest('GET', `/api/news?where[slug][equals]=${release.slug}`),
    api.rest('GET', `/api/news/${release.id}`),
    api.graphql(`{ News(where: { slug: { equals: "${release.slug}" } }) { docs { id } } }`),
    meetingsFeedResponse({ locale: 'en' }).then((response) => response.text()),
    listSitemapDocuments({}),
    searchSite({ locale: 'en', query: release.title, page: 1 }),
  ])
  return {
    rest: rest.body.totalDocs,
    byID: byID.status,
    graphQL: graphQL.body.data?.News?.docs?.length,
    feed: feed.includes(`/news/${release.slug}`),
    sitemap: sitemap.news.some(({ path }) => path === `/news/${release.slug}`),
    search: search.hits.some(({ path }) => path === `/news/${release.slug}`),
  }
}

const shownEverywhere = { rest: 1, byID: 200, graphQL: 1, feed: true, sitemap: true, search: true }
const hiddenEverywhere = {
  rest: 0,
  byID: 404,
  graphQL: 0,
  feed: false,
  sitemap: false,
  search: false,
}

const schedule = (id: string, body: unknown, auth: { token?: string; apiKey?: string } = {}) =>
  api.rest('POST', `/api/news/${id}/schedule`, { json: body, ...auth })

const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString()

const publishedVersions = async (id: string) =>
  (
    await payload.findVersions({
      collection: 'news',
      where: { and: [{ parent: { equals: id } }, { 'version._status': { equals: 'published' } }] },
      pagination: false,
      depth: 0,
    })
  ).docs.length

// Waits until the job's time has come, then runs the due jobs as the server's runner does.
const runJobsAfter = async (at: string) => {
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, Date.parse(at) - Date.now() + 50)))
  await payload.jobs.run()
}

describe('a news release', () => {
  it('gets its slug from the English title and is a press release unless said otherwise', async () => {
    const release = await payload.create({
      collection: 'news',
      data: { title: 'Registration Opens for 2026', _status: 'published' } as News,
    })

    expect([release.slug, release.kind]).toEqual(['registration-opens-for-2026', 'press-release'])
  })

  it('is dated when first published, and keeps that date when edited again', async () => {
    const release = await createRelease({ _status: 'draft' })
    expect(release.publishedAt).toBeFalsy()

    const published = await payload.update({
      collection: 'news',
      id: release.id,
      data: { _status: 'published' },
    })
    const edited = await payload.update({
      collection: 'news',
      id: release.id,
      data: { summary: 'Corrected summary', _status: 'published' },
    })

    expect(published.publishedAt).toBeTruthy()
    expect(edited.publishedAt).toBe(published.publishedAt)
  })

  it('shows its photo to the public at depth 1', async () => {
    const photo = await uploadTestImage(payload, { width: 320, height: 240 })
    const release = await createRelease({ photo: photo.id })

    const { body } = await api.rest('GET', `/api/news/${release.id}?depth=1`)

    expect(body.photo).toMatchObject({ id: photo.id, alt: photo.alt })
  })
})

describe('drafts on the public surfaces', () => {
  it('a published release is on every one of them', async () => {
    const release = await createRelease()

    expect(await publicSurfaces(release)).toEqual(shownEverywhere)
  })

  it('a draft is on none of them', async () => {
    const release = await createRelease({ _status: 'draft' })

    expect(await publicSurfaces(release)).toEqual(hiddenEverywhere)
  })

  it('a draft is read by partners with a reader key, as meetings are', async () => {
    const release = await createRelease({ _status: 'draft' })

    const { body } = await api.rest('GET', `/api/news/${release.id}?draft=true`, {
      apiKey: readerKey,
    })

    expect(body.title).toBe(release.title)
  })

  it('an unpublished release leaves them all', async () => {
    const release = await createRelease()
    await payload.update({ collection: 'news', id: release.id, data: { _status: 'draft' } })

    expect(await publicSurfaces(release)).toEqual(hiddenEverywhere)
  })
})

describe('scheduled publication', () => {
  it('keeps a release off every public surface until its time, then publishes it there', async () => {
    const release = await createRelease({ _status: 'draft' })
    const at = inSeconds(2)

    const scheduled = await schedule(release.id, { at }, { token: editorToken })
    await payload.jobs.run()
    const before = await publicSurfaces(release)
    await runJobsAfter(at)
    const after = await publicSurfaces(release)

    expect(scheduled.status).toBe(201)
    expect(scheduled.body.scheduled).toEqual([expect.objectContaining({ type: 'publish', at })])
    expect(before).toEqual(hiddenEverywhere)
    expect(after).toEqual(shownEverywhere)
  })

  it('expires the cached pages of the news when the job publishes', async () => {
    const release = await createRelease({ _status: 'draft' })
    const at = inSeconds(1)
    await schedule(release.id, { at }, { token: editorToken })

    expired.length = 0
    await runJobsAfter(at)

    expect(expired).toContain('news')
  })

  it('publishes as the editor who scheduled it', async () => {
    const release = await createRelease({ _status: 'draft' })
    const at = inSeconds(1)
    await schedule(release.id, { at }, { token: editorToken })

    await runJobsAfter(at)

    const published = await payload.findByID({ collection: 'news', id: release.id, depth: 0 })
    expect([published._status, published.updatedBy]).toEqual(['published', editorID])
  })

  it('lists what is scheduled for a release to staff', async () => {
    const release = await createRelease({ _status: 'draft' })
    const at = inSeconds(3600)
    await schedule(release.id, { at, type: 'publish' }, { token: editorToken })

    const { status, body } = await api.rest('GET', `/api/news/${release.id}/schedule`, {
      token: editorToken,
    })

    expect(status).toBe(200)
    expect(body.scheduled).toEqual([expect.objectContaining({ type: 'publish', at })])
  })

  it.each([
    ['no time', {}, 400, /Send "at"/],
    ['a time that is not one', { at: 'next tuesday' }, 400, /Send "at"/],
    ['a time that has passed', { at: '2020-01-01T00:00:00Z' }, 400, /has passed/],
    ['an unknown kind', { at: inSeconds(3600), type: 'retract' }, 400, /"type" is/],
  ])('refuses %s with a sentence', async (_, body, status, message) => {
    const release = await createRelease({ _status: 'draft' })

    const response = await schedule(release.id, body, { token: editorToken })

    expect(response.status).toBe(status)
    expect(response.body.errors[0].message).toMatch(message)
  })

  it('answers 404 for a release that does not exist', async () => {
    const response = await schedule(
      'no-such-release',
      { at: inSeconds(60) },
      { token: editorToken },
    )

    expect(response.status).toBe(404)
  })

  it.each([
    ['anonymous readers', {}, 401],
    ['partners with a reader key', { apiKey: 'reader' }, 403],
  ])('refuses %s', async (_, auth, status) => {
    const release = await createRelease({ _status: 'draft' })

    const response = await schedule(
      release.id,
      { at: inSeconds(60) },
      'apiKey' in auth ? { apiKey: readerKey } : {},
    )

    expect(response.status).toBe(status)
  })
})

describe('the job queue', () => {
  it.each([
    ['anonymous readers', {}],
    ['partners with a reader key', { apiKey: 'reader' }],
  ])('is closed to %s: they can neither read it nor run it', async (_, auth) => {
    const credentials = 'apiKey' in auth ? { apiKey: readerKey } : {}

    const [list, run] = await Promise.all([
      api.rest('GET', '/api/payload-jobs', credentials),
      api.rest('GET', '/api/payload-jobs/run', credentials),
    ])

    expect([list.status, run.status]).toEqual([403, 401])
  })

  it('is run by staff, and by the server runner with its token', async () => {
    runtimeState.jobRunnerToken = 'a-token-only-this-process-knows-0123456789abcdef'
    const runnerHeaders = (token: string) => ({ [jobRunnerHeader]: token })

    const [byEditor, byRunner, byGuess] = await Promise.all([
      api.rest('GET', '/api/payload-jobs/run', { token: editorToken }),
      fetch(`${server.url}/api/payload-jobs/run`, {
        headers: runnerHeaders(runtimeState.jobRunnerToken),
      }),
      fetch(`${server.url}/api/payload-jobs/run`, { headers: runnerHeaders('a-guess') }),
    ])
    runtimeState.jobRunnerToken = undefined

    expect([byEditor.status, byRunner.status, byGuess.status]).toEqual([200, 200, 401])
  })

  it('gives a due job to one of two runners that look at once, which publishes it once', async () => {
    const release = await createRelease({ _status: 'draft' })
    const at = inSeconds(1)
    await schedule(release.id, { at }, { token: editorToken })
    await new Promise((resolve) => setTimeout(resolve, 1100))

    const runs = await Promise.all([payload.jobs.run(), payload.jobs.run()])

    // Each run reports the jobs it claimed and how each went.
    const claims = runs.flatMap((run) => Object.values(run.jobStatus ?? {}))
    expect(claims).toEqual([{ status: 'success' }])
    expect(await publishedVersions(release.id)).toBe(1)
  })
})
