import type { FieldAccess } from 'payload'

import { isStaff } from './isStaff'

export const editorsField: FieldAccess = ({ req: { user } }) => isStaff(user)
