import type { MetadataRoute } from 'next'
import type { CollectionSlug, Payload, SelectType } from 'payload'

import type { Meeting } from '@/payload-types'
import type { PageDocument, PublicCollection } from '@/payload/siteContent'

import { publicCollectionsOf } from '@/payload/siteContent'

import { cacheTags } from './cacheTags'
import { cachedQuery } from './cachedQuery'
import { editionYear } from './editionYear'
import type { Locale } from '@/site/i18n'
import { absoluteURL, defaultLocale, htmlLang, locales } from '@/site/i18n'
import { getPayloadClient } from './payloadClient'

export type SiteMapMeeting = Pick<Meeting, 'id' | 'title' | 'slug' | 'edition' | 'startsAt'>

export type MeetingYear = { year: number; meetings: SiteMapMeeting[] }

// Every published meeting for the site-map page, grouped by edition (the forum's year), newest
// first. listMeetings pages its results; a site map needs them all.
export const listMeetingsByYear = cachedQuery({
  name: 'listMeetingsByYear',
  tags: [cacheTags.meetings],
  query: async ({ locale }: { locale: Locale }): Promise<MeetingYear[]> => {
    const payload = await getPayloadClient()
    const { docs } = await payload.find({
      collection: 'meetings',
      locale,
      depth: 0,
      pagination: false,
      sort: '-startsAt',
      overrideAccess: false,
      select: { title: true, slug: true, edition: true, startsAt: true },
    })
    const years = new Map<number, SiteMapMeeting[]>()
    for (const meeting of docs as SiteMapMeeting[]) {
      const year = editionYear(meeting.edition)
      years.set(year, [...(years.get(year) ?? []), meeting])
    }
    return [...years.entries()]
      .sort(([a], [b]) => b - a)
      .map(([year, meetings]) => ({ year, meetings }))
  },
})

export type SitemapDocument = { path: string; updatedAt: string }

// Per public collection (src/payload/siteContent.ts): the pages of its documents, or, for one
// with no pages of its own (photos), its newest document under its list's address.
export type SitemapDocuments = Record<string, SitemapDocument[]>

const pathSelect = ({
  payload,
  slug,
  page,
}: {
  payload: Payload
  slug: string
  page: boolean
}): SelectType => {
  if (!page) return { updatedAt: true }
  const fields = payload.collections[slug as CollectionSlug].config.flattenedFields
  const hasBreadcrumbs = fields.some(({ name }) => name === 'breadcrumbs')
  return { slug: true, updatedAt: true, ...(hasBreadcrumbs ? { breadcrumbs: true } : {}) }
}

const readSitemapEntries = async ({
  payload,
  collection,
}: {
  payload: Payload
  collection: PublicCollection
}): Promise<SitemapDocument[]> => {
  const { slug, page, list, sitemap } = collection
  const { docs } = await payload.find({
    collection: slug as CollectionSlug,
    locale: defaultLocale,
    depth: 0,
    overrideAccess: false,
    draft: false,
    sort: sitemap?.sort,
    where: sitemap?.where,
    ...(page ? { pagination: false } : { limit: 1 }),
    // Only the fields a path is made of: a slug, or a service page's breadcrumbs.
    select: pathSelect({ payload, slug, page: Boolean(page) }),
  })
  return (docs as (PageDocument & { updatedAt: string })[]).map((doc) => ({
    path: page ? page(doc) : (list ?? '/'),
    updatedAt: doc.updatedAt,
  }))
}

// The addresses of everything a reader may see, as the public sees it: overrideAccess false and
// no draft flag, so unpublished meetings and pages never reach a search engine. Slugs and
// breadcrumb paths are the same in every language, so one locale is enough.
export const listSitemapDocuments = cachedQuery({
  name: 'listSitemapDocuments',
  tags: [
    cacheTags.editions,
    cacheTags.meetings,
    cacheTags.speakers,
    cacheTags.organisations,
    cacheTags.pages,
    cacheTags.photos,
    cacheTags.news,
  ],
  query: async (_args: Record<string, never>): Promise<SitemapDocuments> => {
    const payload = await getPayloadClient()
    const listed = sitemapCollections(payload)
    const entries = await Promise.all(
      listed.map((collection) => readSitemapEntries({ payload, collection })),
    )
    return Object.fromEntries(listed.map(({ slug }, index) => [slug, entries[index]]))
  },
})

const sitemapCollections = (payload: Payload): PublicCollection[] =>
  publicCollectionsOf(payload.config.collections).filter(({ sitemap }) => sitemap)

const latest = (documents: SitemapDocument[]): string | undefined =>
  documents.reduce<string | undefined>(
    (newest, { updatedAt }) => (!newest || updatedAt > newest ? updatedAt : newest),
    undefined,
  )

// One entry per address and language, each naming all its translations, so a search engine
// pairs /meetings/x with /zh/meetings/x (hreflang) instead of counting them as duplicates.
const entriesFor = ({
  path,
  lastModified,
}: {
  path: string
  lastModified?: string
}): MetadataRoute.Sitemap => {
  const languages = {
    ...Object.fromEntries(
      locales.map((locale) => [htmlLang[locale], absoluteURL({ locale, path })]),
    ),
    'x-default': absoluteURL({ locale: defaultLocale, path }),
  }
  return locales.map((locale) => ({
    url: absoluteURL({ locale, path }),
    ...(lastModified ? { lastModified } : {}),
    alternates: { languages },
  }))
}

export const buildSitemap = ({
  documents,
  collections,
}: {
  documents: SitemapDocuments
  collections: PublicCollection[]
}): MetadataRoute.Sitemap => {
  const pages = collections.filter(({ page }) => page).flatMap(({ slug }) => documents[slug] ?? [])
  // A list page changes when any of its items does; the home page when anything does.
  const lists = [
    { path: '/', lastModified: latest(pages) },
    ...collections
      .filter(({ list }) => list)
      .map(({ slug, list }) => ({ path: list!, lastModified: latest(documents[slug] ?? []) })),
  ]
  return [
    ...lists,
    ...pages.map(({ path, updatedAt }) => ({ path, lastModified: updatedAt })),
  ].flatMap(entriesFor)
}

export const sitemapFor = async ({ payload }: { payload: Payload }) =>
  buildSitemap({
    documents: await listSitemapDocuments({}),
    collections: sitemapCollections(payload),
  })
