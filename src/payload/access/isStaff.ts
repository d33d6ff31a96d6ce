import type { User } from '@/payload-types'

export const staffRoles = ['admin', 'editor'] as const

export type StaffRole = (typeof staffRoles)[number]

// Anyone signed in whose account is not disabled. Payload reloads the user from the database on
// every request (JWT and API key alike), so disabling an account takes effect on the next one.
export const isActiveUser = (user: unknown): user is User =>
  Boolean(user) &&
  (user as { collection?: string }).collection === 'users' &&
  (user as User).disabled !== true

// A user record whose role was removed or tampered with is not staff, even if logged in.
export const isStaff = (user: unknown): user is User =>
  isActiveUser(user) && staffRoles.includes(user.role as StaffRole)

export const isAdmin = (user: unknown): boolean => isStaff(user) && user.role === 'admin'

// A partner's read-only API account: sees what staff see of the content, changes nothing.
export const isReader = (user: unknown): user is User =>
  isActiveUser(user) && user.role === 'reader'

// Drafts and versions are for staff and for readers, who cover embargoed meetings.
export const canReadDrafts = (user: unknown): boolean => isStaff(user) || isReader(user)
