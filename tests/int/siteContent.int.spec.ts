import type { Payload } from 'payload'

import fs from 'node:fs'
import { beforeAll, describe, expect, it, vi } from 'vitest'

import { cacheTags } from '@/content/cacheTags'
import { cachedQuery, cachedQueries } from '@/content/cachedQuery'
import { publicAPIFile, publicAPIOf } from '@/payload/publicAPI'
import { publicCollectionsOf, recordingReads, unrecorded } from '@/payload/siteContent'
import { seed } from '@/seed'

import { getTestPayload } from '../helpers/payload'

vi.mock('next/cache', () => import('../helpers/uncachedNextCache'))

// Every module of cached reads registers them on import (src/content/cachedQuery.ts).
const contentModules = import.meta.glob('../../src/content/*.ts', { eager: true })

let payload: Payload

beforeAll(async () => {
  payload = await getTestPayload()
  await seed({ payload })
})

const firstSlug = async (collection: 'meetings' | 'speakers' | 'organisations') => {
  const { docs } = await payload.find({ collection, limit: 1, depth: 0, select: { slug: true } })
  return String(docs[0]?.slug)
}

// Arguments for each cached read, so that each one reads something of the demo content.
const sampleArguments = async (): Promise<Record<string, Record<string, unknown>>> => {
  const locale = 'en'
  const [meeting, speaker, organisation] = await Promise.all([
    firstSlug('meetings'),
    firstSlug('speakers'),
    firstSlug('organisations'),
  ])
  const { docs: pages } = await payload.find({ collection: 'pages', limit: 1, depth: 0 })
  const { docs: forms } = await payload.find({ collection: 'forms', limit: 1, depth: 0 })
  // The demo content has no news: one release with a photo, so that its reads read both.
  const { docs: photos } = await payload.find({ collection: 'photos', limit: 1, depth: 0 })
  const release = await payload.create({
    collection: 'news',
    data: {
      title: 'Forum opens registration',
      slug: 'forum-opens-registration',
      kind: 'announcement',
      photo: photos[0]?.id,
      _status: 'published',
    },
  })
  return {
    listMeetings: { locale },
    listMeetingEditions: { locale },
    listEditions: { locale },
    getEdition: { locale, year: 2022 },
    getCurrentEdition: { locale },
    listSessions: { locale, year: 2022 },
    listFeaturedSpeakers: { locale, year: 2022 },
    listScheduleSessions: { locale, year: 2022 },
    getMeeting: { locale, slug: meeting },
    getAdjacentMeetings: { locale, startsAt: '2020-01-01T00:00:00.000Z' },
    listUpcomingMeetings: { locale, from: '2000-01-01T00:00:00.000Z' },
    listFeedMeetings: { locale },
    getCalendarMeeting: { locale, slug: meeting },
    getSpeakerCalendar: { locale, slug: speaker },
    listSpeakers: { locale },
    listSpeakerLetterPages: {},
    getSpeaker: { locale, slug: speaker },
    listOrganisations: { locale },
    getOrganisation: { locale, slug: organisation },
    listPages: { locale },
    getPageByPath: { locale, segments: [String(pages[0]?.slug)] },
    listGalleries: { locale },
    getGallery: { locale, slug: meeting },
    searchSite: { locale, query: 'climate', page: 1 },
    getSite: { locale },
    getForm: { locale, id: String(forms[0]?.id) },
    listMeetingsByYear: { locale },
    listSitemapDocuments: {},
    findRedirect: { path: '/news/no-such-page.html' },
    listNews: { locale },
    getNewsRelease: { locale, slug: release.slug },
    listFeedNews: { locale, limit: 10 },
  }
}

describe('what is public is said once, by the collections', () => {
  it('the server shares the REST reads of exactly the collections whose configs say so', async () => {
    const written = JSON.parse(fs.readFileSync(publicAPIFile, 'utf8'))

    expect(
      written,
      'src/runtime/publicAPI.json is out of date: run `npm run generate:public`',
    ).toEqual(publicAPIOf(payload.config))
  })

  it('the search indexes every collection whose config asks for it, at its priority', () => {
    const searched = publicCollectionsOf(payload.config.collections).filter(({ search }) => search)
    const searchConfig = payload.collections.search.config

    expect(searched.map(({ slug }) => slug).sort()).toEqual(
      searchConfig.fields
        .flatMap((field) => ('name' in field && field.name === 'doc' ? [field] : []))
        .flatMap((field) => ('relationTo' in field ? [field.relationTo].flat() : []))
        .sort(),
    )
  })
})

describe('cached reads carry the tags of everything they read', () => {
  it('each one, run on the demo content, reads only what its tags cover', async () => {
    expect(Object.keys(contentModules).length).toBeGreaterThan(5)
    const samples = await sampleArguments()

    expect(
      [...cachedQueries.keys()].filter((name) => !samples[name]),
      'a cached read without sample arguments in this test',
    ).toEqual([])
    for (const [name, { run }] of cachedQueries) {
      await expect(run(samples[name]), name).resolves.toBeDefined()
    }
  })

  it('a read that shows a collection it is not tagged with is refused, populated ones included', async () => {
    const untagged = cachedQuery({
      name: 'test:meetingWithItsSpeakers',
      tags: [cacheTags.meetings],
      query: async () =>
        payload.find({
          collection: 'meetings',
          depth: 1,
          limit: 5,
          overrideAccess: false,
          select: { title: true, statements: true },
          populate: { speakers: { name: true } },
        }),
    })

    await expect(untagged({})).rejects.toThrow(
      /test:meetingWithItsSpeakers shows speakers, organisations but is not tagged/,
    )
    cachedQueries.delete('test:meetingWithItsSpeakers')
  })

  it("does not count what Payload's own start reads (the first-start seed) against the read that started it", async () => {
    const { read } = await recordingReads(async () => {
      await unrecorded(() => payload.find({ collection: 'speakers', limit: 1, depth: 0 }))
      return payload.find({ collection: 'meetings', limit: 1, depth: 0 })
    })

    expect([...read]).toEqual(['meetings'])
  })
})
