import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { migrations } from '@/migrations'

import type { ProcessResult } from '../helpers/scripts'

import { getTestPayload } from '../helpers/payload'
import {
  migrationRecords,
  openAsProduction,
  recordMigrations,
  runNpmScript,
  schemaSnapshot,
} from '../helpers/scripts'

// The scripts on the databases other than the one `npm start` migrated (issue 13): a new file
// gets the migrations `npm start` would apply; a database `npm run dev` pushed into is pushed
// again, as today; a database the scripts cannot handle is refused at once, in one sentence that
// says what to do, and left as it was.

const migratedByNpmStart = migrations.map(({ name }) => ({ name, batch: 1 }))

const page = path.resolve('tests/int/fixtures/import/workshop-2019-no-qa.txt')

let workDir: string

beforeAll(() => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cifcc-scripts-other-'))
})

afterAll(() => {
  fs.rmSync(workDir, { recursive: true, force: true })
})

// What an operator sees of a refusal: one line on stderr, a sentence, nothing of Payload.
const refusalOf = ({ code, stdout, stderr, seconds }: ProcessResult) => ({
  code,
  stdout,
  lines: stderr.trim().split('\n').length,
  hasStackTrace: /^\s+at /m.test(stderr),
  isQuick: seconds < 30,
})

const quickRefusal = { code: 1, stdout: '', lines: 1, hasStackTrace: false, isQuick: true }

describe('npm run import on a new file', () => {
  let databaseFile: string
  let imported: ProcessResult

  beforeAll(async () => {
    databaseFile = path.join(workDir, 'new.db')
    imported = await runNpmScript({
      script: 'import',
      args: [page, '--report', path.join(workDir, 'import-report.csv')],
      databaseFile,
    })
  }, 300_000)

  it('imports the page', () => {
    expect(imported.code).toBe(0)
  })

  it('gives the file the committed migrations, not the development push', async () => {
    expect(await migrationRecords(databaseFile)).toEqual(migratedByNpmStart)
  })

  it('leaves a database that Payload in production opens without asking', async () => {
    const { code, migrations: recorded } = await openAsProduction({ databaseFile })

    expect({ code, recorded }).toEqual({ code: 0, recorded: migratedByNpmStart })
  }, 180_000)
})

describe('npm run import on a database npm run dev pushed its schema into', () => {
  let databaseFile: string
  let imported: ProcessResult

  beforeAll(async () => {
    // This test file's own database, into which Payload outside production pushed its schema.
    await getTestPayload()
    databaseFile = (process.env.DATABASE_URI as string).replace(/^file:/, '')
    imported = await runNpmScript({
      script: 'import',
      args: [page, '--report', path.join(workDir, 'import-report.csv')],
      databaseFile,
    })
  }, 300_000)

  it('imports the page, as it did before', () => {
    expect(imported.code).toBe(0)
  })

  it('leaves it a development database, with no migrations run', async () => {
    expect(await migrationRecords(databaseFile)).toEqual([{ name: 'dev', batch: -1 }])
  })
})

describe('npm run import on the database of an older version of the site', () => {
  let databaseFile: string
  let before: Awaited<ReturnType<typeof schemaSnapshot>>
  let refused: ProcessResult

  beforeAll(async () => {
    databaseFile = path.join(workDir, 'older.db')
    await openAsProduction({ databaseFile, migrations: migrations.length - 1 })
    before = await schemaSnapshot(databaseFile)
    refused = await runNpmScript({
      script: 'import',
      args: [page, '--report', path.join(workDir, 'import-report.csv')],
      databaseFile,
    })
  }, 300_000)

  it('stops at once with one sentence and no stack trace', () => {
    expect(refusalOf(refused)).toEqual(quickRefusal)
  })

  it('names the migration missing and how to apply it', () => {
    expect(refused.stderr).toContain(
      `lacks 1 of this version's migrations (${migrations.at(-1)!.name}); run \`npm start\` once`,
    )
  })

  it('changes nothing in the database', async () => {
    expect(await schemaSnapshot(databaseFile)).toEqual(before)
  })

  it('is right that npm start applies the missing migration', async () => {
    const { code, migrations: recorded } = await openAsProduction({ databaseFile })

    expect({ code, recorded: recorded?.map(({ name }) => name) }).toEqual({
      code: 0,
      recorded: migrations.map(({ name }) => name),
    })
  }, 180_000)
})

describe('npm run seed on a database a newer version of the site migrated', () => {
  let databaseFile: string
  let refused: ProcessResult

  beforeAll(async () => {
    databaseFile = path.join(workDir, 'newer.db')
    await recordMigrations(databaseFile, [
      ...migratedByNpmStart,
      { name: '20300101_000000_future', batch: 2 },
    ])
    refused = await runNpmScript({ script: 'seed', databaseFile })
  }, 300_000)

  it('stops at once with one sentence that says to update the code', () => {
    expect({ ...refusalOf(refused), stderr: refused.stderr }).toEqual({
      ...quickRefusal,
      stderr: expect.stringMatching(/migrated by a newer version .* update this checkout/),
    })
  })
})

describe('npm run export of a file that does not exist', () => {
  let databaseFile: string
  let refused: ProcessResult

  beforeAll(async () => {
    databaseFile = path.join(workDir, 'typo.db')
    refused = await runNpmScript({
      script: 'export',
      args: [path.join(workDir, 'typo.tar.gz')],
      databaseFile,
    })
  }, 120_000)

  it('stops at once with one sentence', () => {
    expect({ ...refusalOf(refused), stderr: refused.stderr }).toEqual({
      ...quickRefusal,
      stderr: `export: ${databaseFile} does not exist, so there is nothing to export; check DATABASE_URI.\n`,
    })
  })

  it('creates no database', () => {
    expect(fs.existsSync(databaseFile)).toBe(false)
  })
})
