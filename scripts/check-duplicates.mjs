// `npm run lint` fails on a block copied anew. jscpd (.jscpd.json) finds the blocks of 8 or more
// lines that appear twice and fails past its threshold of the whole; jscpd has no baseline of its
// own, so this compares what it found with .jscpd-baseline.json, the duplicates accepted so far.
// A clone is known by its files and its text, not its line numbers, so edits elsewhere in the
// files leave it known. `node scripts/check-duplicates.mjs --update` accepts today's clones.
import { execFileSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'

const baselineFile = '.jscpd-baseline.json'
const reportFile = '.jscpd/jscpd-report.json'

const runJscpd = () => {
  try {
    execFileSync('npx', ['jscpd', '--config', '.jscpd.json'], { stdio: 'inherit' })
  } catch {
    console.error('jscpd: more of the code is duplicated than .jscpd.json allows (threshold).')
    process.exit(1)
  }
  return JSON.parse(fs.readFileSync(reportFile, 'utf8'))
}

const keyOf = ({ firstFile, secondFile, fragment }) => {
  const files = [firstFile.name, secondFile.name].sort().join(' ~ ')
  const text = fragment.replace(/\s+/g, ' ').trim()
  return `${files} ${crypto.createHash('sha256').update(text).digest('hex').slice(0, 12)}`
}

const describe = ({ firstFile, secondFile, lines }) =>
  `${lines} lines: ${firstFile.name}:${firstFile.start} and ${secondFile.name}:${secondFile.start}`

const report = runJscpd()
const found = new Map(report.duplicates.map((clone) => [keyOf(clone), clone]))

if (process.argv.includes('--update')) {
  fs.writeFileSync(baselineFile, `${JSON.stringify([...found.keys()].sort(), null, 2)}\n`)
  console.log(`${baselineFile}: ${found.size} accepted duplicates`)
  process.exit(0)
}

const accepted = new Set(JSON.parse(fs.readFileSync(baselineFile, 'utf8')))
const added = [...found].filter(([key]) => !accepted.has(key))
const gone = [...accepted].filter((key) => !found.has(key))

if (gone.length > 0) {
  console.log(`${gone.length} accepted duplicate(s) no longer found; --update drops them:`)
  for (const key of gone) console.log(`  ${key}`)
}
if (added.length > 0) {
  console.error(`${added.length} new duplicated block(s): share the code instead of copying it.`)
  for (const [, clone] of added) console.error(`  ${describe(clone)}`)
  process.exit(1)
}
console.log(
  `jscpd: ${report.statistics.total.percentage}% duplicated, ${found.size} known clone(s), none new`,
)
