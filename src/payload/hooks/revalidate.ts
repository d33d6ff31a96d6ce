import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  GlobalAfterChangeHook,
} from 'payload'

import { revalidateTag } from 'next/cache'

import type { CacheTag, CollectionWithTag } from '@/content/cacheTags'

import { cacheTags } from '@/content/cacheTags'
import { recordChange, recordDeletion } from '@/payload/changes/events'
import { expireCachedPages } from '@/runtime/requestContext.mjs'

// Outside a Next server (the seed, tests, the payload CLI) there is no cache to expire and
// revalidateTag would throw; inside one, NEXT_RUNTIME is always set.
const isInsideNext = () => Boolean(process.env.NEXT_RUNTIME)

// `expire: 0` drops the entries at once, so the first reader after the save gets the edit
// instead of one more stale copy.
export const expireNow = (tag: CacheTag) => {
  if (isInsideNext()) revalidateTag(tag, { expire: 0 })
  expireCachedPages([tag])
}

type Versioned = {
  id: string
  _status?: 'draft' | 'published' | null
  visibility?: 'public' | 'embargoed' | null
}

// Saving a draft, or an embargoed speaker or organisation, changes nothing the public sees, unless
// the save is what hides it (unpublishing, or an embargo falling on a public one).
const isVisibleToReaders = ({ doc, previousDoc }: { doc: Versioned; previousDoc?: Versioned }) =>
  doc.visibility === 'embargoed'
    ? previousDoc?.visibility === 'public'
    : doc._status !== 'draft' || previousDoc?._status === 'published'

// The same saves are the partners' change events (src/payload/changes/events.ts), which ask
// whether the public saw the document before the save and sees it after.
export const revalidateAfterChange =
  (collection: CollectionWithTag): CollectionAfterChangeHook<Versioned> =>
  async ({ doc, previousDoc, context, req }) => {
    // The first-start seed writes from inside a page render, where Next forbids revalidation;
    // nothing can be cached from an empty database anyway.
    if (context.isSeeding) return doc
    if (isVisibleToReaders({ doc, previousDoc })) expireNow(cacheTags[collection])
    await recordChange({ req, collection, doc })
    return doc
  }

export const revalidateAfterDelete =
  (collection: CollectionWithTag): CollectionAfterDeleteHook<Versioned> =>
  async ({ doc, req }) => {
    expireNow(cacheTags[collection])
    await recordDeletion({ req, collection, doc })
    return doc
  }

export const revalidateSite: GlobalAfterChangeHook = ({ doc, context }) => {
  if (!context.isSeeding) expireNow(cacheTags.site)
  return doc
}
