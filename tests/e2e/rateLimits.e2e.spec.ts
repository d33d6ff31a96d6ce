import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { ProductionServer } from '../helpers/productionServer'

import { startReadyServer, stopServer } from '../helpers/productionServer'
import type { RedisServer } from './helpers/redis'

import { startRedis } from './helpers/redis'
import { registerFirstAdmin, serverRequest } from './helpers/serverAPI'

// Two instances of `npm start` on one database and one Redis (Debian's redis-server), behind a
// proxy on loopback (TRUSTED_PROXIES), so that X-Forwarded-For plays clients at other addresses.
// What one instance counts, the other refuses; when Redis goes away, both keep answering.

const redisPort = 6391
const ports = [3291, 3292] as const
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cifcc-limits-'))
const admin = { email: 'limits-admin@example.org', password: 'limits admin password 1' }
let redis: RedisServer | undefined
let servers: ProductionServer[] = []

beforeAll(async () => {
  redis = await startRedis(redisPort)
  const env = {
    REDIS_URL: redis.url,
    TRUSTED_PROXIES: '127.0.0.1, ::1',
    SEED_ON_INIT: 'false',
  }
  // The first migrates the new database; the second opens it as it is.
  servers = [await startReadyServer({ port: ports[0], workDir, env })]
  servers.push(await startReadyServer({ port: ports[1], workDir, env }))
  await registerFirstAdmin({ server: servers[0], ...admin })
}, 240_000)

afterAll(async () => {
  await Promise.all(servers.map((server) => stopServer(server)))
  await redis?.stop()
  fs.rmSync(workDir, { recursive: true, force: true })
})

const from = (address: string, init: RequestInit = {}) => ({
  ...init,
  headers: { ...(init.headers as Record<string, string>), 'X-Forwarded-For': address },
})

const login = (server: ProductionServer, address: string, email: string, password: string) =>
  fetch(
    `${server.url}/api/users/login`,
    from(address, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password }),
    }),
  )

const errorMessage = async (response: Response) =>
  ((await response.json()) as { errors: { message: string }[] }).errors[0].message

describe('rate limits across two instances sharing Redis', () => {
  it('count wrong passwords made through either instance, and let the owner in elsewhere', async () => {
    const statuses: number[] = []
    for (let attempt = 0; attempt < 5; attempt++) {
      const server = servers[attempt % 2]
      statuses.push((await login(server, '203.0.113.50', admin.email, `wrong ${attempt}`)).status)
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401])

    const refused = await login(servers[1], '203.0.113.50', admin.email, admin.password)
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await errorMessage(refused)).toMatch(/Too many wrong passwords/)

    const owner = await login(servers[0], '198.51.100.7', admin.email, admin.password)
    expect(owner.status).toBe(200)
  })

  it('refuse a flood of form submissions from one address with 429, Retry-After and a sentence', async () => {
    const statuses: number[] = []
    for (let index = 0; index < 12; index++) {
      const response = await fetch(
        `${servers[index % 2].url}/api/form-submissions`,
        from('203.0.113.51', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ form: 'none', submissionData: [] }),
        }),
      )
      statuses.push(response.status)
      if (response.status === 429) {
        expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(60)
        expect(await errorMessage(response)).toMatch(/Too many requests from your address/)
      } else await response.body?.cancel()
    }
    // Ten may be sent (and are judged by the form's rules); the rest wait.
    expect(statuses.slice(0, 10)).not.toContain(429)
    expect(statuses.slice(10)).toEqual([429, 429])

    const neighbour = await fetch(
      `${servers[0].url}/api/form-submissions`,
      from('203.0.113.52', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{}',
      }),
    )
    expect(neighbour.status).not.toBe(429)
  })

  it('answer a reader over the search limit in their language', async () => {
    let refused: Response | undefined
    for (let index = 0; index < 70 && !refused; index++) {
      const response = await fetch(
        `${servers[index % 2].url}/zh/search?q=${encodeURIComponent(`气候 ${index}`)}`,
        from('203.0.113.53'),
      )
      if (response.status === 429) refused = response
      else {
        expect(response.status).toBe(200)
        await response.body?.cancel()
      }
    }
    expect(refused?.status).toBe(429)
    expect(refused?.headers.get('content-type')).toMatch(/text\/html/)
    expect(await refused?.text()).toContain('请求过多')
  })

  it('hold each refusal for a second, so a flood from one address slows to a trickle', async () => {
    const address = '203.0.113.60'
    let index = 0
    const search = async () => {
      const response = await fetch(
        `${servers[0].url}/api/search?where[title][like]=flood${index++}&limit=1`,
        from(address),
      )
      await response.body?.cancel()
      return response.status
    }
    // The allowance first: 60 searches a minute.
    while (index <= 60 && (await search()) !== 429);
    const statuses: number[] = []
    const until = Date.now() + 3_000
    const connection = async () => {
      while (Date.now() < until) statuses.push(await search())
    }
    await Promise.all([connection(), connection(), connection(), connection()])
    expect(new Set(statuses)).toEqual(new Set([429]))
    // Answered at once, four connections get thousands of refusals in three seconds; held for a
    // second each, about twelve.
    expect(statuses.length).toBeLessThanOrEqual(4 * 4)
  })

  it('keep answering without Redis, counting in memory, and share counts again once it is back', async () => {
    await redis?.stop()
    const statuses: number[] = []
    for (let index = 0; index < 20; index++) {
      const server = servers[index % 2]
      const response = await fetch(`${server.url}/api/meetings?limit=1&depth=0&page=${index + 1}`)
      statuses.push(response.status)
      await response.body?.cancel()
      statuses.push(
        (
          await login(server, '203.0.113.54', admin.email, admin.password).then(async (r) => {
            await r.body?.cancel()
            return r
          })
        ).status,
      )
    }
    expect(statuses.filter((status) => status >= 500)).toEqual([])
    expect(statuses.every((status) => status === 200)).toBe(true)

    redis = await startRedis(redisPort)
    await expect
      .poll(() => servers.every((server) => /Redis at [^ ]+ is back/.test(server.log())), {
        timeout: 20_000,
        interval: 250,
      })
      .toBe(true)
    for (let attempt = 0; attempt < 5; attempt++) {
      const response = await login(servers[attempt % 2], '203.0.113.55', admin.email, 'wrong')
      expect(response.status).toBe(401)
    }
    expect((await login(servers[0], '203.0.113.55', admin.email, admin.password)).status).toBe(429)
  })

  it('count a client that names no forwarded address by its connection', async () => {
    // Five wrong passwords with no X-Forwarded-For all come from 127.0.0.1, whichever instance.
    for (let attempt = 0; attempt < 5; attempt++) {
      const response = await fetch(`${servers[attempt % 2].url}/api/users/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: admin.email, password: 'wrong' }),
      })
      expect(response.status).toBe(401)
    }
    const response = await serverRequest({
      server: servers[1],
      path: '/api/users/login',
      method: 'POST',
      body: admin,
    })
    expect(response.status).toBe(429)
  })
})

// A request that announces a body and sends only its first kilobyte: the answer must come before
// the rest would have, since the server decides from the announced length alone.
const announceBody = (server: ProductionServer, headers: Record<string, string | number>) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    const request = http.request(
      `${server.url}/api/organisations`,
      { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers } },
      (response) => {
        let body = ''
        response.on('data', (chunk: Buffer) => (body += chunk.toString()))
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }))
      },
    )
    request.on('error', reject)
    request.write(`{"name":"${'x'.repeat(1024)}`)
  })

describe('request bodies', () => {
  it('are refused from their announced length, with 413 and a sentence, before being read', async () => {
    const answer = await announceBody(servers[0], { 'Content-Length': 2 * 1024 ** 3 })
    expect(answer.status).toBe(413)
    expect(answer.body).toMatch(/The body is 2048 MB; an API request may be at most 4 MB/)
  })

  it('of unknown length are refused with 411', async () => {
    const answer = await announceBody(servers[1], { 'Transfer-Encoding': 'chunked' })
    expect(answer.status).toBe(411)
    expect(answer.body).toMatch(/Content-Length/)
  })
})

describe('reads from other sites', () => {
  const read = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${servers[0].url}${path}`, {
      headers: { Origin: 'https://partner.example', ...headers },
    })

  it('answer anonymous reads of the public collections to any origin, cached or not', async () => {
    for (const attempt of ['first', 'again']) {
      const response = await read('/api/meetings?limit=1&depth=0')
      expect([attempt, response.status]).toEqual([attempt, 200])
      expect(response.headers.get('access-control-allow-origin')).toBe('*')
      expect(response.headers.get('access-control-allow-credentials')).toBeNull()
      await response.body?.cancel()
    }
  })

  it('keep other origins away from accounts and signed-in requests', async () => {
    const accounts = await read('/api/users')
    const signedIn = await read('/api/meetings?limit=1', { Cookie: 'payload-token=abc' })
    for (const response of [accounts, signedIn]) {
      expect(response.headers.get('access-control-allow-origin')).not.toBe('*')
      await response.body?.cancel()
    }
  })
})

describe('anonymous requests that reach Next', () => {
  it('hold no turn while their body arrives slowly', async () => {
    // A form submission whose body stops halfway, from one address...
    let slowAnswered = false
    const slowRequest = http.request(`${servers[0].url}/api/form-submissions`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Content-Length': 200,
        'X-Forwarded-For': '203.0.113.70',
      },
    })
    const slowAnswer = new Promise<number>((resolve, reject) => {
      slowRequest.on('response', (response) => {
        slowAnswered = true
        response.resume()
        resolve(response.statusCode ?? 0)
      })
      slowRequest.on('error', reject)
    })
    const body = JSON.stringify({ form: 'none', submissionData: [] }).padEnd(200, ' ')
    slowRequest.write(body.slice(0, 100))
    // Time for it to reach Next, where, were its turn taken before the body arrived, it would
    // hold it.
    await new Promise((resolve) => setTimeout(resolve, 500))

    // ...does not keep another reader's uncached page waiting for its turn (held, it would wait
    // until the turn's ten seconds ran out).
    // (A parameter the page reads: an unread one would be answered from the page cache.)
    const page = fetch(`${servers[0].url}/meetings?year=${Date.now()}`, from('203.0.113.71'))
    const outcome = await Promise.race([
      page.then((response) => response.status),
      new Promise((resolve) => setTimeout(() => resolve('still waiting after 5 s'), 5_000)),
    ])
    expect(outcome).toBe(200)
    expect(slowAnswered).toBe(false)

    slowRequest.end(body.slice(100))
    expect(await slowAnswer).toBeGreaterThanOrEqual(400)
  })

  it('tell an address with too many waiting to slow down, with 429 and a sentence', async () => {
    const answers = await Promise.all(
      Array.from({ length: 150 }, async (_, index) => {
        // A parameter the page reads, so that each is a page of its own to render (an unread one
        // would be the cached page).
        const response = await fetch(
          `${servers[1].url}/meetings?year=${2100 + index}`,
          from('203.0.113.72'),
        )
        return { status: response.status, text: await response.text() }
      }),
    )
    const refused = answers.filter((answer) => answer.status === 429)
    expect(refused.length).toBeGreaterThan(0)
    expect(refused[0].text).toMatch(/Too many requests at once from your address/)
    // The rest waited their turn and were answered.
    expect(answers.every((answer) => [200, 429].includes(answer.status))).toBe(true)
  })
})
