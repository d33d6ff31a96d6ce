// `npx tsx bench/importAdversarial.ts [--sizes 4,64,256,2048] [--runs 3] [--cutoff 20] [--only re]`:
// how long the import's parse stage (readLegacyPage, what the upload endpoint calls) takes on
// the hostile pages of tests/fuzz/importPages.ts, the ones the property test reads. Each page is
// read in a child process that is stopped after --cutoff seconds; a case stops growing once a
// run is stopped. Prints a Markdown table: CPU time of the reading process, lowest–highest of
// the runs, and the clock's highest, for each size in KB.
import os from 'node:os'
import { parseArgs } from 'node:util'

import { adversarialPages } from '../tests/fuzz/importPages'
import { liftedBudget, pageReader } from '../tests/fuzz/readPageRunner'
import { gitCommit, machine } from './lib/common.mjs'

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '4,64,256,2048' },
    runs: { type: 'string', default: '3' },
    cutoff: { type: 'string', default: '20' },
    only: { type: 'string', default: '' },
  },
})
const sizes = values.sizes.split(',').map((kilobytes) => Number(kilobytes) * 1024)
const runs = Number(values.runs)
const cutoffMs = Number(values.cutoff) * 1000
const only = new RegExp(values.only)

const format = (ms: number) => (ms < 10 ? ms.toFixed(1) : Math.round(ms).toLocaleString('en'))

const measure = async (reader: ReturnType<typeof pageReader>, name: string, size: number) => {
  const readings = []
  for (let run = 0; run < runs; run += 1) {
    // The reading budget is lifted: the parsers are timed, not the backstop.
    const reading = await reader.read({
      name,
      size,
      seed: 14,
      milliseconds: liftedBudget,
      timeoutMs: cutoffMs,
    })
    if (!Number.isFinite(reading.ms) || /^This page took too long/.test(reading.outcome))
      return null
    readings.push(reading)
  }
  const cpu = readings.map(({ cpuMs }) => cpuMs)
  const clock = Math.max(...readings.map(({ ms }) => ms))
  return `${format(Math.min(...cpu))}–${format(Math.max(...cpu))} (${format(clock)})`
}

const reader = pageReader()
console.log(
  `${machine()}; nproc ${os.availableParallelism()}; load ${os.loadavg()[0].toFixed(1)}; commit ${gitCommit()}\n`,
)
console.log(`| Page | ${sizes.map((size) => `${size / 1024} KB`).join(' | ')} |`)
console.log(`| --- | ${sizes.map(() => '---').join(' | ')} |`)
for (const { name } of adversarialPages.filter((page) => only.test(page.name))) {
  const cells: string[] = []
  for (const size of sizes) {
    const cell = await measure(reader, name, size)
    cells.push(cell ?? `> ${cutoffMs / 1000} s`)
    if (!cell) break
  }
  while (cells.length < sizes.length) cells.push('–')
  console.log(`| ${name.replaceAll('|', '\\|')} | ${cells.join(' | ')} |`)
}
await reader.close()
