import type { Access } from 'payload'

import { canReadDrafts } from './isStaff'

// Embargoed speakers and organisations (src/payload/visibility.ts) are for staff and readers only.
export const publicOrInsiders: Access = ({ req: { user } }) =>
  canReadDrafts(user) ? true : { visibility: { equals: 'public' } }
