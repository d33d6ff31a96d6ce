import type { CollectionBeforeChangeHook } from 'payload'

import type { User } from '@/payload-types'

// The first account is made through Payload's create-first-user screen, where nobody is logged
// in to grant a role; without this it would be a powerless editor and no one could add users.
export const makeFirstUserAdmin: CollectionBeforeChangeHook<User> = async ({
  data,
  operation,
  req,
}) => {
  if (operation !== 'create') return data
  const { totalDocs } = await req.payload.count({ collection: 'users', req })
  if (totalDocs === 0) data.role = 'admin'
  return data
}
