import type { ProductionServer } from '../helpers/productionServer'

import { createClient } from '@libsql/client'
import crypto from 'node:crypto'
import fs from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'

import { startReadyServer, stopServer } from '../helpers/productionServer'
import { registerFirstAdmin, serverRequest as request } from './helpers/serverAPI'

// `kill -9` of `npm start` while editors save: SQLite in WAL mode must come back intact with
// every write the server acknowledged, however the process ended.

const port = 3260
const writers = 4
// Enough acknowledged writes that the kill lands in a steady stream, not in the first request.
const acknowledgedBeforeKill = 60
const admin = { email: 'durability@example.org', password: 'durability test password 1' }

type Written = {
  collection: 'organisations' | 'meetings'
  id: string
  data: Record<string, unknown>
}

const servers: ProductionServer[] = []

afterAll(async () => {
  for (const server of servers) await stopServer(server, 'SIGKILL')
  for (const server of servers) fs.rmSync(server.workDir, { recursive: true, force: true })
})

// Organisations are one row and its locales; a published meeting also writes its version and its
// search entry, in one transaction.
const newDocument = (index: number): Omit<Written, 'id'> => {
  const suffix = `${index}-${crypto.randomBytes(3).toString('hex')}`
  return index % 3 === 0
    ? {
        collection: 'meetings',
        data: {
          title: `Durability meeting ${suffix}`,
          kind: 'round-table',
          edition: 2024,
          startsAt: '2024-11-02T06:00:00.000Z',
          startsAt_tz: 'Asia/Shanghai',
          summary: `Written before the kill, ${suffix}`,
          _status: 'published',
        },
      }
    : {
        collection: 'organisations',
        data: { name: `Durability organisation ${suffix}`, kind: 'ngo', abbreviation: suffix },
      }
}

describe('the server killed with SIGKILL during a stream of writes', () => {
  it('should restart on an intact database holding every acknowledged write', async () => {
    const first = await startReadyServer({ port })
    servers.push(first)
    const token = await registerFirstAdmin({ server: first, ...admin })

    const acknowledged: Written[] = []
    let started = 0
    let inFlight = 0
    let isKilled = false
    const writer = async () => {
      while (!isKilled) {
        const document = newDocument(started)
        started += 1
        inFlight += 1
        try {
          const { status, json } = await request({
            server: first,
            path: `/api/${document.collection}?depth=0`,
            method: 'POST',
            token,
            body: document.data,
          })
          if (status === 201) acknowledged.push({ ...document, id: json.doc.id })
          else if (!isKilled)
            throw new Error(`${document.collection}: ${status} ${JSON.stringify(json)}`)
        } catch (error) {
          // The requests the kill cut off were never acknowledged; anything else is a failure.
          if (!isKilled) throw error
        } finally {
          inFlight -= 1
        }
      }
    }
    const stream = Promise.all(Array.from({ length: writers }, writer))

    while (acknowledged.length < acknowledgedBeforeKill) {
      // A writer that fails ends the test here rather than leaving it waiting.
      await Promise.race([stream, new Promise((resolve) => setTimeout(resolve, 5))])
    }
    const cutOff = inFlight
    isKilled = true
    // The server is its own process group: kill it whole, as the kernel's OOM killer or a
    // power-cut-like `kill -9` would.
    process.kill(-first.process.pid!, 'SIGKILL')
    expect(await first.exited).toBe('SIGKILL')
    await stream
    // The kill landed while writes were being made, not between them.
    expect(cutOff).toBeGreaterThan(0)

    const restarted = await startReadyServer({ port, workDir: first.workDir })
    servers.push(restarted)
    const { json: login } = await request({
      server: restarted,
      path: '/api/users/login',
      method: 'POST',
      body: admin,
    })

    for (const collection of ['organisations', 'meetings'] as const) {
      const expected = acknowledged.filter((written) => written.collection === collection)
      const { status, json } = await request({
        server: restarted,
        path: `/api/${collection}?depth=0&limit=1000`,
        token: login.token,
      })
      expect(status).toBe(200)
      const stored = new Map(json.docs.map((doc: { id: string }) => [doc.id, doc]))
      for (const { id, data } of expected) expect(stored.get(id)).toMatchObject(data)
    }

    // A connection of its own beside the server's, as an operator's `sqlite3` would be.
    const database = createClient({ url: `file:${restarted.databaseFile}` })
    try {
      const journal = await database.execute('PRAGMA journal_mode')
      expect(journal.rows[0]?.journal_mode).toBe('wal')
      const integrity = await database.execute('PRAGMA integrity_check')
      expect(integrity.rows.map((row) => row.integrity_check)).toEqual(['ok'])
      const foreignKeys = await database.execute('PRAGMA foreign_key_check')
      expect(foreignKeys.rows).toEqual([])
    } finally {
      database.close()
    }
  })
})
