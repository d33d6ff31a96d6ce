import type { Payload } from 'payload'

import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { ImportOutcome } from '@/import/importPage'
import type { Meeting, User } from '@/payload-types'

import type { APIClient } from '../helpers/api'
import type { TestServer } from '../helpers/server'

import { importLegacyPage } from '@/import/importPage'
import { readImportNotes } from '@/import/notes'
import { awaitingConfirmation } from '@/payload/admin/attention'

import { apiClient } from '../helpers/api'
import { createAdmin, createEditor, testPassword } from '../helpers/factories'
import { getTestPayload } from '../helpers/payload'
import { startTestServer } from '../helpers/server'

// Issue 19: what an import creates stays hidden until an editor confirms it from the import notes,
// and a meeting naming it cannot be published before.

vi.mock('next/cache', () => import('../helpers/uncachedNextCache'))

let payload: Payload
let server: TestServer
let api: APIClient
let editorToken: string
let editor: User
let result: Exclude<ImportOutcome, { outcome: 'failed' }>
let meeting: Meeting

const fixture = path.resolve(process.cwd(), 'tests/int/fixtures/import/workshop-2019-no-qa.txt')

const createdRecords = () =>
  readImportNotes(meeting.importNotes)
    .notes.filter(({ text }) => text.startsWith('New '))
    .map(({ record }) => record!)

const standingOf = async ({ relationTo, value }: { relationTo: string; value: string }) => {
  const doc = await payload.findByID({
    collection: relationTo as 'speakers' | 'organisations',
    id: value,
    depth: 0,
  })
  return { needsConfirmation: doc.needsConfirmation, visibility: doc.visibility }
}

const publish = () =>
  api.rest('PATCH', `/api/meetings/${meeting.id}`, {
    token: editorToken,
    json: { _status: 'published' },
  })

beforeAll(async () => {
  payload = await getTestPayload()
  server = await startTestServer()
  api = apiClient(server)
  await createAdmin(payload)
  editor = await createEditor(payload)
  editorToken = await api.login(editor.email, testPassword)
  const imported = await importLegacyPage({
    payload,
    bytes: fs.readFileSync(fixture),
    source: 'workshop-2019-no-qa.txt',
  })
  if (imported.outcome !== 'created') throw new Error(JSON.stringify(imported))
  result = imported
  meeting = await payload.findByID({ collection: 'meetings', id: result.id, draft: true })
}, 120_000)

afterAll(async () => {
  await server?.close()
})

describe('what an import creates', () => {
  it('has a note for each speaker and organisation it created, linked to the record', () => {
    const records = createdRecords()
    expect(records.filter((r) => r.relationTo === 'speakers')).toHaveLength(result.created.speakers)
    expect(records.filter((r) => r.relationTo === 'organisations')).toHaveLength(
      result.created.organisations,
    )
    expect(result.created.speakers).toBeGreaterThan(0)
    expect(result.created.organisations).toBeGreaterThan(0)
  })

  it('awaits confirmation and is embargoed', async () => {
    const standings = await Promise.all(createdRecords().map(standingOf))
    expect(new Set(standings.map((s) => JSON.stringify(s)))).toEqual(
      new Set([JSON.stringify({ needsConfirmation: true, visibility: 'embargoed' })]),
    )
  })

  it('is not read by anonymous REST, GraphQL or search', async () => {
    const [speaker] = createdRecords().filter((r) => r.relationTo === 'speakers')
    const rest = await api.rest('GET', `/api/speakers/${speaker.value}`)
    const search = await api.rest('GET', `/api/search?where[doc.value][equals]=${speaker.value}`)
    const graphql = await api.graphql(`{ Speakers(where: { id: { equals: "${speaker.value}" } }) {
      docs { id } } }`)
    expect([rest.status, search.body.docs, graphql.body.data.Speakers.docs]).toEqual([404, [], []])
  })

  it('is listed again, linked, by a page that names it while it awaits confirmation', async () => {
    const again = await importLegacyPage({
      payload,
      bytes: fs.readFileSync(fixture),
      source: 'workshop-2019-no-qa.txt',
    })
    if (again.outcome === 'failed') throw new Error(again.reason)
    const notes = readImportNotes(
      (await payload.findByID({ collection: 'meetings', id: again.id, draft: true })).importNotes,
    ).notes
    const linked = notes.flatMap(({ record }) => (record ? [record.value] : []))

    expect([again.outcome, again.created]).toEqual(['updated', { speakers: 0, organisations: 0 }])
    expect(
      createdRecords()
        .map(({ value }) => value)
        .filter((id) => !linked.includes(id)),
    ).toEqual([])
  })

  it('is listed on the dashboard as awaiting confirmation', async () => {
    const list = await awaitingConfirmation({ payload, user: editor })
    expect(list.items.map(({ id }) => id).sort()).toEqual(
      createdRecords()
        .map(({ value }) => value)
        .sort(),
    )
  })
})

describe('a record the import created, once nothing names it', () => {
  it('stays hidden: the editor deleted the draft, not the junk it created', async () => {
    const imported = await importLegacyPage({
      payload,
      bytes: fs.readFileSync(path.resolve(path.dirname(fixture), 'roundtable-2021-zh.txt')),
      source: 'roundtable-2021-zh.txt',
    })
    if (imported.outcome === 'failed') throw new Error(imported.reason)
    // What the page names awaits confirmation (created by it, or by its import before).
    const records = (
      await Promise.all(
        (['speakers', 'organisations'] as const).map(async (relationTo) =>
          (
            await payload.find({
              collection: relationTo,
              where: { needsConfirmation: { equals: true } },
              depth: 0,
              pagination: false,
            })
          ).docs.map(({ id }) => ({ relationTo, value: id })),
        ),
      )
    ).flat()
    await payload.delete({ collection: 'meetings', id: imported.id })

    expect(records.length).toBeGreaterThan(0)
    const standings = await Promise.all(records.map(standingOf))
    expect(new Set(standings.map(({ visibility }) => visibility))).toEqual(new Set(['embargoed']))
  })
})

describe('publishing the meeting', () => {
  it('is refused while a record it names awaits confirmation, with the names', async () => {
    const { status, body } = await publish()
    expect(status).toBe(400)
    expect(body.errors[0].message).toMatch(
      /names records an import created that no editor has confirmed yet: speakers .*Maria Lindqvist.*; organisations .*Asian Development Bank/,
    )
    const stored = await payload.findByID({ collection: 'meetings', id: meeting.id, depth: 0 })
    expect(stored._status).toBe('draft')
  })

  it('succeeds once an editor has confirmed each record, which then becomes public', async () => {
    for (const { relationTo, value } of createdRecords()) {
      const { status } = await api.rest('PATCH', `/api/${relationTo}/${value}`, {
        token: editorToken,
        json: { needsConfirmation: false },
      })
      expect(status).toBe(200)
    }
    const { status } = await publish()
    const standings = await Promise.all(createdRecords().map(standingOf))
    expect(status).toBe(200)
    expect(new Set(standings.map((s) => JSON.stringify(s)))).toEqual(
      new Set([JSON.stringify({ needsConfirmation: false, visibility: 'public' })]),
    )
  })
})

describe('people a Chinese page created, with only Chinese names', () => {
  it('are confirmed, and made public by an English meeting published in English', async () => {
    const imported = await importLegacyPage({
      payload,
      bytes: fs.readFileSync(path.resolve(path.dirname(fixture), 'roundtable-2021-zh.txt')),
      source: 'roundtable-2021-zh-again.txt',
    })
    if (imported.outcome === 'failed') throw new Error(imported.reason)
    // What the page names awaits confirmation (created by it, or by its import before).
    const unconfirmed = async (collection: 'speakers' | 'organisations') =>
      (
        await payload.find({
          collection,
          where: { needsConfirmation: { equals: true } },
          depth: 0,
          pagination: false,
        })
      ).docs.map(({ id }) => ({ collection, id }))
    const speakers = await unconfirmed('speakers')
    const records = [...speakers, ...(await unconfirmed('organisations'))]
    const confirmations = await Promise.all(
      records.map(({ collection, id }) =>
        // As the import notes' Confirm button saves them: in the language they have a name in.
        api.rest('PATCH', `/api/${collection}/${id}?locale=zh`, {
          token: editorToken,
          json: { needsConfirmation: false },
        }),
      ),
    )
    const english = await api.rest('POST', '/api/meetings?locale=en', {
      token: editorToken,
      json: {
        title: 'A round table in English',
        kind: 'round-table',
        edition: 2021,
        startsAt: '2021-11-06T01:00:00.000Z',
        host: speakers[0].id,
        _status: 'published',
      },
    })
    const host = await payload.findByID({ collection: 'speakers', id: speakers[0].id, depth: 0 })

    expect(speakers.length).toBeGreaterThan(0)
    expect(confirmations.map(({ status }) => status)).toEqual(records.map(() => 200))
    expect([english.status, english.body.errors, host.visibility]).toEqual([
      201,
      undefined,
      'public',
    ])
  })
})

describe('import notes saved as text before they linked to records', () => {
  it('are read as a summary and notes', () => {
    expect(
      readImportNotes('Imported from a.txt.\nCheck before publishing:\n[low] Host: none.'),
    ).toEqual({
      summary: ['Imported from a.txt.', 'Check before publishing:'],
      notes: [{ confidence: 'low', text: 'Host: none.' }],
    })
  })
})
