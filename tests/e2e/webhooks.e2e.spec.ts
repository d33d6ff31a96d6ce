import type { IncomingHttpHeaders } from 'node:http'

import crypto from 'node:crypto'
import http from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { adminToken, api } from './helpers/adminSession'
import { baseURL } from './helpers/browser'

// A partner's webhook against the production server (`npm start`): registered over REST by an
// admin, then a meeting is published and the server's own job runner (every JOB_RUN_SECONDS)
// POSTs the signed event to a receiver on this machine. The server runs with
// WEBHOOKS_ALLOW_LOCAL=true (tests/e2e/helpers/globalSetup.ts), or it would refuse loopback.

const receiverPort = Number(process.env.E2E_WEBHOOK_PORT || 3472)
const stamp = `e2e-webhook-${Date.now()}`

type Received = { headers: IncomingHttpHeaders; body: string }
const received: Received[] = []
const receiver = http.createServer((request, response) => {
  const chunks: Buffer[] = []
  request.on('data', (chunk: Buffer) => chunks.push(chunk))
  request.on('end', () => {
    received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') })
    response.writeHead(204).end()
  })
})

let token: string
let webhook: { id: string; secret: string }
let meetingId: string | undefined

beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(receiverPort, '127.0.0.1', resolve))
  token = await adminToken()
})

afterAll(async () => {
  await new Promise<void>((resolve) => receiver.close(() => resolve()))
  if (webhook) await api({ path: `/api/webhooks/${webhook.id}`, method: 'DELETE', token })
  if (meetingId) await api({ path: `/api/meetings/${meetingId}`, method: 'DELETE', token })
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const deliveryOf = async (id: string, seconds: number) => {
  for (let waited = 0; waited < seconds * 2; waited += 1) {
    const delivery = received.find(({ body }) => JSON.parse(body).id === id)
    if (delivery) return delivery
    await sleep(500)
  }
  return undefined
}

describe('a webhook on the production server', () => {
  it('receives a published meeting, signed, from the job runner', async () => {
    const registered = await api({
      path: '/api/webhooks',
      method: 'POST',
      token,
      body: {
        name: `Partner ${stamp}`,
        url: `http://127.0.0.1:${receiverPort}/cifcc`,
        collections: ['meetings'],
      },
    })
    expect(registered.status, JSON.stringify(registered.json)).toBe(201)
    webhook = registered.json.doc
    const since = new Date().toISOString()

    const created = await api({
      path: '/api/meetings',
      method: 'POST',
      token,
      body: {
        title: `Round table ${stamp}`,
        kind: 'round-table',
        edition: 2022,
        startsAt: '2022-10-30T06:00:00.000Z',
        startsAt_tz: 'Asia/Shanghai',
        _status: 'published',
      },
    })
    expect(created.status, JSON.stringify(created.json)).toBe(201)
    meetingId = created.json.doc.id as string

    const delivery = await deliveryOf(meetingId, 30)
    expect(delivery, 'no delivery within 30 s').toBeDefined()
    const expected = `sha256=${crypto.createHmac('sha256', webhook.secret).update(delivery!.body).digest('hex')}`
    expect(delivery!.headers['x-cifcc-signature']).toBe(expected)
    expect(JSON.parse(delivery!.body)).toMatchObject({
      collection: 'meetings',
      id: meetingId,
      kind: 'published',
      slug: created.json.doc.slug,
    })

    // The same event in the feed, which other sites' browser apps may read.
    const feed = await fetch(`${baseURL()}/api/changes?since=${since}`)
    expect(feed.headers.get('access-control-allow-origin')).toBe('*')
    const { events } = (await feed.json()) as { events: { id: string; kind: string }[] }
    expect(events).toContainEqual(expect.objectContaining({ id: meetingId, kind: 'published' }))

    const log = await api({ path: `/api/webhooks/${webhook.id}?depth=0`, token })
    expect(log.json.lastDeliveryStatus).toBe('204')
  })
})
