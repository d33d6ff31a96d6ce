// Next's data cache needs a running Next server; tests that call the site's data access directly
// replace next/cache with this, so that every call reads the database:
// vi.mock('next/cache', () => import('../helpers/uncachedNextCache'))
export const unstable_cache =
  <T extends (...args: never[]) => unknown>(query: T) =>
  (...args: Parameters<T>) =>
    query(...args)
