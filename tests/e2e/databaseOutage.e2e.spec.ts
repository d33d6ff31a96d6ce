import type { ChildProcess } from 'node:child_process'

import { spawn } from 'node:child_process'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { ProductionServer } from '../helpers/productionServer'

import { startReadyServer, stopAndRemoveServer } from '../helpers/productionServer'
import { registerFirstAdmin, serverRequest } from './helpers/serverAPI'

// The database goes away under a running server, then comes back. Another process takes the
// locks of SQLite's WAL index, so the server can neither read nor write: what a stuck backup
// tool or a failing volume look like from inside. (A file the server already has open cannot be
// made unreadable to it: the open handle keeps working, and root ignores permissions.)
const lockHolder = `
import fcntl, os, signal, sys
fd = os.open(sys.argv[1], os.O_RDWR)
# SQLite's WAL-index locks are bytes 120-127 of the -shm file: writer, checkpointer, recovery,
# and the five read marks.
fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 8, 120)
print('locked', flush=True)
signal.pause()
`

const holdDatabaseLocks = async (databaseFile: string) => {
  const holder: ChildProcess = spawn('python3', ['-c', lockHolder, `${databaseFile}-shm`], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const exited = new Promise((resolve) => holder.once('exit', resolve))
  await new Promise<void>((resolve, reject) => {
    holder.stdout!.once('data', () => resolve())
    holder.once('error', reject)
    void exited.then((code) => reject(new Error(`the lock holder exited with ${String(code)}`)))
  })
  return {
    release: async () => {
      holder.kill('SIGKILL')
      await exited
    },
  }
}

const port = 3281
let server: ProductionServer
let token: string
let locks: Awaited<ReturnType<typeof holdDatabaseLocks>> | undefined

const request = (options: { path: string; method?: string; body?: unknown }) =>
  serverRequest({ server, token, ...options })

const createOrganisation = (name: string) =>
  request({ path: '/api/organisations', method: 'POST', body: { name, kind: 'ngo' } })

const countOrganisationsNamed = async (name: string) => {
  const { status, json } = await request({
    path: `/api/organisations?where[name][equals]=${encodeURIComponent(name)}&depth=0&limit=1`,
  })
  expect(status).toBe(200)
  return (json as { totalDocs: number }).totalDocs
}

beforeAll(async () => {
  server = await startReadyServer({ port })
  token = await registerFirstAdmin({
    server,
    email: 'outage@example.org',
    password: 'outage admin password',
  })
  // A page read before the outage stays in the page cache (stored once it is compressed).
  let cacheStatus: null | string = null
  for (let attempt = 0; attempt < 20 && cacheStatus !== 'HIT'; attempt += 1) {
    cacheStatus = (await fetch(`${server.url}/`)).headers.get('x-page-cache')
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  expect(cacheStatus).toBe('HIT')
})

afterAll(async () => {
  await locks?.release()
  if (server) await stopAndRemoveServer(server)
})

describe('when the database goes away', () => {
  const refusedName = `Written during the outage ${Date.now()}`

  it('refuses a write with 503 and a sentence, and keeps running', async () => {
    locks = await holdDatabaseLocks(server.databaseFile)

    const response = await createOrganisation(refusedName)

    expect(response.status).toBe(503)
    expect(response.headers.get('retry-after')).toMatch(/^\d+$/)
    expect(response.json).toEqual({
      errors: [{ message: expect.stringContaining('database is unavailable') }],
    })
    expect(server.process.exitCode).toBeNull()
  })

  it('answers API reads, GraphQL and pages with 503 while it is away', async () => {
    const rest = await request({ path: '/api/speakers?limit=1&depth=0' })
    const graphql = await request({
      path: '/api/graphql',
      method: 'POST',
      body: { query: '{ Speakers(limit: 1) { docs { name } } }' },
    })
    const page = await fetch(`${server.url}/organisations`)

    expect([rest.status, graphql.status, page.status]).toEqual([503, 503, 503])
    expect(rest.json.errors[0].message).toContain('database is unavailable')
    expect(page.headers.get('retry-after')).toMatch(/^\d+$/)
    expect(page.headers.get('cache-control')).toBe('no-store')
    expect(await page.text()).toContain('Back in a moment')
  })

  it('still serves the pages it had cached', async () => {
    const page = await fetch(`${server.url}/`)

    expect(page.status).toBe(200)
    expect(page.headers.get('x-page-cache')).toBe('HIT')
  })

  it('recovers on its own once the database is back, with nothing half-written', async () => {
    await locks!.release()
    locks = undefined

    // The server checks from a worker thread until it can read the database again.
    let status = 0
    for (const deadline = Date.now() + 45_000; Date.now() < deadline;) {
      status = (await request({ path: '/api/speakers?limit=1&depth=0' })).status
      if (status === 200) break
      await new Promise((resolve) => setTimeout(resolve, 1_000))
    }
    expect(status).toBe(200)
    expect((await fetch(`${server.url}/organisations`)).status).toBe(200)
    expect(await countOrganisationsNamed(refusedName)).toBe(0)

    const created = await createOrganisation(`Written after the outage ${Date.now()}`)
    expect(created.status).toBe(201)
    expect(server.process.exitCode).toBeNull()
  })
})
