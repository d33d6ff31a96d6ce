import type { Payload } from 'payload'

import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Meeting, Photo, Speaker } from '@/payload-types'

import { seedScale } from '@/seed/scale'

import type { APIClient } from '../helpers/api'
import type { TestServer } from '../helpers/server'

import { apiClient } from '../helpers/api'
import { getTestPayload } from '../helpers/payload'
import { startTestServer } from '../helpers/server'

const counts = {
  editions: 3,
  meetings: 30,
  speakers: 20,
  organisations: 8,
  photos: 25,
  documents: 6,
  news: 4,
}

let payload: Payload
let api: APIClient
let server: TestServer
const progress: { step: string; done: number; total: number }[] = []

// The scale seed writes through the database adapter, past the hooks: these tests read its
// documents back the way the site and the APIs do, to show it left nothing a hook would have done.
beforeAll(async () => {
  payload = await getTestPayload()
  server = await startTestServer()
  api = apiClient(server)
  await seedScale({ payload, counts, onProgress: (event) => progress.push(event) })
}, 120_000)

afterAll(async () => {
  await server?.close()
})

describe('the scale seed', () => {
  it('creates as many published documents as asked for', async () => {
    for (const [collection, total] of Object.entries(counts)) {
      const { totalDocs } = await payload.count({
        collection: collection as keyof typeof counts,
        overrideAccess: false,
      })
      expect([collection, totalDocs]).toEqual([collection, total])
    }
  })

  it('reports its progress for every step, up to the total', () => {
    for (const [step, total] of Object.entries(counts))
      expect(progress.filter((event) => event.step === step).at(-1)).toEqual({
        step,
        done: total,
        total,
      })
  })

  it('links a meeting to speakers and organisations that exist, with participants filled in', async () => {
    const { docs } = await payload.find({ collection: 'meetings', limit: 1, depth: 2 })
    const meeting = docs[0] as Meeting
    const statement = meeting.statements?.[0]
    const speaker = statement?.speaker as Speaker

    expect(meeting._status).toBe('published')
    expect(speaker.name).toMatch(/\w+ \w+/)
    expect(typeof statement?.organisation === 'object' && statement.organisation?.name).toBeTruthy()
    const participants = (meeting.participants ?? []).map((p) => (typeof p === 'object' ? p.id : p))
    expect(participants).toContain(speaker.id)
    expect(participants).toContain(
      typeof meeting.host === 'object' ? meeting.host?.id : meeting.host,
    )
  })

  it('lets a speaker find their meetings through the join', async () => {
    const { docs } = await payload.find({ collection: 'meetings', limit: 1, depth: 0 })
    const hostId = docs[0]!.host as string

    const speaker = await payload.findByID({ collection: 'speakers', id: hostId, depth: 0 })

    expect(
      speaker.meetings?.docs?.map((doc) => (typeof doc === 'object' ? doc.id : doc)),
    ).toContain(docs[0]!.id)
  })

  it('indexes speakers for search', async () => {
    const speaker = (await payload.find({ collection: 'speakers', limit: 1, depth: 0 })).docs[0]!

    const { status, body } = await api.rest(
      'GET',
      `/api/search?where[title][like]=${encodeURIComponent(speaker.name)}&depth=0`,
    )

    expect(status).toBe(200)
    expect(body.docs.map((doc: { doc: { value: string } }) => doc.doc.value)).toContain(speaker.id)
  })

  it('gives every photo its files, in every size, on disk and over HTTP', async () => {
    const photo = (await payload.find({ collection: 'photos', limit: 1, depth: 0 }))
      .docs[0] as Photo
    const mediaDir = process.env.MEDIA_DIR!

    for (const file of [
      photo.filename,
      ...Object.values(photo.sizes ?? {}).map((s) => s?.filename),
    ])
      expect(fs.existsSync(path.join(mediaDir, String(file)))).toBe(true)
    const response = await fetch(`${server.url}${photo.sizes?.thumbnail?.url}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('image/webp')
  })

  it('keeps a generated meeting at its address when an editor changes it', async () => {
    const meeting = (await payload.find({ collection: 'meetings', limit: 1, depth: 0 })).docs[0]
    const edited = await payload.update({
      collection: 'meetings',
      id: meeting.id,
      data: { summary: 'Edited after the scale seed' },
    })
    expect(edited.slug).toBe(meeting.slug)
    expect(edited._status).toBe('published')
  })
})
