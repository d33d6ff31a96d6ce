import type { Payload, Where } from 'payload'

import { PayloadSDK, PayloadSDKError } from '@payloadcms/sdk'
import crypto from 'node:crypto'
import { stringify } from 'qs-esm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Config, Meeting, Organisation, Speaker } from '@/payload-types'

import type { APIClient } from '../helpers/api'
import type { TestServer } from '../helpers/server'

import {
  createEditor,
  createMeeting,
  createOrganisation,
  createReader,
  createSpeaker,
  uniqueSuffix,
} from '../helpers/factories'
import { openEditorSession } from '../helpers/editorSession'

// What Payload's own clients send, sent to the same route handlers (and guard) that Next serves:
// the admin panel's relationship and upload pickers, @payloadcms/sdk as a partner uses it, and
// the REST conventions of Payload's documentation. The guard in front of Payload must refuse none
// of it (issue: the admin could not pick a speaker because the guard answered its pickers 415).

let payload: Payload
let server: TestServer
let api: APIClient
let editorToken: string
let sdk: PayloadSDK<Config>
let organisation: Organisation
let speaker: Speaker
let meeting: Meeting
let draft: Meeting

beforeAll(async () => {
  ;({ payload, server, api, token: editorToken } = await openEditorSession())
  sdk = new PayloadSDK<Config>({ baseURL: `${server.url}/api` })
  organisation = await createOrganisation(payload, { name: 'World Bank', abbreviation: 'WB' })
  speaker = await createSpeaker(payload, {
    name: 'Zou Ji',
    positions: [{ title: 'President', organisation: organisation.id }],
  })
  meeting = await createMeeting(payload, { host: speaker.id })
  draft = await createMeeting(payload, { _status: 'draft', title: `Embargoed ${uniqueSuffix()}` })
})

afterAll(async () => {
  await server?.close()
})

// The admin's picker request, built as @payloadcms/ui's Relationship input builds it (qs, a form
// body, the override header and the admin's language).
const adminPickerRequest = (collection: string, query: Record<string, unknown>) =>
  fetch(`${server.url}/api/${collection}`, {
    method: 'POST',
    headers: {
      Authorization: `JWT ${editorToken}`,
      'Accept-Language': 'en',
      'Content-Type': 'application/x-www-form-urlencoded',
      'X-Payload-HTTP-Method-Override': 'GET',
    },
    body: stringify(query),
  })

describe("the admin panel's own requests", () => {
  // The picker searches and shows the collection's useAsTitle, a speaker's label.
  it('lists speakers in the relationship picker, searched by name', async () => {
    const response = await adminPickerRequest('speakers', {
      depth: 0,
      draft: true,
      limit: 10,
      locale: 'en',
      page: 1,
      select: { label: true },
      sort: 'slug',
      where: { and: [{ id: { not_in: [] } }, { label: { like: 'zou' } }] },
    })
    expect(response.status).toBe(200)
    const body = (await response.json()) as { docs: { id: unknown; label: string }[] }
    expect(body.docs.map((doc) => doc.label)).toEqual(['Zou Ji · WB'])
  })

  it('loads the names of the related documents a form shows (where id in …)', async () => {
    const response = await adminPickerRequest('organisations', {
      depth: 0,
      draft: true,
      limit: 1,
      locale: 'zh',
      select: { label: true },
      where: { id: { in: [organisation.id] } },
    })
    expect(response.status).toBe(200)
    const body = (await response.json()) as { docs: { id: unknown }[] }
    expect(body.docs.map((doc) => doc.id)).toEqual([organisation.id])
  })

  it('joins an address query and a body query, whatever charset the content type names', async () => {
    const response = await fetch(`${server.url}/api/speakers?depth=0&locale=en`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8',
        'X-HTTP-Method-Override': 'GET',
      },
      body: stringify({ where: { slug: { equals: speaker.slug } }, select: { name: true } }),
    })
    expect(response.status).toBe(200)
    const body = (await response.json()) as { docs: Speaker[] }
    expect(body.docs.map((doc) => doc.name)).toEqual(['Zou Ji'])
  })

  it('still checks an overridden query as it checks an address: a bad limit is a 400', async () => {
    const response = await adminPickerRequest('speakers', { limit: 'ten' })
    expect(response.status).toBe(400)
    const { errors } = (await response.json()) as { errors: { message: string }[] }
    expect(errors[0].message).toMatch(/"limit" must be a whole number/)
  })

  it('answers a query body over the limit with 413, without reading it all', async () => {
    const response = await adminPickerRequest('speakers', {
      where: { name: { in: Array.from({ length: 40_000 }, (_, index) => `name ${index}`) } },
    })
    expect(response.status).toBe(413)
  })

  it('saves preferences and takes a document lock as the edit view does', async () => {
    const auth = { token: editorToken }
    const preference = await api.rest('POST', '/api/payload-preferences/meetings-list', {
      ...auth,
      json: { value: { columns: [{ accessor: 'title', active: true }] } },
    })
    expect(preference.status).toBe(200)
    const locked = await api.rest('GET', `/api/payload-locked-documents?depth=1&limit=1`, auth)
    expect(locked.status).toBe(200)
  })

  it('bulk-edits and bulk-deletes by where, and reads and restores trash parameters', async () => {
    const auth = { token: editorToken }
    const [one, two] = await Promise.all([
      createSpeaker(payload, { name: `Bulk ${uniqueSuffix()}` }),
      createSpeaker(payload, { name: `Bulk ${uniqueSuffix()}` }),
    ])
    const where = stringify({ where: { id: { in: [one.id, two.id] } } })
    const edited = await api.rest('PATCH', `/api/speakers?${where}&depth=0`, {
      ...auth,
      json: { honorific: 'Dr' },
    })
    expect(edited.status).toBe(200)
    expect(edited.body.docs.map((doc: Speaker) => doc.honorific)).toEqual(['Dr', 'Dr'])
    const deleted = await api.rest('DELETE', `/api/speakers?${where}`, auth)
    expect(deleted.status).toBe(200)
    expect(deleted.body.docs).toHaveLength(2)
  })
})

// What a partner sends to create an organisation; the slug is made from the name on save.
const organisationData = (name: string) => ({ name, kind: 'ngo' }) as Omit<Organisation, 'id'>

describe('@payloadcms/sdk, as a partner uses it', () => {
  it('finds, counts and reads by id, with select, populate, depth and locale', async () => {
    const found = await sdk.find({
      collection: 'meetings',
      where: { id: { equals: meeting.id } },
      depth: 1,
      locale: 'en',
      fallbackLocale: 'en',
      select: { title: true, host: true },
      populate: { speakers: { name: true } },
    })
    expect(found.docs).toHaveLength(1)
    expect(found.docs[0].host).toMatchObject({ id: speaker.id, name: 'Zou Ji' })

    const counted = await sdk.count({
      collection: 'meetings',
      where: { id: { equals: meeting.id } },
    })
    expect(counted.totalDocs).toBe(1)

    const byId = await sdk.findByID({ collection: 'speakers', id: speaker.id, depth: 0 })
    expect(byId.name).toBe('Zou Ji')
  })

  it('reads the site settings global', async () => {
    const site = await sdk.findGlobal({ slug: 'site', depth: 0 })
    expect(site).toHaveProperty('headerNavigation')
  })

  it('finds with a long where, in the address and as a method override', async () => {
    // The SDK (3.90) sends every query in the address, which Node's server takes up to 16 KB of
    // headers; a partner's filter of a hundred ids comes close. Longer queries go in a body
    // with Payload's documented method override, which the guard must let through the same.
    const ids = [speaker.id, ...Array.from({ length: 60 }, (_, index) => 900_000 + index)]
    const where: Where = { or: [{ id: { in: ids } }, { slug: { in: ids.map(String) } }] }
    const found = await sdk.find({ collection: 'speakers', where, depth: 0, limit: 5 })
    expect(found.docs.map((doc) => doc.id)).toEqual([speaker.id])

    const longer = [...ids, ...Array.from({ length: 1500 }, (_, index) => 800_000 + index)]
    const response = await adminPickerRequest('speakers', {
      where: { or: [{ id: { in: longer } }, { slug: { in: longer.map(String) } }] },
      depth: 0,
      limit: 5,
    })
    expect(response.status).toBe(200)
    const body = (await response.json()) as { docs: Speaker[] }
    expect(body.docs.map((doc) => doc.id)).toEqual([speaker.id])
  })

  it('never shows an anonymous partner a draft, and shows a reader with a key', async () => {
    const hidden = await sdk.find({
      collection: 'meetings',
      where: { id: { equals: draft.id } },
      draft: true,
    })
    expect(hidden.docs).toEqual([])

    const reader = await createReader(payload)
    const shown = await sdk.find(
      { collection: 'meetings', where: { id: { equals: draft.id } }, draft: true },
      { headers: { Authorization: `users API-Key ${reader.apiKey}` } },
    )
    expect(shown.docs.map((doc) => doc.id)).toEqual([draft.id])
  })

  it('creates and updates with an editor API key, and refuses a reader key with a 403', async () => {
    const apiKey = crypto.randomUUID()
    await createEditor(payload, { enableAPIKey: true, apiKey })
    const asEditor = { headers: { Authorization: `users API-Key ${apiKey}` } }
    const created = await sdk.create(
      {
        collection: 'organisations',
        data: organisationData(`SDK Institute ${uniqueSuffix()}`),
      },
      asEditor,
    )
    const updated = await sdk.update(
      { collection: 'organisations', id: created.id, data: { abbreviation: 'SDKI' } },
      asEditor,
    )
    expect(updated.abbreviation).toBe('SDKI')

    const reader = await createReader(payload)
    const refused = await sdk
      .create(
        { collection: 'organisations', data: organisationData('Not allowed') },
        { headers: { Authorization: `users API-Key ${reader.apiKey}` } },
      )
      .catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(PayloadSDKError)
    expect((refused as PayloadSDKError).status).toBe(403)
  })

  it('reads versions with a key, and anonymous version reads are refused', async () => {
    const reader = await createReader(payload)
    const versions = await sdk.findVersions(
      { collection: 'meetings', where: { parent: { equals: draft.id } }, depth: 0 },
      { headers: { Authorization: `users API-Key ${reader.apiKey}` } },
    )
    expect(versions.docs.length).toBeGreaterThan(0)
    const anonymous = await sdk
      .findVersions({ collection: 'meetings', where: { parent: { equals: draft.id } } })
      .catch((error: unknown) => error)
    expect((anonymous as PayloadSDKError).status).toBe(403)
  })
})
