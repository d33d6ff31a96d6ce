import type { News } from '@/payload-types'

import { cacheTags } from './cacheTags'
import type { PreviewArgs } from './cachedQuery'
import { cachedQuery } from './cachedQuery'
import type { FeedRelease } from '@/site/feed'
import type { Locale } from '@/site/i18n'
import { oneBySlug } from './oneBySlug'
import { getPayloadClient } from './payloadClient'

export const newsPerPage = 12

const summarySelect = {
  title: true,
  slug: true,
  kind: true,
  summary: true,
  publishedAt: true,
} as const

export type NewsSummary = Pick<News, 'id' | keyof typeof summarySelect>

// Published releases only (overrideAccess: false): a draft, or one scheduled for later, is a draft
// until the job publishes it, and nobody reading the site sees it before.
export const listNews = cachedQuery({
  name: 'listNews',
  tags: [cacheTags.news],
  query: async ({ locale, page = 1 }: { locale: Locale; page?: number }) => {
    const payload = await getPayloadClient()
    const result = await payload.find({
      collection: 'news',
      locale,
      page,
      limit: newsPerPage,
      depth: 0,
      sort: '-publishedAt',
      overrideAccess: false,
      select: summarySelect,
    })
    return {
      releases: result.docs as NewsSummary[],
      page: result.page ?? 1,
      totalPages: result.totalPages,
    }
  },
})

const photoPopulate = {
  alt: true,
  caption: true,
  credit: true,
  url: true,
  width: true,
  height: true,
  sizes: true,
  filename: true,
} as const

export const getNewsRelease = cachedQuery({
  name: 'getNewsRelease',
  tags: [cacheTags.news, cacheTags.photos],
  query: async ({ locale, slug, viewer }: { locale: Locale; slug: string } & PreviewArgs) => {
    const payload = await getPayloadClient()
    const { docs } = await payload.find({
      collection: 'news',
      locale,
      ...oneBySlug(slug),
      depth: 1,
      overrideAccess: false,
      draft: Boolean(viewer),
      user: viewer ?? undefined,
      select: { ...summarySelect, photo: true, body: true, updatedAt: true },
      populate: { photos: photoPopulate },
    })
    return (docs[0] as News | undefined) ?? null
  },
})

export const listFeedNews = cachedQuery({
  name: 'listFeedNews',
  tags: [cacheTags.news],
  query: async ({ locale, limit }: { locale: Locale; limit: number }) => {
    const payload = await getPayloadClient()
    const { docs } = await payload.find({
      collection: 'news',
      locale,
      sort: '-publishedAt',
      limit,
      depth: 0,
      // The feed's newest items: no count of all of them.
      pagination: false,
      overrideAccess: false,
      select: { title: true, slug: true, summary: true, publishedAt: true },
    })
    return docs as FeedRelease[]
  },
})
