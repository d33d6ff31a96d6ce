import type { Payload } from 'payload'

let identity: Promise<string> | undefined

// Which database this server reads, as a key part for Next's data cache. The cache lives in
// .next/cache and outlives the server; without this, a site pointed at another (or a recreated)
// database would go on serving what the old one held. The first migration record is written
// when a database is created, with a random id, so it names that database and no other.
export const databaseIdentity = ({ payload }: { payload: Payload }): Promise<string> => {
  identity ??= payload
    .find({
      collection: 'payload-migrations',
      sort: 'createdAt',
      limit: 1,
      depth: 0,
      pagination: false,
      overrideAccess: true,
    })
    .then(({ docs }) => (docs[0] ? `${docs[0].id}@${docs[0].createdAt}` : 'unmigrated'))
    .catch((error: unknown) => {
      identity = undefined
      throw error
    })
  return identity
}

// For tests, which open one database after another in a single process.
export const forgetDatabaseIdentity = () => {
  identity = undefined
}
