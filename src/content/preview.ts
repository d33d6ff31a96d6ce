import { draftMode, headers } from 'next/headers'

import type { User } from '@/payload-types'

import { isStaff } from '@/payload/access/isStaff'

import { getPayloadClient } from './payloadClient'

// The editor looking at drafts, or null for everybody else. Draft mode alone is not enough: its
// cookie outlives a logout, so the login is checked on every preview render as well.
export const getPreviewViewer = async (): Promise<User | null> => {
  const { isEnabled } = await draftMode()
  if (!isEnabled) return null
  const payload = await getPayloadClient()
  const { user } = await payload.auth({ headers: await headers() })
  return isStaff(user) ? user : null
}
