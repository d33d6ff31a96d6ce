import type { Payload } from 'payload'

import { beforeAll, describe, expect, it } from 'vitest'

import { createMeeting, createSpeaker, uniqueSuffix } from '../helpers/factories'
import { getTestPayload } from '../helpers/payload'

let payload: Payload

beforeAll(async () => {
  payload = await getTestPayload()
})

// What an anonymous visitor's search returns: the index read without override, as the site does.
const publicSearch = async ({ query, locale = 'en' }: { query: string; locale?: 'en' | 'zh' }) => {
  const { docs } = await payload.find({
    collection: 'search',
    locale,
    where: { title: { like: query } },
    overrideAccess: false,
    depth: 0,
  })
  return docs
}

describe('the search index', () => {
  it('finds a speaker by part of the name, with the speaker page’s path', async () => {
    const surname = `Zhenshan${uniqueSuffix()}`
    const speaker = await createSpeaker(payload, { name: `Zhang ${surname}` })

    const hits = await publicSearch({ query: surname.slice(0, 10) })

    expect(hits.map(({ path }) => path)).toEqual([`/speakers/${speaker.slug}`])
  })

  it('indexes a speaker’s Chinese name for Chinese searches', async () => {
    const speaker = await createSpeaker(payload)
    const chineseName = `张振山${uniqueSuffix()}`
    await payload.update({
      collection: 'speakers',
      id: speaker.id,
      locale: 'zh',
      data: { name: chineseName },
    })

    const hits = await publicSearch({ query: chineseName, locale: 'zh' })

    expect(hits).toHaveLength(1)
  })

  it('leaves a draft meeting out', async () => {
    const title = `Draft summit ${uniqueSuffix()}`
    await createMeeting(payload, { title, _status: 'draft' })

    expect(await publicSearch({ query: title })).toEqual([])
  })

  it('drops a meeting once it is unpublished', async () => {
    const title = `Withdrawn summit ${uniqueSuffix()}`
    const meeting = await createMeeting(payload, { title })
    await payload.update({
      collection: 'meetings',
      id: meeting.id,
      data: { _status: 'draft' },
    })

    expect(await publicSearch({ query: title })).toEqual([])
  })

  it('keeps a published meeting findable while a newer draft is being edited', async () => {
    const title = `Ongoing summit ${uniqueSuffix()}`
    const meeting = await createMeeting(payload, { title })
    await payload.update({
      collection: 'meetings',
      id: meeting.id,
      draft: true,
      data: { title: `${title} (revised)`, _status: 'draft' },
    })

    const hits = await publicSearch({ query: title })

    expect(hits.map(({ title: hitTitle }) => hitTitle)).toEqual([title])
  })

  it('refuses anonymous writes to the index', async () => {
    await expect(
      payload.create({
        collection: 'search',
        data: { title: 'planted', doc: { relationTo: 'pages', value: 'x' } },
        overrideAccess: false,
      }),
    ).rejects.toThrow(/not allowed/i)
  })
})
