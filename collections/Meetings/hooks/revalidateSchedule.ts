import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import type { Meeting } from '@/payload-types'

import { expireNow } from '@/payload/hooks/revalidate'
import { cacheTags } from '@/content/cacheTags'

const scheduleFields = ['title', 'slug', 'startsAt'] as const

// The previous/next links read only which meetings are published, when they start and what they
// are called. An edit that provably changes none of that (a published meeting staying published,
// same title, slug and start, in the locale saved) leaves them cached; anything else expires them.
export const revalidateScheduleAfterChange: CollectionAfterChangeHook<Meeting> = ({
  doc,
  previousDoc,
  operation,
  context,
}) => {
  if (context.isSeeding) return doc
  const scheduleUnchanged =
    operation === 'update' &&
    doc._status === 'published' &&
    previousDoc?._status === 'published' &&
    scheduleFields.every((field) => doc[field] === previousDoc[field])
  const neverPublic = doc._status === 'draft' && previousDoc?._status !== 'published'
  if (!scheduleUnchanged && !neverPublic) expireNow(cacheTags.meetingSchedule)
  return doc
}

export const revalidateScheduleAfterDelete: CollectionAfterDeleteHook<Meeting> = ({ doc }) => {
  expireNow(cacheTags.meetingSchedule)
  return doc
}
