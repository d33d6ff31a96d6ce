import type { SanitizedConfig } from 'payload'

import { editors } from './editors'

// Payload adds its document-lock collection itself, open to anyone logged in: a reader's API key
// or a disabled account could see who edits what, or lock editors out of a document. Locks are
// only taken in the admin panel, which is for staff.
export const staffOnlyDocumentLocks = (config: SanitizedConfig): SanitizedConfig => {
  const locks = config.collections.find(({ slug }) => slug === 'payload-locked-documents')
  if (locks)
    locks.access = {
      ...locks.access,
      create: editors,
      read: editors,
      update: editors,
      delete: editors,
    }
  return config
}
