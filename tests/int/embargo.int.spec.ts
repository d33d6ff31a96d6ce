import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

import { sql } from '@payloadcms/db-sqlite'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

import type { Meeting, Organisation, Photo, Speaker } from '@/payload-types'

import type { APIClient } from '../helpers/api'
import type { TestServer } from '../helpers/server'

import { deriveMissingVisibility } from '@/payload/deriveMissingVisibility'
import { importLegacyPage } from '@/import/importPage'
import { fillVisibility } from '@/migrations/20261204_172037_embargo'
import { getOrganisation, listOrganisations } from '@/content/organisations'
import { searchSite } from '@/content/search'
import { listSitemapDocuments } from '@/content/sitemap'
import { getSpeaker, listSpeakerLetterPages, listSpeakers } from '@/content/speakers'
import { registerPageCache } from '@/runtime/requestContext.mjs'

import { apiClient } from '../helpers/api'
import { databaseKindFromEnv } from '../helpers/environment'
import {
  createAdmin,
  createEditor,
  createMeeting,
  createOrganisation,
  createReader,
  createSpeaker,
  testPassword,
  uniqueSuffix,
  uploadTestImage,
} from '../helpers/factories'
import { idOf } from '../helpers/ids'
import { getTestPayload } from '../helpers/payload'
import { startTestServer } from '../helpers/server'

// Issue 14: a speaker or organisation named only by meetings still in draft is embargoed, seen by
// staff and readers and by nobody else, on every surface (src/payload/visibility.ts has the rule).

// The site's data access reads the database on every call: no Next server, so no data cache.
vi.mock('next/cache', () => import('../helpers/uncachedNextCache'))

let payload: Payload
let server: TestServer
let api: APIClient
let editorToken: string
let readerKey: string

// The hooks expire cached pages through the page cache the server registered; this one records.
const expired: string[] = []

beforeAll(async () => {
  payload = await getTestPayload()
  server = await startTestServer()
  api = apiClient(server)
  await createAdmin(payload)
  const editor = await createEditor(payload)
  editorToken = await api.login(editor.email, testPassword)
  readerKey = (await createReader(payload)).apiKey
  registerPageCache({ invalidate: (tags) => expired.push(...tags) })
})

afterAll(async () => {
  registerPageCache({ invalidate: () => {} })
  await server?.close()
})

const visibilityOf = async (collection: 'speakers' | 'organisations', id: string) =>
  (await payload.findByID({ collection, id, depth: 0 })).visibility

const publish = (meeting: Meeting) =>
  payload.update({ collection: 'meetings', id: meeting.id, data: { _status: 'published' } })

const unpublish = (meeting: Meeting) =>
  payload.update({ collection: 'meetings', id: meeting.id, data: { _status: 'draft' } })

type DraftScene = { speaker: Speaker; organisation: Organisation; meeting: Meeting }

// A speaker and the organisation they speak for, made for a meeting that is still a draft, as an
// editor or the legacy import makes them: the people first, then the draft naming them.
const createDraftScene = async (): Promise<DraftScene> => {
  const organisation = await createOrganisation(payload)
  const speaker = await createSpeaker(payload)
  const meeting = await createMeeting(payload, {
    _status: 'draft',
    statements: [{ speaker: speaker.id, organisation: organisation.id }],
  })
  return { speaker, organisation, meeting }
}

describe('the rule', () => {
  it('embargoes a speaker and an organisation named only by a draft meeting', async () => {
    const { speaker, organisation } = await createDraftScene()

    expect(await visibilityOf('speakers', speaker.id)).toBe('embargoed')
    expect(await visibilityOf('organisations', organisation.id)).toBe('embargoed')
  })

  it('leaves a speaker and an organisation named by nothing public (directory entries)', async () => {
    const organisation = await createOrganisation(payload)
    const speaker = await createSpeaker(payload, {
      positions: [{ title: 'Director', organisation: organisation.id }],
    })

    expect(await visibilityOf('speakers', speaker.id)).toBe('public')
    expect(await visibilityOf('organisations', organisation.id)).toBe('public')
  })

  it('makes them public when the meeting is published', async () => {
    const { speaker, organisation, meeting } = await createDraftScene()

    await publish(meeting)

    expect(await visibilityOf('speakers', speaker.id)).toBe('public')
    expect(await visibilityOf('organisations', organisation.id)).toBe('public')
  })

  it('embargoes them again when the meeting is unpublished', async () => {
    const { speaker, organisation, meeting } = await createDraftScene()
    await publish(meeting)

    await unpublish(meeting)

    expect(await visibilityOf('speakers', speaker.id)).toBe('embargoed')
    expect(await visibilityOf('organisations', organisation.id)).toBe('embargoed')
  })

  it('keeps them public after unpublishing when another published meeting names them', async () => {
    const { speaker, organisation, meeting } = await createDraftScene()
    await publish(meeting)
    await createMeeting(payload, { host: speaker.id, attendingOrganisations: [organisation.id] })

    await unpublish(meeting)

    expect(await visibilityOf('speakers', speaker.id)).toBe('public')
    expect(await visibilityOf('organisations', organisation.id)).toBe('public')
  })

  it('embargoes an answer’s speaker and an attending organisation too', async () => {
    const [answering, host] = await Promise.all([createSpeaker(payload), createSpeaker(payload)])
    const attending = await createOrganisation(payload)
    await createMeeting(payload, {
      _status: 'draft',
      host: host.id,
      questions: [{ question: 'Why?', answers: [{ speaker: answering.id, answer: 'Because.' }] }],
      attendingOrganisations: [attending.id],
    })

    expect(await visibilityOf('speakers', answering.id)).toBe('embargoed')
    expect(await visibilityOf('speakers', host.id)).toBe('embargoed')
    expect(await visibilityOf('organisations', attending.id)).toBe('embargoed')
  })

  it('keeps people staff ticked "Announced" public while their meeting is a draft', async () => {
    const { speaker, organisation } = await createDraftScene()

    await payload.update({ collection: 'speakers', id: speaker.id, data: { isAnnounced: true } })
    await payload.update({
      collection: 'organisations',
      id: organisation.id,
      data: { isAnnounced: true },
    })

    expect(await visibilityOf('speakers', speaker.id)).toBe('public')
    expect(await visibilityOf('organisations', organisation.id)).toBe('public')
  })

  it('embargoes someone added to the newer draft of a published meeting until it is published', async () => {
    const meeting = await createMeeting(payload)
    const newcomer = await createSpeaker(payload)

    await payload.update({
      collection: 'meetings',
      id: meeting.id,
      draft: true,
      data: { host: newcomer.id },
    })
    const whileDraft = await visibilityOf('speakers', newcomer.id)
    await payload.update({
      collection: 'meetings',
      id: meeting.id,
      data: { host: newcomer.id, _status: 'published' },
    })

    expect([whileDraft, await visibilityOf('speakers', newcomer.id)]).toEqual([
      'embargoed',
      'public',
    ])
  })

  it('embargoes whoever a published meeting drops when it publishes a draft without them', async () => {
    const leaving = await createSpeaker(payload)
    const meeting = await createMeeting(payload, { host: leaving.id })
    // Also named by an unannounced meeting, so once the published one drops them they are
    // named by drafts only.
    await createMeeting(payload, { _status: 'draft', host: leaving.id })
    await payload.update({
      collection: 'meetings',
      id: meeting.id,
      draft: true,
      data: { host: null },
    })
    const whileDraft = await visibilityOf('speakers', leaving.id)

    await payload.update({
      collection: 'meetings',
      id: meeting.id,
      data: { _status: 'published' },
    })

    expect([whileDraft, await visibilityOf('speakers', leaving.id)]).toEqual([
      'public',
      'embargoed',
    ])
  })

  it('releases someone taken out of the only draft that named them', async () => {
    const { speaker, meeting } = await createDraftScene()

    await payload.update({
      collection: 'meetings',
      id: meeting.id,
      draft: true,
      data: { statements: [] },
    })

    expect(await visibilityOf('speakers', speaker.id)).toBe('public')
  })

  it('releases them when the draft meeting is deleted', async () => {
    const { speaker, organisation, meeting } = await createDraftScene()

    await payload.delete({ collection: 'meetings', id: meeting.id })

    expect(await visibilityOf('speakers', speaker.id)).toBe('public')
    expect(await visibilityOf('organisations', organisation.id)).toBe('public')
  })

  it('embargoes an organisation only an embargoed speaker holds a position at, until they are public', async () => {
    const employer = await createOrganisation(payload)
    const speaker = await createSpeaker(payload, {
      positions: [{ title: 'Professor', organisation: employer.id }],
    })
    const meeting = await createMeeting(payload, { _status: 'draft', host: speaker.id })
    const whileDraft = await visibilityOf('organisations', employer.id)

    await publish(meeting)

    expect([whileDraft, await visibilityOf('organisations', employer.id)]).toEqual([
      'embargoed',
      'public',
    ])
  })

  it('keeps the visibility an editor sends to what the rule says', async () => {
    const { speaker } = await createDraftScene()

    const { status } = await api.rest('PATCH', `/api/speakers/${speaker.id}`, {
      token: editorToken,
      json: { visibility: 'public' },
    })

    expect(status).toBe(200)
    expect(await visibilityOf('speakers', speaker.id)).toBe('embargoed')
  })

  it('embargoes the speakers and organisations a legacy import creates', async () => {
    const file = path.resolve(process.cwd(), 'tests/int/fixtures/import/workshop-2019-no-qa.txt')
    const result = await importLegacyPage({
      payload,
      bytes: fs.readFileSync(file),
      source: 'workshop-2019-no-qa.txt',
    })
    if (result.outcome === 'failed') throw new Error(result.reason)
    const meeting = await payload.findByID({
      collection: 'meetings',
      id: result.id,
      draft: true,
      depth: 0,
    })
    const speakerIds = (meeting.participants ?? []) as string[]
    const { docs: speakers } = await payload.find({
      collection: 'speakers',
      where: { id: { in: speakerIds } },
      depth: 0,
      pagination: false,
    })
    const { docs: organisations } = await payload.find({
      collection: 'organisations',
      where: { id: { in: speakers.flatMap(({ organisations }) => organisations ?? []) } },
      depth: 0,
      pagination: false,
    })
    const { docs: entries } = await payload.find({
      collection: 'search',
      where: { 'doc.value': { in: [...speakerIds, ...organisations.map(({ id }) => id)] } },
      depth: 0,
      pagination: false,
    })

    expect(speakers.length).toBeGreaterThan(0)
    expect(organisations.length).toBeGreaterThan(0)
    expect(new Set(speakers.map(({ visibility }) => visibility))).toEqual(new Set(['embargoed']))
    expect(new Set(organisations.map(({ visibility }) => visibility))).toEqual(
      new Set(['embargoed']),
    )
    expect(entries).toHaveLength(speakers.length + organisations.length)
    expect(new Set(entries.map(({ visibility }) => visibility))).toEqual(new Set(['embargoed']))
  })
})

describe('an embargoed speaker and organisation on the public surfaces', () => {
  let scene: DraftScene
  let publicEmployer: Organisation
  let publishedMeeting: Meeting
  let photo: Photo

  beforeAll(async () => {
    // Names a public meeting could carry an embargoed person through: a photo of a published
    // meeting showing them, and a public organisation they hold a position at.
    publicEmployer = await createOrganisation(payload)
    publishedMeeting = await createMeeting(payload, {
      attendingOrganisations: [publicEmployer.id],
    })
    const organisation = await createOrganisation(payload, { name: `Quietwater ${uniqueSuffix()}` })
    const speaker = await createSpeaker(payload, {
      name: `Halvorsen ${uniqueSuffix()}`,
      positions: [
        { title: 'Director', organisation: organisation.id },
        { title: 'Adviser', organisation: publicEmployer.id },
      ],
    })
    const meeting = await createMeeting(payload, {
      _status: 'draft',
      statements: [{ speaker: speaker.id, organisation: organisation.id }],
    })
    photo = await uploadTestImage(payload, {
      width: 320,
      height: 240,
      data: { meeting: publishedMeeting.id, people: [speaker.id] },
    })
    // An editor is adding them to the published meeting, in a draft nobody has published yet.
    await payload.update({
      collection: 'meetings',
      id: publishedMeeting.id,
      draft: true,
      data: { host: speaker.id },
    })
    scene = { speaker, organisation, meeting }
  })

  describe.each([
    ['speaker', { collection: 'speakers' as const, of: () => scene.speaker }],
    ['organisation', { collection: 'organisations' as const, of: () => scene.organisation }],
  ])('the %s', (_, { collection, of }) => {
    it('is left out of the list anonymous REST readers get', async () => {
      const { body } = await api.rest('GET', `/api/${collection}?where[id][equals]=${of().id}`)

      expect(body.totalDocs).toBe(0)
    })

    it('cannot be read by id by anonymous REST readers', async () => {
      const { status } = await api.rest('GET', `/api/${collection}/${of().id}`)

      expect(status).toBe(404)
    })

    it('cannot be found by slug by anonymous REST readers', async () => {
      const { body } = await api.rest('GET', `/api/${collection}?where[slug][equals]=${of().slug}`)

      expect(body.totalDocs).toBe(0)
    })

    it('is left out of the list anonymous GraphQL readers get', async () => {
      const plural = collection === 'speakers' ? 'Speakers' : 'Organisations'
      const { body } = await api.graphql(
        `query ($id: String) { ${plural}(where: { id: { equals: $id } }) { docs { id name } } }`,
        { variables: { id: of().id } },
      )

      expect(body.data[plural].docs).toEqual([])
    })

    it('is not found by anonymous searches of /api/search', async () => {
      const { body } = await api.rest(
        'GET',
        `/api/search?where[doc.value][equals]=${of().id}&depth=0`,
      )

      expect(body.totalDocs).toBe(0)
    })

    it('is not found by the search page', async () => {
      const { hits } = await searchSite({ locale: 'en', query: String(of().name), page: 1 })

      expect(hits).toEqual([])
    })

    it('is listed for editors over REST', async () => {
      const { body } = await api.rest('GET', `/api/${collection}?where[id][equals]=${of().id}`, {
        token: editorToken,
      })

      expect(body.totalDocs).toBe(1)
    })

    it('is read by readers over REST, GraphQL and /api/search', async () => {
      const plural = collection === 'speakers' ? 'Speakers' : 'Organisations'
      const rest = await api.rest('GET', `/api/${collection}/${of().id}`, { apiKey: readerKey })
      const graphQL = await api.graphql(
        `query ($id: String) { ${plural}(where: { id: { equals: $id } }) { docs { id } } }`,
        { apiKey: readerKey, variables: { id: of().id } },
      )
      const search = await api.rest('GET', `/api/search?where[doc.value][equals]=${of().id}`, {
        apiKey: readerKey,
      })

      expect(rest.body.name).toBe(of().name)
      expect(graphQL.body.data[plural].docs).toEqual([{ id: of().id }])
      expect(search.body.totalDocs).toBe(1)
    })

    it('is left out of the sitemap', async () => {
      const documents = await listSitemapDocuments({})

      expect(documents[collection].map(({ path }) => path)).not.toContain(
        `/${collection}/${of().slug}`,
      )
    })
  })

  it('is left out of the speakers directory and its A–Z index', async () => {
    const { speakers } = await listSpeakers({ locale: 'en' })
    const letters = await listSpeakerLetterPages({})

    expect(speakers.map(({ id }) => id)).not.toContain(scene.speaker.id)
    expect(letters).not.toHaveProperty('H')
  })

  it('has no speaker page (the page answers 404)', async () => {
    expect(await getSpeaker({ locale: 'zh', slug: scene.speaker.slug })).toBeNull()
  })

  it('is left out of the organisations list', async () => {
    const organisations = await listOrganisations({ locale: 'en' })

    expect(organisations.map(({ id }) => id)).not.toContain(scene.organisation.id)
  })

  it('has no organisation page (the page answers 404)', async () => {
    expect(await getOrganisation({ locale: 'en', slug: scene.organisation.slug })).toBeNull()
  })

  it('is left out of the people of a public organisation they hold a position at', async () => {
    const organisation = await getOrganisation({ locale: 'en', slug: publicEmployer.slug })
    const { body } = await api.rest('GET', `/api/organisations/${publicEmployer.id}?depth=1`)

    expect(organisation?.people?.docs).toEqual([])
    expect(body.people.docs).toEqual([])
  })

  it('is named by id only in a photo of a published meeting over REST', async () => {
    const { body } = await api.rest('GET', `/api/photos/${photo.id}?depth=1`)

    expect(body.people).toEqual([scene.speaker.id])
    expect(JSON.stringify(body)).not.toContain(scene.speaker.name)
  })

  it('is not shown in a photo of a published meeting over GraphQL', async () => {
    const { body } = await api.graphql(
      'query ($id: String!) { Photo(id: $id) { people { id name } } }',
      { variables: { id: photo.id } },
    )

    expect(body.data.Photo.people).toEqual([])
  })

  it('is shown in the photo to a reader', async () => {
    const { body } = await api.rest('GET', `/api/photos/${photo.id}?depth=1`, {
      apiKey: readerKey,
    })

    expect(body.people[0].name).toBe(scene.speaker.name)
  })

  it('is not shown by a published meeting whose newer draft names them', async () => {
    const { body } = await api.rest(
      'GET',
      `/api/meetings/${publishedMeeting.id}?depth=1&draft=true`,
    )

    expect(body.host ?? null).toBeNull()
    expect(JSON.stringify(body)).not.toContain(scene.speaker.name)
  })

  describe('once the meeting is published', () => {
    beforeAll(async () => {
      await publish(scene.meeting)
    })

    afterAll(async () => {
      await unpublish(scene.meeting)
    })

    it('is read by anonymous REST readers', async () => {
      const speaker = await api.rest('GET', `/api/speakers/${scene.speaker.id}`)
      const organisation = await api.rest('GET', `/api/organisations/${scene.organisation.id}`)

      expect([speaker.status, organisation.status]).toEqual([200, 200])
    })

    it('is found by anonymous searches', async () => {
      const { hits } = await searchSite({ locale: 'en', query: scene.speaker.name, page: 1 })

      expect(hits.map(({ path }) => path)).toEqual([`/speakers/${scene.speaker.slug}`])
    })

    it('is shown in full, with the organisations of their positions, by the meeting', async () => {
      const { body } = await api.rest('GET', `/api/meetings/${scene.meeting.id}?depth=2`)

      const [statement] = body.statements
      expect(statement.speaker.name).toBe(scene.speaker.name)
      expect(statement.organisation.name).toBe(scene.organisation.name)
      expect(
        statement.speaker.positions.map(
          ({ organisation }: { organisation: { name: string } }) => organisation.name,
        ),
      ).toEqual([scene.organisation.name, publicEmployer.name])
    })

    it('has its pages and is in the sitemap', async () => {
      const documents = await listSitemapDocuments({})

      expect(await getSpeaker({ locale: 'en', slug: scene.speaker.slug })).not.toBeNull()
      expect(await getOrganisation({ locale: 'en', slug: scene.organisation.slug })).not.toBeNull()
      expect(documents.speakers.map(({ path }) => path)).toContain(
        `/speakers/${scene.speaker.slug}`,
      )
    })
  })
})

describe('what publishing and unpublishing expire', () => {
  beforeEach(() => {
    expired.length = 0
  })

  it('publishing: the pages that show speakers and organisations', async () => {
    const { meeting } = await createDraftScene()
    expired.length = 0

    await publish(meeting)

    expect(expired).toEqual(expect.arrayContaining(['speakers', 'organisations']))
  })

  it('unpublishing: the same pages again', async () => {
    const { meeting } = await createDraftScene()
    await publish(meeting)
    expired.length = 0

    await unpublish(meeting)

    expect(expired).toEqual(expect.arrayContaining(['speakers', 'organisations']))
  })

  it('an edit to an embargoed speaker: nothing', async () => {
    const { speaker } = await createDraftScene()
    expired.length = 0

    await payload.update({ collection: 'speakers', id: speaker.id, data: { honorific: 'Dr' } })

    expect(expired).toEqual([])
  })
})

// MongoDB data from before the embargo and archives made before it have no visibility: hidden
// until the server derives it when it starts (src/payload/deriveMissingVisibility.ts).
describe('rows written before the embargo', () => {
  const forget = async (collection: 'speakers' | 'organisations' | 'search', id: string) => {
    await payload.db.updateOne({ collection, id, data: { visibility: null }, returning: false })
  }

  const entryOf = async (id: string) =>
    (await payload.find({ collection: 'search', where: { 'doc.value': { equals: id } }, depth: 0 }))
      .docs[0]!

  it('are hidden from anonymous readers until derived', async () => {
    const speaker = await createSpeaker(payload)
    await forget('speakers', speaker.id)

    const { body } = await api.rest('GET', `/api/speakers?where[id][equals]=${speaker.id}`)

    expect(body.totalDocs).toBe(0)
  })

  it('are derived when the server starts, search entries included', async () => {
    const { speaker, organisation } = await createDraftScene()
    const [directoryEntry, meeting] = await Promise.all([
      createSpeaker(payload),
      createMeeting(payload),
    ])
    const entries = await Promise.all(
      [speaker, organisation, directoryEntry, meeting].map(({ id }) => entryOf(id)),
    )
    await forget('speakers', speaker.id)
    await forget('organisations', organisation.id)
    await forget('speakers', directoryEntry.id)
    for (const entry of entries) await forget('search', entry.id)

    await deriveMissingVisibility({ payload })

    expect(await visibilityOf('speakers', speaker.id)).toBe('embargoed')
    expect(await visibilityOf('organisations', organisation.id)).toBe('embargoed')
    expect(await visibilityOf('speakers', directoryEntry.id)).toBe('public')
    const derived = await Promise.all(entries.map(async ({ doc }) => entryOf(idOf(doc.value))))
    expect(derived.map(({ visibility }) => visibility)).toEqual([
      'embargoed',
      'embargoed',
      'public',
      'public',
    ])
  })
})

// Existing SQLite databases get their visibility from the migration's SQL; it must say what the
// hooks say. Every speaker, organisation and search entry the tests above made is compared.
describe('the migration that adds the embargo', () => {
  const visibilities = async () => {
    const read = async (collection: 'speakers' | 'organisations' | 'search') =>
      Object.fromEntries(
        (
          await payload.find({
            collection,
            depth: 0,
            pagination: false,
            select: { visibility: true },
          })
        ).docs.map(({ id, visibility }) => [id, visibility]),
      )
    return {
      speakers: await read('speakers'),
      organisations: await read('organisations'),
      search: await read('search'),
    }
  }

  it.skipIf(databaseKindFromEnv() !== 'sqlite')(
    'derives for existing rows what the hooks derive on save',
    async () => {
      const derived = await visibilities()
      const db = (payload.db as unknown as SQLiteAdapter).drizzle
      await db.run(sql`UPDATE speakers SET visibility = NULL`)
      await db.run(sql`UPDATE organisations SET visibility = NULL`)
      await db.run(sql`UPDATE search SET visibility = 'public'`)

      await fillVisibility({ db })

      expect(Object.values(derived.speakers)).toContain('embargoed')
      expect(Object.values(derived.organisations)).toContain('embargoed')
      expect(await visibilities()).toEqual(derived)
    },
  )
})
