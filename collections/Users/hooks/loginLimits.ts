import type {
  AfterErrorHook,
  CollectionAfterLoginHook,
  CollectionBeforeOperationHook,
} from 'payload'

import { APIError, AuthenticationError } from 'payload'

import { clientAddressHeader } from '@/runtime/clientAddress.mjs'
import { limits, rateLimiter, rateLimitsEnabled } from '@/runtime/rateLimits.mjs'

// Wrong passwords are counted per account and client address, not per account: Payload's own
// lock-out (maxLoginAttempts) let anyone keep an admin locked out by sending five wrong passwords
// every ten minutes. Now the address that sent them waits, and the owner logs in from elsewhere.

const attemptKey = (email: unknown, headers: Headers) =>
  `${String(email ?? '')
    .toLowerCase()
    .trim()}|${headers.get(clientAddressHeader) ?? 'unknown'}`

const minutes = (ms: number) => Math.max(1, Math.ceil(ms / 60_000))

export const refuseLockedOutLogin: CollectionBeforeOperationHook = async ({
  args,
  operation,
  req,
}) => {
  if (operation !== 'login' || !rateLimitsEnabled()) return args
  const key = attemptKey((args as { data?: { email?: unknown } }).data?.email, req.headers)
  req.context.loginAttempt = key
  const failures = await rateLimiter('loginFailures')
    .get(key)
    .catch(() => null)
  if (failures && failures.consumedPoints >= limits.loginFailures.points) {
    req.responseHeaders = new Headers(req.responseHeaders)
    req.responseHeaders.set('Retry-After', String(Math.ceil(failures.msBeforeNext / 1000)))
    throw new APIError(
      `Too many wrong passwords for this account from your address. Try again in ${minutes(failures.msBeforeNext)} minutes, or reset the password.`,
      429,
    )
  }
  return args
}

// Payload has no hook for a failed login; its AuthenticationError passes through afterError, for
// REST and GraphQL alike, with the key the attempt was checked under.
export const countFailedLogin: AfterErrorHook = async ({ error, req }) => {
  const key = req.context?.loginAttempt
  // GraphQL hands the hook its own error, wrapping Payload's.
  // (Compared by class: a production build renames it.)
  const cause = (error as { originalError?: unknown }).originalError ?? error
  if (typeof key !== 'string' || !(cause instanceof AuthenticationError)) return
  await rateLimiter('loginFailures')
    .penalty(key, 1)
    .catch(() => undefined)
}

export const forgetFailedLogins: CollectionAfterLoginHook = async ({ req }) => {
  const key = req.context?.loginAttempt
  if (typeof key === 'string') await rateLimiter('loginFailures').delete(key)
}
