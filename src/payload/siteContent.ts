import type { CollectionConfig, Config, GlobalConfig, Plugin, Where } from 'payload'

import { AsyncLocalStorage } from 'node:async_hooks'

import type { CacheTag } from '@/content/cacheTags'

import { broaderTags } from '@/content/cacheTags'

// What the public site shows of a collection or global, said once on its config
// (`custom: siteContent({...})`). Everything that must know which content is public reads it from
// there: the server's shared REST reads (through src/runtime/publicAPI.json, generated from it),
// the search plugin, the sitemap, and the test that every cached read carries the tags of what it
// reads. A new public collection is its config and its page.
export type SiteContent = {
  // The tags an edit to it expires (src/payload/hooks/revalidate.ts): every cached read that shows
  // it must carry them.
  tags: CacheTag[]
  // Its anonymous REST and GraphQL reads are the same for everyone: the server shares and caches
  // them, and other sites' browser apps may read them.
  publicAPI?: boolean
  // The public page that lists it, and the page of one document, for the sitemap and search hits.
  list?: string
  page?: (doc: PageDocument) => string
  // How the sitemap reads it: the order of its pages, and which documents its list shows.
  sitemap?: { sort: string; where?: Where }
  // Indexed by the site search; lower priorities come first among equal matches.
  search?: { priority: number }
}

export type PageDocument = {
  slug?: string | null
  breadcrumbs?: { url?: string | null }[] | null
}

type WithCustom = { slug: string; custom?: Record<string, unknown> }

export const siteContent = (content: SiteContent) => ({ site: content })

export const siteContentOf = (config: WithCustom): SiteContent | undefined =>
  config.custom?.site as SiteContent | undefined

export type PublicCollection = SiteContent & { slug: string }

export const publicCollectionsOf = (collections: WithCustom[]): PublicCollection[] =>
  collections.flatMap((collection) => {
    const content = siteContentOf(collection)
    return content ? [{ slug: collection.slug, ...content }] : []
  })

// The REST paths the server may share between anonymous readers (src/server/cachePolicy.mjs).
export const publicAPIPathsOf = (config: {
  collections?: WithCustom[]
  globals?: WithCustom[]
}): string[] => [
  ...publicCollectionsOf(config.collections ?? [])
    .filter(({ publicAPI }) => publicAPI)
    .map(({ slug }) => slug),
  ...publicCollectionsOf(config.globals ?? [])
    .filter(({ publicAPI }) => publicAPI)
    .map(({ slug }) => `globals/${slug}`),
]

// ——— What a cached read reads ———
// Payload runs a collection's afterRead hooks for every document it returns, populated ones
// included, so a hook on every collection and global sees exactly what a query read.
const readsInProgress = new AsyncLocalStorage<Set<string>>()

export const recordingReads = async <T>(
  read: () => Promise<T>,
): Promise<{ result: T; read: Set<string> }> => {
  const slugs = new Set<string>()
  const result = await readsInProgress.run(slugs, read)
  return { result, read: slugs }
}

// Payload starts on the first read that needs it, so its onInit (the first-start seed, deriving
// visibility) runs inside that read's context: what it reads is Payload's, not the read's.
export const unrecorded = <T>(work: () => Promise<T>): Promise<T> => readsInProgress.exit(work)

const recordRead =
  (slug: string) =>
  <T>({ doc }: { doc: T }): T => {
    readsInProgress.getStore()?.add(slug)
    return doc
  }

const withReadRecorded = <C extends CollectionConfig | GlobalConfig>(config: C): C => ({
  ...config,
  hooks: {
    ...config.hooks,
    afterRead: [...(config.hooks?.afterRead ?? []), recordRead(config.slug)],
  },
})

// Development and the tests check every cached read's tags (src/content/cachedQuery.ts); in
// production nothing is recorded, and no document read pays for the hook.
export const checkingCachedReads = process.env.NODE_ENV !== 'production'

// Last in the plugin list, so that the plugins' own collections (search, forms) are seen too.
export const recordContentReads: Plugin = (config: Config): Config =>
  checkingCachedReads
    ? {
        ...config,
        collections: config.collections?.map(withReadRecorded),
        globals: config.globals?.map(withReadRecorded),
      }
    : config

// The reads a cached query's tags leave uncovered: collections whose edits would not expire it.
export const uncoveredReads = ({
  tags,
  read,
  contentOf,
}: {
  tags: CacheTag[]
  read: Iterable<string>
  contentOf: (slug: string) => SiteContent | undefined
}): string[] => {
  const carried = new Set(tags.map((tag) => broaderTags[tag] ?? tag))
  return [...read].filter((slug) => {
    const content = contentOf(slug)
    return !content || !content.tags.every((tag) => carried.has(tag))
  })
}
