import type { Search } from '@/payload-types'

import { cacheTags } from './cacheTags'
import { cachedQuery } from './cachedQuery'
import type { Locale } from '@/site/i18n'
import { getPayloadClient } from './payloadClient'

export const searchResultsPerPage = 20

// Long queries add nothing but work; the index matches on titles and excerpts.
export const maxQueryLength = 100

export type SearchHit = Pick<Search, 'id' | 'title' | 'excerpt' | 'path'> & {
  kind: Search['doc']['relationTo']
}

export const normaliseQuery = (value: unknown): string =>
  typeof value === 'string' ? value.trim().replace(/\s+/g, ' ').slice(0, maxQueryLength) : ''

export const searchSite = cachedQuery({
  name: 'searchSite',
  tags: [
    cacheTags.editions,
    cacheTags.meetings,
    cacheTags.speakers,
    cacheTags.organisations,
    cacheTags.pages,
    cacheTags.news,
  ],
  query: async ({ locale, query, page }: { locale: Locale; query: string; page: number }) => {
    const payload = await getPayloadClient()
    // `like` matches every word of the query anywhere in the field, case-insensitively, so
    // "zou" finds "Zou Ji" and "low carbon" finds "Low-Carbon City Construction".
    const result = await payload.find({
      collection: 'search',
      locale,
      where: { or: [{ title: { like: query } }, { excerpt: { like: query } }] },
      sort: ['priority', 'title'],
      page,
      limit: searchResultsPerPage,
      depth: 0,
      overrideAccess: false,
      select: { title: true, excerpt: true, path: true, doc: true },
    })
    return {
      hits: result.docs.map(({ id, title, excerpt, path, doc }): SearchHit => ({
        id,
        title,
        excerpt,
        path,
        kind: doc.relationTo,
      })),
      page: result.page ?? 1,
      totalPages: result.totalPages,
      totalDocs: result.totalDocs,
    }
  },
})
