// @ts-check
import { logShutdown } from './shutdown.mjs'

// getPayload keeps its instance in global._payload, which every bundle that loaded Payload shares;
// the server has no import of the config to ask for it otherwise.
export const closeDatabase = async () => {
  /** @type {Map<string, { payload?: import('payload').Payload | null }> | undefined} */
  const instances = /** @type {any} */ (globalThis)._payload
  for (const { payload } of instances?.values() ?? []) {
    if (!payload) continue
    // The SQLite adapter's destroy() leaves its libsql client open, and libsql leaves each
    // transaction's connection to the garbage collector, so nothing closes the last one and SQLite
    // keeps recent writes in the -wal file. Moved into the database file, they go wherever it is
    // copied to after the server stopped.
    /** @type {import('@libsql/client').Client | undefined} */
    const sqliteClient = /** @type {any} */ (payload.db).client
    if (sqliteClient) {
      await sqliteClient.execute('PRAGMA wal_checkpoint(TRUNCATE)')
      logShutdown('moved the write-ahead log into the database file')
    }
    await payload.destroy()
    sqliteClient?.close()
    logShutdown(`closed the database (${payload.db.name})`)
  }
}
