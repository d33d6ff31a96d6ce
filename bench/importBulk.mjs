// `npm run bench:import-bulk` (IMPORT_SIZES=100,200,400 IMPORT_RUNS=3): whether `npm run import`
// over a folder is linear in the number of pages. Each size gets a fresh SQLite file and a folder
// of generated pages: every page a different meeting (its own title and date) naming two new
// speakers at two new organisations and one speaker and organisation seen before, so the
// directory and the tables grow as a real archive's would. The time of each page is read from
// the script's own per-page lines (its output is not a terminal), so Payload's start is left out.
// Linear means the time per page stays flat: the last tenth of a run costs what the second did
// (the first warms up the JIT and the caches).
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { appendResults, gitCommit, log, machine, makeWorkDir, median, root } from './lib/common.mjs'

const sizes = (process.env.IMPORT_SIZES ?? '100,200,400').split(',').map(Number)
const runs = Number(process.env.IMPORT_RUNS ?? 3)

const letters = (number) => {
  let text = ''
  for (let n = number + 1; n > 0; n = Math.floor((n - 1) / 26))
    text = String.fromCharCode(97 + ((n - 1) % 26)) + text
  return text.charAt(0).toUpperCase() + text.slice(1)
}

const dateOf = (index) => {
  const day = new Date(Date.UTC(2010, 0, 1) + index * 86_400_000)
  return day.toLocaleDateString('en-US', {
    month: 'long',
    day: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  })
}

const pageOf = (index) => {
  const year = 2010 + Math.floor(index / 365)
  const a = `Arlen ${letters(index * 2)}`
  const b = `Bexley ${letters(index * 2 + 1)}`
  return `Home >> News Media >> News
${year} CIFCC Workshop--Coastal Finance Session ${letters(index)}

On the morning of ${dateOf(index)}, the ${year} CIFCC workshop, entitled Coastal Finance Session ${letters(index)}, was held, and ${a}, director of the ${letters(index)} Climate Institute, hosted the meeting.

The meeting focused on "money for the shoreline", which included two topics like insurance for coastal cities, funds for sea walls. The guests from ADB, the ${letters(index)} Climate Institute and the ${letters(index + 1)} Ocean University attended the meeting.

${a} pointed out: the cost of waiting grows faster than the cost of protection.

${b}, professor of the ${letters(index + 1)} Ocean University, said that tidal records now guide where defences go.

Rahul Menon, climate finance specialist at Asian Development Bank, stated: lending must match the life of the assets.
`
}

const writePages = (dir, count) => {
  fs.mkdirSync(dir, { recursive: true })
  for (let index = 0; index < count; index += 1)
    fs.writeFileSync(path.join(dir, `page-${String(index).padStart(5, '0')}.txt`), pageOf(index))
}

// Runs the import and notes when each page's line arrives.
const importFolder = ({ dir, databaseFile, report }) =>
  new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'import', '--', dir, '--report', report], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URI: `file:${databaseFile}`,
        MEDIA_DIR: path.join(path.dirname(databaseFile), 'media'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const stamps = []
    let buffered = ''
    child.stdout.on('data', (chunk) => {
      buffered += chunk
      const lines = buffered.split('\n')
      buffered = lines.pop()
      for (const line of lines) if (/^\[\d+\/\d+\]/.test(line)) stamps.push(performance.now())
    })
    let stderr = ''
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('exit', (code) =>
      code === 0
        ? resolve(stamps)
        : reject(new Error(`import exited ${code}: ${stderr.slice(-2000)}`)),
    )
  })

const perPage = (stamps, from, to) => (stamps[to - 1] - stamps[from - 1]) / (to - from)

const measure = async (count) => {
  const readings = []
  for (let run = 0; run < runs; run += 1) {
    const work = makeWorkDir('import-bulk')
    const dir = path.join(work, 'pages')
    writePages(dir, count)
    const stamps = await importFolder({
      dir,
      databaseFile: path.join(work, 'site.db'),
      report: path.join(work, 'report.csv'),
    })
    const tenth = Math.max(2, Math.floor(count / 10))
    readings.push({
      total: (stamps.at(-1) - stamps[0]) / 1000,
      first: perPage(stamps, tenth + 1, 2 * tenth),
      last: perPage(stamps, count - tenth + 1, count),
    })
    fs.rmSync(work, { recursive: true, force: true })
    log(`${count} pages, run ${run + 1}: ${JSON.stringify(readings.at(-1))}`)
  }
  return readings
}

const range = (values, digits = 0) => {
  const sorted = [...values].sort((a, b) => a - b)
  return `${median(sorted).toFixed(digits)} (${sorted[0].toFixed(digits)}–${sorted.at(-1).toFixed(digits)})`
}

const rows = []
for (const count of sizes) {
  const readings = await measure(count)
  rows.push(
    `| ${count} | ${range(
      readings.map((r) => r.total),
      1,
    )} | ${range(readings.map((r) => (r.total * 1000) / (count - 1)))} | ${range(readings.map((r) => r.first))} | ${range(readings.map((r) => r.last))} |`,
  )
}

await appendResults(`
## Bulk import: time per page as the archive grows (${new Date().toISOString().slice(0, 10)})

- Machine: ${machine()}; commit ${gitCommit()}.
- Command: \`IMPORT_SIZES=${sizes.join(',')} IMPORT_RUNS=${runs} npm run bench:import-bulk\`: \`npm run import\` over a folder of generated pages on a fresh SQLite file, each page a new meeting naming two new speakers at two new organisations and a speaker and organisation seen before. Times from the script's per-page lines (Payload's start left out); median (lowest–highest) of ${runs} runs.

| pages | import (s) | per page (ms) | per page, second tenth (ms) | per page, last tenth (ms) |
| ----: | ---------: | ------------: | --------------------------: | ------------------------: |
${rows.join('\n')}
`)
log('appended to bench/RESULTS.md')
