import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

import type { ProductionServer } from '../helpers/productionServer'

import { startProductionServer, stopServer, waitForServer } from '../helpers/productionServer'

// Engines that are down when `npm start` starts (issue 18): the database answers 503 at once with
// a sentence, the log names it, readiness says so, and the site comes up by itself once the
// database answers; Redis down only costs sharing.

const servers: ProductionServer[] = []
const closedPort = 6559

afterAll(async () => {
  for (const server of servers) {
    await stopServer(server)
    fs.rmSync(server.workDir, { recursive: true, force: true })
  }
})

const start = async (
  port: number,
  env: Record<string, string>,
  prepare?: (dir: string) => void,
) => {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cifcc-startup-'))
  prepare?.(workDir)
  const server = startProductionServer({ port, workDir, env })
  servers.push(server)
  await waitForServer({ url: `${server.url}/api/health/live`, timeoutMs: 60_000, server })
  return server
}

// A hang would be a failure too: nothing here may wait for a database to time out.
const get = (server: ProductionServer, pathname: string) =>
  fetch(`${server.url}${pathname}`, { signal: AbortSignal.timeout(15_000) })

const expectUnavailable = async (server: ProductionServer) => {
  const ready = await get(server, '/api/health/ready')
  expect(ready.status).toBe(503)
  expect((await ready.json()).database).toBe('unavailable')
  const api = await get(server, '/api/meetings')
  expect(api.status).toBe(503)
  expect(Number(api.headers.get('retry-after'))).toBeGreaterThan(0)
  expect((await api.json()).errors[0].message).toMatch(/database is unavailable/)
  const page = await get(server, '/meetings')
  expect(page.status).toBe(503)
  expect(await page.text()).toContain('Back in a moment')
}

describe('npm start with an engine down', () => {
  it('answers 503 while its SQLite file cannot be read, and comes up once it can', async () => {
    const server = await start(
      3295,
      { REDIS_URL: `redis://127.0.0.1:${closedPort}`, SEED_ON_INIT: 'false' },
      (dir) => fs.writeFileSync(path.join(dir, 'site.db'), Buffer.alloc(8192, 'not a database ')),
    )
    expect((await get(server, '/api/health/live')).status).toBe(200)
    await expectUnavailable(server)
    expect(server.log()).toMatch(
      /the database \(SQLite file .*site\.db\) cannot be reached at start-up/,
    )
    expect(server.log()).toContain(`Redis at 127.0.0.1:${closedPort} cannot be reached`)

    // The operator puts things right (here: the broken file goes, and a new site starts).
    fs.rmSync(server.databaseFile)
    await expect
      .poll(async () => (await get(server, '/api/meetings')).status, {
        timeout: 60_000,
        interval: 500,
      })
      .toBe(200)
    const ready = await get(server, '/api/health/ready')
    expect(ready.status).toBe(200)
    // Redis is still down: reported, not required.
    expect(await ready.json()).toEqual({ ready: true, database: 'up', redis: 'unavailable' })
    expect((await get(server, '/meetings')).status).toBe(200)
  })

  it('answers 503 at once while its MongoDB cannot be reached, naming it in the log', async () => {
    const server = await start(3296, { DATABASE_URI: `mongodb://127.0.0.1:${closedPort}/cifcc` })
    await expectUnavailable(server)
    expect(server.log()).toContain(
      `the database (MongoDB at 127.0.0.1:${closedPort}) cannot be reached at start-up`,
    )
  })
})
