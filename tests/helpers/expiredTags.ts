import { afterAll, beforeAll } from 'vitest'

import { registerPageCache } from '@/runtime/requestContext.mjs'

// The tags the saves of a test file expire, recorded through the page-cache registry the server
// fills (outside a Next server there is no data cache, but the hooks report to the same registry).
export const recordExpiredTags = (): string[] => {
  const expired: string[] = []
  beforeAll(() => registerPageCache({ invalidate: (tags) => expired.push(...tags) }))
  afterAll(() => registerPageCache({ invalidate: () => {} }))
  return expired
}
