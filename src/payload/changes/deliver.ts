import type { PayloadRequest, TaskConfig } from 'payload'

import crypto from 'node:crypto'
import http from 'node:http'
import https from 'node:https'

import { readableSecret } from './secret'
import { type ChangeKind, changeEventsSlug } from './events'
import { checkedLookup, refusedAddress } from './partnerAddress'

// Sends one change event to one webhook, as a job (src/payload/jobs.ts) that the job runner of
// `npm start` runs (src/server/jobRunner.mjs); each attempt is logged in webhook-deliveries. A
// partner that does not answer 2xx within the timeout is tried again, later each time
// (WEBHOOK_RETRY_SECONDS, 30, 60, 120, 240 and 480 s after the attempts before), then given up on:
// it can still catch up from GET /api/changes.

export const deliveryTimeoutMs = 10_000
export const deliveryAttempts = 6
// What is kept of the partner's answer, for the log.
const responseBytesKept = 256

const retryDelayMs = () => Math.max(0, Number(process.env.WEBHOOK_RETRY_SECONDS ?? 30) || 0) * 1000

export const signatureHeader = 'x-cifcc-signature'

// The signature covers the body, which names the event and when it was sent: a partner checks
// the signature, then refuses a `sentAt` more than a few minutes old and an `event` it has handled
// already, so that a delivery someone recorded cannot be played to it again. The same values are
// in headers, for partners' routing and logs.
export const signatureOf = ({ secret, body }: { secret: string; body: string }) =>
  `sha256=${crypto.createHmac('sha256', secret).update(body).digest('hex')}`

type Sent = { status: number; answer: string }

export const postJSON = ({
  url,
  body,
  headers,
  timeoutMs = deliveryTimeoutMs,
}: {
  url: string
  body: string
  headers: Record<string, string>
  timeoutMs?: number
}): Promise<Sent> =>
  new Promise((resolve, reject) => {
    const target = new URL(url)
    const refused = refusedAddress(target)
    if (refused) return reject(refused)
    const client = target.protocol === 'https:' ? https : http
    const request = client.request(
      target,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'user-agent': 'cifcc-site-webhooks',
          ...headers,
        },
        lookup: checkedLookup,
        // A connection of its own: nothing is kept open to partners between deliveries.
        agent: false,
      },
      (response) => {
        const kept: Buffer[] = []
        let size = 0
        const finish = () => {
          clearTimeout(timer)
          resolve({
            status: response.statusCode ?? 0,
            answer: Buffer.concat(kept).toString('utf8'),
          })
        }
        response.on('data', (chunk: Buffer) => {
          if (size < responseBytesKept) kept.push(chunk.subarray(0, responseBytesKept - size))
          size += chunk.length
          // The rest of a long answer is not read.
          if (size >= responseBytesKept) {
            response.destroy()
            finish()
          }
        })
        response.on('end', finish)
        response.on('error', finish)
      },
    )
    const timer = setTimeout(
      () => request.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)),
      timeoutMs,
    )
    request.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    request.end(body)
  })

export type ChangeEventDoc = {
  id: number | string
  collection: string
  documentId: string
  kind: ChangeKind
  at: string
  slug?: null | string
}

// What partners read of an event, in the feed and in a delivery: the document's REST address,
// on NEXT_PUBLIC_SERVER_URL when set.
export const publicEventOf = ({ event, origin }: { event: ChangeEventDoc; origin: string }) => ({
  collection: event.collection,
  id: event.documentId,
  kind: event.kind,
  at: event.at,
  ...(event.slug ? { slug: event.slug } : {}),
  url: `${origin}/api/${event.collection}/${encodeURIComponent(event.documentId)}`,
})

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error))

const findOrNull = async <T>(read: () => Promise<T>): Promise<null | T> => {
  try {
    return await read()
  } catch {
    return null
  }
}

type DeliveryInput = { event: string; webhook: string }

const logAttempt = async ({
  req,
  input,
  attempt,
  status,
  error,
  durationMs,
}: {
  req: PayloadRequest
  input: DeliveryInput
  attempt: number
  status?: number
  error?: string
  durationMs: number
}) => {
  await req.payload.create({
    collection: 'webhook-deliveries',
    data: { webhook: input.webhook, event: input.event, attempt, status, error, durationMs },
    overrideAccess: true,
    depth: 0,
    req,
  })
  await req.payload.update({
    collection: 'webhooks',
    id: input.webhook,
    data: {
      lastDeliveryStatus: error ? `${status ?? '—'} ${error}`.slice(0, 120) : String(status),
    },
    overrideAccess: true,
    depth: 0,
    req,
  })
}

const deliver = async ({
  req,
  input,
  attempt,
}: {
  req: PayloadRequest
  input: DeliveryInput
  attempt: number
}) => {
  const [event, webhook] = await Promise.all([
    findOrNull(() =>
      req.payload.findByID({ collection: changeEventsSlug, id: input.event, depth: 0, req }),
    ),
    findOrNull(() =>
      req.payload.findByID({ collection: 'webhooks', id: input.webhook, depth: 0, req }),
    ),
  ])
  // Deleted or switched off since the event was queued, or pruned: nothing to send.
  if (!event || !webhook || !webhook.active) return
  const secret = readableSecret(req.payload, webhook.secret)
  const started = performance.now()
  const sentAt = new Date().toISOString()
  const body = JSON.stringify({
    event: String(event.id),
    ...publicEventOf({ event: event as ChangeEventDoc, origin: req.payload.config.serverURL }),
    sentAt,
    attempt,
  })
  let outcome: { status?: number; error?: string }
  if (!secret) {
    outcome = {
      error: 'the secret cannot be read (set under another PAYLOAD_SECRET): regenerate it',
    }
  } else {
    try {
      const { status, answer } = await postJSON({
        url: webhook.url,
        body,
        headers: {
          [signatureHeader]: signatureOf({ secret, body }),
          'x-cifcc-event': String(event.id),
          'x-cifcc-timestamp': String(Math.floor(Date.parse(sentAt) / 1000)),
        },
      })
      outcome =
        status >= 200 && status < 300
          ? { status }
          : { status, error: `answered ${status}${answer ? `: ${answer.slice(0, 80)}` : ''}` }
    } catch (error) {
      outcome = { error: describe(error) }
    }
  }
  await logAttempt({
    req,
    input,
    attempt,
    ...outcome,
    durationMs: Math.round(performance.now() - started),
  })
  // Payload tries the job again after the back-off.
  if (outcome.error) throw new Error(`Delivery to ${webhook.name} failed: ${outcome.error}`)
}

export const deliverWebhookTask: TaskConfig<'deliverWebhook'> = {
  slug: 'deliverWebhook',
  label: 'Deliver a change event to a webhook',
  inputSchema: [
    { name: 'event', type: 'text', required: true },
    { name: 'webhook', type: 'text', required: true },
  ],
  retries: {
    // Retries after the first attempt.
    attempts: deliveryAttempts - 1,
    backoff: { type: 'exponential', delay: retryDelayMs() },
  },
  handler: async ({ input, job, req }) => {
    await deliver({ req, input: input as DeliveryInput, attempt: (job.totalTried ?? 0) + 1 })
    return { output: {} }
  },
}
