import type { Payload, SanitizedConfig } from 'payload'

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { getPayload } from 'payload'

import { databaseAdapter } from '@/payload/database'

import { databaseKindFromEnv, temporaryDatabaseURI } from './environment'

type MongooseAdapter = { connection?: { dropDatabase: () => Promise<unknown> } }
type SQLiteAdapter = { client?: { close: () => void } }

let payloadPromise: Promise<Payload> | undefined

// Imported on demand: payload.config.ts reads DATABASE_URI and MEDIA_DIR when it is loaded,
// and tests/helpers/setup.ts sets them first.
export const loadConfig = async (): Promise<SanitizedConfig> => {
  const config = await (await import('@payload-config')).default
  // Outside production every Payload start spawns `payload generate:types` in a child process,
  // which rewrites src/payload-types.ts in the working tree (and, finishing after the test file,
  // recreated its deleted temporary folder). Tests must not write to the project, nor report
  // telemetry.
  config.typescript.autoGenerate = false
  config.telemetry = false
  return config
}

// One Payload per test file. getPayload caches the instance, so the REST and GraphQL route
// handlers of tests/helpers/server.ts use this same instance and database.
export const getTestPayload = (): Promise<Payload> => {
  payloadPromise ??= loadConfig().then(async (config) => quiet(await getPayload({ config })))
  return payloadPromise
}

// The suite is refused and rejected hundreds of times on purpose, and Payload's GraphQL route
// logs every refusal at error level with a stack trace. The tests assert on the responses;
// PAYLOAD_TEST_LOG_LEVEL=info (or debug) shows the server's log when investigating a failure.
const quiet = (payload: Payload) => {
  payload.logger.level = process.env.PAYLOAD_TEST_LOG_LEVEL || 'fatal'
  return payload
}

const closePayload = async ({
  payload,
  dropDatabase,
}: {
  payload: Payload
  dropDatabase: boolean
}) => {
  if (dropDatabase) await (payload.db as unknown as MongooseAdapter).connection?.dropDatabase()
  await payload.destroy()
  ;(payload.db as unknown as SQLiteAdapter).client?.close()
}

const relativeToMediaDir = (staticDir: string | undefined) =>
  path.relative(path.resolve(process.env.MEDIA_DIR || 'media'), path.resolve(staticDir || ''))

export type SecondSite = { payload: Payload; mediaDir: string; close: () => Promise<void> }

// Another site in the same test process, with a database and media folder of its own, for tests
// that move content from one database to another. `key` keeps getPayload's cache apart.
export const openSecondSite = async ({ key }: { key: string }): Promise<SecondSite> => {
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cifcc-test-site-'))
  const mediaDir = path.join(tmpDir, 'media')
  const config = await loadConfig()
  // The SQLite adapter skips the schema push when it has pushed the same schema before in this
  // process, which it has, into the test file's own database; this database needs one too.
  process.env.PAYLOAD_FORCE_DRIZZLE_PUSH = 'true'
  const payload = await getPayload({
    key,
    config: {
      ...config,
      // The sanitized config's adapter type says allowIDOnCreate is set; sanitizing sets it.
      db: databaseAdapter({ uri: temporaryDatabaseURI({ tmpDir }) }) as SanitizedConfig['db'],
      // Each upload folder where it is relative to MEDIA_DIR (documents/ inside the photos' one).
      collections: config.collections.map((collection) =>
        collection.upload
          ? {
              ...collection,
              upload: {
                ...collection.upload,
                staticDir: path.join(mediaDir, relativeToMediaDir(collection.upload.staticDir)),
              },
            }
          : collection,
      ),
    },
  })
  delete process.env.PAYLOAD_FORCE_DRIZZLE_PUSH
  return {
    payload: quiet(payload),
    mediaDir,
    close: async () => {
      await closePayload({ payload, dropDatabase: databaseKindFromEnv() === 'mongodb' })
      fs.rmSync(tmpDir, { recursive: true, force: true })
    },
  }
}

export const closeTestPayload = async ({
  dropDatabase,
}: {
  dropDatabase: boolean
}): Promise<void> => {
  if (!payloadPromise) return
  const payload = await payloadPromise
  payloadPromise = undefined
  await closePayload({ payload, dropDatabase })
}
