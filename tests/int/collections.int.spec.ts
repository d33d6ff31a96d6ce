import type { CollectionSlug, Payload, RequiredDataFromCollectionSlug } from 'payload'

import { beforeAll, describe, expect, it } from 'vitest'

import {
  createMeeting,
  createOrganisation,
  createPage,
  createSpeaker,
  testPassword,
  uniqueSuffix,
  uploadTestImage,
} from '../helpers/factories'
import { toSlug } from '@/payload/fields/slug'

import { idsOf, joinedIds } from '../helpers/ids'
import { getTestPayload } from '../helpers/payload'

let payload: Payload

beforeAll(async () => {
  payload = await getTestPayload()
})

// Runs first in this file, on an empty users collection.
describe('users', () => {
  it('makes the first user an admin even when it asked to be an editor', async () => {
    expect(await payload.count({ collection: 'users' })).toEqual({ totalDocs: 0 })

    const first = await payload.create({
      collection: 'users',
      data: { name: 'First', email: 'first@example.test', password: testPassword, role: 'editor' },
    })

    expect(first.role).toBe('admin')
  })

  it('makes later users editors by default', async () => {
    const second = await payload.create({
      collection: 'users',
      // No role given: the type requires one, the collection has a default.
      data: {
        name: 'Second',
        email: 'second@example.test',
        password: testPassword,
      } as RequiredDataFromCollectionSlug<'users'>,
    })

    expect(second.role).toBe('editor')
  })
})

type CRUDCase = {
  collection: CollectionSlug
  create: () => Promise<{ id: string }>
  update: (id: string) => Promise<unknown>
  field: string
  updatedValue: unknown
}

const crudCases: CRUDCase[] = [
  {
    collection: 'meetings',
    create: () => createMeeting(payload),
    update: (id) =>
      payload.update({ collection: 'meetings', id, data: { venue: 'Sharm el-Sheikh' } }),
    field: 'venue',
    updatedValue: 'Sharm el-Sheikh',
  },
  {
    collection: 'speakers',
    create: () => createSpeaker(payload),
    update: (id) => payload.update({ collection: 'speakers', id, data: { honorific: 'Dr' } }),
    field: 'honorific',
    updatedValue: 'Dr',
  },
  {
    collection: 'organisations',
    create: () => createOrganisation(payload),
    update: (id) =>
      payload.update({ collection: 'organisations', id, data: { abbreviation: 'TST' } }),
    field: 'abbreviation',
    updatedValue: 'TST',
  },
  {
    collection: 'photos',
    create: () => uploadTestImage(payload, { width: 640, height: 480 }),
    update: (id) =>
      payload.update({ collection: 'photos', id, data: { credit: 'A. Photographer' } }),
    field: 'credit',
    updatedValue: 'A. Photographer',
  },
  {
    collection: 'pages',
    create: () => createPage(payload),
    update: (id) => payload.update({ collection: 'pages', id, data: { navOrder: 7 } }),
    field: 'navOrder',
    updatedValue: 7,
  },
  {
    collection: 'users',
    create: () =>
      payload.create({
        collection: 'users',
        data: {
          name: 'Someone',
          email: `someone-${uniqueSuffix()}@example.test`,
          password: testPassword,
          role: 'editor',
        },
      }),
    update: (id) => payload.update({ collection: 'users', id, data: { name: 'Someone Else' } }),
    field: 'name',
    updatedValue: 'Someone Else',
  },
]

describe.each(crudCases)('$collection through the local API', (crudCase) => {
  it('creates a document that can be read back by id', async () => {
    const created = await crudCase.create()

    const read = await payload.findByID({ collection: crudCase.collection, id: created.id })

    expect(read.id).toBe(created.id)
  })

  it('updates a field', async () => {
    const created = await crudCase.create()

    await crudCase.update(created.id)

    const read = await payload.findByID({ collection: crudCase.collection, id: created.id })
    expect((read as unknown as Record<string, unknown>)[crudCase.field]).toEqual(
      crudCase.updatedValue,
    )
  })

  it('deletes a document so it can no longer be found', async () => {
    const created = await crudCase.create()

    await payload.delete({ collection: crudCase.collection, id: created.id })

    const found = await payload.find({
      collection: crudCase.collection,
      where: { id: { equals: created.id } },
    })
    expect(found.totalDocs).toBe(0)
  })
})

describe('slugs', () => {
  it('generates the slug from the title, spelling out "&"', async () => {
    const meeting = await createMeeting(payload, { title: 'Green Industry & Low-Carbon City' })

    expect(meeting.slug).toBe('green-industry-and-low-carbon-city')
  })

  it('generates a speaker slug from the name, keeping the hyphen and stripping accents', async () => {
    const speaker = await createSpeaker(payload, { name: 'Édouard Clarence-Smith' })

    expect(speaker.slug).toBe('edouard-clarence-smith')
  })

  it('strips the cedilla from an organisation name ("Curaçao" → curacao)', async () => {
    const organisation = await createOrganisation(payload, { name: 'University of Curaçao' })

    expect(organisation.slug).toBe('university-of-curacao')
  })

  it('keeps a slug the editor typed when the document is created', async () => {
    const meeting = await createMeeting(payload, {
      title: 'A Long Official Title',
      slug: 'short-name',
    })

    expect(meeting.slug).toBe('short-name')
  })

  it('keeps an edited slug when the title changes later', async () => {
    const meeting = await createMeeting(payload, { title: `Original Title ${uniqueSuffix()}` })
    const customSlug = `edited-${uniqueSuffix()}`
    await payload.update({ collection: 'meetings', id: meeting.id, data: { slug: customSlug } })

    const renamed = await payload.update({
      collection: 'meetings',
      id: meeting.id,
      data: { title: 'A Completely Different Title' },
    })

    expect(renamed.slug).toBe(customSlug)
  })

  it("remakes a young draft's slug from the English title, never from the Chinese one", async () => {
    const draft = await createMeeting(payload, {
      _status: 'draft',
      title: `First Draft Title ${uniqueSuffix()}`,
    })
    const updateDraft = (locale: 'en' | 'zh', title: string) =>
      payload.update({
        collection: 'meetings',
        id: draft.id,
        draft: true,
        locale,
        data: { title, generateSlug: true },
      })

    const chinese = await updateDraft('zh', 'COP29 回顾：城市与项目')
    expect(chinese.slug).toBe(draft.slug)

    const englishTitle = `Second Draft Title ${uniqueSuffix()}`
    const english = await updateDraft('en', englishTitle)
    expect(english.slug).toBe(toSlug(englishTitle))
  })

  it('rejects a second document with the same slug, naming the slug field', async () => {
    const title = `Duplicate Title ${uniqueSuffix()}`
    await createMeeting(payload, { title })

    await expect(createMeeting(payload, { title })).rejects.toMatchObject({
      name: 'ValidationError',
      data: { errors: [expect.objectContaining({ path: 'slug' })] },
    })
  })
})

describe('derived relationships', () => {
  it('lists the host, statement speakers and answer speakers of a meeting as participants, once each', async () => {
    const [host, first, second, third] = await Promise.all(
      [1, 2, 3, 4].map(() => createSpeaker(payload)),
    )

    const meeting = await createMeeting(payload, {
      host: host.id,
      statements: [{ speaker: first.id }, { speaker: second.id }, { speaker: host.id }],
      questions: [
        { question: 'Why?', answers: [{ speaker: second.id, answer: 'Because.' }] },
        { question: 'How?', answers: [{ speaker: third.id, answer: 'Carefully.' }] },
      ],
    })

    expect(idsOf(meeting.participants).sort()).toEqual(
      [host.id, first.id, second.id, third.id].sort(),
    )
  })

  it('keeps the participants when only the title of a meeting is updated', async () => {
    const [host, speaker] = await Promise.all([createSpeaker(payload), createSpeaker(payload)])
    const meeting = await createMeeting(payload, {
      host: host.id,
      statements: [{ speaker: speaker.id }],
    })

    await payload.update({ collection: 'meetings', id: meeting.id, data: { title: 'Retitled' } })

    const read = await payload.findByID({ collection: 'meetings', id: meeting.id, depth: 0 })
    expect(idsOf(read.participants).sort()).toEqual([host.id, speaker.id].sort())
  })

  it('derives the organisations of a speaker from their positions, once each', async () => {
    const [university, institute] = await Promise.all([
      createOrganisation(payload),
      createOrganisation(payload),
    ])

    const speaker = await createSpeaker(payload, {
      positions: [
        { title: 'Professor', organisation: university.id },
        { title: 'Country director', organisation: institute.id },
        { title: 'Vice president', organisation: university.id },
        { title: 'Delegate' },
      ],
    })

    expect(idsOf(speaker.organisations).sort()).toEqual([university.id, institute.id].sort())
  })
})

describe('joins', () => {
  it('lists a meeting on the page of a speaker who spoke at it', async () => {
    const speaker = await createSpeaker(payload)
    const meeting = await createMeeting(payload, { statements: [{ speaker: speaker.id }] })

    const read = await payload.findByID({ collection: 'speakers', id: speaker.id, depth: 0 })

    expect(joinedIds(read.meetings)).toContain(meeting.id)
  })

  it('lists a speaker among the people of an organisation they hold a position at', async () => {
    const organisation = await createOrganisation(payload)
    const speaker = await createSpeaker(payload, {
      positions: [{ title: 'Director', organisation: organisation.id }],
    })

    const read = await payload.findByID({
      collection: 'organisations',
      id: organisation.id,
      depth: 0,
    })

    expect(joinedIds(read.people)).toContain(speaker.id)
  })

  it('lists a meeting an organisation attended', async () => {
    const organisation = await createOrganisation(payload)
    const meeting = await createMeeting(payload, { attendingOrganisations: [organisation.id] })

    const read = await payload.findByID({
      collection: 'organisations',
      id: organisation.id,
      depth: 0,
    })

    expect(joinedIds(read.meetings)).toContain(meeting.id)
  })

  it('lists a photo linked to a meeting among the photos of the meeting', async () => {
    const meeting = await createMeeting(payload)
    const photo = await uploadTestImage(payload, {
      width: 640,
      height: 480,
      data: { meeting: meeting.id },
    })

    const read = await payload.findByID({ collection: 'meetings', id: meeting.id, depth: 0 })

    expect(joinedIds(read.photos)).toEqual([photo.id])
  })
})

describe('publication date', () => {
  it('leaves publishedAt empty while a meeting is a draft', async () => {
    const meeting = await createMeeting(payload, { _status: 'draft' })

    expect(meeting.publishedAt ?? null).toBeNull()
  })

  it('sets publishedAt when a meeting is first published', async () => {
    const meeting = await createMeeting(payload, { _status: 'draft' })
    const before = Date.now()

    const published = await payload.update({
      collection: 'meetings',
      id: meeting.id,
      data: { _status: 'published' },
    })

    expect(new Date(published.publishedAt as string).getTime()).toBeGreaterThanOrEqual(
      before - 1000,
    )
  })

  it('keeps the first publishedAt when a published meeting is saved again', async () => {
    const meeting = await createMeeting(payload, { _status: 'published' })
    await new Promise((resolve) => setTimeout(resolve, 20))

    const republished = await payload.update({
      collection: 'meetings',
      id: meeting.id,
      data: { title: 'Edited after publication', _status: 'published' },
    })

    expect(republished.publishedAt).toBe(meeting.publishedAt)
  })

  it('keeps the first publishedAt of a page when it is saved again', async () => {
    const page = await createPage(payload, { _status: 'published' })
    await new Promise((resolve) => setTimeout(resolve, 20))

    const republished = await payload.update({
      collection: 'pages',
      id: page.id,
      data: { summary: 'Edited after publication', _status: 'published' },
    })

    expect(republished.publishedAt).toBe(page.publishedAt)
  })
})

describe('meeting times', () => {
  it('rejects a meeting that ends before it starts, naming endsAt', async () => {
    await expect(
      createMeeting(payload, {
        startsAt: '2022-10-30T06:00:00.000Z',
        endsAt: '2022-10-30T05:00:00.000Z',
      }),
    ).rejects.toMatchObject({
      name: 'ValidationError',
      data: {
        errors: [
          expect.objectContaining({
            path: 'endsAt',
            message: 'The meeting cannot end before it starts.',
          }),
        ],
      },
    })
  })

  it('accepts a meeting that ends after it starts', async () => {
    const meeting = await createMeeting(payload, {
      startsAt: '2022-10-30T06:00:00.000Z',
      endsAt: '2022-10-30T08:00:00.000Z',
    })

    expect(meeting.endsAt).toBe('2022-10-30T08:00:00.000Z')
  })
})

describe('localization', () => {
  it('stores a Chinese title and reads it back in the zh locale', async () => {
    const meeting = await createMeeting(payload, { title: 'Green Industry' })
    await payload.update({
      collection: 'meetings',
      id: meeting.id,
      locale: 'zh',
      data: { title: '绿色工业' },
    })

    const [english, chinese] = await Promise.all([
      payload.findByID({ collection: 'meetings', id: meeting.id, locale: 'en' }),
      payload.findByID({ collection: 'meetings', id: meeting.id, locale: 'zh' }),
    ])

    expect([english.title, chinese.title]).toEqual(['Green Industry', '绿色工业'])
  })

  it('falls back to English where a Chinese value is missing', async () => {
    const meeting = await createMeeting(payload, { venue: 'Beijing International Hotel' })
    await payload.update({
      collection: 'meetings',
      id: meeting.id,
      locale: 'zh',
      data: { title: '只有标题' },
    })

    const chinese = await payload.findByID({ collection: 'meetings', id: meeting.id, locale: 'zh' })

    expect(chinese.venue).toBe('Beijing International Hotel')
  })
})

describe('nested pages', () => {
  it('returns the full path in the breadcrumbs of the page it has just created', async () => {
    const travel = await createPage(payload, { title: 'Travel' })

    const visa = await createPage(payload, { title: 'Visa', parent: travel.id })

    expect(visa.breadcrumbs?.map(({ url }) => url)).toEqual(['/travel', '/travel/visa'])
  })

  it('keeps the full path in the breadcrumbs of a draft child page', async () => {
    const guests = await createPage(payload, { title: 'Guests' })
    const traffic = await createPage(payload, {
      title: 'Traffic',
      parent: guests.id,
      _status: 'draft',
    })

    const read = await payload.findByID({ collection: 'pages', id: traffic.id, draft: true })

    expect(read.breadcrumbs?.at(-1)?.url).toBe('/guests/traffic')
  })

  it('gives a child page breadcrumbs that end with its full path', async () => {
    const services = await createPage(payload, { title: 'Services' })
    const hotel = await createPage(payload, { title: 'Hotel', parent: services.id })

    const read = await payload.findByID({ collection: 'pages', id: hotel.id })

    expect(read.breadcrumbs?.at(-1)).toMatchObject({ url: '/services/hotel', label: 'Hotel' })
  })

  it('starts the breadcrumbs of a child page with its parent', async () => {
    const about = await createPage(payload, { title: 'About' })
    const significance = await createPage(payload, { title: 'Significance', parent: about.id })

    const read = await payload.findByID({ collection: 'pages', id: significance.id })

    expect(read.breadcrumbs?.map(({ url }) => url)).toEqual(['/about', '/about/significance'])
  })
})
