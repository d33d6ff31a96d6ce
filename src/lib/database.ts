import type { MongooseAdapter } from '@payloadcms/db-mongodb'
import type { DatabaseAdapterObj, Payload } from 'payload'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import type { SQLiteSchemaHook } from '@payloadcms/db-sqlite'

import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { index } from '@payloadcms/db-sqlite/drizzle/sqlite-core'
import fs from 'node:fs'
import path from 'node:path'

import { migrations } from '../migrations'
import {
  reportDatabaseFailure,
  reportDatabaseRecovery,
  watchSQLiteFile,
} from '../server/databaseHealth.mjs'
import { countDatabaseQuery } from '../server/requestContext.mjs'

// Payload keeps localized fields in `<table>_locales` with one unique index on (_locale,
// _parent_id), but reads them by _parent_id alone, which that index cannot serve: every document
// read scanned the whole locales table (a page of 20 meetings took 0.5 s at 1,000 meetings, and
// grew with the square of the content). An index on _parent_id of each of them makes it a lookup.
const indexLocalesByParent: SQLiteSchemaHook = ({ schema, extendTable }) => {
  for (const [name, table] of Object.entries(schema.tables)) {
    if (!name.endsWith('_locales') || !('_parentID' in table)) continue
    extendTable({
      table,
      extraConfig: (columns) => ({
        parentLookup: index(`${name}_parent_lookup_idx`).on(columns._parentID),
      }),
    })
  }
  return schema
}

const isMongoURI = (uri: string) => /^mongodb(\+srv)?:\/\//.test(uri)

// Development pushes schema changes straight into its file while production applies the
// committed migrations; sharing one file would leave the two out of step, so each has its own.
const defaultSQLiteFile = () =>
  path.resolve(
    process.cwd(),
    'data',
    process.env.NODE_ENV === 'production' ? 'production.db' : 'dev.db',
  )

const sqliteFileFromURI = (uri: string) => uri.replace(/^file:(\/\/)?/, '')

// Opening, committing or rolling back a transaction may not touch the database file at all, so
// their success says nothing about it being back; their failures count.
const transactionOperations = new Set([
  'beginTransaction',
  'commitTransaction',
  'rollbackTransaction',
])

// The adapter's operations, each of which goes to the database.
const databaseOperations = [
  ...transactionOperations,
  'count',
  'countGlobalVersions',
  'countVersions',
  'create',
  'createGlobal',
  'createGlobalVersion',
  'createVersion',
  'deleteMany',
  'deleteOne',
  'deleteVersions',
  'find',
  'findDistinct',
  'findGlobal',
  'findGlobalVersions',
  'findOne',
  'findVersions',
  'queryDrafts',
  'updateGlobal',
  'updateGlobalVersion',
  'updateMany',
  'updateOne',
  'updateVersion',
  'upsert',
] as const

// Every database call, from any surface (pages, REST, GraphQL, scripts), tells
// src/server/databaseHealth.mjs whether the database answered, so that the server can answer 503
// during an outage and notice on its own when it is over.
const reportFailuresOf = (adapterObj: DatabaseAdapterObj): DatabaseAdapterObj => ({
  ...adapterObj,
  init: (args) => {
    const adapter = adapterObj.init(args) as unknown as Record<string, unknown>
    for (const name of databaseOperations) {
      const operation = adapter[name]
      if (typeof operation !== 'function') continue
      adapter[name] = async function (this: unknown, ...operationArgs: unknown[]) {
        try {
          const result: unknown = await operation.apply(this, operationArgs)
          if (!transactionOperations.has(name)) reportDatabaseRecovery()
          return result
        } catch (error) {
          reportDatabaseFailure(error)
          throw error
        }
      }
    }
    return adapter as unknown as ReturnType<DatabaseAdapterObj['init']>
  },
})

export const databaseAdapter = ({
  uri = process.env.DATABASE_URI,
}: { uri?: string } = {}): DatabaseAdapterObj => reportFailuresOf(adapterFor(uri))

const adapterFor = (uri: string | undefined): DatabaseAdapterObj => {
  if (uri && isMongoURI(uri)) {
    watchSQLiteFile(null)
    return mongooseAdapter({ url: uri })
  }
  if (uri && !uri.startsWith('file:')) {
    throw new Error(
      `DATABASE_URI must be a mongodb:// address or a file: path for SQLite; got "${uri.split('@').pop()}".`,
    )
  }
  const file = uri ? path.resolve(sqliteFileFromURI(uri)) : defaultSQLiteFile()
  // libsql opens the file but does not create its folder.
  fs.mkdirSync(path.dirname(file), { recursive: true })
  watchSQLiteFile(file)
  return sqliteAdapter({
    client: { url: `file:${file}` },
    idType: 'uuid',
    migrationDir: path.resolve(process.cwd(), 'src/migrations'),
    prodMigrations: migrations,
    wal: true,
    // Another process writing the same file (npm run import, seed:scale, restore) holds the write
    // lock for a moment; without a timeout SQLite fails the server's write at once with
    // SQLITE_BUSY. libsql waits in the calling thread, so the wait is short; locked for longer,
    // it is an outage (src/server/databaseHealth.mjs).
    busyTimeout: 2_000,
    afterSchemaInit: [indexLocalesByParent],
    // Counts every statement against the request that made it (access log, benchmarks).
    logger: { logQuery: countDatabaseQuery },
  })
}

// Mongoose calls its debug hook for every collection operation, from the caller's async context,
// which is where the request's query count lives. SQLite counts through its adapter's logger.
export const countMongoQueries = (payload: Payload) => {
  if (payload.db.name === 'mongoose') {
    ;(payload.db as unknown as MongooseAdapter).connection.set('debug', countDatabaseQuery)
  }
}
