import type { Access } from 'payload'

import { isAdmin, isStaff } from './isStaff'

export const adminsOrSelf: Access = ({ req: { user } }) => {
  if (isAdmin(user)) return true
  if (isStaff(user)) return { id: { equals: user.id } }
  return false
}
