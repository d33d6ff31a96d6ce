// `npm run import -- <file-or-folder>… [--report report.csv] [--addresses addresses.csv]`: imports
// old news pages (.txt, .html, .htm; folders are searched recursively) into the configured
// database (DATABASE_URI) as draft meetings; a page's old address (from --addresses, or the
// page's canonical link) redirects to its meeting once that is published. A progress bar on a terminal (a line per page otherwise), every page tried whatever
// failed before it, and a CSV report of each page's outcome for the editors who check the drafts.
// Importing a page again updates its draft. Exits 1 when any page failed, 2 when nothing was
// given to import.
import type { Payload } from 'payload'

import fs from 'node:fs'
import path from 'node:path'

import type { Directory } from '@/import/directory'
import type { ImportOutcome } from '@/import/importPage'

import type { Addresses } from './import/addresses'

import { runPayloadScript } from './payloadScript'
import { readAddresses } from './import/addresses'
import { createProgress } from './import/progress'
import { printSummary, writeReport } from './import/report'

const usage =
  'Usage: npm run import -- <page.txt|page.html|folder>… [--report report.csv] [--addresses addresses.csv]'

const isPage = (file: string) => /\.(?:txt|html?)$/i.test(file)

const listPages = (targets: string[]): { pages: string[]; missing: string[] } => {
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
  targets.forEach(visit)
  return { pages: [...new Set(pages)], missing }
}

type Options = { targets: string[]; report: string; addresses: Addresses } | { problem: string }

const defaultReport = () =>
  `import-report-${new Date().toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-')}.csv`

const readOptions = (argv: string[]): Options => {
  const targets: string[] = []
  let report = defaultReport()
  let addresses: Addresses = () => undefined
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index]
    if (argument === '--') continue
    if (argument === '--addresses') {
      const file = argv[index + 1]
      if (!file || file.startsWith('--')) return { problem: '--addresses needs a file name.' }
      const read = readAddresses(file)
      if ('problem' in read) return read
      addresses = read
      index += 1
    } else if (argument === '--report') {
      const file = argv[index + 1]
      if (!file || file.startsWith('--')) return { problem: '--report needs a file name.' }
      report = file
      index += 1
    } else if (argument.startsWith('--')) return { problem: `Unknown option ${argument}.` }
    else targets.push(argument)
  }
  return { targets, report, addresses }
}

const importOne = async ({
  payload,
  page,
  directory,
  addresses,
}: {
  payload: Payload
  page: string
  directory: Directory
  addresses: Addresses
}): Promise<ImportOutcome> => {
  const source = path.relative(process.cwd(), page) || page
  if (!isPage(page)) return { outcome: 'failed', source, reason: 'not a .txt or .html file' }
  const { importLegacyPage } = await import('@/import/importPage')
  try {
    const bytes = fs.readFileSync(page)
    const result = await importLegacyPage({
      payload,
      bytes,
      source: path.basename(page),
      directory,
      address: addresses(page),
    })
    return { ...result, source }
  } catch (error) {
    // An unreadable file is this page's failure, not the run's.
    return { outcome: 'failed', source, reason: (error as Error).message }
  }
}

// One page after the other: they share the directory of speakers and organisations, so a name
// the first page creates is matched, not created again, by the next. Each page costs the same
// whatever came before it (the directory is read once; lookups are by index), so a run is linear
// in the number of pages (bench/importBulk.mjs).
const importPages = async ({
  payload,
  pages,
  addresses,
}: {
  payload: Payload
  pages: string[]
  addresses: Addresses
}) => {
  const { loadDirectory } = await import('@/import/directory')
  const directory = await loadDirectory({ payload })
  const progress = createProgress({ total: pages.length })
  const results: ImportOutcome[] = []
  for (const page of pages) {
    const result = await importOne({ payload, page, directory, addresses })
    results.push(result)
    progress.advance(result)
  }
  progress.stop()
  return results
}

const main = async (): Promise<number> => {
  const options = readOptions(process.argv.slice(2))
  if ('problem' in options) {
    console.error(`${options.problem}\n${usage}`)
    return 2
  }
  const { pages, missing } = listPages(options.targets)
  for (const target of missing) console.error(`Not found: ${target}`)
  if (pages.length === 0) {
    console.error(`Nothing to import.\n${usage}`)
    return 2
  }
  return runPayloadScript({
    name: 'import',
    access: 'write',
    run: async ({ payload }) => {
      const results = await importPages({ payload, pages, addresses: options.addresses })
      writeReport({ results, file: options.report })
      printSummary({ results, report: options.report })
      const hasFailures = results.some((r) => r.outcome === 'failed') || missing.length > 0
      return hasFailures ? 1 : 0
    },
  })
}

process.exit(await main())
