import type { Meeting } from '@/payload-types'

import { getPayloadClient } from './payload'

export type Locale = 'en' | 'zh'

export type MeetingSummary = Pick<
  Meeting,
  'id' | 'title' | 'slug' | 'kind' | 'edition' | 'startsAt' | 'startsAt_tz' | 'summary'
>

export const listLatestMeetings = async ({
  locale = 'en',
  limit = 10,
}: {
  locale?: Locale
  limit?: number
}): Promise<MeetingSummary[]> => {
  const payload = await getPayloadClient()
  const { docs } = await payload.find({
    collection: 'meetings',
    locale,
    depth: 0,
    limit,
    sort: '-startsAt',
    overrideAccess: false,
    select: {
      title: true,
      slug: true,
      kind: true,
      edition: true,
      startsAt: true,
      startsAt_tz: true,
      summary: true,
    },
  })
  return docs
}
