import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'

import type { Organisation, Speaker } from '@/payload-types'

import type { PeopleCollection } from '@/payload/visibility'

import { visibilityOf } from '@/payload/visibility'

type Person = Speaker | Organisation

// Whatever a save sends, the stored visibility is the rule's answer (src/payload/visibility.ts).
export const deriveVisibility =
  (collection: PeopleCollection): CollectionBeforeChangeHook<Person> =>
  async ({ data, originalDoc, req }) => {
    data.visibility = await visibilityOf({
      req,
      collection,
      id: originalDoc?.id,
      standing: {
        isAnnounced: data.isAnnounced ?? originalDoc?.isAnnounced,
        needsConfirmation: data.needsConfirmation ?? originalDoc?.needsConfirmation,
      },
    })
    return data
  }

// The search plugin syncs a document once per request, so a person embargoed or released later in
// the same request (an import creates the speaker, then the draft naming them) would keep the
// entry the first sync wrote. The entry's visibility follows the person's here instead.
export const syncSearchVisibility =
  (collection: PeopleCollection): CollectionAfterChangeHook<Person> =>
  async ({ doc, previousDoc, req }) => {
    if (doc.visibility === previousDoc?.visibility) return doc
    await req.payload.update({
      collection: 'search',
      where: {
        and: [{ 'doc.relationTo': { equals: collection } }, { 'doc.value': { equals: doc.id } }],
      },
      data: { visibility: doc.visibility },
      depth: 0,
      overrideAccess: true,
      req,
    })
    return doc
  }
