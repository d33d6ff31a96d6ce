import type { IncomingHttpHeaders } from 'node:http'
import type { Payload } from 'payload'

import crypto from 'node:crypto'
import http from 'node:http'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import type { APIClient } from '../helpers/api'
import type { TestServer } from '../helpers/server'

import { apiClient } from '../helpers/api'
import {
  createAdmin,
  createEditor,
  createMeeting,
  testPassword,
  uniqueSuffix,
} from '../helpers/factories'
import { getTestPayload } from '../helpers/payload'
import { startTestServer } from '../helpers/server'

// Before the config loads: retries after 0.5, 1, 2, 4 and 8 s instead of 30 s and more.
vi.hoisted(() => {
  process.env.WEBHOOK_RETRY_SECONDS = '0.5'
})

const receiverPort = 3470

let payload: Payload
let server: TestServer
let api: APIClient
let adminToken: string
let editorToken: string

// A partner's receiver on this machine: it keeps each POST's raw body and headers, and answers
// with the status `answer` gives for the n-th request (1, 2, …).
type Received = { headers: IncomingHttpHeaders; body: string }

const startReceiver = async (answer: (n: number) => number = () => 204) => {
  const received: Received[] = []
  const receiver = http.createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') })
      response.writeHead(answer(received.length)).end('ok')
    })
  })
  await new Promise<void>((resolve) => receiver.listen(receiverPort, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${receiverPort}/cifcc`,
    received,
    close: () => new Promise<void>((resolve) => receiver.close(() => resolve())),
  }
}

let receiver: Awaited<ReturnType<typeof startReceiver>> | undefined

beforeAll(async () => {
  payload = await getTestPayload()
  server = await startTestServer()
  api = apiClient(server)
  const admin = await createAdmin(payload)
  const editor = await createEditor(payload)
  adminToken = await api.login(admin.email, testPassword)
  editorToken = await api.login(editor.email, testPassword)
})

afterEach(async () => {
  await receiver?.close()
  receiver = undefined
  // Each test's webhooks are its own.
  await payload.update({ collection: 'webhooks', where: {}, data: { active: false } })
})

afterAll(() => server?.close())

const registerWebhook = async (fields: Record<string, unknown>) => {
  const { status, body } = await api.rest('POST', '/api/webhooks', {
    token: adminToken,
    json: { name: `Partner ${uniqueSuffix()}`, collections: ['meetings'], ...fields },
  })
  expect(status, JSON.stringify(body)).toBe(201)
  return body.doc as { id: string; secret: string }
}

// What a partner does: the HMAC-SHA256 of the raw body with the secret, compared in constant time.
const isSignedWith = (secret: string, { headers, body }: Received) => {
  const expected = `sha256=${crypto.createHmac('sha256', secret).update(body).digest('hex')}`
  const sent = String(headers['x-cifcc-signature'])
  return (
    sent.length === expected.length &&
    crypto.timingSafeEqual(Buffer.from(sent), Buffer.from(expected))
  )
}

const deliveriesOf = async (webhook: string) =>
  (
    await payload.find({
      collection: 'webhook-deliveries',
      where: { webhook: { equals: webhook } },
      sort: 'createdAt',
      pagination: false,
      depth: 0,
    })
  ).docs.map(({ attempt, status, error }) => ({ attempt, status, error: error ?? null }))

const deliveryJobs = async () =>
  (
    await payload.find({
      collection: 'payload-jobs',
      where: { taskSlug: { equals: 'deliverWebhook' } },
      sort: '-createdAt',
      pagination: false,
      depth: 0,
    })
  ).docs

const sleepUntil = (at: string) =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, Date.parse(at) - Date.now() + 50)))

describe('webhooks', () => {
  it('are created by admins with a secret only admins read, stored encrypted', async () => {
    const webhook = await registerWebhook({ url: 'https://partner.example/cifcc' })
    expect(webhook.secret).toMatch(/^whsec_[0-9a-f]{64}$/)
    const asEditor = await api.rest('GET', `/api/webhooks/${webhook.id}`, { token: editorToken })
    expect(asEditor.status).toBe(200)
    expect(asEditor.body.secret).toBeUndefined()
    expect((await api.rest('GET', `/api/webhooks/${webhook.id}`)).status).toBe(403)
    const byEditor = await api.rest('POST', '/api/webhooks', {
      token: editorToken,
      json: { name: 'Mine', url: 'https://partner.example/x', collections: ['news'] },
    })
    expect(byEditor.status).toBe(403)
    const stored = await payload.db.findOne<{ id: string; secret: string }>({
      collection: 'webhooks',
      where: { id: { equals: webhook.id } },
    })
    expect(stored?.secret).not.toContain(webhook.secret.slice('whsec_'.length))
  })

  it('send a published meeting to the partner, signed over the raw body', async () => {
    receiver = await startReceiver()
    const webhook = await registerWebhook({ url: receiver.url })
    const meeting = await createMeeting(payload)
    await payload.jobs.run()
    expect(receiver.received).toHaveLength(1)
    const [delivery] = receiver.received
    expect(isSignedWith(webhook.secret, delivery)).toBe(true)
    expect(isSignedWith(`${webhook.secret}x`, delivery)).toBe(false)
    const body = JSON.parse(delivery.body)
    expect(body).toEqual({
      event: expect.any(String),
      collection: 'meetings',
      id: meeting.id,
      kind: 'published',
      at: expect.any(String),
      slug: meeting.slug,
      url: `/api/meetings/${meeting.id}`,
      sentAt: expect.any(String),
      attempt: 1,
    })
    expect(delivery.headers['x-cifcc-event']).toBe(body.event)
    expect(Number(delivery.headers['x-cifcc-timestamp'])).toBe(
      Math.floor(Date.parse(body.sentAt) / 1000),
    )
    expect(await deliveriesOf(webhook.id)).toEqual([{ attempt: 1, status: 204, error: null }])
    const seen = await api.rest('GET', `/api/webhooks/${webhook.id}?depth=0`, {
      token: editorToken,
    })
    expect(seen.body.lastDeliveryStatus).toBe('204')
    expect(seen.body.deliveries.docs).toHaveLength(1)
  })

  it('try again later when the partner fails, and log both attempts', async () => {
    receiver = await startReceiver((n) => (n === 1 ? 500 : 200))
    const webhook = await registerWebhook({ url: receiver.url })
    await createMeeting(payload)
    await payload.jobs.run()
    expect(receiver.received).toHaveLength(1)
    const [job] = await deliveryJobs()
    // Backed off: not due at once.
    expect(Date.parse(job.waitUntil!)).toBeGreaterThan(Date.now() + 300)
    await payload.jobs.run()
    expect(receiver.received).toHaveLength(1)
    await sleepUntil(job.waitUntil!)
    await payload.jobs.run()
    expect(receiver.received).toHaveLength(2)
    expect(JSON.parse(receiver.received[1].body).attempt).toBe(2)
    expect(isSignedWith(webhook.secret, receiver.received[1])).toBe(true)
    expect(await deliveriesOf(webhook.id)).toEqual([
      { attempt: 1, status: 500, error: 'answered 500: ok' },
      { attempt: 2, status: 200, error: null },
    ])
  })

  it('give up after six attempts', { timeout: 30_000 }, async () => {
    receiver = await startReceiver(() => 503)
    const webhook = await registerWebhook({ url: receiver.url })
    await createMeeting(payload)
    for (let run = 0; run < 8; run += 1) {
      await payload.jobs.run()
      const [job] = await deliveryJobs()
      if (job.hasError) break
      await sleepUntil(job.waitUntil ?? new Date().toISOString())
    }
    const [job] = await deliveryJobs()
    expect(job.hasError).toBe(true)
    expect((await deliveriesOf(webhook.id)).map(({ attempt }) => attempt)).toEqual([
      1, 2, 3, 4, 5, 6,
    ])
  })

  it('never send a draft of an unpublished meeting, nor to webhooks for other collections or switched off', async () => {
    receiver = await startReceiver()
    await registerWebhook({ url: receiver.url })
    await registerWebhook({ url: receiver.url, collections: ['news'] })
    await registerWebhook({ url: receiver.url, active: false })
    const draft = await createMeeting(payload, { _status: 'draft' })
    await payload.update({
      collection: 'meetings',
      id: draft.id,
      data: { venue: 'X' },
      draft: true,
    })
    const published = await createMeeting(payload)
    await payload.update({ collection: 'meetings', id: published.id, data: { _status: 'draft' } })
    await payload.jobs.run()
    const sent = receiver.received.map(({ body }) => JSON.parse(body))
    expect(sent.map(({ id, kind }) => [id, kind])).toEqual([
      [published.id, 'published'],
      [published.id, 'removed'],
    ])
    expect(JSON.stringify(sent)).not.toContain(draft.id)
  })
})

describe('a webhook address', () => {
  afterEach(() => {
    delete process.env.WEBHOOKS_ALLOW_LOCAL
  })

  it.each([
    ['http://partner.example/cifcc', 'must start with https://'],
    ['https://127.0.0.1/cifcc', 'private network'],
    ['https://localhost:8443/cifcc', 'private network'],
    ['https://10.1.2.3/cifcc', 'private network'],
    ['https://169.254.169.254/latest/meta-data', 'private network'],
    ['https://[::1]/cifcc', 'private network'],
    ['https://[::ffff:127.0.0.1]/cifcc', 'private network'],
    ['https://user:pass@partner.example/cifcc', 'user name and password'],
    ['partner.example/cifcc', 'not a web address'],
  ])('%s is refused in production with a sentence', async (url, message) => {
    process.env.WEBHOOKS_ALLOW_LOCAL = 'false'
    const { status, body } = await api.rest('POST', '/api/webhooks', {
      token: adminToken,
      json: { name: 'Refused', url, collections: ['meetings'] },
    })
    expect(status).toBe(400)
    expect(JSON.stringify(body)).toContain(message)
  })

  it('that leads to this machine by name is refused when sending', async () => {
    process.env.WEBHOOKS_ALLOW_LOCAL = 'false'
    const { checkedLookup } = await import('@/payload/changes/partnerAddress')
    const error = await new Promise<Error | null>((resolve) =>
      checkedLookup('localhost', {}, (failure) => resolve(failure)),
    )
    expect(error?.message).toContain('private or loopback address')
    const { postJSON } = await import('@/payload/changes/deliver')
    await expect(
      postJSON({ url: `http://127.0.0.1:${receiverPort}/`, body: '{}', headers: {} }),
    ).rejects.toThrow('private or loopback address')
  })
})
