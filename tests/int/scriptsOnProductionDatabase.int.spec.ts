import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { migrations } from '@/migrations'

import type { ProcessResult } from '../helpers/scripts'

import { migrationRecords, openAsProduction, runNpmScript } from '../helpers/scripts'

// Issue 13: `npm run seed`, `import` and `export` on the database `npm start` serves, a SQLite
// file migrated by the committed migrations. Each runs as an operator runs it, one after the
// other on the same file, and after each the file must still be one `npm start` opens: every
// committed migration recorded, no development-push marker (batch -1) at which Payload stops to
// ask, and Payload in production opening it.

// What `npm start` applies (src/migrations/index.ts), all in its first start's batch.
const migratedByNpmStart = migrations.map(({ name }) => ({ name, batch: 1 }))

const page = path.resolve('tests/int/fixtures/import/workshop-2019-no-qa.txt')

let workDir: string
let databaseFile: string

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cifcc-scripts-'))
  databaseFile = path.join(workDir, 'site.db')
  const { migrations: recorded, stderr } = await openAsProduction({ databaseFile })
  if (!recorded) throw new Error(`Payload in production did not migrate a new file:\n${stderr}`)
}, 180_000)

afterAll(() => {
  fs.rmSync(workDir, { recursive: true, force: true })
})

const expectServableByNpmStart = () => {
  it('leaves every committed migration recorded and no development push', async () => {
    expect(await migrationRecords(databaseFile)).toEqual(migratedByNpmStart)
  })

  it('leaves a database that Payload in production opens without asking', async () => {
    const { code, migrations: recorded } = await openAsProduction({ databaseFile })

    expect({ code, recorded }).toEqual({ code: 0, recorded: migratedByNpmStart })
  }, 180_000)
}

describe('npm run seed on the database npm start migrated', () => {
  let seed: ProcessResult

  beforeAll(async () => {
    seed = await runNpmScript({ script: 'seed', databaseFile })
  }, 300_000)

  it('loads the demo content', () => {
    expect({ code: seed.code, stderr: seed.stderr, stdout: seed.stdout }).toEqual({
      code: 0,
      stderr: '',
      stdout: expect.stringContaining('Seed finished'),
    })
  })

  expectServableByNpmStart()
})

describe('npm run import on the database npm start migrated', () => {
  let imported: ProcessResult

  beforeAll(async () => {
    imported = await runNpmScript({
      script: 'import',
      args: [page, '--report', path.join(workDir, 'import-report.csv')],
      databaseFile,
    })
  }, 300_000)

  it('imports the page as a draft', () => {
    expect({ code: imported.code, stdout: imported.stdout }).toEqual({
      code: 0,
      stdout: expect.stringContaining('created draft "Financing Coastal Resilience"'),
    })
  })

  expectServableByNpmStart()
})

describe('npm run export on the database npm start migrated', () => {
  let exported: ProcessResult
  let archive: string

  beforeAll(async () => {
    archive = path.join(workDir, 'site.tar.gz')
    exported = await runNpmScript({ script: 'export', args: [archive], databaseFile })
  }, 300_000)

  it('writes the archive', () => {
    expect({
      code: exported.code,
      stdout: exported.stdout,
      hasArchive: fs.existsSync(archive),
    }).toEqual({
      code: 0,
      stdout: expect.stringMatching(/export finished .*: \d+ documents/),
      hasArchive: true,
    })
  })

  expectServableByNpmStart()
})
