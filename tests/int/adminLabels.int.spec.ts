import type { Payload, Where } from 'payload'

import { stringify } from 'qs-esm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Organisation, Speaker } from '@/payload-types'

import type { APIClient } from '../helpers/api'
import type { TestServer } from '../helpers/server'

import { richText } from '@/content/richText'

import { apiClient } from '../helpers/api'
import {
  createAdmin,
  createEditor,
  createMeeting,
  createOrganisation,
  createSpeaker,
  testPassword,
  uniqueSuffix,
} from '../helpers/factories'
import { getTestPayload } from '../helpers/payload'
import { startTestServer } from '../helpers/server'

let payload: Payload
let server: TestServer
let api: APIClient
let editorToken: string

beforeAll(async () => {
  payload = await getTestPayload()
  server = await startTestServer()
  api = apiClient(server)
  // The first account becomes an admin; the searches below are an editor's.
  await createAdmin(payload)
  const editor = await createEditor(payload)
  editorToken = await api.login(editor.email, testPassword)
})

afterAll(async () => {
  await server?.close()
})

const labelIn = async ({
  collection,
  id,
  locale,
}: {
  collection: 'organisations' | 'speakers'
  id: string
  locale: 'en' | 'zh'
}) =>
  (await payload.findByID({ collection, id, locale, fallbackLocale: false, depth: 0 })).label ??
  null

// An organisation with its Chinese name, as the seed and the editors make one: English first.
const bilingualOrganisation = async ({
  en,
  zh,
  abbreviation,
}: {
  en: string
  zh: string
  abbreviation?: string
}): Promise<Organisation> => {
  const organisation = await createOrganisation(payload, {
    name: en,
    abbreviation,
    slug: `organisation-${uniqueSuffix()}`,
  })
  return payload.update({
    collection: 'organisations',
    id: organisation.id,
    locale: 'zh',
    data: { name: zh },
  })
}

const bilingualSpeaker = async ({
  en,
  zh,
  organisation,
}: {
  en: string
  zh: string
  organisation?: string
}): Promise<Speaker> => {
  const speaker = await createSpeaker(payload, {
    name: en,
    slug: `speaker-${uniqueSuffix()}`,
    positions: organisation ? [{ title: 'Director', organisation }] : [],
    bio: richText({ paragraphs: [`${en} works on climate finance.`] }),
  })
  return payload.update({
    collection: 'speakers',
    id: speaker.id,
    locale: 'zh',
    data: {
      name: zh,
      positions: (speaker.positions ?? []).map((row) => ({ ...row, title: '主任' })),
      bio: richText({ paragraphs: [`${zh}从事气候融资工作。`] }),
    },
  })
}

describe('organisation labels', () => {
  it('names an organisation with its abbreviation in each language', async () => {
    const bank = await bilingualOrganisation({
      en: 'World Bank',
      zh: '世界银行',
      abbreviation: 'WB',
    })

    expect([
      await labelIn({ collection: 'organisations', id: bank.id, locale: 'en' }),
      await labelIn({ collection: 'organisations', id: bank.id, locale: 'zh' }),
    ]).toEqual(['World Bank (WB)', '世界银行 (WB)'])
  })

  it('names an organisation without an abbreviation by its name alone', async () => {
    const organisation = await createOrganisation(payload, { name: 'Energy Foundation' })

    expect(organisation.label).toBe('Energy Foundation')
  })

  it('labels an organisation created in Chinese only in Chinese alone', async () => {
    const organisation = await payload.create({
      collection: 'organisations',
      locale: 'zh',
      data: {
        name: '国家气候战略中心',
        abbreviation: 'NCSC',
        kind: 'government',
        slug: `ncsc-${uniqueSuffix()}`,
      },
    })

    expect([
      await labelIn({ collection: 'organisations', id: organisation.id, locale: 'zh' }),
      await labelIn({ collection: 'organisations', id: organisation.id, locale: 'en' }),
    ]).toEqual(['国家气候战略中心 (NCSC)', null])
  })

  it('puts a new abbreviation into the labels of both languages, though saved in one', async () => {
    const organisation = await bilingualOrganisation({
      en: 'Asian Development Bank',
      zh: '亚洲开发银行',
    })

    await payload.update({
      collection: 'organisations',
      id: organisation.id,
      locale: 'en',
      data: { abbreviation: 'ADB' },
    })

    expect(await labelIn({ collection: 'organisations', id: organisation.id, locale: 'zh' })).toBe(
      '亚洲开发银行 (ADB)',
    )
  })
})

describe('speaker labels', () => {
  it("names a speaker with the abbreviation of their first position's organisation", async () => {
    const bank = await bilingualOrganisation({
      en: 'World Bank',
      zh: '世界银行',
      abbreviation: 'WB',
    })
    const speaker = await bilingualSpeaker({ en: 'Li Wei', zh: '李伟', organisation: bank.id })

    expect([
      await labelIn({ collection: 'speakers', id: speaker.id, locale: 'en' }),
      await labelIn({ collection: 'speakers', id: speaker.id, locale: 'zh' }),
    ]).toEqual(['Li Wei · WB', '李伟 · WB'])
  })

  it('names the organisation in full when it has no abbreviation', async () => {
    const foundation = await bilingualOrganisation({ en: 'Energy Foundation', zh: '能源基金会' })
    const speaker = await bilingualSpeaker({
      en: 'Zhang Min',
      zh: '张敏',
      organisation: foundation.id,
    })

    expect(await labelIn({ collection: 'speakers', id: speaker.id, locale: 'zh' })).toBe(
      '张敏 · 能源基金会',
    )
  })

  it('names a speaker without a position by their name alone', async () => {
    const speaker = await createSpeaker(payload, { name: 'Wang Fang' })

    expect(speaker.label).toBe('Wang Fang')
  })
})

describe('when an organisation is renamed', () => {
  let speaker: Speaker
  let organisation: Organisation

  beforeAll(async () => {
    organisation = await bilingualOrganisation({ en: 'Climate Centre', zh: '气候中心' })
    speaker = await bilingualSpeaker({ en: 'Chen Jing', zh: '陈静', organisation: organisation.id })
    await payload.update({
      collection: 'organisations',
      id: organisation.id,
      locale: 'zh',
      data: { name: '国家气候中心' },
    })
  })

  it("updates its speakers' labels in the language renamed", async () => {
    expect(await labelIn({ collection: 'speakers', id: speaker.id, locale: 'zh' })).toBe(
      '陈静 · 国家气候中心',
    )
  })

  it("keeps its speakers' labels in the other language", async () => {
    expect(await labelIn({ collection: 'speakers', id: speaker.id, locale: 'en' })).toBe(
      'Chen Jing · Climate Centre',
    )
  })

  it("leaves the rest of its speakers' texts as they were, in both languages", async () => {
    const after = await payload.findByID({
      collection: 'speakers',
      id: speaker.id,
      locale: 'all',
      depth: 0,
    })

    expect({ name: after.name, titles: after.positions?.map((row) => row.title) }).toEqual({
      name: { en: 'Chen Jing', zh: '陈静' },
      titles: [{ en: 'Director', zh: '主任' }],
    })
    expect(JSON.stringify(after.bio)).toContain('陈静从事气候融资工作。')
    expect(JSON.stringify(after.bio)).toContain('Chen Jing works on climate finance.')
  })

  it('does not count as a change to the speakers', async () => {
    const after = await payload.findByID({ collection: 'speakers', id: speaker.id, depth: 0 })

    expect(after.updatedAt).toBe(speaker.updatedAt)
  })

  it('follows a new abbreviation too', async () => {
    await payload.update({
      collection: 'organisations',
      id: organisation.id,
      locale: 'en',
      data: { abbreviation: 'NCC' },
    })

    expect([
      await labelIn({ collection: 'speakers', id: speaker.id, locale: 'en' }),
      await labelIn({ collection: 'speakers', id: speaker.id, locale: 'zh' }),
    ]).toEqual(['Chen Jing · NCC', '陈静 · NCC'])
  })
})

// The relationship picker asks for `where[and][1][label][like]=…` in the admin's content locale
// (node_modules/@payloadcms/ui/dist/fields/Relationship/Input.js), the list view's search box for
// `where[or][0][label][like]=…` (over the local API, in the list view's server render). The
// server matches a label in either language; the picker then shows only the options whose label
// in the content locale matches, so a Chinese name is found in the picker with 中文 content.
describe('searching labels as the admin does', () => {
  let bank: Organisation
  let speaker: Speaker

  beforeAll(async () => {
    bank = await bilingualOrganisation({
      en: 'Green Finance Bank',
      zh: '绿色金融银行',
      abbreviation: `GFB${uniqueSuffix()}`.slice(0, 7),
    })
    speaker = await bilingualSpeaker({ en: 'Huang Lei', zh: '黄磊', organisation: bank.id })
  })

  // The picker's request as @payloadcms/ui builds it: qs in a form body, with the override
  // header; the list view's search is the same query with `or` over listSearchableFields.
  const search = async ({
    collection,
    text,
    locale,
    shape = 'picker',
    token = editorToken,
  }: {
    collection: 'organisations' | 'speakers'
    text: string
    locale: 'en' | 'zh'
    shape?: 'picker' | 'list'
    token?: string
  }) => {
    const where: Where =
      shape === 'picker'
        ? { and: [{ id: { not_in: [] } }, { label: { like: text } }] }
        : { or: [{ label: { like: text } }, { slug: { like: text } }] }
    const response = await fetch(`${server.url}/api/${collection}`, {
      method: 'POST',
      headers: {
        Authorization: `JWT ${token}`,
        'Content-Type': 'application/x-www-form-urlencoded',
        'X-Payload-HTTP-Method-Override': 'GET',
      },
      body: stringify({ depth: 0, draft: true, limit: 10, locale, select: { label: true }, where }),
    })
    const body = (await response.json()) as { docs?: { id: string; label?: string }[] }
    // The picker then keeps the options whose label, in the admin's content locale, contains
    // what was typed (wordBoundariesRegex in payload/dist/utilities); the list view shows all.
    const shown = (body.docs ?? []).filter(
      ({ label }) => shape === 'list' || label?.toLowerCase().includes(text.toLowerCase()),
    )
    return { status: response.status, ids: shown.map(({ id }) => id) }
  }

  const organisationSearches: [string, () => string, 'en' | 'zh'][] = [
    ['its abbreviation', () => bank.abbreviation!, 'en'],
    ['its English name, in the English admin', () => 'Finance Bank', 'en'],
    ['its Chinese name, in the Chinese admin', () => '绿色金融', 'zh'],
  ]

  it.each(organisationSearches)(
    'finds an organisation by %s in the picker',
    async (_, text, locale) => {
      const { ids } = await search({ collection: 'organisations', text: text(), locale })

      expect(ids).toContain(bank.id)
    },
  )

  it("finds a speaker by their Chinese name in the Chinese admin's picker", async () => {
    const { ids } = await search({ collection: 'speakers', text: '黄磊', locale: 'zh' })

    expect(ids).toEqual([speaker.id])
  })

  it("finds a speaker by their Chinese name in the English admin's list search", async () => {
    const { ids } = await search({
      collection: 'speakers',
      text: '黄磊',
      locale: 'en',
      shape: 'list',
    })

    expect(ids).toEqual([speaker.id])
  })

  it("finds an organisation by its English name in the Chinese admin's list search", async () => {
    const { ids } = await search({
      collection: 'organisations',
      text: 'Green Finance',
      locale: 'zh',
      shape: 'list',
    })

    expect(ids).toEqual([bank.id])
  })

  it("finds a speaker by their organisation's abbreviation in the list search", async () => {
    const { ids } = await search({
      collection: 'speakers',
      text: bank.abbreviation!,
      locale: 'zh',
      shape: 'list',
    })

    expect(ids).toEqual([speaker.id])
  })

  it('shows the picker the label in the locale asked for', async () => {
    const { body } = await api.rest(
      'GET',
      `/api/speakers?where[id][equals]=${speaker.id}&locale=zh&select[label]=true&depth=0`,
      { token: editorToken },
    )

    expect(body.docs[0].label).toBe(`黄磊 · ${bank.abbreviation}`)
  })

  it('leaves the label out of what anonymous readers get', async () => {
    const { body } = await api.rest('GET', `/api/speakers/${speaker.id}?depth=0`)

    expect(body).not.toHaveProperty('label')
  })

  it('refuses anonymous readers a search by label', async () => {
    const { status, body } = await api.rest(
      'GET',
      `/api/speakers?where[label][like]=${encodeURIComponent('黄磊')}`,
    )

    expect([status, JSON.stringify(body)]).toEqual([400, expect.stringContaining('label')])
  })
})

// Payload's version comparison names a related document by its title field as populated: without
// the label in the default population it showed a meeting's speakers as bare ids.
describe('labels of the people a document names', () => {
  const hostOf = async (token?: string) => {
    const bank = await bilingualOrganisation({
      en: 'Asian Development Bank',
      zh: '亚洲开发银行',
      abbreviation: 'ADB',
    })
    const host = await bilingualSpeaker({ en: 'Chen Jie', zh: '陈杰', organisation: bank.id })
    const meeting = await createMeeting(payload, { host: host.id })
    const response = await fetch(`${server.url}/api/meetings/${meeting.id}?depth=1`, {
      headers: token ? { authorization: `JWT ${token}` } : {},
    })
    return (await response.json()).host
  }

  it('come with the populated speaker for staff', async () => {
    expect(await hostOf(editorToken)).toMatchObject({ name: 'Chen Jie', label: 'Chen Jie · ADB' })
  })

  it('stay private from the public', async () => {
    const host = await hostOf()

    expect(host).toMatchObject({ name: 'Chen Jie' })
    expect(host).not.toHaveProperty('label')
  })
})
