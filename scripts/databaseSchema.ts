// Which schema changes a script may make to the SQLite file it is given, decided before Payload
// connects: a schema pushed onto a database that `npm start` migrated makes Payload fail, and a
// push into a new file leaves a marker at which `npm start` stops and asks, waiting forever.
import type { SchemaChanges } from '@/payload/database'

import { createClient } from '@libsql/client'
import fs from 'node:fs'

import {
  committedMigrationNames,
  developmentSQLiteFile,
  sqliteFileFor,
} from '@/payload/databaseFile'

export type SchemaState =
  | { kind: 'new'; exists: boolean }
  // Every committed migration recorded, as `npm start` leaves it.
  | { kind: 'migrated' }
  // `npm run dev` pushed its schema into it (the batch -1 marker).
  | { kind: 'development' }
  | { kind: 'behind'; pending: string[] }
  | { kind: 'ahead'; unknown: string[] }
  // Tables, but no record of Payload's migrations or pushes.
  | { kind: 'foreign' }
  | { kind: 'unreadable'; reason: string }

// Reads the file without creating it: libsql would create a missing one.
export const readSchemaState = async ({
  file,
  committed,
}: {
  file: string
  committed: string[]
}): Promise<SchemaState> => {
  if (!fs.existsSync(file)) return { kind: 'new', exists: false }
  const client = createClient({ url: `file:${file}` })
  try {
    const { rows: tables } = await client.execute(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
    )
    if (tables.length === 0) return { kind: 'new', exists: true }
    if (!tables.some(({ name }) => name === 'payload_migrations')) return { kind: 'foreign' }
    const { rows } = await client.execute('SELECT name, batch FROM payload_migrations')
    return stateOfRecords({
      records: rows.map(({ name, batch }) => ({ name: String(name), batch: Number(batch) })),
      committed,
    })
  } catch (error) {
    return { kind: 'unreadable', reason: error instanceof Error ? error.message : String(error) }
  } finally {
    client.close()
  }
}

const stateOfRecords = ({
  records,
  committed,
}: {
  records: { name: string; batch: number }[]
  committed: string[]
}): SchemaState => {
  if (records.some(({ batch }) => batch === -1)) return { kind: 'development' }
  if (records.length === 0) return { kind: 'foreign' }
  const recorded = records.map(({ name }) => name)
  const unknown = recorded.filter((name) => !committed.includes(name))
  if (unknown.length > 0) return { kind: 'ahead', unknown }
  const pending = committed.filter((name) => !recorded.includes(name))
  if (pending.length > 0) return { kind: 'behind', pending }
  return { kind: 'migrated' }
}

// A script that only reads (export) changes no schema; one that writes gives a new file the
// schema of the server that will open it.
export type ScriptAccess = 'read' | 'write'

export type SchemaDecision = { schema: SchemaChanges } | { refusal: string }

const listed = (names: string[]) =>
  names.length > 2
    ? `${names.slice(0, 2).join(', ')} and ${names.length - 2} more`
    : names.join(', ')

export const decideSchemaChanges = ({
  name,
  file,
  state,
  access,
  isProduction,
  isDevelopmentFile,
}: {
  name: string
  file: string
  state: SchemaState
  access: ScriptAccess
  isProduction: boolean
  /** data/dev.db, the file `npm run dev` uses by default */
  isDevelopmentFile: boolean
}): SchemaDecision => {
  switch (state.kind) {
    case 'new':
      if (access === 'read')
        return {
          refusal: `${name}: ${file} ${state.exists ? 'holds no site yet' : 'does not exist'}, so there is nothing to ${name}; check DATABASE_URI.`,
        }
      // data/dev.db is `npm run dev`'s, which pushes its schema and could not push it onto
      // migrated tables; any other new file gets the schema `npm start` would give it.
      return { schema: isDevelopmentFile && !isProduction ? 'payload' : 'migrations' }
    case 'migrated':
      return { schema: 'asFound' }
    case 'development':
      if (access === 'read') return { schema: 'asFound' }
      // Pushed again, as `npm run dev` would.
      if (!isProduction) return { schema: 'payload' }
      return {
        refusal: `${name}: ${file} is a development database (\`npm run dev\` pushed its schema into it), and under NODE_ENV=production Payload would stop to ask before migrating it; point DATABASE_URI at a database \`npm start\` made, or at a new file.`,
      }
    case 'behind':
      return {
        refusal: `${name}: ${file} lacks ${state.pending.length} of this version's migrations (${listed(state.pending)}); run \`npm start\` once, or \`npm run payload migrate\` with the same DATABASE_URI, to apply them, then run ${name} again.`,
      }
    case 'ahead':
      return {
        refusal: `${name}: ${file} was migrated by a newer version of cifcc-site (${listed(state.unknown)} ${state.unknown.length === 1 ? 'is' : 'are'} not in src/migrations); update this checkout (git pull, npm ci) and run ${name} again.`,
      }
    case 'foreign':
      return {
        refusal: `${name}: ${file} holds tables but no record of Payload's migrations, so it is no cifcc-site database; point DATABASE_URI at the site's database or at a new file.`,
      }
    case 'unreadable':
      return {
        refusal: `${name}: ${file} cannot be read as an SQLite database (${state.reason}); check DATABASE_URI.`,
      }
  }
}

// For the script `name` on the database DATABASE_URI names. MongoDB has no schema to change.
export const schemaChangesForScript = async ({
  name,
  access,
}: {
  name: string
  access: ScriptAccess
}): Promise<SchemaDecision> => {
  const file = sqliteFileFor(process.env.DATABASE_URI)
  if (!file) return { schema: 'payload' }
  return decideSchemaChanges({
    name,
    file,
    state: await readSchemaState({ file, committed: committedMigrationNames() }),
    access,
    isProduction: process.env.NODE_ENV === 'production',
    isDevelopmentFile: file === developmentSQLiteFile(),
  })
}
