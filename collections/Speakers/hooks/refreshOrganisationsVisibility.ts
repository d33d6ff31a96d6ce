import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import type { Speaker } from '@/payload-types'

import { changedBetween, idsOf, refreshVisibility } from '@/payload/visibility'

// An organisation is public when a public speaker holds a position at it: a speaker who is
// embargoed or released, or who gains or loses a position, can move the organisations concerned.
export const refreshOrganisationsAfterChange: CollectionAfterChangeHook<Speaker> = async ({
  doc,
  previousDoc,
  req,
}) => {
  const before = idsOf(previousDoc?.organisations)
  const after = idsOf(doc.organisations)
  const ids =
    doc.visibility === previousDoc?.visibility
      ? changedBetween(before, after)
      : [...new Set([...before, ...after])]
  await refreshVisibility({ req, collection: 'organisations', ids })
  return doc
}

export const refreshOrganisationsAfterDelete: CollectionAfterDeleteHook<Speaker> = async ({
  doc,
  req,
}) => {
  await refreshVisibility({ req, collection: 'organisations', ids: idsOf(doc.organisations) })
  return doc
}
