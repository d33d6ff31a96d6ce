import { unstable_cache } from 'next/cache'

import type { User } from '@/payload-types'

import type { CacheTag } from './cacheTags'

// An editor previewing drafts reads live and as themselves: what they see never enters the
// shared cache.
export type PreviewArgs = { viewer?: User | null }

// Development reads straight from the database: `next dev` keeps its data cache in .next/cache
// across restarts, so a developer who resets data/dev.db would otherwise be shown the old content.
const isDevelopment = process.env.NODE_ENV === 'development'

// Wraps a public read in Next's data cache under the tags of every collection it shows, keyed by
// its arguments, so that revalidation (src/hooks/revalidate.ts) expires exactly what it should.
export const cachedQuery =
  <Args extends Record<string, unknown>, Result>({
    name,
    tags,
    query,
  }: {
    name: string
    tags: CacheTag[]
    query: (args: Args) => Promise<Result>
  }) =>
  (args: Args): Promise<Result> =>
    isDevelopment || (args as PreviewArgs).viewer
      ? query(args)
      : unstable_cache(() => query(args), [name, JSON.stringify(args)], { tags })()
