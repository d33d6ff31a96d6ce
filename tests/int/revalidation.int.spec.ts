import type { Payload } from 'payload'

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { registerPageCache } from '@/runtime/requestContext.mjs'

import { createMeeting, createSpeaker } from '../helpers/factories'
import { getTestPayload } from '../helpers/payload'

// The hooks expire cached pages through whatever page cache the server registered (outside a
// Next server there is no data cache to expire, but the page cache registry is the same). A
// recording cache shows which tags each save expires.
const expired: string[] = []
let payload: Payload

beforeAll(async () => {
  payload = await getTestPayload()
  registerPageCache({ invalidate: (tags) => expired.push(...tags) })
})

afterAll(() => {
  registerPageCache({ invalidate: () => {} })
})

beforeEach(() => {
  expired.length = 0
})

describe('what a save expires', () => {
  it('a content edit to a published meeting: its pages, not the previous/next links', async () => {
    const meeting = await createMeeting(payload)
    expired.length = 0
    await payload.update({
      collection: 'meetings',
      id: meeting.id,
      data: { summary: 'A new summary' },
    })
    expect(expired).toContain('meetings')
    expect(expired).not.toContain('meeting-schedule')
  })

  it.each([
    ['title', { title: 'A renamed round table' }],
    ['start', { startsAt: '2023-11-01T02:00:00.000Z' }],
    ['slug', { slug: 'a-moved-round-table' }],
  ])('a change of %s: the previous/next links too', async (_field, data) => {
    const meeting = await createMeeting(payload)
    expired.length = 0
    await payload.update({ collection: 'meetings', id: meeting.id, data })
    expect(expired).toEqual(expect.arrayContaining(['meetings', 'meeting-schedule']))
  })

  it('publishing, unpublishing and deleting: the previous/next links too', async () => {
    const meeting = await createMeeting(payload, { _status: 'draft' })
    expect(expired).not.toContain('meeting-schedule')

    await payload.update({
      collection: 'meetings',
      id: meeting.id,
      data: { _status: 'published' },
    })
    expect(expired).toContain('meeting-schedule')

    expired.length = 0
    await payload.update({ collection: 'meetings', id: meeting.id, data: { _status: 'draft' } })
    expect(expired).toContain('meeting-schedule')

    expired.length = 0
    await payload.delete({ collection: 'meetings', id: meeting.id })
    expect(expired).toContain('meeting-schedule')
  })

  it('a draft saved over a draft: nothing', async () => {
    const meeting = await createMeeting(payload, { _status: 'draft' })
    expired.length = 0
    await payload.update({
      collection: 'meetings',
      id: meeting.id,
      draft: true,
      data: { title: 'Still a draft' },
    })
    expect(expired).toEqual([])
  })

  it('an edit to a speaker: the pages that show speakers', async () => {
    const speaker = await createSpeaker(payload)
    expired.length = 0
    await payload.update({ collection: 'speakers', id: speaker.id, data: { name: 'Renamed' } })
    expect(expired).toEqual(['speakers'])
  })
})
