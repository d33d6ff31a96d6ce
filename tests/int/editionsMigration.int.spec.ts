import type { MigrateUpArgs } from '@payloadcms/db-sqlite'

import { createClient } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { migrations } from '@/migrations'

// The migration that turned a meeting's year into an edition, on a database as the previous
// release left it: every earlier migration applied, meetings filed under bare years.

const editionsMigration = migrations.findIndex(({ name }) => name.endsWith('_editions'))

let workDir: string
let client: ReturnType<typeof createClient>

const run = (up: (args: MigrateUpArgs) => Promise<void>) =>
  up({ db: drizzle(client), payload: undefined, req: undefined } as unknown as MigrateUpArgs)

const meeting = (id: string, year: number, status: 'draft' | 'published') =>
  `INSERT INTO meetings (id, kind, edition, starts_at, slug, _status) VALUES ('${id}', 'round-table', ${year}, '${year}-10-30T06:00:00.000Z', 'meeting-${id}', '${status}')`

const version = (id: string, parent: string, year: number) =>
  `INSERT INTO _meetings_v (id, parent_id, version_kind, version_edition, version__status, latest) VALUES ('${id}', '${parent}', 'round-table', ${year}, 'draft', 1)`

const rows = async (statement: string) =>
  (await client.execute(statement)).rows.map((row) => ({ ...row }))

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cifcc-editions-migration-'))
  client = createClient({ url: `file:${path.join(workDir, 'site.db')}` })
  for (const { up } of migrations.slice(0, editionsMigration)) await run(up as never)
  for (const statement of [
    meeting('a', 2019, 'published'),
    meeting('b', 2019, 'published'),
    meeting('c', 2022, 'published'),
    meeting('d', 2025, 'draft'),
    version('v1', 'c', 2022),
    // A newer draft of a published meeting, moved to a year nothing else names.
    version('v2', 'a', 2018),
  ])
    await client.execute(statement)
  await run(migrations[editionsMigration].up as never)
})

afterAll(() => {
  client.close()
  fs.rmSync(workDir, { recursive: true, force: true })
})

describe('moving meetings from years to editions', () => {
  it('files every meeting under the edition of its year', async () => {
    expect(await rows('SELECT id, edition_id FROM meetings ORDER BY id')).toEqual([
      { id: 'a', edition_id: 2019 },
      { id: 'b', edition_id: 2019 },
      { id: 'c', edition_id: 2022 },
      { id: 'd', edition_id: 2025 },
    ])
    expect(await rows('SELECT id, version_edition_id FROM _meetings_v ORDER BY id')).toEqual([
      { id: 'v1', version_edition_id: 2022 },
      { id: 'v2', version_edition_id: 2018 },
    ])
  })

  it('makes an edition of each year, published only where a published meeting names it', async () => {
    expect(await rows('SELECT id, slug, _status FROM editions ORDER BY id')).toEqual([
      { id: 2018, slug: '2018', _status: 'draft' },
      { id: 2019, slug: '2019', _status: 'published' },
      { id: 2022, slug: '2022', _status: 'published' },
      { id: 2025, slug: '2025', _status: 'draft' },
    ])
  })

  it('gives each edition a latest version, as Payload keeps for documents with drafts', async () => {
    const versions = await rows(
      'SELECT id, parent_id, version__status, latest FROM _editions_v ORDER BY parent_id',
    )
    expect(
      versions.map(({ parent_id, version__status, latest }) => [
        parent_id,
        version__status,
        latest,
      ]),
    ).toEqual([
      [2018, 'draft', 1],
      [2019, 'published', 1],
      [2022, 'published', 1],
      [2025, 'draft', 1],
    ])
    for (const { id } of versions)
      expect(String(id)).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      )
  })

  it('goes back down to years', async () => {
    await run(migrations[editionsMigration].down as never)
    expect(await rows('SELECT id, edition FROM meetings ORDER BY id')).toEqual([
      { id: 'a', edition: 2019 },
      { id: 'b', edition: 2019 },
      { id: 'c', edition: 2022 },
      { id: 'd', edition: 2025 },
    ])
  })
})
