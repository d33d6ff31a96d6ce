import type { Payload } from 'payload'

import type { User } from '@/payload-types'

import { isStaff } from '@/payload/access/isStaff'

// Staff may not read one another's accounts (only admins manage users), but a change is only
// useful with the name of who made it: the names alone, of the authors listed, for staff only.
export const authorNames = async ({
  payload,
  user,
  ids,
}: {
  payload: Payload
  user?: null | User
  ids: (null | string)[]
}): Promise<Map<string, string>> => {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))]
  if (!isStaff(user) || wanted.length === 0) return new Map()
  const { docs } = await payload.find({
    collection: 'users',
    where: { id: { in: wanted } },
    overrideAccess: true,
    depth: 0,
    limit: wanted.length,
    select: { name: true },
  })
  return new Map(docs.map(({ id, name }) => [id, name]))
}
