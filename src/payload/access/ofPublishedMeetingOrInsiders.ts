import type { Access } from 'payload'

import { canReadDrafts } from './isStaff'

// A meeting's documents are announced with it: the public reads those of published meetings
// only, on every surface (lists, by id, GraphQL, and the file itself, which Payload serves
// through the same rule). Staff and readers also see those of drafts.
export const ofPublishedMeetingOrInsiders: Access = ({ req: { user } }) =>
  canReadDrafts(user) ? true : { 'meeting._status': { equals: 'published' } }
