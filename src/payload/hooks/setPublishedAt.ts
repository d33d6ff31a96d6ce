import type { CollectionBeforeChangeHook } from 'payload'

import type { Meeting, News, Page } from '@/payload-types'

// Feeds and lists sort by the first publication, which must not move when a draft is saved. A
// save that does not send it (a scheduled publication sends only the status) keeps the first.
export const setPublishedAt: CollectionBeforeChangeHook<Meeting | News | Page> = ({
  data,
  originalDoc,
}) => {
  if (data._status === 'published' && !data.publishedAt) {
    data.publishedAt = originalDoc?.publishedAt || new Date().toISOString()
  }
  return data
}
