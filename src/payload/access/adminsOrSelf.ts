import type { Access } from 'payload'

import { isActiveUser, isAdmin, isStaff } from './isStaff'

// Every active account may read itself (a reader checks its key with /api/users/me).
export const adminsOrSelf: Access = ({ req: { user } }) => {
  if (isAdmin(user)) return true
  if (isActiveUser(user)) return { id: { equals: user.id } }
  return false
}

// Staff edit their own account; readers are read-only, their account included.
export const adminsOrStaffSelf: Access = ({ req: { user } }) => {
  if (isAdmin(user)) return true
  if (isStaff(user)) return { id: { equals: user.id } }
  return false
}
