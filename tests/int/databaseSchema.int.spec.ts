import type { SchemaState, ScriptAccess } from '../../scripts/databaseSchema'

import { createClient } from '@libsql/client'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { committedMigrationNames } from '@/payload/databaseFile'
import { migrations } from '@/migrations'

import { decideSchemaChanges, readSchemaState } from '../../scripts/databaseSchema'

// How the scripts tell the databases they are given apart (scripts/databaseSchema.ts), on small
// SQLite files made for each state, and what each state lets a script do. The scripts
// themselves, on real databases, are in scriptsOnProductionDatabase and scriptsOnOtherDatabases.

const committed = ['20260101_000000_first', '20260102_000000_second']

let workDir: string

const sqliteFile = async (name: string, statements: string[]) => {
  const file = path.join(workDir, `${name}.db`)
  const client = createClient({ url: `file:${file}` })
  for (const statement of statements) await client.execute(statement)
  client.close()
  return file
}

const withMigrations = (records: [name: string, batch: number][]) => [
  'CREATE TABLE meetings (id text PRIMARY KEY)',
  'CREATE TABLE payload_migrations (id text PRIMARY KEY, name text, batch numeric)',
  ...records.map(
    ([name, batch], index) =>
      `INSERT INTO payload_migrations (id, name, batch) VALUES ('${index}', '${name}', ${batch})`,
  ),
]

const stateOf = async (name: string, statements: string[]) =>
  readSchemaState({ file: await sqliteFile(name, statements), committed })

beforeAll(() => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cifcc-schema-'))
})

afterAll(() => {
  fs.rmSync(workDir, { recursive: true, force: true })
})

describe('the committed migrations', () => {
  it('are the same in src/migrations and in the list npm start applies', () => {
    expect(committedMigrationNames()).toEqual(migrations.map(({ name }) => name))
  })
})

describe('reading a database', () => {
  it('finds a missing file new, and does not create it', async () => {
    const file = path.join(workDir, 'missing.db')

    expect(await readSchemaState({ file, committed })).toEqual({ kind: 'new', exists: false })
    expect(fs.existsSync(file)).toBe(false)
  })

  it('finds a file without tables new', async () => {
    expect(await stateOf('empty', [])).toEqual({ kind: 'new', exists: true })
  })

  it('finds one with every committed migration recorded migrated', async () => {
    const state = await stateOf('migrated', withMigrations(committed.map((name) => [name, 1])))

    expect(state).toEqual({ kind: 'migrated' })
  })

  it('finds one with the development push marker a development database', async () => {
    expect(await stateOf('development', withMigrations([['dev', -1]]))).toEqual({
      kind: 'development',
    })
  })

  it('finds one that lacks a committed migration behind', async () => {
    expect(await stateOf('behind', withMigrations([[committed[0], 1]]))).toEqual({
      kind: 'behind',
      pending: [committed[1]],
    })
  })

  it('finds one with a migration this checkout lacks ahead', async () => {
    const records = [...committed.map((name) => [name, 1]), ['20300101_000000_future', 2]]

    expect(await stateOf('ahead', withMigrations(records as [string, number][]))).toEqual({
      kind: 'ahead',
      unknown: ['20300101_000000_future'],
    })
  })

  it('finds tables without migration records foreign', async () => {
    expect(await stateOf('foreign', ['CREATE TABLE accounts (id integer)'])).toEqual({
      kind: 'foreign',
    })
  })

  it('finds a file that is not SQLite unreadable', async () => {
    const file = path.join(workDir, 'notes.db')
    fs.writeFileSync(file, 'meeting notes, not a database\n'.repeat(100))

    expect(await readSchemaState({ file, committed })).toEqual({
      kind: 'unreadable',
      reason: expect.stringMatching(/not a database/),
    })
  })
})

describe('what a script may do', () => {
  const decide = ({
    state,
    access = 'write',
    isProduction = false,
    isDevelopmentFile = false,
  }: {
    state: SchemaState
    access?: ScriptAccess
    isProduction?: boolean
    isDevelopmentFile?: boolean
  }) =>
    decideSchemaChanges({
      // export is the script that only reads.
      name: access === 'read' ? 'export' : 'seed',
      file: '/srv/site.db',
      state,
      access,
      isProduction,
      isDevelopmentFile,
    })

  it('gives a new file the committed migrations, as npm start would', () => {
    expect(decide({ state: { kind: 'new', exists: false } })).toEqual({ schema: 'migrations' })
  })

  it('gives a new data/dev.db the push npm run dev would give it', () => {
    expect(decide({ state: { kind: 'new', exists: false }, isDevelopmentFile: true })).toEqual({
      schema: 'payload',
    })
  })

  it('gives a new data/dev.db the migrations under NODE_ENV=production', () => {
    expect(
      decide({ state: { kind: 'new', exists: true }, isDevelopmentFile: true, isProduction: true }),
    ).toEqual({ schema: 'migrations' })
  })

  it('uses a migrated database as it is, without a push', () => {
    expect(decide({ state: { kind: 'migrated' } })).toEqual({ schema: 'asFound' })
  })

  it('pushes into a development database again, as npm run dev does', () => {
    expect(decide({ state: { kind: 'development' } })).toEqual({ schema: 'payload' })
  })

  it('refuses a development database under NODE_ENV=production, where Payload would ask', () => {
    expect(decide({ state: { kind: 'development' }, isProduction: true })).toEqual({
      refusal: expect.stringMatching(/^seed: \/srv\/site\.db is a development database .*\.$/),
    })
  })

  it('refuses a database that lacks migrations, and says how to apply them', () => {
    expect(decide({ state: { kind: 'behind', pending: ['20260102_000000_second'] } })).toEqual({
      refusal: expect.stringContaining('run `npm start` once, or `npm run payload migrate`'),
    })
  })

  it.each<SchemaState>([
    { kind: 'ahead', unknown: ['20300101_000000_future'] },
    { kind: 'foreign' },
    { kind: 'unreadable', reason: 'file is not a database' },
  ])('refuses a $kind database in one sentence', (state) => {
    const decision = decide({ state })

    expect(decision).toEqual({ refusal: expect.stringMatching(/^seed: [^\n]+\.$/) })
  })

  it('only reads when it only reads: no push, no migrations', () => {
    const states: SchemaState[] = [{ kind: 'migrated' }, { kind: 'development' }]

    expect(states.map((state) => decide({ state, access: 'read', isProduction: true }))).toEqual([
      { schema: 'asFound' },
      { schema: 'asFound' },
    ])
  })

  it('refuses to read a new file, which holds nothing', () => {
    expect(decide({ state: { kind: 'new', exists: false }, access: 'read' })).toEqual({
      refusal:
        'export: /srv/site.db does not exist, so there is nothing to export; check DATABASE_URI.',
    })
  })
})
