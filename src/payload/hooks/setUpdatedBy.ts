import type { CollectionBeforeChangeHook } from 'payload'

import { isActiveUser } from '@/payload/access/isStaff'

// A save without a user (the seed, a migration) leaves the last author as it was.
export const setUpdatedBy: CollectionBeforeChangeHook = ({ data, req }) => {
  if (isActiveUser(req.user)) data.updatedBy = req.user.id
  return data
}
