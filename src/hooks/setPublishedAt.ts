import type { CollectionBeforeChangeHook } from 'payload'

// Feeds and lists sort by the first publication, which must not move when a draft is saved.
export const setPublishedAt: CollectionBeforeChangeHook<{
  _status?: 'draft' | 'published' | null
  publishedAt?: null | string
}> = ({ data }) => {
  if (data._status === 'published' && !data.publishedAt) {
    data.publishedAt = new Date().toISOString()
  }
  return data
}
