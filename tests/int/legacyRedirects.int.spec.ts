import type { Payload } from 'payload'

import { beforeAll, describe, expect, it, vi } from 'vitest'

import type { Redirect } from '@/payload-types'

import { findRedirect } from '@/content/redirects'

import {
  createEditor,
  createMeeting,
  createPage,
  createSpeaker,
  uniqueSuffix,
} from '../helpers/factories'
import { getTestPayload } from '../helpers/payload'

vi.mock('next/cache', () => import('../helpers/uncachedNextCache'))

// Issue 15: the old site's addresses answer with a 301 to their page here. What the public site
// does with an old address is findRedirect's answer: a path on this site, or null (a 404).

let payload: Payload

beforeAll(async () => {
  payload = await getTestPayload()
})

const oldAddress = () => `/news/2019/${uniqueSuffix()}.html`

const createRedirect = (
  data: Omit<Redirect, 'id' | 'createdAt' | 'updatedAt' | 'locale'> & {
    locale?: Redirect['locale']
  },
) => payload.create({ collection: 'redirects', data: { locale: 'en', ...data } })

describe('an old address leads to the current public address of what it names', () => {
  it('a published meeting, in the language the redirect asks for', async () => {
    const meeting = await createMeeting(payload)
    const from = oldAddress()
    const fromZh = oldAddress()
    await createRedirect({
      from,
      to: { type: 'reference', reference: { relationTo: 'meetings', value: meeting.id } },
    })
    await createRedirect({
      from: fromZh,
      to: { type: 'reference', reference: { relationTo: 'meetings', value: meeting.id } },
      locale: 'zh',
    })

    expect(await findRedirect({ path: from })).toBe(`/meetings/${meeting.slug}`)
    expect(await findRedirect({ path: fromZh })).toBe(`/zh/meetings/${meeting.slug}`)
  })

  it('follows a meeting whose slug changed to its new address', async () => {
    const meeting = await createMeeting(payload)
    const from = oldAddress()
    await createRedirect({
      from,
      to: { type: 'reference', reference: { relationTo: 'meetings', value: meeting.id } },
    })
    await payload.update({
      collection: 'meetings',
      id: meeting.id,
      data: { slug: `renamed-${uniqueSuffix()}` },
    })
    const { slug } = await payload.findByID({ collection: 'meetings', id: meeting.id, depth: 0 })

    expect(await findRedirect({ path: from })).toBe(`/meetings/${slug}`)
  })

  it('a service page at its whole path, and a speaker', async () => {
    const parent = await createPage(payload)
    const page = await createPage(payload, { parent: parent.id })
    const speaker = await createSpeaker(payload)
    const toPage = oldAddress()
    const toSpeaker = oldAddress()
    await createRedirect({
      from: toPage,
      to: { type: 'reference', reference: { relationTo: 'pages', value: page.id } },
    })
    await createRedirect({
      from: toSpeaker,
      to: { type: 'reference', reference: { relationTo: 'speakers', value: speaker.id } },
    })

    expect(await findRedirect({ path: toPage })).toBe(`/${parent.slug}/${page.slug}`)
    expect(await findRedirect({ path: toSpeaker })).toBe(`/speakers/${speaker.slug}`)
  })

  it('a custom address on this site, with its query', async () => {
    const from = oldAddress()
    await createRedirect({ from, to: { type: 'custom', url: '/meetings?edition=2019' } })

    expect(await findRedirect({ path: from })).toBe('/meetings?edition=2019')
  })

  it('is found whether the old address was given whole or as a path, with or without a trailing slash', async () => {
    const meeting = await createMeeting(payload)
    const path = oldAddress()
    const saved = await createRedirect({
      from: `http://www.cifcc.org${path}?id=7`,
      to: { type: 'reference', reference: { relationTo: 'meetings', value: meeting.id } },
    })

    expect(saved.from).toBe(path)
    expect(await findRedirect({ path: `${path}/` })).toBe(`/meetings/${meeting.slug}`)
  })

  it('an address that no redirect names is not found', async () => {
    expect(await findRedirect({ path: oldAddress() })).toBeNull()
  })
})

describe('a redirect never leads where the public may not go', () => {
  it('to a draft meeting it is not followed, until the meeting is published', async () => {
    const draft = await createMeeting(payload, { _status: 'draft' })
    const from = oldAddress()
    await createRedirect({
      from,
      to: { type: 'reference', reference: { relationTo: 'meetings', value: draft.id } },
    })

    expect(await findRedirect({ path: from })).toBeNull()

    await payload.update({ collection: 'meetings', id: draft.id, data: { _status: 'published' } })

    expect(await findRedirect({ path: from })).toBe(`/meetings/${draft.slug}`)
  })

  it('to a meeting unpublished again it is no longer followed', async () => {
    const meeting = await createMeeting(payload)
    const from = oldAddress()
    await createRedirect({
      from,
      to: { type: 'reference', reference: { relationTo: 'meetings', value: meeting.id } },
    })
    await payload.update({ collection: 'meetings', id: meeting.id, data: { _status: 'draft' } })

    expect(await findRedirect({ path: from })).toBeNull()
  })

  it.each(['https://evil.example/', '//evil.example', '/\\evil.example', 'javascript:alert(1)'])(
    'refuses to save %j as a custom address, with a sentence',
    async (url) => {
      await expect(
        createRedirect({ from: oldAddress(), to: { type: 'custom', url } }),
      ).rejects.toThrow(/Address on this site/)
    },
  )

  it.each(['https://evil.example/', '//evil.example', '/\\evil.example'])(
    'does not follow %j stored past the admin (an old archive, the database)',
    async (url) => {
      const from = oldAddress()
      await payload.db.create({
        collection: 'redirects',
        data: { from, to: { type: 'custom', url }, locale: 'en' },
      })

      expect(await findRedirect({ path: from })).toBeNull()
    },
  )

  it('does not send an old address round to itself', async () => {
    const from = oldAddress()
    await createRedirect({ from, to: { type: 'custom', url: `${from}/` } })

    expect(await findRedirect({ path: from })).toBeNull()
  })

  it('the list of redirects is for staff: the public reads none of it', async () => {
    const meeting = await createMeeting(payload, { _status: 'draft' })
    await createRedirect({
      from: oldAddress(),
      to: { type: 'reference', reference: { relationTo: 'meetings', value: meeting.id } },
    })
    const editor = await createEditor(payload)

    await expect(payload.find({ collection: 'redirects', overrideAccess: false })).rejects.toThrow()
    const staff = await payload.find({
      collection: 'redirects',
      overrideAccess: false,
      user: editor,
    })
    expect(staff.totalDocs).toBeGreaterThan(0)
  })
})

describe('the admin', () => {
  type LabelledField = { name?: string; label?: unknown; fields?: LabelledField[] }
  const labelsOf = (fields: LabelledField[]): unknown[] =>
    fields.flatMap((field) => [
      // A group without a label of its own (the plugin's `to`) shows only its fields' labels.
      ...(field.name &&
      field.label !== false &&
      !['id', 'createdAt', 'updatedAt'].includes(field.name)
        ? [field.label]
        : []),
      ...(field.fields ? labelsOf(field.fields) : []),
    ])

  it('names the redirects and every field of theirs in English and Chinese', () => {
    const { labels, fields } = payload.collections.redirects.config

    expect(labels).toEqual({
      singular: { en: 'Redirect', zh: '重定向' },
      plural: { en: 'Redirects', zh: '重定向' },
    })
    for (const label of labelsOf(fields as LabelledField[]))
      expect(label).toEqual({ en: expect.any(String), zh: expect.any(String) })
  })
})
