import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { FuzzRequest } from '../fuzz/requests'
import type { TestServer } from '../helpers/server'

import { randomSource } from '@/seed/scale/random'

import { fuzzCollectionsOf, generateRequest } from '../fuzz/requests'
import { openEditorSession } from '../helpers/editorSession'
import { createMeeting, createOrganisation, createSpeaker } from '../helpers/factories'

// FUZZ_REQUESTS and FUZZ_SEED replay or widen a run; the default is the 10,000.
const total = Number(process.env.FUZZ_REQUESTS ?? 10_000)
const seed = Number(process.env.FUZZ_SEED ?? 20261128)
const concurrency = 8

let payload: Payload
let server: TestServer
let token: string

beforeAll(async () => {
  ;({ payload, server, token } = await openEditorSession())
  const organisation = await createOrganisation(payload)
  const speaker = await createSpeaker(payload, {
    positions: [{ title: 'Director', organisation: organisation.id }],
  })
  for (let index = 0; index < 5; index += 1) await createMeeting(payload, { host: speaker.id })
}, 120_000)

afterAll(async () => {
  await server?.close()
})

const send = async (request: FuzzRequest) => {
  const response = await fetch(`${server.url}${request.path}`, {
    method: request.method,
    headers: {
      ...(request.authenticated ? { Authorization: `JWT ${token}` } : {}),
      ...(request.contentType ? { 'Content-Type': request.contentType } : {}),
      ...(request.overrideToGet ? { 'X-Payload-HTTP-Method-Override': 'GET' } : {}),
    },
    body: request.body,
    // A request that takes this long is a finding of its own ("never slow"), not a wait.
    signal: AbortSignal.timeout(10_000),
  })
  const text = await response.text()
  return { status: response.status, text }
}

describe(`${total} malformed requests (seed ${seed})`, () => {
  it('get a 4xx or a 2xx, never a 5xx, and the server keeps answering', async () => {
    const random = randomSource(seed)
    const collections = fuzzCollectionsOf(payload.config.collections.map(({ slug }) => slug))
    const requests = Array.from({ length: total }, () => generateRequest(random.next, collections))
    const failures: string[] = []
    const statuses = new Map<number, number>()
    let slowest = { ms: 0, request: '' }
    let next = 0
    const worker = async () => {
      while (next < requests.length) {
        const request = requests[next]
        next += 1
        const startedAt = performance.now()
        const { status, text } = await send(request).catch((error: Error) => ({
          status: 0,
          text: `${error.message}: ${String((error.cause as Error)?.message ?? '')}`,
        }))
        const ms = performance.now() - startedAt
        if (ms > slowest.ms) slowest = { ms, request: `${request.method} ${request.path}` }
        statuses.set(status, (statuses.get(status) ?? 0) + 1)
        if (status >= 500 || status === 0) {
          failures.push(
            `${status} ${request.method} ${request.path.slice(0, 300)} ` +
              `${(request.body ?? '').slice(0, 200)} -> ${text.slice(0, 200)}`,
          )
        }
      }
    }
    await Promise.all(Array.from({ length: concurrency }, worker))

    console.info(
      `fuzz: ${total} requests; statuses ${JSON.stringify(Object.fromEntries(statuses))}; ` +
        `slowest ${Math.round(slowest.ms)} ms: ${slowest.request.slice(0, 200)}`,
    )
    expect(failures.slice(0, 20)).toEqual([])
    expect((await fetch(`${server.url}/api/meetings?limit=1`)).status).toBe(200)
  }, 900_000)
})
