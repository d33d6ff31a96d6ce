import { unstable_cache } from 'next/cache'
import { cache } from 'react'

import type { User } from '@/payload-types'

import type { CacheTag } from './cacheTags'

import { markUncacheable, recordCacheTags } from '@/runtime/requestContext.mjs'

import { databaseIdentity } from '@/payload/databaseIdentity'
import {
  checkingCachedReads,
  recordingReads,
  siteContentOf,
  uncoveredReads,
} from '@/payload/siteContent'

import { getPayloadClient } from './payloadClient'

// An editor previewing drafts reads live and as themselves: what they see never enters the
// shared cache.
export type PreviewArgs = { viewer?: User | null }

// Development reads straight from the database: `next dev` keeps its data cache in .next/cache
// across restarts, so a developer who resets data/dev.db would otherwise be shown the old content.
const isDevelopment = process.env.NODE_ENV === 'development'

// Outside production every cached read checks that its tags cover what it read, populated
// documents included (src/payload/siteContent.ts): a read that shows speakers without the speakers
// tag would keep showing an edited speaker. Development and the tests fail at once instead.

const readCheckingTags = async <Result>({
  name,
  tags,
  read,
}: {
  name: string
  tags: CacheTag[]
  read: () => Promise<Result>
}): Promise<Result> => {
  if (!checkingCachedReads) return read()
  const { result, read: slugs } = await recordingReads(read)
  const { config } = await getPayloadClient()
  const configs = [...config.collections, ...config.globals]
  const uncovered = uncoveredReads({
    tags,
    read: slugs,
    contentOf: (slug) => {
      const found = configs.find((candidate) => candidate.slug === slug)
      return found && siteContentOf(found)
    },
  })
  if (uncovered.length > 0) {
    throw new Error(
      `The cached read ${name} shows ${uncovered.join(', ')} but is not tagged with what an edit ` +
        `to ${uncovered.length > 1 ? 'them' : 'it'} expires (its siteContent tags): add them to its tags.`,
    )
  }
  return result
}

export type RegisteredQuery = {
  tags: CacheTag[]
  run: (args: Record<string, unknown>) => Promise<unknown>
}

// Every cached read by name, for the test that runs each one and checks its tags.
export const cachedQueries = new Map<string, RegisteredQuery>()

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
    const read = () => readCheckingTags({ name, tags, read: () => query(args) })
    if (isDevelopment) return read()
    const database = await databaseIdentity({ payload: await getPayloadClient() })
    return unstable_cache(read, [name, database, serializedArgs], { tags })()
  })
  const run = async (args: Args): Promise<Result> => {
    // The page cache (src/server) keeps the rendered page under the same tags.
    recordCacheTags(tags)
    if ((args as PreviewArgs).viewer) {
      markUncacheable()
      return readCheckingTags({ name, tags, read: () => query(args) })
    }
    return readShared(JSON.stringify(args))
  }
  cachedQueries.set(name, { tags, run: run as RegisteredQuery['run'] })
  return run
}
