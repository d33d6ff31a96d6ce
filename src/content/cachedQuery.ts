import { unstable_cache } from 'next/cache'
import { cache } from 'react'

import type { User } from '@/payload-types'

import type { CacheTag } from './cacheTags'

import { markUncacheable, recordCacheTags } from '@/runtime/requestContext.mjs'

import { databaseIdentity } from '../payload/databaseIdentity'
import { getPayloadClient } from './payloadClient'

// An editor previewing drafts reads live and as themselves: what they see never enters the
// shared cache.
export type PreviewArgs = { viewer?: User | null }

// Development reads straight from the database: `next dev` keeps its data cache in .next/cache
// across restarts, so a developer who resets data/dev.db would otherwise be shown the old content.
const isDevelopment = process.env.NODE_ENV === 'development'

// Wraps a public read in Next's data cache under the tags of every collection it shows, keyed by
// its arguments and by the database it reads, so that revalidation (src/payload/hooks/revalidate.ts)
// expires exactly what it should and another database never gets this one's entries.
export const cachedQuery = <Args extends Record<string, unknown>, Result>({
  name,
  tags,
  query,
}: {
  name: string
  tags: CacheTag[]
  query: (args: Args) => Promise<Result>
}) => {
  // A page and its generateMetadata ask for the same data; React's per-request cache (keyed by
  // the serialised arguments, since it compares by identity) makes that one read, not two.
  const readShared = cache(async (serializedArgs: string): Promise<Result> => {
    const args = JSON.parse(serializedArgs) as Args
    if (isDevelopment) return query(args)
    const database = await databaseIdentity({ payload: await getPayloadClient() })
    return unstable_cache(() => query(args), [name, database, serializedArgs], { tags })()
  })
  return async (args: Args): Promise<Result> => {
    // The page cache (src/server) keeps the rendered page under the same tags.
    recordCacheTags(tags)
    if ((args as PreviewArgs).viewer) {
      markUncacheable()
      return query(args)
    }
    return readShared(JSON.stringify(args))
  }
}
