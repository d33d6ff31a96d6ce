import type { Payload } from 'payload'

import { spawn } from 'node:child_process'
import os from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'

import { databaseKindFromEnv } from '../helpers/environment'
import { createMeeting, createSpeaker } from '../helpers/factories'
import { getTestPayload } from '../helpers/payload'

const databaseKind = databaseKindFromEnv()
const onSQLite = databaseKind === 'sqlite'
const onMongoDB = databaseKind === 'mongodb'
const expectedAdapter = { mongodb: 'mongoose', sqlite: 'sqlite' }[databaseKind]

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const objectId = /^[0-9a-f]{24}$/

let payload: Payload

// Another process (npm run import, say) in the middle of a write transaction. libsql runs
// statements synchronously, so it has to be another process, not another connection here.
const holdWriteLock = async ({ file, milliseconds }: { file: string; milliseconds: number }) => {
  const writer = spawn(
    process.execPath,
    [path.resolve('tests/helpers/holdSQLiteWriteLock.mjs'), file, String(milliseconds)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  const finished = new Promise<number | null>((resolve) => writer.once('exit', resolve))
  await new Promise<void>((resolve, reject) => {
    writer.stdout.once('data', () => resolve())
    void finished.then((code) => reject(new Error(`the other writer exited with ${code}`)))
  })
  return { finished }
}

beforeAll(async () => {
  payload = await getTestPayload()
})

describe(`the database (${databaseKind})`, () => {
  it(`runs on the ${expectedAdapter} adapter, as MONGODB_URI ${onMongoDB ? 'is set' : 'is unset'}`, () => {
    expect(payload.db.name).toBe(expectedAdapter)
  })

  it('gives documents string ids', async () => {
    const speaker = await createSpeaker(payload)

    expect(typeof speaker.id).toBe('string')
  })

  it('stores relationships as the same string ids', async () => {
    const host = await createSpeaker(payload)
    const meeting = await createMeeting(payload, { host: host.id })

    const read = await payload.findByID({ collection: 'meetings', id: meeting.id, depth: 0 })

    expect(read.host).toBe(host.id)
  })

  it.skipIf(!onSQLite)('uses UUIDs as ids on SQLite', async () => {
    const speaker = await createSpeaker(payload)

    expect(speaker.id).toMatch(uuid)
  })

  it.skipIf(!onSQLite)('writes to a temporary SQLite file, not to data/dev.db', () => {
    const file = (process.env.DATABASE_URI as string).replace(/^file:/, '')

    expect(path.relative(os.tmpdir(), file).startsWith('..')).toBe(false)
  })

  it.skipIf(!onSQLite)(
    'waits for another process that holds the SQLite write lock instead of failing',
    async () => {
      const file = (process.env.DATABASE_URI as string).replace(/^file:/, '')
      const otherWriter = await holdWriteLock({ file, milliseconds: 500 })

      const speaker = await createSpeaker(payload)

      expect(await otherWriter.finished).toBe(0)
      expect(await payload.findByID({ collection: 'speakers', id: speaker.id, depth: 0 })).toEqual(
        expect.objectContaining({ name: speaker.name }),
      )
    },
  )

  it.skipIf(!onMongoDB)('uses ObjectId strings as ids on MongoDB', async () => {
    const speaker = await createSpeaker(payload)

    expect(speaker.id).toMatch(objectId)
  })

  it.skipIf(!onMongoDB)('writes to a temporary MongoDB database of its own', () => {
    const { connection } = payload.db as unknown as { connection: { name: string } }

    expect(connection.name).toMatch(/^cifcc_test_[0-9a-f]{12}$/)
  })
})
