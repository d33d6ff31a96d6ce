import type { Payload, SanitizedConfig } from 'payload'

import { getPayload } from 'payload'

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
  payloadPromise ??= loadConfig().then(async (config) => {
    const payload = await getPayload({ config })
    // The suite is refused and rejected hundreds of times on purpose, and Payload's GraphQL route
    // logs every refusal at error level with a stack trace. The tests assert on the responses;
    // PAYLOAD_TEST_LOG_LEVEL=info (or debug) shows the server's log when investigating a failure.
    payload.logger.level = process.env.PAYLOAD_TEST_LOG_LEVEL || 'fatal'
    return payload
  })
  return payloadPromise
}

export const closeTestPayload = async ({
  dropDatabase,
}: {
  dropDatabase: boolean
}): Promise<void> => {
  if (!payloadPromise) return
  const payload = await payloadPromise
  payloadPromise = undefined
  if (dropDatabase) await (payload.db as unknown as MongooseAdapter).connection?.dropDatabase()
  await payload.destroy()
  ;(payload.db as unknown as SQLiteAdapter).client?.close()
}
