import type { CollectionBeforeChangeHook } from 'payload'

import type { Speaker } from '@/payload-types'

// Organisations list their people through this one indexed relationship instead of searching
// inside every speaker's positions.
export const collectOrganisations: CollectionBeforeChangeHook<Speaker> = ({
  data,
  originalDoc,
}) => {
  const positions = data.positions ?? originalDoc?.positions ?? []
  const ids = positions
    .map(({ organisation }) =>
      organisation && typeof organisation === 'object' ? organisation.id : organisation,
    )
    .filter((id): id is string => Boolean(id))
  data.organisations = [...new Set(ids)]
  return data
}
