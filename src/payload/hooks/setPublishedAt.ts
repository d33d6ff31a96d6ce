import type { CollectionBeforeChangeHook } from 'payload'

import type { Meeting, Page } from '@/payload-types'

// Feeds and lists sort by the first publication, which must not move when a draft is saved.
export const setPublishedAt: CollectionBeforeChangeHook<Meeting | Page> = ({ data }) => {
  if (data._status === 'published' && !data.publishedAt) {
    data.publishedAt = new Date().toISOString()
  }
  return data
}
