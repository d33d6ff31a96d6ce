import type {
  CollectionBeforeChangeHook,
  CollectionBeforeDeleteHook,
  CollectionConfig,
  CollectionSlug,
  Config,
  Plugin,
  PayloadRequest,
  Where,
} from 'payload'

import { publicCollectionsOf } from '@/payload/siteContent'

// Change events: what partners read from GET /api/changes and receive as webhooks. One event per
// change the public can see: a document becoming public (`published`), changing while public
// (`updated`), or leaving the public's view (`removed`: unpublished, embargoed, deleted). A draft
// saved on a document the public does not see, or beside a published copy, is no event at all.
//
// "Public" is decided by the collection's own read access as the public gets it, asked of the
// database before and after the save: the same rule REST, GraphQL and the pages apply (drafts,
// embargoed people, documents of draft meetings), not a second copy of it.

export type ChangeKind = 'published' | 'updated' | 'removed'

export const changeKinds: ChangeKind[] = ['published', 'updated', 'removed']

export const changeEventsSlug = 'change-events'

// How long events and delivery records are kept: a partner that has not looked for this long
// reads everything again.
export const changeRetentionDays = 90

// The collections whose changes are recorded: those whose anonymous REST reads are public
// (siteContent's `publicAPI`), except the search index, which is derived from the others.
export const changeCollectionsOf = (collections: Pick<CollectionConfig, 'slug' | 'custom'>[]) =>
  publicCollectionsOf(collections)
    .filter(({ publicAPI }) => publicAPI)
    .map(({ slug }) => slug)
    .filter((slug) => slug !== 'search')

const isRecorded = (req: PayloadRequest, collection: string) =>
  changeCollectionsOf(req.payload.config.collections).includes(collection)

type PublicState = { isPublic: false } | { isPublic: true; slug?: string }

const slugOf = (doc: { slug?: unknown }) =>
  typeof doc.slug === 'string' && doc.slug ? doc.slug : undefined

// Whether an anonymous reader may read the document now, inside the saving request's transaction,
// and by which slug.
const publicStateOf = async ({
  req,
  collection,
  id,
}: {
  req: PayloadRequest
  collection: CollectionSlug
  id: number | string
}): Promise<PublicState> => {
  const { config } = req.payload.collections[collection]
  // The access functions look at the user only; the rest of the request is the saving one's.
  const access = await config.access.read({
    req: { ...req, user: null } as PayloadRequest,
    id: id as string,
  })
  if (access === false) return { isPublic: false }
  const byId: Where = { id: { equals: id } }
  const hasSlug = config.flattenedFields.some(({ name }) => name === 'slug')
  const { docs } = await req.payload.find({
    collection,
    where: access === true ? byId : { and: [byId, access] },
    select: hasSlug ? { slug: true } : {},
    depth: 0,
    limit: 1,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const [doc] = docs as { slug?: unknown }[]
  return doc ? { isPublic: true, slug: slugOf(doc) } : { isPublic: false }
}

const publicBeforeKey = (collection: string, id: number | string) =>
  `publicBefore:${collection}:${id}`

const rememberPublicBeforeChange: CollectionBeforeChangeHook = async ({
  collection,
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (operation !== 'update' || !originalDoc?.id) return data
  const before = await publicStateOf({ req, collection: collection.slug, id: originalDoc.id })
  // Each local API call replaces req.context with a copy, so it is written after the read.
  req.context[publicBeforeKey(collection.slug, originalDoc.id)] = before
  return data
}

const rememberPublicBeforeDelete: CollectionBeforeDeleteHook = async ({ collection, id, req }) => {
  const before = await publicStateOf({ req, collection: collection.slug, id })
  req.context[publicBeforeKey(collection.slug, id)] = before
}

// Adds the "was it public before?" look to every recorded collection; the events themselves are
// written by the revalidation hooks (src/payload/hooks/revalidate.ts), which run after every save
// and delete of public content. Last in the plugin list, like recordContentReads.
export const rememberPublicState: Plugin = (config: Config): Config => {
  const recorded = changeCollectionsOf(config.collections ?? [])
  return {
    ...config,
    collections: config.collections?.map((collection) =>
      recorded.includes(collection.slug)
        ? {
            ...collection,
            hooks: {
              ...collection.hooks,
              beforeChange: [...(collection.hooks?.beforeChange ?? []), rememberPublicBeforeChange],
              beforeDelete: [...(collection.hooks?.beforeDelete ?? []), rememberPublicBeforeDelete],
            },
          }
        : collection,
    ),
  }
}

// A document created now was nobody's before.
const takePublicBefore = (
  req: PayloadRequest,
  collection: string,
  id: number | string,
): PublicState => {
  const key = publicBeforeKey(collection, id)
  const before = (req.context[key] as PublicState | undefined) ?? { isPublic: false }
  delete req.context[key]
  return before
}

// A save that leaves a draft beside the public copy changes nothing the public sees; one that
// publishes, or a save of a collection without drafts, is the public's change.
export const kindOfChange = ({
  wasPublic,
  isPublicNow,
  isDraftSave,
}: {
  wasPublic: boolean
  isPublicNow: boolean
  isDraftSave: boolean
}): ChangeKind | null => {
  if (!isPublicNow) return wasPublic ? 'removed' : null
  if (isDraftSave) return null
  return wasPublic ? 'updated' : 'published'
}

type Changed = { id: number | string; _status?: 'draft' | 'published' | null }

export type ChangeEventData = {
  collection: string
  documentId: string
  kind: ChangeKind
  at: string
  slug?: string
}

const labelled = (event: ChangeEventData) => ({
  ...event,
  label: `${event.kind} · ${event.collection} · ${event.slug ?? event.documentId}`,
})

const prune = async (req: PayloadRequest) => {
  const cutoff = new Date(Date.now() - changeRetentionDays * 24 * 60 * 60 * 1000).toISOString()
  await req.payload.db.deleteMany({
    collection: changeEventsSlug,
    where: { at: { less_than: cutoff } },
    req,
  })
  await req.payload.db.deleteMany({
    collection: 'webhook-deliveries',
    where: { createdAt: { less_than: cutoff } },
    req,
  })
  // Deliveries given up on stay in the job queue with their error; they go with their log.
  await req.payload.db.deleteMany({
    collection: 'payload-jobs',
    where: {
      and: [
        { taskSlug: { equals: 'deliverWebhook' } },
        { hasError: { equals: true } },
        { createdAt: { less_than: cutoff } },
      ],
    },
    req,
  })
}

// Event times only go forward in one process, so that the feed's order (time, then id) is the
// order the changes were made in, also for several within a millisecond.
let lastEventTime = 0
export const nextEventTime = (): string => {
  lastEventTime = Math.max(Date.now(), lastEventTime + 1)
  return new Date(lastEventTime).toISOString()
}

// The events recorded by this request, by document. A save can save the same document again from
// its own hooks (the nested-docs plugin resaves a new page for its breadcrumbs): the partner hears
// of the document once, as it is at the end. req.context is copied for each local API call, but a
// Map in it is shared by the copies.
const recordedByRequest = (req: PayloadRequest): Map<string, number | string> => {
  req.context.changeEventsOfRequest ??= new Map()
  return req.context.changeEventsOfRequest as Map<string, number | string>
}

const record = async ({ req, event }: { req: PayloadRequest; event: ChangeEventData }) => {
  const recorded = recordedByRequest(req)
  const key = `${event.collection}:${event.documentId}`
  const earlier = recorded.get(key)
  // In the saving request's transaction: a save that fails records nothing.
  if (earlier !== undefined) {
    await req.payload.update({
      collection: changeEventsSlug,
      id: earlier,
      data: labelled(event),
      overrideAccess: true,
      depth: 0,
      req,
    })
    return
  }
  const created = await req.payload.create({
    collection: changeEventsSlug,
    data: labelled(event),
    overrideAccess: true,
    depth: 0,
    req,
  })
  recorded.set(key, created.id)
  await queueDeliveries({ req, eventId: created.id, collection: event.collection })
  await prune(req)
}

// One job per webhook that wants the collection: each is retried on its own (src/payload/changes/
// deliver.ts), run by the job runner of `npm start`.
const queueDeliveries = async ({
  req,
  eventId,
  collection,
}: {
  req: PayloadRequest
  eventId: number | string
  collection: string
}) => {
  const { docs } = await req.payload.find({
    collection: 'webhooks',
    where: { and: [{ active: { equals: true } }, { collections: { in: [collection] } }] },
    select: {},
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  for (const webhook of docs) {
    await req.payload.jobs.queue({
      task: 'deliverWebhook',
      input: { event: String(eventId), webhook: String(webhook.id) },
      req,
    })
  }
}

export const recordChange = async ({
  req,
  collection,
  doc,
}: {
  req: PayloadRequest
  collection: string
  doc: Changed
}): Promise<void> => {
  if (!isRecorded(req, collection)) return
  const before = takePublicBefore(req, collection, doc.id)
  const after = await publicStateOf({ req, collection: collection as CollectionSlug, id: doc.id })
  const kind = kindOfChange({
    wasPublic: before.isPublic,
    isPublicNow: after.isPublic,
    isDraftSave: doc._status === 'draft',
  })
  if (!kind) return
  // A withdrawn document goes by the slug the public knew, not the one of a draft.
  const known = kind === 'removed' ? before : after
  await record({
    req,
    event: {
      collection,
      documentId: String(doc.id),
      kind,
      at: nextEventTime(),
      slug: known.isPublic ? known.slug : undefined,
    },
  })
}

export const recordDeletion = async ({
  req,
  collection,
  doc,
}: {
  req: PayloadRequest
  collection: string
  doc: Changed
}): Promise<void> => {
  if (!isRecorded(req, collection)) return
  const before = takePublicBefore(req, collection, doc.id)
  if (!before.isPublic) return
  await record({
    req,
    event: {
      collection,
      documentId: String(doc.id),
      kind: 'removed',
      at: nextEventTime(),
      slug: before.slug,
    },
  })
}
