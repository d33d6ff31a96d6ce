import type { MetadataRoute } from 'next'

import type { Meeting } from '@/payload-types'

import { cacheTags } from './cacheTags'
import { cachedQuery } from './cachedQuery'
import type { Locale } from '../site/i18n'
import { absoluteURL, defaultLocale, htmlLang, locales } from '../site/i18n'
import { pathOfPage } from './pages'
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
      years.set(meeting.edition, [...(years.get(meeting.edition) ?? []), meeting])
    }
    return [...years.entries()]
      .sort(([a], [b]) => b - a)
      .map(([year, meetings]) => ({ year, meetings }))
  },
})

export type SitemapDocument = { path: string; updatedAt: string }

export type SitemapDocuments = {
  meetings: SitemapDocument[]
  speakers: SitemapDocument[]
  organisations: SitemapDocument[]
  pages: SitemapDocument[]
  // When the newest photo of a meeting was added or edited, for the "Live pictures" page.
  photosUpdatedAt?: string
}

// The addresses of everything a reader may see, as the public sees it: overrideAccess false and
// no draft flag, so unpublished meetings and pages never reach a search engine. Slugs and
// breadcrumb paths are the same in every language, so one locale is enough.
export const listSitemapDocuments = cachedQuery({
  name: 'listSitemapDocuments',
  tags: [
    cacheTags.meetings,
    cacheTags.speakers,
    cacheTags.organisations,
    cacheTags.pages,
    cacheTags.photos,
  ],
  query: async (_args: Record<string, never>): Promise<SitemapDocuments> => {
    const payload = await getPayloadClient()
    const common = {
      locale: defaultLocale,
      depth: 0,
      pagination: false,
      overrideAccess: false,
      draft: false,
    } as const
    const [meetings, speakers, organisations, pages, photos] = await Promise.all([
      payload.find({
        ...common,
        collection: 'meetings',
        sort: '-startsAt',
        select: { slug: true, updatedAt: true },
      }),
      payload.find({
        ...common,
        collection: 'speakers',
        sort: 'slug',
        select: { slug: true, updatedAt: true },
      }),
      payload.find({
        ...common,
        collection: 'organisations',
        sort: 'slug',
        select: { slug: true, updatedAt: true },
      }),
      payload.find({
        ...common,
        collection: 'pages',
        sort: 'navOrder',
        select: { slug: true, breadcrumbs: true, updatedAt: true },
      }),
      payload.find({
        ...common,
        collection: 'photos',
        where: { meeting: { exists: true } },
        sort: '-updatedAt',
        limit: 1,
        select: { updatedAt: true },
      }),
    ])
    const under = (prefix: string, docs: { slug: string; updatedAt: string }[]) =>
      docs.map(({ slug, updatedAt }) => ({ path: `${prefix}/${slug}`, updatedAt }))
    return {
      meetings: under('/meetings', meetings.docs),
      speakers: under('/speakers', speakers.docs),
      organisations: under('/organisations', organisations.docs),
      pages: pages.docs.map((page) => ({ path: pathOfPage(page), updatedAt: page.updatedAt })),
      photosUpdatedAt: photos.docs[0]?.updatedAt,
    }
  },
})

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
}: {
  documents: SitemapDocuments
}): MetadataRoute.Sitemap => {
  const { meetings, speakers, organisations, pages, photosUpdatedAt } = documents
  const everything = [...meetings, ...speakers, ...organisations, ...pages]
  // A list page changes when any of its items does.
  const lists = [
    { path: '/', lastModified: latest(everything) },
    { path: '/meetings', lastModified: latest(meetings) },
    { path: '/speakers', lastModified: latest(speakers) },
    { path: '/organisations', lastModified: latest(organisations) },
    { path: '/photos', lastModified: photosUpdatedAt },
  ]
  return [
    ...lists,
    ...everything.map(({ path, updatedAt }) => ({ path, lastModified: updatedAt })),
  ].flatMap(entriesFor)
}
