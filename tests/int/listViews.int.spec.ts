import type { CollectionSlug, Field, Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestServer } from '../helpers/server'

import { apiClient } from '../helpers/api'
import {
  createAdmin,
  createEditor,
  createMeeting,
  createOrganisation,
  createSpeaker,
  testPassword,
  uploadTestImage,
} from '../helpers/factories'
import { getTestPayload } from '../helpers/payload'
import { startTestServer } from '../helpers/server'

let payload: Payload
let server: TestServer
let editorToken: string

beforeAll(async () => {
  payload = await getTestPayload()
  server = await startTestServer()
  await createAdmin(payload)
  const editor = await createEditor(payload)
  editorToken = await apiClient(server).login(editor.email, testPassword)
})

afterAll(async () => {
  await server?.close()
})

// Rows, collapsibles and unnamed tabs do not nest data: the list view names their fields alone.
const namedFields = (fields: Field[]): Field[] =>
  fields.flatMap((field) => {
    if ('name' in field) return [field]
    if ('fields' in field) return namedFields(field.fields)
    if (field.type === 'tabs') return field.tabs.flatMap((tab) => namedFields(tab.fields))
    return []
  })

const fieldOf = ({ collection, name }: { collection: CollectionSlug; name: string }) =>
  namedFields(payload.collections[collection].config.fields).find((field) =>
    'name' in field ? field.name === name : false,
  )

const listViews: [CollectionSlug, string[]][] = [
  ['meetings', ['edition', 'kind', 'startsAt', '_status', 'translationStatus']],
  ['photos', ['meeting']],
  ['documents', ['title', 'meeting', 'language', 'filesize']],
  ['speakers', ['organisations', 'translationStatus']],
  ['organisations', ['kind', 'translationStatus']],
  ['pages', ['_status', 'translationStatus']],
]

describe.each(listViews)('the %s list', (collection, columns) => {
  it.each(columns)('shows %s by default', (column) => {
    expect(payload.collections[collection].config.admin.defaultColumns).toContain(column)
  })

  it('names only fields the collection has in its default columns', () => {
    const missing = (payload.collections[collection].config.admin.defaultColumns ?? []).filter(
      (name) => !fieldOf({ collection, name }),
    )

    expect(missing).toEqual([])
  })
})

// The list view's filter builder leaves out hidden fields and those with disableListFilter.
describe.each([
  ['meetings', 'edition'],
  ['meetings', 'kind'],
  ['photos', 'meeting'],
  ['documents', 'meeting'],
  ['documents', 'language'],
  ['speakers', 'organisations'],
  ['organisations', 'kind'],
  ['meetings', 'translation'],
] as [CollectionSlug, string][])('the %s filter by %s', (collection, name) => {
  it('is offered in the list view', () => {
    const field = fieldOf({ collection, name })
    const admin = (field?.admin ?? {}) as { hidden?: boolean; disableListFilter?: boolean }

    expect([Boolean(field), admin.hidden ?? false, admin.disableListFilter ?? false]).toEqual([
      true,
      false,
      false,
    ])
  })
})

describe('filters as the list view sends them', () => {
  const ids = async (path: string) => {
    const { status, body } = await apiClient(server).rest('GET', `${path}&depth=0&draft=true`, {
      token: editorToken,
    })
    expect(status).toBe(200)
    return body.docs.map(({ id }: { id: string }) => id)
  }

  it('finds meetings by edition and kind', async () => {
    const wanted = await createMeeting(payload, { edition: 2019, kind: 'workshop' })
    await createMeeting(payload, { edition: 2019, kind: 'plenary' })

    expect(
      await ids(
        '/api/meetings?where[and][0][edition][equals]=2019&where[and][1][kind][equals]=workshop',
      ),
    ).toEqual([wanted.id])
  })

  it('finds meetings whose Chinese is missing', async () => {
    const untranslated = await createMeeting(payload)

    expect(await ids('/api/meetings?where[translation.zhStatus][equals]=missing')).toContain(
      untranslated.id,
    )
  })

  it('finds the photos of a meeting', async () => {
    const meeting = await createMeeting(payload)
    const photo = await uploadTestImage(payload, {
      width: 320,
      height: 240,
      data: { meeting: meeting.id },
    })

    expect(await ids(`/api/photos?where[meeting][equals]=${meeting.id}`)).toEqual([photo.id])
  })

  it('finds the speakers of an organisation', async () => {
    const organisation = await createOrganisation(payload)
    const speaker = await createSpeaker(payload, {
      positions: [{ title: 'Director', organisation: organisation.id }],
    })
    await createSpeaker(payload)

    expect(await ids(`/api/speakers?where[organisations][in][0]=${organisation.id}`)).toEqual([
      speaker.id,
    ])
  })

  it('finds organisations by kind', async () => {
    const media = await createOrganisation(payload, { kind: 'media' })

    expect(await ids('/api/organisations?where[kind][equals]=media')).toEqual([media.id])
  })
})
