import type { Payload } from 'payload'

import { sql } from '@payloadcms/db-sqlite'
import { beforeAll, describe, expect, it } from 'vitest'

import { deriveMissingEditions } from '@/payload/deriveMissingEditions'

import { createEdition, createMeeting } from '../helpers/factories'
import { getTestPayload } from '../helpers/payload'

let payload: Payload

beforeAll(async () => {
  payload = await getTestPayload()
})

const statusOf = async (id: number) =>
  (
    await payload.find({
      collection: 'editions',
      where: { id: { equals: id } },
      depth: 0,
      select: { _status: true },
    })
  ).docs[0]?._status ?? null

describe('a meeting filed under a year', () => {
  it('makes a draft edition of a year that has none, and leaves an existing one alone', async () => {
    const existing = await createEdition(payload, { theme: 'Kept as it is' })
    await createMeeting(payload, { edition: 2061 })
    await createMeeting(payload, { edition: existing.id })

    expect(await statusOf(2061)).toBe('draft')
    const kept = await payload.findByID({ collection: 'editions', id: existing.id, depth: 0 })
    expect([kept._status, kept.theme]).toEqual(['published', 'Kept as it is'])
  })

  it('refuses a year that is not one, in words', async () => {
    for (const edition of [1999, 2101, 2030.5])
      await expect(createMeeting(payload, { edition }), String(edition)).rejects.toMatchObject({
        status: 400,
        data: {
          errors: [
            { path: 'edition', message: 'Forum edition: a year from 2000 to 2100, such as 2022.' },
          ],
        },
      })
  })

  it('links the edition on public reads only once it is published', async () => {
    const meeting = await createMeeting(payload, { edition: 2062 })
    const read = async () =>
      (
        await payload.findByID({
          collection: 'meetings',
          id: meeting.id,
          depth: 1,
          overrideAccess: false,
          select: { edition: true },
        })
      ).edition

    expect(await read()).toBe(2062)
    await payload.update({ collection: 'editions', id: 2062, data: { _status: 'published' } })
    expect(await read()).toMatchObject({ id: 2062 })
  })
})

// MongoDB data and archives from before editions name bare years with no edition behind them.
describe('meetings that name a year with no edition', () => {
  const forgetEdition = async (id: number) => {
    // On SQLite the meetings' foreign key would clear their year with the edition.
    const drizzle = (
      payload.db as unknown as { drizzle?: { run: (query: unknown) => Promise<unknown> } }
    ).drizzle
    await drizzle?.run(sql`PRAGMA foreign_keys=OFF`)
    await payload.db.deleteOne({ collection: 'editions', where: { id: { equals: id } } })
    await drizzle?.run(sql`PRAGMA foreign_keys=ON`)
  }

  it('get their editions when the server starts: published where a published meeting names it', async () => {
    await createMeeting(payload, { edition: 2071 })
    await createMeeting(payload, { edition: 2072, _status: 'draft' })
    await payload.update({ collection: 'editions', id: 2071, data: { _status: 'published' } })
    await forgetEdition(2071)
    await forgetEdition(2072)
    expect([await statusOf(2071), await statusOf(2072)]).toEqual([null, null])

    expect((await deriveMissingEditions({ payload })).sort()).toEqual([2071, 2072])

    expect([await statusOf(2071), await statusOf(2072)]).toEqual(['published', 'draft'])
    expect(await deriveMissingEditions({ payload })).toEqual([])
  })
})
