import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Meeting, Organisation, Page, Speaker } from '@/payload-types'

import type { TestServer } from '../helpers/server'
import type {
  AccessCollection,
  Actor,
  Operation,
  Outcome,
  Role,
  SampleReferences,
  Surface,
  SurfaceName,
  VersionedCollection,
} from '../helpers/surfaces'

import { richText } from '@/content/richText'

import { apiClient } from '../helpers/api'
import {
  createEdition,
  createAdmin,
  createEditor,
  createMeeting,
  createNews,
  createOrganisation,
  createPage,
  createReader,
  createSpeaker,
  testPassword,
  uniqueSuffix,
  uploadTestDocument,
  uploadTestImage,
} from '../helpers/factories'
import { getTestPayload } from '../helpers/payload'
import { startTestServer } from '../helpers/server'
import { graphQLSurface, localSurface, restSurface, sampleData } from '../helpers/surfaces'

// ——— The access matrix, as the issue states it ———
// C R U D V = may create, read, update, delete, read versions; '-' = may not; '·' = the collection
// keeps no versions. For users, R U D are about ANOTHER user's account (everyone may read their
// own, and staff edit their own). `reader` uses an API key; `disabled` is an editor whose account
// was disabled after they logged in, still sending their token: they count as anonymous.
// payload-locked-documents is Payload's own record of who has a document open in the admin.
const accessMatrix: Record<Role, Record<AccessCollection, string>> = {
  anonymous: {
    editions: '-R---', // published ones only
    meetings: '-R---', // published ones only, see "drafts" below
    speakers: '-R--·', // public ones only, see "embargoed people" below
    organisations: '-R--·', // public ones only
    photos: '-R--·',
    documents: '-R--·', // those of published meetings only, see "documents of a draft meeting"
    pages: '-R---', // published ones only
    news: '-R---', // published ones only: a scheduled release is a draft until its time
    users: '----·',
    forms: '-R--·', // without where their e-mails go
    'form-submissions': 'C---·', // anyone may send a form; checked against it, see forms.int
    search: '-R--·', // entries of public documents only
    'payload-locked-documents': '----·',
    redirects: '----·', // the old addresses name drafts; the site follows them for the public
    'change-events': '----·', // partners read them through GET /api/changes, see changes.int
    webhooks: '----·',
    'webhook-deliveries': '----·',
  },
  editor: {
    editions: 'CRUDV',
    meetings: 'CRUDV',
    speakers: 'CRUD·',
    organisations: 'CRUD·',
    photos: 'CRUD·',
    documents: 'CRUD·',
    pages: 'CRUDV',
    news: 'CRUDV',
    users: '----·',
    forms: 'CRUD·',
    'form-submissions': 'CR--·', // what a visitor sent is never edited; admins delete
    search: '-R--·', // kept by the plugin from published content
    'payload-locked-documents': 'CRUD·',
    redirects: 'CRUD·',
    'change-events': '-R--·', // written by the revalidation hooks only
    webhooks: '-R--·', // without their secrets; admins manage them, like API keys
    'webhook-deliveries': '-R--·', // written by the delivery task only
  },
  admin: {
    editions: 'CRUDV',
    meetings: 'CRUDV',
    speakers: 'CRUD·',
    organisations: 'CRUD·',
    photos: 'CRUD·',
    documents: 'CRUD·',
    pages: 'CRUDV',
    news: 'CRUDV',
    users: 'CRUD·',
    forms: 'CRUD·',
    'form-submissions': 'CR-D·',
    search: 'CRUD·',
    'payload-locked-documents': 'CRUD·',
    redirects: 'CRUD·',
    'change-events': '-R--·',
    webhooks: 'CRUD·',
    'webhook-deliveries': '-R--·',
  },
  reader: {
    editions: '-R--V', // drafts too
    meetings: '-R--V', // drafts too, for embargoed coverage
    speakers: '-R--·', // embargoed ones too
    organisations: '-R--·', // embargoed ones too
    photos: '-R--·',
    documents: '-R--·', // those of draft meetings too
    pages: '-R--V', // drafts too
    news: '-R--V', // drafts too, scheduled ones included
    users: '----·',
    forms: '-R--·', // without where their e-mails go
    'form-submissions': 'C---·', // as anybody may; the key adds nothing
    search: '-R--·',
    'payload-locked-documents': '----·',
    redirects: '-R--·', // what the site will answer at an old address
    'change-events': '----·', // the feed is public; the collection is staff's
    webhooks: '----·',
    'webhook-deliveries': '----·',
  },
  disabled: {
    editions: '-R---',
    meetings: '-R---', // published ones only, as for anonymous readers
    speakers: '-R--·', // public ones only
    organisations: '-R--·',
    photos: '-R--·',
    documents: '-R--·',
    pages: '-R---',
    news: '-R---',
    users: '----·',
    forms: '-R--·',
    'form-submissions': 'C---·',
    search: '-R--·',
    'payload-locked-documents': '----·',
    redirects: '----·',
    'change-events': '----·',
    webhooks: '----·',
    'webhook-deliveries': '----·',
  },
}

const siteMatrix: Record<Role, { read: boolean; update: boolean }> = {
  anonymous: { read: true, update: false },
  editor: { read: true, update: true },
  admin: { read: true, update: true },
  reader: { read: true, update: false },
  disabled: { read: true, update: false },
}

const roles = Object.keys(accessMatrix) as Role[]
const operations: Operation[] = ['create', 'read', 'update', 'delete', 'readVersions']
const collections = Object.keys(accessMatrix.admin) as AccessCollection[]
const surfaceNames: SurfaceName[] = ['REST', 'GraphQL', 'local API']

// Every collection of the config has a row: a new one cannot be left out of the matrix. Payload's
// preferences and migrations are its own, readable by nobody but through its admin.
const untabled = ['payload-preferences', 'payload-migrations', 'payload-kv', 'payload-jobs']

type MatrixCase = {
  role: Role
  collection: AccessCollection
  operation: Operation
  expected: Outcome
}

const matrixCases = (surface: SurfaceName): [string, MatrixCase][] =>
  roles
    .flatMap((role) =>
      collections.flatMap((collection) =>
        operations.map((operation, index) => ({
          role,
          collection,
          operation,
          cell: accessMatrix[role][collection][index],
        })),
      ),
    )
    .filter(({ cell }) => cell !== '·')
    .map(({ cell, ...rest }): MatrixCase => ({
      ...rest,
      expected: cell === '-' ? 'denied' : 'allowed',
    }))
    // Payload's GraphQL API cannot carry a file: photos and documents are uploaded over REST or
    // the local API. The GraphQL photo create of an anonymous reader is checked separately below.
    .filter(
      ({ collection, operation }) =>
        !(
          surface === 'GraphQL' &&
          (collection === 'photos' || collection === 'documents') &&
          operation === 'create'
        ),
    )
    .map((matrixCase) => [
      `${matrixCase.role} ${matrixCase.expected === 'allowed' ? 'may' : 'may not'} ${matrixCase.operation} ${matrixCase.collection}`,
      matrixCase,
    ])

type SiteCase = { role: Role; operation: 'read' | 'update'; expected: Outcome }

const siteAttempts: Record<
  SiteCase['operation'],
  (surface: Surface, actor: Actor) => Promise<Outcome>
> = {
  read: (surface, actor) => surface.readSite(actor),
  update: (surface, actor) => surface.updateSite(actor),
}

const siteCases: [string, SiteCase][] = roles.flatMap((role) =>
  (['read', 'update'] as const).map((operation): [string, SiteCase] => {
    const expected: Outcome = siteMatrix[role][operation] ? 'allowed' : 'denied'
    return [
      `${role} ${expected === 'allowed' ? 'may' : 'may not'} ${operation} the site settings`,
      { role, operation, expected },
    ]
  }),
)

// ——— The scene ———

let payload: Payload
let server: TestServer
let surfaces: Record<SurfaceName, Surface>
let actors: Record<Role, Actor>
let targets: Record<AccessCollection, { id: string }>
let references: SampleReferences

const login = async (role: 'admin' | 'editor'): Promise<Actor> => {
  const user = role === 'admin' ? await createAdmin(payload) : await createEditor(payload)
  return { role, user, token: await apiClient(server).login(user.email, testPassword) }
}

const reader = async (): Promise<Actor> => {
  const { apiKey, ...user } = await createReader(payload)
  return { role: 'reader', user, apiKey }
}

// An editor who logged in, then was disabled by an admin: the token they hold is still signed
// and unexpired, and the local API is handed their (now disabled) account.
const disabledEditor = async (): Promise<Actor> => {
  const { user, token } = await login('editor')
  const disabled = await payload.update({
    collection: 'users',
    id: user!.id,
    data: { disabled: true },
  })
  return { role: 'disabled', user: disabled, token }
}

const createForm = () =>
  payload.create({
    collection: 'forms',
    data: {
      title: `Access Form ${uniqueSuffix()}`,
      confirmationType: 'message',
      confirmationMessage: richText({ paragraphs: ['Thank you.'] }),
      emails: [{ emailTo: 'secretariat@example.test', subject: 'New message' }],
      fields: [{ blockType: 'text', name: 'name', label: 'Your name', required: true }],
    },
  })

// A fresh document (for users, a colleague's account) to read, update or delete; meetings and
// pages are published, so they have a version.
const createTarget = (collection: AccessCollection): Promise<{ id: string }> =>
  ({
    editions: () =>
      createEdition(payload, { _status: 'published' }).then(({ id }) => ({ id: String(id) })),
    meetings: () => createMeeting(payload, { _status: 'published' }),
    speakers: () => createSpeaker(payload),
    organisations: () => createOrganisation(payload),
    photos: () => uploadTestImage(payload, { width: 320, height: 240 }),
    documents: () => uploadTestDocument(payload, { data: { meeting: references.meetingId } }),
    pages: () => createPage(payload, { _status: 'published' }),
    news: () => createNews(payload, { _status: 'published' }),
    users: () => createEditor(payload),
    forms: () => createForm(),
    'form-submissions': () =>
      payload.create({
        collection: 'form-submissions',
        data: sampleData('form-submissions', references) as never,
      }),
    search: () =>
      payload.create({ collection: 'search', data: sampleData('search', references) as never }),
    'payload-locked-documents': () =>
      payload.create({
        collection: 'payload-locked-documents',
        data: sampleData('payload-locked-documents', references) as never,
      }),
    redirects: () =>
      payload.create({ collection: 'redirects', data: sampleData('redirects') as never }),
    'change-events': () =>
      payload.create({ collection: 'change-events', data: sampleData('change-events') as never }),
    webhooks: () =>
      payload.create({ collection: 'webhooks', data: sampleData('webhooks') as never }),
    'webhook-deliveries': () =>
      payload.create({
        collection: 'webhook-deliveries',
        data: sampleData('webhook-deliveries', references) as never,
      }),
  })[collection]()

beforeAll(async () => {
  payload = await getTestPayload()
  server = await startTestServer()
  const api = apiClient(server)
  surfaces = {
    REST: restSurface(api),
    GraphQL: graphQLSurface(api),
    'local API': localSurface(payload),
  }
  // The first user becomes an admin whatever it asks for, so the admin is made first.
  const admin = await login('admin')
  const editor = await login('editor')
  actors = {
    anonymous: { role: 'anonymous' },
    editor,
    admin,
    reader: await reader(),
    disabled: await disabledEditor(),
  }
  // Saving a document deletes its locks, so the locks in the table are on a meeting nobody saves.
  const [form, speaker, lockedMeeting, publishedMeeting, webhook] = await Promise.all([
    createForm(),
    createSpeaker(payload),
    createMeeting(payload),
    createMeeting(payload, { _status: 'published' }),
    payload.create({ collection: 'webhooks', data: sampleData('webhooks') as never }),
  ])
  references = {
    formId: form.id,
    speakerId: speaker.id,
    userId: admin.user!.id,
    lockedMeetingId: lockedMeeting.id,
    meetingId: publishedMeeting.id,
    webhookId: webhook.id,
  }
  targets = Object.fromEntries(
    await Promise.all(
      collections.map(async (collection) => [collection, await createTarget(collection)] as const),
    ),
  ) as Record<AccessCollection, { id: string }>
  await payload.updateGlobal({
    slug: 'site',
    data: { name: 'China International Forum on Climate Change' },
  })
})

afterAll(async () => {
  await server?.close()
})

const attempt = async (
  surface: Surface,
  { role, collection, operation }: MatrixCase,
): Promise<Outcome> => {
  const actor = actors[role]
  switch (operation) {
    case 'create':
      return surface.create(actor, collection, sampleData(collection, references))
    case 'read':
      return (await surface.read(actor, collection, targets[collection].id)).outcome
    case 'update':
      return surface.update(actor, collection, targets[collection].id)
    case 'delete':
      return surface.delete(actor, collection, (await createTarget(collection)).id)
    case 'readVersions':
      return surface.readVersions(actor, collection as VersionedCollection, targets[collection].id)
  }
}

describe('the access matrix', () => {
  it('has a row for every collection of the config', () => {
    const configured = payload.config.collections
      .map(({ slug }) => slug)
      .filter((slug) => !untabled.includes(slug))

    expect([...collections].sort()).toEqual(configured.sort())
  })
})

describe.each(surfaceNames)('access matrix over %s', (surfaceName) => {
  it.each(matrixCases(surfaceName))('%s', async (_, matrixCase) => {
    expect(await attempt(surfaces[surfaceName], matrixCase)).toBe(matrixCase.expected)
  })

  it.each(siteCases)('%s', async (_, { role, operation, expected }) => {
    expect(await siteAttempts[operation](surfaces[surfaceName], actors[role])).toBe(expected)
  })
})

describe('photo uploads over GraphQL', () => {
  it('refuses an anonymous createPhoto as forbidden', async () => {
    const { body } = await apiClient(server).graphql(
      'mutation { createPhoto(data: { alt: "Sneaky" }) { id } }',
    )

    expect(body.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ statusCode: 403 }) }),
    ])
  })
})

// ——— Accounts and roles ———

describe.each(surfaceNames)('users and roles over %s', (surfaceName) => {
  it('lets an editor read their own account', async () => {
    const editor = await login('editor')

    const { outcome } = await surfaces[surfaceName].read(editor, 'users', editor.user!.id)

    expect(outcome).toBe('allowed')
  })

  it('lists only their own account to an editor', async () => {
    const editor = await login('editor')

    expect(await surfaces[surfaceName].list(editor, 'users')).toEqual([editor.user!.id])
  })

  it('lets an editor change their own name', async () => {
    const editor = await login('editor')

    await surfaces[surfaceName].update(editor, 'users', editor.user!.id, { name: 'New Name' })

    const read = await payload.findByID({ collection: 'users', id: editor.user!.id })
    expect(read.name).toBe('New Name')
  })

  it('keeps an editor an editor when they set their own role to admin', async () => {
    const editor = await login('editor')

    await surfaces[surfaceName].update(editor, 'users', editor.user!.id, { role: 'admin' })

    const read = await payload.findByID({ collection: 'users', id: editor.user!.id })
    expect(read.role).toBe('editor')
  })

  it("refuses an editor who changes another editor's role", async () => {
    const [editor, colleague] = await Promise.all([login('editor'), createEditor(payload)])

    const outcome = await surfaces[surfaceName].update(editor, 'users', colleague.id, {
      role: 'admin',
    })

    const read = await payload.findByID({ collection: 'users', id: colleague.id })
    expect([outcome, read.role]).toEqual(['denied', 'editor'])
  })

  it('lets an admin make an editor an admin', async () => {
    const editor = await createEditor(payload)

    await surfaces[surfaceName].update(actors.admin, 'users', editor.id, { role: 'admin' })

    const read = await payload.findByID({ collection: 'users', id: editor.id })
    expect(read.role).toBe('admin')
  })

  it('lets an admin make another admin an editor', async () => {
    const otherAdmin = await createAdmin(payload)

    await surfaces[surfaceName].update(actors.admin, 'users', otherAdmin.id, { role: 'editor' })

    const read = await payload.findByID({ collection: 'users', id: otherAdmin.id })
    expect(read.role).toBe('editor')
  })
})

// ——— Drafts ———

type DraftScene = {
  draftMeeting: Meeting
  draftPage: Page
  // A PDF of the draft meeting: announced with it, not before.
  draftMeetingDocument: { id: string }
  // Named only by the draft meeting: embargoed (src/payload/visibility.ts).
  speaker: Speaker
  organisation: Organisation
  speakerEntry: { id: string }
  // Named by the draft meeting and by a published one: public.
  publicSpeaker: Speaker
  publicOrganisation: Organisation
  revisedMeeting: Meeting
  publishedTitle: string
  draftTitle: string
}

let scene: DraftScene

beforeAll(async () => {
  const [speaker, organisation, publicSpeaker, publicOrganisation] = await Promise.all([
    createSpeaker(payload),
    createOrganisation(payload),
    createSpeaker(payload),
    createOrganisation(payload),
  ])
  await createMeeting(payload, {
    host: publicSpeaker.id,
    attendingOrganisations: [publicOrganisation.id],
  })
  const draftMeeting = await createMeeting(payload, {
    _status: 'draft',
    title: 'Unannounced Round Table',
    statements: [{ speaker: speaker.id }, { speaker: publicSpeaker.id }],
    attendingOrganisations: [organisation.id, publicOrganisation.id],
  })
  const {
    docs: [speakerEntry],
  } = await payload.find({
    collection: 'search',
    where: { 'doc.value': { equals: speaker.id } },
    depth: 0,
    limit: 1,
  })
  const draftPage = await createPage(payload, { _status: 'draft', title: 'Unfinished Page' })
  const draftMeetingDocument = await uploadTestDocument(payload, {
    data: { meeting: draftMeeting.id },
  })
  const publishedTitle = 'Announced Round Table'
  const draftTitle = 'Announced Round Table (embargoed new title)'
  const revisedMeeting = await createMeeting(payload, {
    _status: 'published',
    title: publishedTitle,
  })
  await payload.update({
    collection: 'meetings',
    id: revisedMeeting.id,
    draft: true,
    data: { title: draftTitle, _status: 'draft' },
  })
  scene = {
    draftMeeting,
    draftPage,
    draftMeetingDocument,
    speaker,
    organisation,
    speakerEntry,
    publicSpeaker,
    publicOrganisation,
    revisedMeeting,
    publishedTitle,
    draftTitle,
  }
})

const draftDocuments: [
  string,
  { collection: 'meetings' | 'pages' | 'documents'; id: () => string },
][] = [
  ['a draft meeting', { collection: 'meetings', id: () => scene.draftMeeting.id }],
  ['a draft page', { collection: 'pages', id: () => scene.draftPage.id }],
  [
    'the document of a draft meeting',
    { collection: 'documents', id: () => scene.draftMeetingDocument.id },
  ],
]

describe.each(surfaceNames)('drafts over %s', (surfaceName) => {
  describe.each(draftDocuments)('%s', (_, { collection, id }) => {
    it('is left out of the list anonymous readers get', async () => {
      expect(await surfaces[surfaceName].list(actors.anonymous, collection)).not.toContain(id())
    })

    it('is left out of the list even when anonymous readers ask for drafts', async () => {
      const ids = await surfaces[surfaceName].list(actors.anonymous, collection, { draft: true })

      expect(ids).not.toContain(id())
    })

    it('cannot be read by id by anonymous readers', async () => {
      const result = await surfaces[surfaceName].read(actors.anonymous, collection, id())

      expect(result).toEqual({ outcome: 'denied', doc: null })
    })

    it('cannot be read by id by anonymous readers asking for drafts', async () => {
      const result = await surfaces[surfaceName].read(actors.anonymous, collection, id(), {
        draft: true,
      })

      expect(result).toEqual({ outcome: 'denied', doc: null })
    })

    it('is listed for editors', async () => {
      expect(await surfaces[surfaceName].list(actors.editor, collection)).toContain(id())
    })

    it('is listed for readers', async () => {
      expect(await surfaces[surfaceName].list(actors.reader, collection)).toContain(id())
    })

    it('is left out of the list a disabled editor gets, even asking for drafts', async () => {
      const ids = await surfaces[surfaceName].list(actors.disabled, collection, { draft: true })

      expect(ids).not.toContain(id())
    })
  })

  describe('a published meeting with a newer draft', () => {
    it('is listed for anonymous readers', async () => {
      const ids = await surfaces[surfaceName].list(actors.anonymous, 'meetings')

      expect(ids).toContain(scene.revisedMeeting.id)
    })

    it('shows anonymous readers the published title', async () => {
      const { doc } = await surfaces[surfaceName].read(
        actors.anonymous,
        'meetings',
        scene.revisedMeeting.id,
      )

      expect(doc?.title).toBe(scene.publishedTitle)
    })

    it('shows anonymous readers the published title even when they ask for drafts', async () => {
      const { doc } = await surfaces[surfaceName].read(
        actors.anonymous,
        'meetings',
        scene.revisedMeeting.id,
        { draft: true },
      )

      expect(doc?.title).toBe(scene.publishedTitle)
    })

    it('shows editors the draft title when they ask for drafts', async () => {
      const { doc } = await surfaces[surfaceName].read(
        actors.editor,
        'meetings',
        scene.revisedMeeting.id,
        { draft: true },
      )

      expect(doc?.title).toBe(scene.draftTitle)
    })

    it('shows readers the draft title when they ask for drafts', async () => {
      const { doc } = await surfaces[surfaceName].read(
        actors.reader,
        'meetings',
        scene.revisedMeeting.id,
        { draft: true },
      )

      expect(doc?.title).toBe(scene.draftTitle)
    })

    it('shows a disabled editor only the published title', async () => {
      const { doc } = await surfaces[surfaceName].read(
        actors.disabled,
        'meetings',
        scene.revisedMeeting.id,
        { draft: true },
      )

      expect(doc?.title).toBe(scene.publishedTitle)
    })

    it('shows editors the published title when they do not ask for drafts', async () => {
      const { doc } = await surfaces[surfaceName].read(
        actors.editor,
        'meetings',
        scene.revisedMeeting.id,
      )

      expect(doc?.title).toBe(scene.publishedTitle)
    })
  })

  describe.each([
    ['a public speaker', { collection: 'speakers' as const, id: () => scene.publicSpeaker.id }],
    [
      'a public organisation',
      { collection: 'organisations' as const, id: () => scene.publicOrganisation.id },
    ],
  ])('the meetings join of %s', (_, { collection, id }) => {
    it('leaves out a draft meeting for anonymous readers', async () => {
      const meetings = await surfaces[surfaceName].joined(
        actors.anonymous,
        collection,
        id(),
        'meetings',
      )

      expect(meetings).not.toContain(scene.draftMeeting.id)
    })

    it('includes the draft meeting for editors', async () => {
      const meetings = await surfaces[surfaceName].joined(
        actors.editor,
        collection,
        id(),
        'meetings',
      )

      expect(meetings).toContain(scene.draftMeeting.id)
    })

    it('leaves out a draft meeting for a disabled editor', async () => {
      const meetings = await surfaces[surfaceName].joined(
        actors.disabled,
        collection,
        id(),
        'meetings',
      )

      expect(meetings).not.toContain(scene.draftMeeting.id)
    })
  })
})

// ——— Embargoed people ———
// A speaker or organisation named only by draft meetings is read like a draft: by staff and
// readers, by nobody else (issue 14; the rule is in src/payload/visibility.ts, its life cycle in
// tests/int/embargo.int.spec.ts).

const embargoedDocuments: [string, { collection: AccessCollection; id: () => string }][] = [
  ['an embargoed speaker', { collection: 'speakers', id: () => scene.speaker.id }],
  ['an embargoed organisation', { collection: 'organisations', id: () => scene.organisation.id }],
  [
    'the search entry of an embargoed speaker',
    { collection: 'search', id: () => scene.speakerEntry.id },
  ],
]

describe.each(surfaceNames)('embargoed people over %s', (surfaceName) => {
  describe.each(embargoedDocuments)('%s', (_, { collection, id }) => {
    it('is left out of the list anonymous readers get', async () => {
      expect(await surfaces[surfaceName].list(actors.anonymous, collection)).not.toContain(id())
    })

    it('cannot be read by id by anonymous readers', async () => {
      const result = await surfaces[surfaceName].read(actors.anonymous, collection, id())

      expect(result).toEqual({ outcome: 'denied', doc: null })
    })

    it('is listed for editors', async () => {
      expect(await surfaces[surfaceName].list(actors.editor, collection)).toContain(id())
    })

    it('is listed for readers', async () => {
      expect(await surfaces[surfaceName].list(actors.reader, collection)).toContain(id())
    })

    it('can be read by id by readers', async () => {
      const { outcome } = await surfaces[surfaceName].read(actors.reader, collection, id())

      expect(outcome).toBe('allowed')
    })

    it('is left out of the list a disabled editor gets', async () => {
      expect(await surfaces[surfaceName].list(actors.disabled, collection)).not.toContain(id())
    })
  })

  it('lists a public speaker named by the same draft to anonymous readers', async () => {
    const ids = await surfaces[surfaceName].list(actors.anonymous, 'speakers')

    expect(ids).toContain(scene.publicSpeaker.id)
  })
})

// A published photo may point at a meeting still in draft: the relationship must not carry the
// draft into the photo for anonymous readers.
describe('a photo of a draft meeting', () => {
  let photoId: string

  beforeAll(async () => {
    photoId = (
      await uploadTestImage(payload, {
        width: 320,
        height: 240,
        data: { meeting: scene.draftMeeting.id },
      })
    ).id
  })

  it('names the meeting by id only over REST', async () => {
    const { body } = await apiClient(server).rest('GET', `/api/photos/${photoId}?depth=2`)

    expect(body.meeting).toBe(scene.draftMeeting.id)
    expect(JSON.stringify(body)).not.toContain('Unannounced Round Table')
  })

  it('shows no meeting over GraphQL', async () => {
    const { body } = await apiClient(server).graphql(
      'query ($id: String!) { Photo(id: $id) { id meeting { id title } } }',
      { variables: { id: photoId } },
    )

    expect(body.data.Photo).toEqual({ id: photoId, meeting: null })
  })

  it('names the meeting by id only over the local API', async () => {
    const photo = await payload.findByID({
      collection: 'photos',
      id: photoId,
      depth: 2,
      overrideAccess: false,
    })

    expect(photo.meeting).toBe(scene.draftMeeting.id)
  })

  it('shows the draft meeting to a reader', async () => {
    const { body } = await apiClient(server).rest('GET', `/api/photos/${photoId}?depth=1`, {
      apiKey: actors.reader.apiKey,
    })

    expect(body.meeting.title).toBe('Unannounced Round Table')
  })
})

// ——— The admin's bookkeeping ———
// A speaker's or organisation's picker label, a document's translation status and who changed
// it last are for staff. Anonymous readers, partners' read-only keys and disabled accounts get
// the documents without them, over REST and GraphQL alike.

type StaffOnlyCase = {
  collection: 'meetings' | 'pages' | 'speakers' | 'organisations' | 'photos' | 'documents'
  single: string
  fields: ('label' | 'translation' | 'updatedBy')[]
}

const staffOnlyCases: StaffOnlyCase[] = [
  { collection: 'meetings', single: 'Meeting', fields: ['translation', 'updatedBy'] },
  { collection: 'pages', single: 'Page', fields: ['translation', 'updatedBy'] },
  { collection: 'speakers', single: 'Speaker', fields: ['label', 'translation', 'updatedBy'] },
  {
    collection: 'organisations',
    single: 'Organisation',
    fields: ['label', 'translation', 'updatedBy'],
  },
  { collection: 'photos', single: 'Photo', fields: ['updatedBy'] },
  { collection: 'documents', single: 'Document', fields: ['updatedBy'] },
]

const graphQLSelection: Record<StaffOnlyCase['fields'][number], string> = {
  label: 'label',
  translation: 'translation { enStatus zhStatus }',
  updatedBy: 'updatedBy { id }',
}

// Saved by an editor through the local API, so that every bookkeeping field has a value.
const createBookkept = async (collection: StaffOnlyCase['collection']) => {
  const { user } = actors.editor
  const created = await createTarget(collection)
  return payload.update({
    collection,
    id: created.id,
    user,
    overrideAccess: false,
    data: collection === 'photos' ? { credit: 'Secretariat' } : {},
  })
}

const outsiders: Role[] = ['anonymous', 'reader', 'disabled']

// The paths of a GraphQL answer that hold a value, e.g. ['id', 'translation.en'].
const valuedPaths = ({ value, path = '' }: { value: unknown; path?: string }): string[] => {
  if (value === null || value === undefined) return []
  if (typeof value !== 'object') return [path]
  return Object.entries(value).flatMap(([key, nested]) =>
    valuedPaths({ value: nested, path: path ? `${path}.${key}` : key }),
  )
}

describe.each(staffOnlyCases)('the bookkeeping fields of $collection', (staffOnly) => {
  let id: string

  beforeAll(async () => {
    id = (await createBookkept(staffOnly.collection)).id
  })

  const graphQLRead = (role: Role) =>
    apiClient(server).graphql(
      `query ($id: String!) { ${staffOnly.single}(id: $id) { id ${staffOnly.fields
        .map((field) => graphQLSelection[field])
        .join(' ')} } }`,
      { token: actors[role].token, apiKey: actors[role].apiKey, variables: { id } },
    )

  it.each(outsiders)('are left out of what %s gets over REST', async (role) => {
    const { body } = await apiClient(server).rest(
      'GET',
      `/api/${staffOnly.collection}/${id}?depth=0`,
      { token: actors[role].token, apiKey: actors[role].apiKey },
    )

    expect(Object.keys(body).filter((key) => staffOnly.fields.includes(key as never))).toEqual([])
  })

  // A group the reader may not see comes back as an object of nulls over GraphQL.
  it.each(outsiders)('carry no value for %s over GraphQL', async (role) => {
    const { body } = await graphQLRead(role)

    expect(valuedPaths({ value: body.data[staffOnly.single] })).toEqual(['id'])
  })

  it('are all there for editors over GraphQL', async () => {
    const { body } = await graphQLRead('editor')

    expect(staffOnly.fields.filter((field) => body.data[staffOnly.single][field] === null)).toEqual(
      [],
    )
  })
})
