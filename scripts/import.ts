// `npm run import -- <file-or-folder>…`: imports old news pages (.txt, .html, .htm; folders are
// searched recursively) into the configured database (DATABASE_URI) as draft meetings, one
// line of progress per page and a table at the end. Importing a page again updates its draft.
// Exits 1 when any page failed, 2 when nothing was given to import.
import type { Payload } from 'payload'

import fs from 'node:fs'
import path from 'node:path'

import type { ImportOutcome } from '@/import/importPage'

import { runPayloadScript } from './payloadScript'

const usage = 'Usage: npm run import -- <page.txt|page.html|folder>…'

const isPage = (file: string) => /\.(?:txt|html?)$/i.test(file)

const listPages = (arguments_: string[]): { pages: string[]; missing: string[] } => {
  const pages: string[] = []
  const missing: string[] = []
  const visit = (target: string) => {
    const stat = fs.statSync(target, { throwIfNoEntry: false })
    if (!stat) missing.push(target)
    else if (stat.isDirectory())
      for (const entry of fs.readdirSync(target).sort()) {
        const child = path.join(target, entry)
        if (fs.statSync(child).isDirectory() || isPage(child)) visit(child)
      }
    else pages.push(target)
  }
  arguments_.forEach(visit)
  return { pages: [...new Set(pages)], missing }
}

const truncate = (text: string, width: number) =>
  text.length > width ? `${text.slice(0, width - 1)}…` : text

const table = (rows: string[][]) => {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)))
  return rows
    .map((row, index) => {
      const line = row.map((cell, column) => cell.padEnd(widths[column])).join('  ')
      return index === 0 ? `${line}\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : line
    })
    .join('\n')
}

const describe = (result: ImportOutcome): string => {
  if (result.outcome === 'failed') return `failed: ${result.reason}`
  const low = result.notes.filter((n) => n.confidence === 'low').length
  const medium = result.notes.length - low
  return `${result.outcome} draft "${result.title}" (${low} uncertain, ${medium} to check)`
}

const importPages = async ({
  payload,
  pages,
}: {
  payload: Payload
  pages: string[]
}): Promise<ImportOutcome[]> => {
  const { importLegacyPage } = await import('@/import/importPage')
  const { loadDirectory } = await import('@/import/directory')
  const directory = await loadDirectory({ payload })
  const results: ImportOutcome[] = []
  for (const [index, page] of pages.entries()) {
    const source = path.relative(process.cwd(), page) || page
    const result = isPage(page)
      ? await importLegacyPage({
          payload,
          bytes: fs.readFileSync(page),
          source: path.basename(page),
          directory,
        })
      : ({
          outcome: 'failed',
          source,
          reason: 'not a .txt or .html file',
        } satisfies ImportOutcome)
    results.push({ ...result, source })
    console.log(`[${index + 1}/${pages.length}] ${source}: ${describe(result)}`)
  }
  return results
}

const printSummary = (results: ImportOutcome[]) => {
  const rows = results.map((result) =>
    result.outcome === 'failed'
      ? [result.source, 'failed', '', truncate(result.reason, 70), '', '', '']
      : [
          result.source,
          result.outcome,
          result.id,
          truncate(result.title, 70),
          String(result.notes.filter((n) => n.confidence === 'low').length),
          String(result.notes.filter((n) => n.confidence === 'medium').length),
          `${result.created.speakers}/${result.created.organisations}`,
        ],
  )
  console.log(
    `\n${table([['page', 'outcome', 'meeting', 'title / reason', 'uncertain', 'to check', 'new speakers/orgs'], ...rows])}`,
  )
  const failed = results.filter((r) => r.outcome === 'failed').length
  console.log(
    `\n${results.length - failed} imported as drafts, ${failed} failed. ` +
      'Open each draft in /admin, read its Import notes, then publish.',
  )
}

const main = async (): Promise<number> => {
  const { pages, missing } = listPages(process.argv.slice(2).filter((a) => a !== '--'))
  for (const target of missing) console.error(`Not found: ${target}`)
  if (pages.length === 0) {
    console.error(`Nothing to import.\n${usage}`)
    return 2
  }
  return runPayloadScript({
    name: 'import',
    access: 'write',
    run: async ({ payload }) => {
      const results = await importPages({ payload, pages })
      printSummary(results)
      const hasFailures = results.some((r) => r.outcome === 'failed') || missing.length > 0
      return hasFailures ? 1 : 0
    },
  })
}

process.exit(await main())
