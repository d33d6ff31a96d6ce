import { createHash, timingSafeEqual } from 'node:crypto'

// Whether `given` is `expected`, in time that does not depend on how much of it is right (a `!==`
// stops at the first wrong character, which a patient client can measure). Both sides are hashed
// first, so the comparison also hides the expected length.
export const secretsMatch = (given: null | string | undefined, expected: string): boolean => {
  const digest = (value: string) => createHash('sha256').update(value).digest()
  return timingSafeEqual(digest(given ?? ''), digest(expected)) && typeof given === 'string'
}
