import type { User } from '@/payload-types'

export const staffRoles = ['admin', 'editor'] as const

export type StaffRole = (typeof staffRoles)[number]

// A user record whose role was removed or tampered with is not staff, even if logged in.
export const isStaff = (user: unknown): user is User =>
  Boolean(user) &&
  (user as { collection?: string }).collection === 'users' &&
  staffRoles.includes((user as User).role as StaffRole)

export const isAdmin = (user: unknown): boolean => isStaff(user) && user.role === 'admin'
