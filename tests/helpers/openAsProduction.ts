// `tsx tests/helpers/openAsProduction.ts` with NODE_ENV=production and DATABASE_URI: opens the
// database as `npm start` does, without needing its build: Payload in production on the adapter
// of payload.config.ts, which applies the pending committed migrations and, at a database that
// `npm run dev` pushed its schema into, stops to ask. Prints the migrations the database then
// records as one JSON line and exits 0.
// With `--migrations N` it applies only the first N committed migrations instead: the database
// of an older version of the site.
import type { Migration, Payload } from 'payload'

import { parseArgs } from 'node:util'

const { values } = parseArgs({ options: { migrations: { type: 'string' } } })

const config = await (await import('@payload-config')).default
const { getPayload } = await import('payload')

const openOlderVersion = async (count: number): Promise<Payload> => {
  const { databaseAdapter } = await import('@/payload/database')
  const { migrations } = await import('@/migrations')
  // Without this version's onInit: it reads tables and columns (visibility) that an older
  // version's database does not have yet.
  const payload = await getPayload({
    config: {
      ...config,
      db: databaseAdapter({ schema: 'asFound' }) as typeof config.db,
      onInit: () => undefined,
    },
  })
  // Payload types a migration's arguments as unknown; these take the SQLite adapter's.
  await payload.db.migrate({ migrations: migrations.slice(0, count) as unknown as Migration[] })
  return payload
}

const payload =
  values.migrations === undefined
    ? await getPayload({ config })
    : await openOlderVersion(Number(values.migrations))
const { docs } = await payload.find({
  collection: 'payload-migrations',
  pagination: false,
  sort: 'name',
})
console.log(JSON.stringify({ migrations: docs.map(({ name, batch }) => ({ name, batch })) }))
await payload.destroy()
process.exit(0)
