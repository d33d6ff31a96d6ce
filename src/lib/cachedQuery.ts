import { unstable_cache } from 'next/cache'

import type { User } from '@/payload-types'

import type { CacheTag } from './cacheTags'

import { databaseIdentity } from './databaseIdentity'
import { getPayloadClient } from './payload'

// An editor previewing drafts reads live and as themselves: what they see never enters the
// shared cache.
export type PreviewArgs = { viewer?: User | null }

// Development reads straight from the database: `next dev` keeps its data cache in .next/cache
// across restarts, so a developer who resets data/dev.db would otherwise be shown the old content.
const isDevelopment = process.env.NODE_ENV === 'development'

// Wraps a public read in Next's data cache under the tags of every collection it shows, keyed by
// its arguments and by the database it reads, so that revalidation (src/hooks/revalidate.ts)
// expires exactly what it should and another database never gets this one's entries.
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
  async (args: Args): Promise<Result> => {
    if (isDevelopment || (args as PreviewArgs).viewer) return query(args)
    const database = await databaseIdentity({ payload: await getPayloadClient() })
    return unstable_cache(() => query(args), [name, database, JSON.stringify(args)], { tags })()
  }
