import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'

import S3rver from 's3rver'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Browser } from 'playwright-core'

import type { ProductionServer } from '../helpers/productionServer'
import type { RedisServer } from './helpers/redis'
import type { VarnishServer } from './helpers/varnish'

import { makeTestImage } from '../helpers/factories'
import { startReadyServer, stopServer } from '../helpers/productionServer'
import { launchBrowser, newPage } from './helpers/browser'
import { startRedis } from './helpers/redis'
import { startVarnish } from './helpers/varnish'
import { registerFirstAdmin, serverRequest } from './helpers/serverAPI'

// Two instances of `npm start` on one database and one Redis (issue 18): what is saved through A
// is what B serves (its page cache, its RSC payloads, its REST cache and the data cache behind
// them, and the photos in one bucket of an S3 server, s3rver), and a Redis outage costs speed,
// never answers or freshness. Varnish in front of both
// keeps their pages by tag, and each edit purges them there.

const redisPort = 6392
const varnishPort = 6393
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cifcc-instances-'))
const slug = 'green-industry-and-low-carbon-city-construction'
let redis: RedisServer
let varnish: VarnishServer
let s3: S3rver
const s3Directory = fs.mkdtempSync(path.join(os.tmpdir(), 'cifcc-instances-s3-'))
let a: ProductionServer
let b: ProductionServer
let token: string
let meetingId: number | string

// How long a change may take to show on the other instance here; bench/ measures how long it
// does take.
const settles = { timeout: 10_000, interval: 100 }

// What a reader asks B for: the page, the payload of a client-side navigation to it, and the
// REST read partners make.
const reads = [
  { name: 'page', path: `/meetings/${slug}`, headers: {} },
  { name: 'RSC navigation', path: `/meetings/${slug}`, headers: { rsc: '1' } },
  { name: 'REST', path: `/api/meetings?where[slug][equals]=${slug}&depth=0`, headers: {} },
] as const

const read = async (
  server: ProductionServer,
  { path: pathname, headers }: { path: string; headers: Record<string, string> },
) => {
  const response = await fetch(`${server.url}${pathname}`, { headers })
  return {
    status: response.status,
    cache: response.headers.get('x-page-cache'),
    text: await response.text(),
  }
}

const publishTitle = async (title: string, server = a) => {
  const { status } = await serverRequest({
    server,
    path: `/api/meetings/${meetingId}`,
    method: 'PATCH',
    token,
    body: { title, _status: 'published' },
  })
  expect(status).toBe(200)
}

/** Reads everything on B until its page cache answers (it stores a page once compressed). */
const warmUp = async () => {
  for (const each of reads) {
    await expect.poll(async () => (await read(b, each)).cache, settles).toBe('HIT')
  }
}

const expectOnB = async (title: string) => {
  for (const each of reads) {
    await expect.poll(async () => (await read(b, each)).text, settles).toContain(title)
  }
}

beforeAll(async () => {
  redis = await startRedis(redisPort)
  s3 = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: s3Directory,
    configureBuckets: [{ name: 'cifcc-photos', configs: [] }],
  })
  const { port: s3Port } = (await s3.run()) as { port: number }
  // One site: the instances share their secret, as they would behind a load balancer.
  const env = {
    REDIS_URL: redis.url,
    PAYLOAD_SECRET: randomBytes(24).toString('hex'),
    CACHE_PURGE_URLS: `http://127.0.0.1:${varnishPort}/`,
    S3_BUCKET: 'cifcc-photos',
    S3_ENDPOINT: `http://127.0.0.1:${s3Port}`,
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
    TRUSTED_PROXIES: '127.0.0.1',
  }
  a = await startReadyServer({ port: 3293, workDir, env: { ...env, SEED_ON_INIT: 'true' } })
  b = await startReadyServer({ port: 3294, workDir, env: { ...env, SEED_ON_INIT: 'false' } })
  varnish = await startVarnish({ port: varnishPort, backends: [a.port, b.port] })
  token = await registerFirstAdmin({
    server: a,
    email: 'instances@example.org',
    password: 'instances admin password 1',
  })
  const { json } = await serverRequest({
    server: a,
    path: `/api/meetings?where[slug][equals]=${slug}&depth=0`,
    token,
  })
  meetingId = json.docs[0].id
}, 300_000)

afterAll(async () => {
  await Promise.all([a, b].filter(Boolean).map((server) => stopServer(server)))
  await redis?.stop()
  await varnish?.stop()
  await s3?.close()
  fs.rmSync(s3Directory, { recursive: true, force: true })
  fs.rmSync(workDir, { recursive: true, force: true })
})

describe('two instances sharing Redis', () => {
  it('show an edit published through one on the other: page, RSC navigation and REST', async () => {
    await warmUp()
    await publishTitle('Green industry, shared at once')
    await expectOnB('Green industry, shared at once')
    // And the fresh copy is cached again.
    await warmUp()
  })

  it('serve a photo uploaded through one from the other, in every size', async () => {
    const image = await makeTestImage({ width: 1200, height: 800 })
    const form = new FormData()
    form.append(
      'file',
      new Blob([new Uint8Array(image.data)], { type: image.mimetype }),
      image.name,
    )
    form.append('_payload', JSON.stringify({ alt: 'Uploaded through A' }))
    const uploaded = await fetch(`${a.url}/api/photos`, {
      method: 'POST',
      headers: { authorization: `JWT ${token}` },
      body: form,
    })
    expect(uploaded.status).toBe(201)
    const { doc } = await uploaded.json()
    const files = [
      doc.url,
      ...Object.values(doc.sizes as Record<string, { url: string | null }>)
        .map((size) => size.url)
        .filter(Boolean),
    ]
    expect(files.length).toBeGreaterThan(2)
    // In the bucket, not in the media folder the two instances were given.
    const mediaDir = path.join(workDir, 'media')
    expect(fs.existsSync(mediaDir) ? fs.readdirSync(mediaDir, { recursive: true }) : []).toEqual([])
    for (const file of files) {
      const fromB = await fetch(`${b.url}${new URL(file, b.url).pathname}`)
      expect(fromB.status, file).toBe(200)
      expect(fromB.headers.get('content-type'), file).toMatch(/^image\//)
      expect((await fromB.arrayBuffer()).byteLength, file).toBeGreaterThan(0)
    }
  })

  it('keep answering while Redis is away, still showing each edit, and recover once it is back', async () => {
    await redis.stop()
    const statuses: number[] = []
    const until = Date.now() + 3_000
    while (Date.now() < until) {
      for (const server of [a, b]) {
        for (const each of reads) statuses.push((await read(server, each)).status)
      }
    }
    expect(statuses.filter((status) => status >= 500)).toEqual([])
    expect(statuses.length).toBeGreaterThan(6)

    await publishTitle('Green industry, during the outage')
    await expectOnB('Green industry, during the outage')

    redis = await startRedis(redisPort)
    // Back when B caches pages for longer than the outage's second again.
    await expect
      .poll(async () => {
        await read(b, reads[0])
        await new Promise((resolve) => setTimeout(resolve, 1_200))
        return (await read(b, reads[0])).cache
      }, settles)
      .toBe('HIT')
    await warmUp()
    await publishTitle('Green industry, after the outage')
    await expectOnB('Green industry, after the outage')
  })
})

// node:http, since fetch sends its own Sec-Fetch-Site, which Payload then refuses a cookie for.
const getAsBrowser = (url: string, headers: Record<string, string>) =>
  new Promise<{ headers: http.IncomingHttpHeaders; text: string }>((resolve, reject) => {
    http
      .get(url, { headers }, (response) => {
        let text = ''
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => (text += chunk))
        response.on('end', () => resolve({ headers: response.headers, text }))
      })
      .on('error', reject)
  })

describe('a session cookie', () => {
  it('is recognised as Payload recognises it, however it is spaced: the page is never shared', async () => {
    for (const cookie of [
      `payload-token =${token}`,
      ` payload-token=${token}`,
      `theme=dark;\tpayload-token=${token}`,
    ]) {
      // As a browser sends it: Payload takes a session cookie only from the site's own pages.
      const headers = { cookie, 'sec-fetch-site': 'same-origin' }
      const me = await getAsBrowser(`${a.url}/api/users/me`, headers)
      expect(JSON.parse(me.text).user?.email, cookie).toBe('instances@example.org')
      const page = await getAsBrowser(`${a.url}/meetings`, headers)
      expect(page.headers['x-page-cache'], cookie).toBeUndefined()
    }
  })
})

describe('page addresses', () => {
  it('with parameters the page does not read are the same cached page', async () => {
    await expect
      .poll(async () => (await read(b, { headers: {}, path: '/meetings' })).cache, settles)
      .toBe('HIT')
    const plain = await read(b, { headers: {}, path: '/meetings' })
    const tracked = await read(b, {
      ...reads[0],
      path: '/meetings?utm_source=newsletter&fbclid=abc',
    })
    expect(tracked.cache).toBe('HIT')
    expect(tracked.text).toBe(plain.text)
    // A parameter the page reads is a page of its own.
    const kind = await read(b, { headers: {}, path: '/meetings?kind=plenary&utm_source=x' })
    expect(kind.cache).toBe('MISS')
  })

  it('work in the browser: the address stays as given, and links navigate', async () => {
    let browser: Browser | undefined
    try {
      browser = await launchBrowser()
      const { page } = await newPage({ browser, siteURL: b.url })
      const errors: string[] = []
      page.on('pageerror', (error) => errors.push(error.message))
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text())
      })
      await page.goto('/meetings?utm_source=newsletter')
      expect(new URL(page.url()).search).toBe('?utm_source=newsletter')
      await page
        .getByRole('link', { name: /Green industry/ })
        .first()
        .click()
      await page.waitForURL(`**/meetings/${slug}`)
      await expect
        .poll(() => page.getByRole('heading', { level: 1 }).textContent())
        .toContain('Green industry')
      expect(errors).toEqual([])
    } finally {
      await browser?.close()
    }
  })
})

describe('Varnish in front of both', () => {
  const page = `/meetings/${slug}`
  const throughVarnish = async (init?: RequestInit) => {
    const response = await fetch(`${varnish.url}${page}`, init)
    return {
      status: response.status,
      headers: response.headers,
      // Varnish names the request that stored a copy it serves after the request's own.
      servedFromVarnish: /^\d+ \d+$/.test(response.headers.get('x-varnish') ?? ''),
      text: await response.text(),
    }
  }

  it('keeps their pages by tag, and drops them on an edit through either instance', async () => {
    await expect.poll(async () => (await throughVarnish()).servedFromVarnish, settles).toBe(true)
    const kept = await throughVarnish()
    expect(kept.headers.get('surrogate-key')?.split(' ')).toEqual(
      expect.arrayContaining(['meetings', 'speakers', 'all']),
    )
    expect(kept.headers.get('cache-tag')?.split(',')).toContain('meetings')
    // Kept as long as the page cache keeps it, since every edit purges it.
    expect(kept.headers.get('cache-control')).toMatch(/\bs-maxage=600\b/)
    expect(kept.headers.get('xkey')).toBeNull()

    for (const [server, title] of [
      [a, 'Green industry, purged through A'],
      [b, 'Green industry, purged through B'],
    ] as const) {
      await publishTitle(title, server)
      await expect.poll(async () => (await throughVarnish()).text, settles).toContain(title)
      await expect.poll(async () => (await throughVarnish()).servedFromVarnish, settles).toBe(true)
    }
  })

  it('answers a purge that names no tags with 400', async () => {
    const response = await fetch(`${varnish.url}/`, { method: 'PURGE' })
    expect(response.status).toBe(400)
  })
})
