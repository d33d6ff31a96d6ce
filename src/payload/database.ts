import type { MongooseAdapter } from '@payloadcms/db-mongodb'
import type { DatabaseAdapterObj, Migration, Payload } from 'payload'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import type { SQLiteSchemaHook } from '@payloadcms/db-sqlite'

import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { index } from '@payloadcms/db-sqlite/drizzle/sqlite-core'
import fs from 'node:fs'
import path from 'node:path'

import { migrations } from '@/migrations'
import { migrationDir, sqliteFileFor } from './databaseFile'
import { claimJobsOnce } from './jobClaims'
import {
  reportDatabaseFailure,
  reportDatabaseRecovery,
  watchSQLiteFile,
} from '@/runtime/databaseHealth.mjs'
import { countDatabaseQuery } from '@/runtime/requestContext.mjs'

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

// What connecting does to the schema of an SQLite file:
// - 'payload': what Payload does by NODE_ENV, as `npm run dev` and `npm start` want it: push the
//   collections' schema in development, apply the committed migrations in production;
// - 'migrations': apply the committed migrations whatever NODE_ENV says (a script giving a new
//   file the schema `npm start` would give it);
// - 'asFound': neither (a script on a database that already has its schema).
export type SchemaChanges = 'payload' | 'migrations' | 'asFound'

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
// src/runtime/databaseHealth.mjs whether the database answered, so that the server can answer 503
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

// Payload applies prodMigrations only when NODE_ENV is production; outside it, apply them here,
// right after connecting, as Payload would.
const migrateOnConnect = (adapterObj: DatabaseAdapterObj): DatabaseAdapterObj => ({
  ...adapterObj,
  init: (args) => {
    const adapter = adapterObj.init(args)
    const { connect } = adapter
    adapter.connect = async (options) => {
      await connect?.call(adapter, options)
      // Payload types a migration's arguments as unknown; these take the SQLite adapter's.
      await adapter.migrate({ migrations: migrations as unknown as Migration[] })
    }
    return adapter
  },
})

// MongoDB has no schema to push or migrate, so `schema` only concerns SQLite.
export const databaseAdapter = ({
  uri = process.env.DATABASE_URI,
  schema = 'payload',
}: { uri?: string; schema?: SchemaChanges } = {}): DatabaseAdapterObj =>
  reportFailuresOf(claimJobsOnce(adapterFor({ uri, schema })))

const adapterFor = ({ uri, schema }: { uri?: string; schema: SchemaChanges }) => {
  const file = sqliteFileFor(uri)
  if (!file) {
    watchSQLiteFile(null)
    return mongooseAdapter({ url: uri as string })
  }
  // libsql opens the file but does not create its folder.
  fs.mkdirSync(path.dirname(file), { recursive: true })
  watchSQLiteFile(file)
  const adapterObj = sqliteAdapter({
    client: { url: `file:${file}` },
    idType: 'uuid',
    migrationDir: migrationDir(),
    ...(schema === 'payload' ? { prodMigrations: migrations } : { push: false }),
    wal: true,
    // Another process writing the same file (npm run import, seed:scale, restore) holds the write
    // lock for a moment; without a timeout SQLite fails the server's write at once with
    // SQLITE_BUSY. libsql waits in the calling thread, so the wait is short; locked for longer,
    // it is an outage (src/runtime/databaseHealth.mjs).
    busyTimeout: 2_000,
    afterSchemaInit: [indexLocalesByParent],
    // Counts every statement against the request that made it (access log, benchmarks).
    logger: { logQuery: countDatabaseQuery },
  })
  return schema === 'migrations' ? migrateOnConnect(adapterObj) : adapterObj
}

// Mongoose calls its debug hook for every collection operation, from the caller's async context,
// which is where the request's query count lives. SQLite counts through its adapter's logger.
export const countMongoQueries = (payload: Payload) => {
  if (payload.db.name === 'mongoose') {
    ;(payload.db as unknown as MongooseAdapter).connection.set('debug', countDatabaseQuery)
  }
}
