import type { CollectionSlug, Payload } from 'payload'

import { beforeAll, describe, expect, it } from 'vitest'

import type { Meeting, Organisation, Speaker } from '@/payload-types'

import { editionYear } from '@/content/editionYear'
import { seed } from '@/seed'

import { getTestPayload } from '../helpers/payload'
import { hasReference, noteMissingReference, readReference } from '../helpers/reference'
import { collectStrings, copiedRuns } from '../helpers/text'

noteMissingReference({ skipped: "the check that the seed copies nothing of the forum's page" })

const meetingTitle = 'Green Industry and Low-Carbon City Construction'

// Service pages the forum's site links to, under the `about` and `services` sections.
const requiredPages = [
  'significance',
  'content',
  'framework',
  'service-unit',
  'site-map',
  'laws-and-regulations',
  'hotel',
  'visa',
  'traffic',
  'contact-us',
]

const seededCollections = ['meetings', 'speakers', 'organisations', 'photos', 'pages'] as const

type Counts = Record<string, number>

let payload: Payload
let countsAfterFirstRun: Counts
let countsAfterSecondRun: Counts
let meeting: Meeting

const countEverything = async (): Promise<Counts> => {
  const entries = await Promise.all([
    ...[...seededCollections, 'users'].map(async (collection) => [
      collection,
      (await payload.count({ collection: collection as CollectionSlug })).totalDocs,
    ]),
    ...(['meetings', 'pages'] as const).map(async (collection) => [
      `${collection} versions`,
      (await payload.countVersions({ collection })).totalDocs,
    ]),
  ])
  return Object.fromEntries(entries)
}

const speakerNamed = async (name: string): Promise<Speaker> => {
  const { docs } = await payload.find({ collection: 'speakers', where: { name: { equals: name } } })
  return docs[0]
}

beforeAll(async () => {
  payload = await getTestPayload()
  await seed({ payload })
  countsAfterFirstRun = await countEverything()
  await seed({ payload })
  countsAfterSecondRun = await countEverything()
  const { docs } = await payload.find({
    collection: 'meetings',
    where: { title: { equals: meetingTitle } },
    depth: 1,
  })
  meeting = docs[0]
})

describe('running the seed twice', () => {
  it('leaves the same number of documents in every collection', () => {
    const documents = (counts: Counts) =>
      Object.fromEntries(Object.entries(counts).filter(([key]) => !key.endsWith('versions')))

    expect(documents(countsAfterSecondRun)).toEqual(documents(countsAfterFirstRun))
  })

  it('adds no versions of meetings or pages', () => {
    expect(countsAfterSecondRun).toEqual(countsAfterFirstRun)
  })

  it('creates no users', () => {
    expect(countsAfterSecondRun.users).toBe(0)
  })
})

describe('the seeded meeting', () => {
  it('is the only meeting with its title, and it is published', async () => {
    const { docs } = await payload.find({
      collection: 'meetings',
      where: { title: { equals: meetingTitle } },
      draft: true,
    })

    expect(docs.map(({ _status }) => _status)).toEqual(['published'])
  })

  it('is a round table of the 2022 edition', () => {
    expect({ kind: meeting.kind, edition: editionYear(meeting.edition) }).toEqual({
      kind: 'round-table',
      edition: 2022,
    })
  })

  it('starts on 30 October 2022 in Beijing time', () => {
    const dayInShanghai = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
      new Date(meeting.startsAt),
    )

    expect({ day: dayInShanghai, timeZone: meeting.startsAt_tz }).toEqual({
      day: '2022-10-30',
      timeZone: 'Asia/Shanghai',
    })
  })

  it('is hosted by Edward Clarence-Smith', () => {
    expect((meeting.host as Speaker).name).toBe('Edward Clarence-Smith')
  })

  it('has three topics', () => {
    expect(meeting.topics).toHaveLength(3)
  })

  it('has seven statements, each by a speaker', () => {
    const speakers = (meeting.statements ?? []).map(({ speaker }) => (speaker as Speaker).name)

    expect(speakers).toEqual(Array.from({ length: 7 }, () => expect.any(String)))
  })

  it('has a question answered by Zou Ji', () => {
    const answeredBy = (meeting.questions ?? []).flatMap(({ answers }) =>
      (answers ?? []).map(({ speaker }) => (speaker as Speaker).name),
    )

    expect(answeredBy).toContain('Zou Ji')
  })

  it('was attended by the World Bank, CASS, WRI, IFC, UN-Habitat and the EU', () => {
    const attending = (meeting.attendingOrganisations ?? []) as Organisation[]
    const names = attending.flatMap(({ abbreviation, name }) => [abbreviation, name])

    expect(names).toEqual(expect.arrayContaining(['WB', 'CASS', 'WRI', 'IFC', 'UN-Habitat', 'EU']))
  })

  it('lists its photos', () => {
    expect(meeting.photos?.docs?.length).toBeGreaterThan(0)
  })
})

describe('the seeded speakers', () => {
  it('are seven', async () => {
    expect((await payload.count({ collection: 'speakers' })).totalDocs).toBe(7)
  })

  it('each hold at least one position at an organisation', async () => {
    const { docs } = await payload.find({ collection: 'speakers', depth: 0, limit: 100 })

    const linkedPositions = docs.map(
      ({ positions }) => (positions ?? []).filter(({ organisation }) => organisation).length,
    )

    expect(linkedPositions.every((count) => count >= 1)).toBe(true)
  })

  it('include Zou Ji with at least three positions', async () => {
    const zouJi = await speakerNamed('Zou Ji')

    expect(zouJi.positions?.length).toBeGreaterThanOrEqual(3)
  })
})

describe('the seeded organisations', () => {
  it('are about eleven (between nine and thirteen)', async () => {
    const { totalDocs } = await payload.count({ collection: 'organisations' })

    expect([totalDocs >= 9, totalDocs <= 13]).toEqual([true, true])
  })
})

describe('the seeded service pages', () => {
  it.each(requiredPages)('include a published "%s" page', async (slug) => {
    const { docs } = await payload.find({
      collection: 'pages',
      where: { slug: { equals: slug } },
      draft: true,
    })

    expect(docs.map(({ _status }) => _status)).toEqual(['published'])
  })

  it.each([
    ['hotel', '/services/hotel'],
    ['significance', '/about/significance'],
  ])('place the "%s" page at %s', async (slug, url) => {
    const { docs } = await payload.find({ collection: 'pages', where: { slug: { equals: slug } } })

    expect(docs[0].breadcrumbs?.at(-1)?.url).toBe(url)
  })
})

describe('the seeded photos', () => {
  it('exist, each with alternative text in English and Chinese', async () => {
    const { docs } = await payload.find({ collection: 'photos', locale: 'all', limit: 100 })
    const alts = docs.map(({ alt }) => alt as unknown as { en?: string; zh?: string })

    expect(alts.length).toBeGreaterThan(0)
    expect(alts.every(({ en, zh }) => Boolean(en?.trim()) && Boolean(zh?.trim()))).toBe(true)
  })

  it('each have a thumbnail', async () => {
    const { docs } = await payload.find({ collection: 'photos', limit: 100 })

    expect(docs.every(({ sizes }) => Boolean(sizes?.thumbnail?.filename))).toBe(true)
  })

  it('of the meeting have card, hero and Open Graph sizes', async () => {
    const { docs } = await payload.find({
      collection: 'photos',
      where: { meeting: { equals: meeting.id } },
      limit: 100,
    })
    const sizes = docs.map(({ sizes }) => ({
      card: Boolean(sizes?.card?.filename),
      hero: Boolean(sizes?.hero?.filename),
      og: Boolean(sizes?.og?.filename),
    }))

    expect(sizes).toEqual(docs.map(() => ({ card: true, hero: true, og: true })))
  })
})

describe('the seeded site settings', () => {
  it('name the site in English and Chinese', async () => {
    const site = await payload.findGlobal({ slug: 'site', locale: 'all' })

    expect(site.name).toEqual({ en: expect.any(String), zh: expect.any(String) })
  })
})

describe('the seeded text', () => {
  it.skipIf(!hasReference)(
    'copies no run of eight or more words from the reference page',
    async () => {
      const reference = readReference().toString('utf8')
      const documents = await Promise.all([
        ...seededCollections.map(
          async (collection) =>
            (await payload.find({ collection, locale: 'all', depth: 0, limit: 1000, draft: true }))
              .docs,
        ),
        payload.findGlobal({ slug: 'site', locale: 'all', depth: 0 }),
      ])

      const copied = copiedRuns({ reference, texts: collectStrings(documents), length: 8 })

      expect(copied).toEqual([])
    },
  )
})
