import type { Access } from 'payload'

import { isStaff } from './isStaff'

export const publishedOrEditors: Access = ({ req: { user } }) =>
  isStaff(user) ? true : { _status: { equals: 'published' } }
