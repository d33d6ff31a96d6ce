import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TranslationState } from '@/payload/translationStatus'

import { nextTranslationState, translationSessionMs } from '@/payload/translationStatus'

import type { TestServer } from '../helpers/server'

import { apiClient } from '../helpers/api'
import {
  createAdmin,
  createEditor,
  createMeeting,
  createOrganisation,
  createPage,
  createSpeaker,
  testPassword,
} from '../helpers/factories'
import { getTestPayload } from '../helpers/payload'
import { startTestServer } from '../helpers/server'

const statuses = (state?: null | TranslationState) => ({
  en: state?.enStatus,
  zh: state?.zhStatus,
})

describe('the next translation state', () => {
  const start = new Date('2026-03-01T09:00:00Z')
  const later = (ms: number) => new Date(start.getTime() + ms)

  const created = nextTranslationState({
    locale: 'en',
    hasText: true,
    textsChanged: true,
    now: start,
  })
  const translated = nextTranslationState({
    previous: created,
    locale: 'zh',
    hasText: true,
    textsChanged: true,
    now: later(1000),
  })

  it('counts a new document complete in its language and missing in the other', () => {
    expect(statuses(created)).toEqual({ en: 'complete', zh: 'missing' })
  })

  it('counts both complete once the other language is written', () => {
    expect(statuses(translated)).toEqual({ en: 'complete', zh: 'complete' })
  })

  it('marks the translation outdated when the original changes later', () => {
    const edited = nextTranslationState({
      previous: translated,
      locale: 'en',
      hasText: true,
      textsChanged: true,
      now: later(2000),
    })

    expect(statuses(edited)).toEqual({ en: 'complete', zh: 'outdated' })
  })

  it("keeps the original complete while the translator's autosaves continue", () => {
    const autosaved = nextTranslationState({
      previous: translated,
      locale: 'zh',
      hasText: true,
      textsChanged: true,
      now: later(translationSessionMs - 1),
    })

    expect(statuses(autosaved)).toEqual({ en: 'complete', zh: 'complete' })
  })

  it('marks the original outdated when the translation changes after its session', () => {
    const revised = nextTranslationState({
      previous: translated,
      locale: 'zh',
      hasText: true,
      textsChanged: true,
      now: later(translationSessionMs + 2000),
    })

    expect(statuses(revised)).toEqual({ en: 'outdated', zh: 'complete' })
  })

  it('counts a language missing when its title is emptied', () => {
    const emptied = nextTranslationState({
      previous: translated,
      locale: 'zh',
      hasText: false,
      textsChanged: true,
      now: later(3000),
    })

    expect(statuses(emptied)).toEqual({ en: 'complete', zh: 'missing' })
  })

  it('changes nothing when the texts did not change', () => {
    const saved = nextTranslationState({
      previous: translated,
      locale: 'en',
      hasText: true,
      textsChanged: false,
      now: later(4000),
    })

    expect(saved).toEqual(translated)
  })
})

let payload: Payload
let server: TestServer

beforeAll(async () => {
  payload = await getTestPayload()
  server = await startTestServer()
  await createAdmin(payload)
})

afterAll(async () => {
  await server?.close()
})

const translationOf = async ({
  collection,
  id,
}: {
  collection: 'meetings' | 'pages' | 'speakers' | 'organisations'
  id: string
}) => statuses((await payload.findByID({ collection, id, draft: true, depth: 0 })).translation)

describe('a meeting written in English, then translated', () => {
  let id: string

  beforeAll(async () => {
    id = (await createMeeting(payload, { title: 'Green Finance Round Table' })).id
  })

  it('starts with the Chinese missing', async () => {
    expect(await translationOf({ collection: 'meetings', id })).toEqual({
      en: 'complete',
      zh: 'missing',
    })
  })

  it('is complete once the Chinese title and texts are saved', async () => {
    await payload.update({
      collection: 'meetings',
      id,
      locale: 'zh',
      data: { title: '绿色金融圆桌会议', summary: '关于绿色金融的讨论。' },
    })

    expect(await translationOf({ collection: 'meetings', id })).toEqual({
      en: 'complete',
      zh: 'complete',
    })
  })

  it('has the Chinese outdated after the English report changes', async () => {
    await payload.update({
      collection: 'meetings',
      id,
      locale: 'en',
      data: { summary: 'A discussion of green finance, with a new closing remark.' },
    })

    expect(await translationOf({ collection: 'meetings', id })).toEqual({
      en: 'complete',
      zh: 'outdated',
    })
  })

  it('is complete again when the Chinese follows, in several autosaved drafts', async () => {
    for (const summary of ['关于绿色金融的讨论，', '关于绿色金融的讨论，以及新的结束语。'])
      await payload.update({
        collection: 'meetings',
        id,
        locale: 'zh',
        draft: true,
        autosave: true,
        data: { summary },
      })

    expect(await translationOf({ collection: 'meetings', id })).toEqual({
      en: 'complete',
      zh: 'complete',
    })
  })

  it('is left as it was by a save that changes only what both languages share', async () => {
    await payload.update({ collection: 'meetings', id, locale: 'en', data: { edition: 2023 } })

    expect(await translationOf({ collection: 'meetings', id })).toEqual({
      en: 'complete',
      zh: 'complete',
    })
  })
})

describe('texts inside arrays', () => {
  it('count as a change of their language', async () => {
    const speaker = await createSpeaker(payload)
    const meeting = await createMeeting(payload, {
      statements: [{ speaker: speaker.id, position: 'Director' }],
    })
    const translated = await payload.update({
      collection: 'meetings',
      id: meeting.id,
      locale: 'zh',
      data: {
        title: '会议',
        statements: meeting.statements!.map((row) => ({ ...row, position: '主任' })),
      },
    })

    await payload.update({
      collection: 'meetings',
      id: meeting.id,
      locale: 'en',
      data: {
        statements: translated.statements!.map((row) => ({ ...row, position: 'Chief Economist' })),
      },
    })

    expect(await translationOf({ collection: 'meetings', id: meeting.id })).toEqual({
      en: 'complete',
      zh: 'outdated',
    })
  })
})

describe('a speaker imported from a Chinese page', () => {
  it('has the English missing', async () => {
    const speaker = await payload.create({
      collection: 'speakers',
      locale: 'zh',
      data: { name: '邹骥', slug: 'zou-ji-imported' },
    })

    expect(await translationOf({ collection: 'speakers', id: speaker.id })).toEqual({
      en: 'missing',
      zh: 'complete',
    })
  })
})

describe.each([
  ['a page', () => createPage(payload), 'pages' as const],
  ['an organisation', () => createOrganisation(payload), 'organisations' as const],
])('%s', (_, create, collection) => {
  it('is tracked too', async () => {
    const { id } = await create()

    expect(await translationOf({ collection, id })).toEqual({ en: 'complete', zh: 'missing' })
  })
})

describe('the translation status over the API', () => {
  let meetingId: string
  let editorToken: string

  beforeAll(async () => {
    meetingId = (await createMeeting(payload)).id
    const editor = await createEditor(payload)
    editorToken = await apiClient(server).login(editor.email, testPassword)
  })

  it('is shown to staff', async () => {
    const { body } = await apiClient(server).rest('GET', `/api/meetings/${meetingId}?depth=0`, {
      token: editorToken,
    })

    expect(statuses(body.translation)).toEqual({ en: 'complete', zh: 'missing' })
  })

  it('is left out for anonymous REST readers', async () => {
    const { body } = await apiClient(server).rest('GET', `/api/meetings/${meetingId}?depth=0`)

    expect(body).not.toHaveProperty('translation')
  })

  it('cannot be set by an editor', async () => {
    await apiClient(server).rest('PATCH', `/api/meetings/${meetingId}`, {
      token: editorToken,
      json: { translation: { enStatus: 'outdated', zhStatus: 'complete' } },
    })

    expect(await translationOf({ collection: 'meetings', id: meetingId })).toEqual({
      en: 'complete',
      zh: 'missing',
    })
  })
})
