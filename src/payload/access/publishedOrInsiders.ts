import type { Access } from 'payload'

import { canReadDrafts } from './isStaff'

// Insiders are staff and read-only partners (readers): they also see drafts.
export const publishedOrInsiders: Access = ({ req: { user } }) =>
  canReadDrafts(user) ? true : { _status: { equals: 'published' } }
