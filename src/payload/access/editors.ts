import type { Access } from 'payload'

import { isStaff } from './isStaff'

// Editors and admins both edit content; only the user-management rules tell them apart.
export const editors: Access = ({ req: { user } }) => isStaff(user)
