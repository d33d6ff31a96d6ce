import type { Access } from 'payload'

import { canReadDrafts } from './isStaff'

// Staff and read-only partners: who may read the versions (drafts, autosaves) of a document.
export const insiders: Access = ({ req: { user } }) => canReadDrafts(user)
