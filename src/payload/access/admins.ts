import type { Access, FieldAccess } from 'payload'

import { isAdmin } from './isStaff'

export const admins: Access = ({ req: { user } }) => isAdmin(user)

export const adminsField: FieldAccess = ({ req: { user } }) => isAdmin(user)
