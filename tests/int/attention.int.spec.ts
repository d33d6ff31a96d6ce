import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { AttentionList } from '@/payload/admin/attention'
import type { Meeting, User } from '@/payload-types'

import {
  attentionLimit,
  draftsAwaitingPublication,
  importedDrafts,
  recentChanges,
  translationsToDo,
} from '@/payload/admin/attention'
import { authorNames } from '@/payload/admin/authors'

import type { TestServer } from '../helpers/server'

import { apiClient } from '../helpers/api'
import {
  createAdmin,
  createEditor,
  createMeeting,
  createNews,
  createPage,
  createReader,
  createSpeaker,
  makeTestPdf,
  testPassword,
  uniqueSuffix,
} from '../helpers/factories'
import { getTestPayload } from '../helpers/payload'
import { startTestServer } from '../helpers/server'

let payload: Payload
let server: TestServer
let editor: User
let editorToken: string

// The scene, saved by an editor as the admin panel would (with their user, and drafts as drafts).
let neverPublished: Meeting
let withNewerDraft: Meeting
let published: Meeting
let untranslatedDraft: Meeting
let imported: Meeting
let draftPageId: string
let draftReleaseId: string

const saveDraft = (id: string, data: Partial<Meeting>) =>
  payload.update({
    collection: 'meetings',
    id,
    data,
    draft: true,
    user: editor,
    overrideAccess: false,
  })

beforeAll(async () => {
  payload = await getTestPayload()
  server = await startTestServer()
  await createAdmin(payload, { name: 'First Admin' })
  editor = await createEditor(payload, { name: 'Wang Editor' })
  editorToken = await apiClient(server).login(editor.email, testPassword)

  neverPublished = await payload.create({
    collection: 'meetings',
    draft: true,
    user: editor,
    overrideAccess: false,
    data: {
      title: 'Never Published Round Table',
      kind: 'round-table',
      edition: 2024,
      startsAt: '2024-11-01T06:00:00.000Z',
      slug: `never-published-${uniqueSuffix()}`,
      _status: 'draft',
    },
  })
  withNewerDraft = await createMeeting(payload, { title: 'Revised Plenary' })
  await saveDraft(withNewerDraft.id, { title: 'Revised Plenary (new draft)' })
  published = await createMeeting(payload, { title: 'Fully Translated Workshop' })
  published = await payload.update({
    collection: 'meetings',
    id: published.id,
    locale: 'zh',
    data: { title: '翻译完整的研讨会' },
  })
  untranslatedDraft = await createMeeting(payload, {
    _status: 'draft',
    title: 'Untranslated Draft',
  })
  imported = await createMeeting(payload, {
    _status: 'draft',
    title: 'Imported Side Event',
    legacySource: 'news-2019-side-event.txt',
    importNotes: 'Date: the year was guessed from the page.\nSpeaker "Li" matched by surname only.',
  })
  draftPageId = (await createPage(payload, { _status: 'draft', title: 'Draft Visa Page' })).id
  draftReleaseId = (await createNews(payload, { _status: 'draft', title: 'Scheduled Release' })).id
})

afterAll(async () => {
  await server?.close()
})

const titles = (list: AttentionList<{ title: string }>) => list.items.map(({ title }) => title)

const reader = () => ({ payload, user: editor })

describe('drafts waiting for publication', () => {
  it('lists a meeting never published', async () => {
    const drafts = await draftsAwaitingPublication(reader())

    expect(drafts.items.find(({ id }) => id === neverPublished.id)).toMatchObject({
      title: 'Never Published Round Table',
      wasPublished: false,
      href: `/admin/collections/meetings/${neverPublished.id}`,
    })
  })

  it('lists a published meeting with a newer draft, under the draft title', async () => {
    const drafts = await draftsAwaitingPublication(reader())

    expect(drafts.items.find(({ id }) => id === withNewerDraft.id)).toMatchObject({
      title: 'Revised Plenary (new draft)',
      wasPublished: true,
    })
  })

  it("lists the draft edition a meeting's year made, for staff to describe", async () => {
    const drafts = await draftsAwaitingPublication(reader())

    expect(
      drafts.items.find(({ collection, id }) => collection === 'editions' && id === '2024'),
    ).toMatchObject({
      title: '2024',
      wasPublished: false,
      href: '/admin/collections/editions/2024',
    })
  })

  it('lists draft pages too', async () => {
    const drafts = await draftsAwaitingPublication(reader())

    expect(drafts.items.map(({ id }) => id)).toContain(draftPageId)
  })

  it('lists draft news releases, scheduled ones included', async () => {
    const drafts = await draftsAwaitingPublication(reader())

    expect(drafts.items.map(({ id }) => id)).toContain(draftReleaseId)
  })

  it('leaves out what is published as it stands', async () => {
    const drafts = await draftsAwaitingPublication(reader())

    expect(drafts.items.map(({ id }) => id)).not.toContain(published.id)
  })

  it('names a new draft titled only in Chinese by its Chinese title, not its id', async () => {
    const chineseOnly = await payload.create({
      collection: 'meetings',
      draft: true,
      locale: 'zh',
      user: editor,
      overrideAccess: false,
      data: { title: '只有中文标题的草稿', _status: 'draft' },
    })
    const drafts = await draftsAwaitingPublication(reader())

    expect(drafts.items.find(({ id }) => id === chineseOnly.id)?.title).toBe('只有中文标题的草稿')
  })

  it('leaves a draft with no title in any language untitled, for the dashboard to say so', async () => {
    // What the admin makes when an editor opens "Create new" on an autosaved collection and leaves.
    const untitled = await payload.create({
      collection: 'meetings',
      draft: true,
      user: editor,
      overrideAccess: false,
      data: { _status: 'draft' } as Partial<Meeting> as Meeting,
    })
    const drafts = await draftsAwaitingPublication(reader())

    expect(drafts.items.find(({ id }) => id === untitled.id)?.title).toBe('')
  })

  it('names who saved the draft', async () => {
    const drafts = await draftsAwaitingPublication(reader())
    const draft = drafts.items.find(({ id }) => id === neverPublished.id)!
    const names = await authorNames({ payload, user: editor, ids: [draft.updatedBy] })

    expect(names.get(draft.updatedBy!)).toBe('Wang Editor')
  })
})

describe('translations to do', () => {
  it('lists a published meeting whose Chinese is missing', async () => {
    const todo = await translationsToDo(reader())

    expect(todo.items.find(({ id }) => id === withNewerDraft.id)?.translation).toMatchObject({
      enStatus: 'complete',
      zhStatus: 'missing',
    })
  })

  it('leaves out a published meeting complete in both languages', async () => {
    const todo = await translationsToDo(reader())

    expect(titles(todo)).not.toContain('Fully Translated Workshop')
  })

  it('lists a speaker the public sees, whose Chinese is missing', async () => {
    const speaker = await createSpeaker(payload, { name: 'Public Untranslated Speaker' })
    const todo = await translationsToDo(reader())

    expect(todo.items.map(({ id }) => id)).toContain(speaker.id)
  })

  it('leaves out a speaker under embargo (named only by a draft meeting)', async () => {
    const speaker = await createSpeaker(payload, { name: 'Embargoed Untranslated Speaker' })
    await createMeeting(payload, { _status: 'draft', host: speaker.id })
    const todo = await translationsToDo(reader())

    expect(todo.items.map(({ id }) => id)).not.toContain(speaker.id)
  })

  it('leaves out drafts, which are in the drafts list', async () => {
    const todo = await translationsToDo(reader())

    expect(todo.items.map(({ id }) => id)).not.toContain(untranslatedDraft.id)
  })
})

describe('imported drafts', () => {
  it('lists an imported draft with its notes, one per line', async () => {
    const imports = await importedDrafts(reader())

    expect(imports.items).toEqual([
      expect.objectContaining({
        id: imported.id,
        legacySource: 'news-2019-side-event.txt',
        notes: [
          'Date: the year was guessed from the page.',
          'Speaker "Li" matched by surname only.',
        ],
      }),
    ])
  })
})

describe('recent changes', () => {
  it('lists the latest saves, newest first', async () => {
    const changes = await recentChanges(reader())
    const times = changes.items.map(({ updatedAt }) => updatedAt)

    expect(times).toEqual([...times].sort().reverse())
  })

  it("records the editor's draft save as theirs", async () => {
    const changes = await recentChanges(reader())

    expect(changes.items.find(({ id }) => id === withNewerDraft.id)?.updatedBy).toBe(editor.id)
  })

  it("leaves a save without a user (the seed's) unattributed", async () => {
    const changes = await recentChanges(reader())

    expect(changes.items.find(({ id }) => id === draftPageId)?.updatedBy).toBeNull()
  })

  it('lists an uploaded document by its title, as its uploader’s', async () => {
    const document = await payload.create({
      collection: 'documents',
      data: { title: 'Statement of the round table', language: 'en', meeting: published.id },
      file: makeTestPdf(),
      user: editor,
    })

    const changes = await recentChanges(reader())

    expect(changes.items.find(({ id }) => id === document.id)).toMatchObject({
      collection: 'documents',
      title: 'Statement of the round table',
      updatedBy: editor.id,
    })
  })
})

describe('every list', () => {
  beforeAll(async () => {
    for (let index = 0; index < attentionLimit + 2; index += 1)
      await createMeeting(payload, { _status: 'draft', title: `Bulk Draft ${index}` })
  })

  it(`shows at most ${attentionLimit} rows`, async () => {
    const drafts = await draftsAwaitingPublication(reader())

    expect(drafts.items).toHaveLength(attentionLimit)
  })

  it('links to the whole list, with its count', async () => {
    const drafts = await draftsAwaitingPublication(reader())

    expect(drafts.seeAll.find(({ collection }) => collection === 'meetings')).toMatchObject({
      // The scene's drafts, the two untitled ones, and the bulk ones.
      totalDocs: attentionLimit + 9,
      href: '/admin/collections/meetings?sort=-updatedAt&where[_status][equals]=draft',
    })
  })

  // The list view reads the same where clause from its address as the REST API does.
  it.each([
    ['drafts', draftsAwaitingPublication],
    ['translations', translationsToDo],
    ['imports', importedDrafts],
    ['changes', recentChanges],
  ] as const)('links %s to a filter the API understands', async (_, list) => {
    const { seeAll } = await list(reader())
    const answers = await Promise.all(
      seeAll.map(async ({ collection, href }) => {
        const query = href.split('?')[1]
        const { status, body } = await apiClient(server).rest(
          'GET',
          `/api/${collection}?${query}&draft=true&depth=0&limit=1`,
          { token: editorToken },
        )
        return { status, hasTotal: typeof body?.totalDocs === 'number' }
      }),
    )

    expect(answers.every(({ status, hasTotal }) => status === 200 && hasTotal)).toBe(true)
  })
})

describe("the reader's access", () => {
  it("keeps colleagues' names from a partner's read-only account", async () => {
    const partner = await createReader(payload)

    expect((await authorNames({ payload, user: partner, ids: [editor.id] })).size).toBe(0)
  })

  it('lists only what the reader may read', async () => {
    const anonymous = await draftsAwaitingPublication({ payload, user: null })

    expect(anonymous.items).toEqual([])
  })
})
