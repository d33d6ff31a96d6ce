import type { Payload } from 'payload'

import { beforeAll, describe, expect, it, vi } from 'vitest'

import { editionYear } from '@/content/editionYear'
import { listMeetingEditions } from '@/content/meetings'

import { createMeeting } from '../helpers/factories'
import { getTestPayload } from '../helpers/payload'

// Every call reads the database: no Next server, so no data cache.
vi.mock('next/cache', () => import('../helpers/uncachedNextCache'))

let payload: Payload

beforeAll(async () => {
  payload = await getTestPayload()
})

const startsIn = (year: number) => `${year}-10-30T06:00:00.000Z`

describe('the forum editions offered by the meetings filter', () => {
  it('lists each year with a published meeting once, newest first, and no draft years', async () => {
    for (const year of [2019, 2021, 2019, 2023, 2021]) {
      await createMeeting(payload, { edition: year, startsAt: startsIn(year) })
    }
    await createMeeting(payload, { edition: 2015, startsAt: startsIn(2015), _status: 'draft' })
    // A published meeting whose newer draft moves it to another year: the public sees the
    // published year until the draft is published.
    const moved = await createMeeting(payload, { edition: 2017, startsAt: startsIn(2017) })
    await payload.update({
      collection: 'meetings',
      id: moved.id,
      draft: true,
      data: { edition: 2011, startsAt: startsIn(2011), _status: 'draft' },
    })

    expect(await listMeetingEditions({ locale: 'en' })).toEqual([2023, 2021, 2019, 2017])
    expect(await listMeetingEditions({ locale: 'zh' })).toEqual([2023, 2021, 2019, 2017])
  })

  it('offers the same years as the meetings an anonymous reader can list', async () => {
    const { docs } = await payload.find({
      collection: 'meetings',
      depth: 0,
      pagination: false,
      overrideAccess: false,
      select: { edition: true },
    })
    const listed = [...new Set(docs.map(({ edition }) => editionYear(edition)))].sort(
      (a, b) => b - a,
    )

    expect(await listMeetingEditions({ locale: 'en' })).toEqual(listed)
  })
})
