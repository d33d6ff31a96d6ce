import type { Page } from '@/payload-types'

import { cacheTags } from './cacheTags'
import { cachedQuery } from './cachedQuery'
import type { Locale } from './i18n'
import { getPayloadClient } from './payload'

export type PageLink = Pick<Page, 'id' | 'title' | 'slug' | 'breadcrumbs' | 'navOrder' | 'parent'>

const linkSelect = {
  title: true,
  slug: true,
  breadcrumbs: true,
  navOrder: true,
  parent: true,
} as const

export const pathOfPage = (page: Pick<Page, 'breadcrumbs' | 'slug'>): string =>
  page.breadcrumbs?.at(-1)?.url || `/${page.slug}`

export const listPages = cachedQuery({
  name: 'listPages',
  tags: [cacheTags.pages],
  query: async ({ locale }: { locale: Locale }) => {
    const payload = await getPayloadClient()
    const { docs } = await payload.find({
      collection: 'pages',
      locale,
      depth: 0,
      pagination: false,
      sort: 'navOrder',
      overrideAccess: false,
      select: linkSelect,
    })
    return docs as PageLink[]
  },
})

// A service page is addressed by its whole path (/services/hotel): the last segment finds it, and
// the breadcrumbs must match the rest, so /about/hotel is not found.
export const getPageByPath = cachedQuery({
  name: 'getPageByPath',
  tags: [cacheTags.pages],
  query: async ({ locale, segments }: { locale: Locale; segments: string[] }) => {
    const payload = await getPayloadClient()
    const { docs } = await payload.find({
      collection: 'pages',
      locale,
      where: { slug: { equals: segments.at(-1) } },
      limit: 1,
      depth: 0,
      overrideAccess: false,
      select: { ...linkSelect, summary: true, body: true, updatedAt: true },
    })
    const page = (docs[0] as Page | undefined) ?? null
    if (!page || pathOfPage(page) !== `/${segments.join('/')}`) return null
    return page
  },
})
