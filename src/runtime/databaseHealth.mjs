// @ts-check
import { requestContext } from './requestContext.mjs'
import { runtimeState } from './runtimeState.mjs'

// Whether the database is answering. Every database call reports its failures here (see
// reportFailuresOf in src/payload/database.ts); the production server (src/server/renderer.mjs) turns
// a request that failed for want of the database into a 503 and, while the outage lasts, answers
// 503 at once instead of letting each reader wait for the database to time out. A request that
// reads the database and succeeds ends the outage: nobody has to restart anything.

// SQLite: busy or locked by another process, its files unreadable, the disk full or failing.
const unavailableSQLiteCodes = new Set([
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  'SQLITE_PROTOCOL',
  'SQLITE_CANTOPEN',
  'SQLITE_NOTADB',
  'SQLITE_FULL',
  'SQLITE_READONLY',
  'SQLITE_PERM',
  'SQLITE_AUTH',
])
// MongoDB: the server is stopped, unreachable or failing over.
const unavailableMongoErrors = new Set([
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
  'MongoServerClosedError',
])

/**
 * Follows an error's causes (Drizzle and Payload wrap the driver's error) looking for one that
 * says the database cannot be reached, as opposed to a query it refused.
 *
 * @param {unknown} error
 * @returns {boolean}
 */
export const isDatabaseUnavailable = (error) => {
  let current = /** @type {any} */ (error)
  for (let depth = 0; current && typeof current === 'object' && depth < 8; depth += 1) {
    const code = typeof current.code === 'string' ? current.code : ''
    if (unavailableSQLiteCodes.has(code) || code.startsWith('SQLITE_IOERR')) return true
    if (unavailableMongoErrors.has(current.name)) return true
    current = current.cause ?? current.originalError
  }
  return false
}

/**
 * @typedef {{
 *   unavailableSince: number | null
 *   lastFailureAt: number
 *   lastError: string
 *   sqliteFile: string | null
 *   checkingAtStart?: boolean
 * }} DatabaseHealth
 */

// One record for the server and Next's bundles (src/runtime/runtimeState.mjs).
export const databaseHealth = (runtimeState.databaseHealth ??= {
  unavailableSince: null,
  lastFailureAt: 0,
  lastError: '',
  sqliteFile: null,
})

/**
 * Records a failed database call when the failure means the database is unreachable.
 *
 * @param {unknown} error
 * @returns {boolean} whether it did
 */
export const reportDatabaseFailure = (error) => {
  if (!isDatabaseUnavailable(error)) return false
  const now = Date.now()
  if (databaseHealth.unavailableSince === null) {
    databaseHealth.unavailableSince = now
    process.stderr.write(
      `cifcc-site: the database is unavailable (${describe(error)}); answering 503 until it is back\n`,
    )
  }
  databaseHealth.lastFailureAt = now
  databaseHealth.lastError = describe(error)
  const context = requestContext.getStore()
  if (context) context.databaseFailed = true
  return true
}

// An SQLite database is checked from a worker thread (src/server/sqliteProbe.mjs) rather than by
// letting requests try it; the adapter says which file.
/** @param {string | null} file */
export const watchSQLiteFile = (file) => {
  databaseHealth.sqliteFile = file
}

export const reportDatabaseRecovery = () => {
  if (databaseHealth.unavailableSince === null) return
  const seconds = Math.round((Date.now() - databaseHealth.unavailableSince) / 1000)
  databaseHealth.unavailableSince = null
  process.stderr.write(`cifcc-site: the database is back after ${seconds} s\n`)
}

/** @param {unknown} error */
const describe = (error) => {
  let current = /** @type {any} */ (error)
  while (current?.cause) current = current.cause
  return String(current?.code ?? current?.name ?? 'error') + ': ' + String(current?.message ?? '')
}

export const databaseUnavailableMessage =
  'The database is unavailable at the moment. Nothing was changed; please try again in a minute.'

// How long to answer 503 at once after a failure before letting one request try the database.
export const retryAfterSeconds = 5
