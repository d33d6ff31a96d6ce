// `npm run bench:import-accuracy [-- --misses] [-- --append]`: field-level accuracy of the import's
// reading of the corpus (tests/import-corpus), on each half. `--misses` lists what the tune half
// got wrong, the half one may look at while improving the importer; the holdout half only ever
// prints its totals. `--append` adds the table to bench/RESULTS.md.
import { parseArgs } from 'node:util'

import { accuracyByField, scoreHalf } from '../tests/helpers/importCorpus'
import { appendResults, gitCommit, machine } from './lib/common.mjs'

const { values } = parseArgs({
  options: {
    misses: { type: 'boolean', default: false },
    append: { type: 'boolean', default: false },
  },
})

const percent = (matched: number, total: number) => `${((matched / total) * 100).toFixed(1)}%`

const halves = [scoreHalf('tune'), scoreHalf('holdout')]
for (const { half, matched, total } of halves)
  console.log(`${half}: ${matched}/${total} (${percent(matched, total)})`)
if (values.misses)
  for (const { path, expected, actual } of halves[0].results.filter(({ isMatch }) => !isMatch))
    console.log(`  ✗ ${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`)

if (values.append) {
  const [tune, holdout] = halves.map(({ results }) => accuracyByField(results))
  const rows = [...tune.keys()].map((field) => {
    const t = tune.get(field)!
    const h = holdout.get(field) ?? { matched: 0, total: 0 }
    return `| ${field} | ${t.matched}/${t.total} | ${h.matched}/${h.total} (${percent(h.matched, h.total)}) |`
  })
  await appendResults(`
## Import accuracy on the corpus (${new Date().toISOString().slice(0, 10)})

- Machine: ${machine()}; commit ${gitCommit()}.
- Command: \`npm run bench:import-accuracy -- --append\`. Field-level: every value of each page's expected file is one field; a speaker or organisation the importer invents is one more wrong field. Deterministic (one run).
- Tune half (${halves[0].results.length} fields): ${percent(halves[0].matched, halves[0].total)}. Holdout half (${halves[1].total} fields, not looked at while tuning): **${percent(halves[1].matched, halves[1].total)}**.

| field | tune | holdout |
| ----- | ---: | ------: |
${rows.join('\n')}
`)
}
