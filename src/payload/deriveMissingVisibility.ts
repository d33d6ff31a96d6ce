import type { Payload, PayloadRequest } from 'payload'

import { createLocalReq } from 'payload'

import { refreshVisibility } from './visibility'

// Rows with no visibility were written past the hooks: MongoDB data from before the embargo (the
// SQLite migration fills its own), or an archive made before it. Until derived they are hidden, so
// the server derives them when it starts; when there is nothing to do that is three reads.

const people = ['speakers', 'organisations'] as const

const missing = { visibility: { exists: false } } as const

const derivePeople = async ({ req }: { req: PayloadRequest }) => {
  for (const collection of people) {
    const { docs } = await req.payload.find({
      collection,
      where: missing,
      select: {},
      depth: 0,
      pagination: false,
      overrideAccess: true,
      req,
    })
    if (docs.length === 0) continue
    req.payload.logger.info({ msg: `Deriving the visibility of ${docs.length} ${collection}` })
    await refreshVisibility({ req, collection, ids: docs.map(({ id }) => id) })
  }
}

// Meetings and pages are indexed only once published; a person's entry follows the person.
const deriveSearchEntries = async ({ req }: { req: PayloadRequest }) => {
  const { docs } = await req.payload.find({
    collection: 'search',
    where: missing,
    select: { doc: true },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  for (const { id, doc } of docs) {
    const isPerson = doc.relationTo === 'speakers' || doc.relationTo === 'organisations'
    const person = isPerson
      ? await req.payload.findByID({
          collection: doc.relationTo as (typeof people)[number],
          id: typeof doc.value === 'object' ? doc.value.id : doc.value,
          select: { visibility: true },
          depth: 0,
          disableErrors: true,
          overrideAccess: true,
          req,
        })
      : null
    await req.payload.update({
      collection: 'search',
      id,
      // The entry of a person who is gone shows nothing to anybody.
      data: { visibility: isPerson ? (person?.visibility ?? 'embargoed') : 'public' },
      depth: 0,
      overrideAccess: true,
      req,
    })
  }
}

export const deriveMissingVisibility = async ({ payload }: { payload: Payload }): Promise<void> => {
  // Written as the first-start seed is, from inside whatever page render started Payload, where
  // Next forbids revalidation; nothing was cached before the server started.
  const req = await createLocalReq({ context: { isSeeding: true } }, payload)
  await derivePeople({ req })
  await deriveSearchEntries({ req })
}

// Not while `next build` prerenders (there is no database to write to), nor under the migrate
// commands and `npm run export`, which read a database as they find it.
export const shouldDeriveOnStart = (): boolean =>
  process.env.NEXT_PHASE !== 'phase-production-build' && process.env.PAYLOAD_MIGRATING !== 'true'
