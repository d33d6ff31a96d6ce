import { stringify } from 'csv-stringify/sync'
import fs from 'node:fs'

import type { ImportOutcome } from '@/import/importPage'

const columns = [
  'file',
  'outcome',
  'draft id',
  'title',
  'notes',
  'uncertain',
  'new speakers',
  'new organisations',
  'old address',
  'reason',
]

const rowOf = (result: ImportOutcome): (string | number)[] =>
  result.outcome === 'failed'
    ? [result.source, 'failed', '', '', '', '', '', '', '', result.reason]
    : [
        result.source,
        result.outcome,
        result.id,
        result.title,
        result.notes.length,
        result.notes.filter((note) => note.confidence === 'low').length,
        result.created.speakers,
        result.created.organisations,
        result.legacyAddress ?? '',
        '',
      ]

// One row per page, for the editors who will check the drafts (a spreadsheet sorts and filters it).
export const writeReport = ({ results, file }: { results: ImportOutcome[]; file: string }) =>
  fs.writeFileSync(file, stringify([columns, ...results.map(rowOf)]))

const count = (results: ImportOutcome[], outcome: ImportOutcome['outcome']) =>
  results.filter((result) => result.outcome === outcome).length

export const printSummary = ({ results, report }: { results: ImportOutcome[]; report: string }) => {
  const failures = results.filter((result) => result.outcome === 'failed')
  const created = results.reduce(
    (total, result) =>
      result.outcome === 'failed'
        ? total
        : {
            speakers: total.speakers + result.created.speakers,
            organisations: total.organisations + result.created.organisations,
          },
    { speakers: 0, organisations: 0 },
  )
  console.log(
    [
      '',
      `${count(results, 'created')} drafts created, ${count(results, 'updated')} updated, ${failures.length} failed.`,
      ...failures.map(
        (failure) => `  ${failure.source}: ${failure.outcome === 'failed' ? failure.reason : ''}`,
      ),
      `${created.speakers} new speakers and ${created.organisations} new organisations await confirmation.`,
      `Report: ${report}`,
      'Open each draft in /admin, go through its Import notes, confirm what it created, then publish.',
    ].join('\n'),
  )
}
