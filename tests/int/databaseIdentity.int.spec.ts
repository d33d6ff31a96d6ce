import type { Payload } from 'payload'

import { beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { databaseIdentity, forgetDatabaseIdentity } from '@/payload/databaseIdentity'

import { getTestPayload } from '../helpers/payload'

let payload: Payload

beforeAll(async () => {
  payload = await getTestPayload()
})

beforeEach(() => {
  forgetDatabaseIdentity()
})

const firstMigration = async () =>
  (
    await payload.find({
      collection: 'payload-migrations',
      sort: 'createdAt',
      limit: 1,
      depth: 0,
    })
  ).docs[0]

describe('the database identity in data-cache keys', () => {
  it('names the database by its first migration record, and stays the same', async () => {
    if (!(await firstMigration()))
      await payload.create({ collection: 'payload-migrations', data: { name: 'first', batch: 1 } })
    const first = (await firstMigration())!

    expect(await databaseIdentity({ payload })).toBe(`${first.id}@${first.createdAt}`)
    expect(await databaseIdentity({ payload })).toBe(`${first.id}@${first.createdAt}`)
  })

  it('changes when the database is a different one', async () => {
    const before = await databaseIdentity({ payload })
    forgetDatabaseIdentity()

    // A recreated database: its migration records are new.
    await payload.delete({ collection: 'payload-migrations', where: { id: { exists: true } } })
    await payload.create({ collection: 'payload-migrations', data: { name: 'again', batch: 1 } })

    expect(await databaseIdentity({ payload })).not.toBe(before)
  })
})
