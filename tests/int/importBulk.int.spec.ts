import { createClient } from '@libsql/client'
import { parse } from 'csv-parse/sync'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { ProcessResult } from '../helpers/scripts'

import { corpusDir } from '../helpers/importCorpus'
import { runNpmScript } from '../helpers/scripts'

// Issue 19, bulk use: `npm run import -- folder/` over the whole corpus and two pages that cannot
// be imported, as staff would run it on years of an archive. Every page is tried, the failures
// are reported with a reason, and the CSV report lists each page's outcome and draft.

let workDir: string
let databaseFile: string
let report: string
let run: ProcessResult
let rows: Record<string, string>[]

const corpusPages = (['tune', 'holdout'] as const).flatMap((half) =>
  fs
    .readdirSync(path.join(corpusDir, half))
    .filter((file) => /\.(?:txt|html)$/.test(file))
    .map((file) => path.join('tests/import-corpus', half, file)),
)

const query = async (sql: string) => {
  const client = createClient({ url: `file:${databaseFile}` })
  try {
    return (await client.execute(sql)).rows
  } finally {
    client.close()
  }
}

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cifcc-bulk-'))
  databaseFile = path.join(workDir, 'site.db')
  report = path.join(workDir, 'report.csv')
  const broken = path.join(workDir, 'broken')
  fs.mkdirSync(broken)
  fs.writeFileSync(
    path.join(broken, 'office-closure.txt'),
    'Home >> News\nOffice closed\n\nThe office is closed over the spring festival.\n',
  )
  fs.writeFileSync(path.join(broken, 'empty.html'), '')
  run = await runNpmScript({
    script: 'import',
    args: ['tests/import-corpus', broken, '--report', report],
    databaseFile,
    timeoutMs: 600_000,
  })
  rows = parse(fs.readFileSync(report), { columns: true }) as Record<string, string>[]
}, 660_000)

afterAll(() => {
  fs.rmSync(workDir, { recursive: true, force: true })
})

describe('npm run import over a folder', () => {
  it('tries every page, reports the two it could not import, and exits 1', () => {
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 1, stderr: '' })
    expect(run.stdout).toContain(`${corpusPages.length} drafts created, 0 updated, 2 failed.`)
  })

  it('writes a CSV row per page with its outcome, draft and notes', () => {
    const byFile = new Map(rows.map((row) => [path.basename(row.file), row]))
    expect(rows).toHaveLength(corpusPages.length + 2)
    for (const page of corpusPages)
      expect(byFile.get(path.basename(page))).toMatchObject({
        outcome: 'created',
        'draft id': expect.stringMatching(/^[0-9a-f-]{36}$/),
        notes: expect.stringMatching(/^\d+$/),
      })
    expect([byFile.get('office-closure.txt'), byFile.get('empty.html')]).toEqual([
      expect.objectContaining({ outcome: 'failed', 'draft id': '', reason: expect.any(String) }),
      expect.objectContaining({ outcome: 'failed', 'draft id': '', reason: expect.any(String) }),
    ])
  })

  it('leaves every page a draft, and everything it created unconfirmed and hidden', async () => {
    const meetings = await query('SELECT id, _status FROM meetings')
    const people = await query(
      `SELECT needs_confirmation, visibility FROM speakers
       UNION ALL SELECT needs_confirmation, visibility FROM organisations`,
    )
    const ids = rows.filter((row) => row.outcome === 'created').map((row) => row['draft id'])

    expect(meetings.map((m) => String(m.id)).sort()).toEqual(ids.sort())
    expect(new Set(meetings.map((m) => m._status))).toEqual(new Set(['draft']))
    expect(people.length).toBeGreaterThan(0)
    expect(new Set(people.map((p) => `${p.needs_confirmation}/${p.visibility}`))).toEqual(
      new Set(['1/embargoed']),
    )
  })
})
