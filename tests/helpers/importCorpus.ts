import fs from 'node:fs'
import path from 'node:path'

import type { ExtractedMeeting } from '@/import/types'
import type { FieldResult } from './importAccuracy'

import { isParseFailure } from '@/import/extract'
import { pageOrganisations } from '@/import/organisationNames'
import { readLegacyPage } from '@/import/readPage'

import { compareFields } from './importAccuracy'

// The import corpus (tests/import-corpus): our own legacy pages, each with what an editor would
// enter for it. Scored field by field, as the issue asks: every leaf of the expected value is one
// field, and every speaker or organisation the importer invents is one more wrong field.

export type Half = 'tune' | 'holdout'

export const corpusDir = path.resolve(process.cwd(), 'tests/import-corpus')

type Organisation = { name: string; abbreviation: string | null }

export type CorpusExpected = {
  language: string
  title: string
  kind: string
  edition: number
  date: string
  time: string | null
  partOfDay: string | null
  hosts: string[]
  focus: string | null
  topics: string[]
  attending: Organisation[]
  organisations: (Organisation & { kind: string })[]
  speakers: {
    name: string
    honorific: string | null
    positions: {
      title: string
      unit: string | null
      organisation: string | null
      region: string | null
    }[]
  }[]
  statements: string[]
  questions: { askedBy: string | null; answeredBy: string[] }[]
}

export type CorpusPage = { half: Half; file: string; bytes: Buffer; expected: CorpusExpected }

export const corpusPages = (half: Half): CorpusPage[] => {
  const dir = path.join(corpusDir, half)
  return fs
    .readdirSync(dir)
    .filter((file) => /\.(?:txt|html?)$/.test(file))
    .sort()
    .map((file) => ({
      half,
      file,
      bytes: fs.readFileSync(path.join(dir, file)),
      expected: JSON.parse(
        fs.readFileSync(path.join(dir, file.replace(/\.[^.]+$/, '.expected.json')), 'utf8'),
      ) as CorpusExpected,
    }))
}

// The extraction in the corpus's shape.
export const asCorpusEntry = (meeting: ExtractedMeeting): CorpusExpected => ({
  language: meeting.language,
  title: meeting.title.value,
  kind: meeting.kind.value,
  edition: meeting.edition.value,
  date: meeting.date.value.date,
  time: meeting.date.value.time ?? null,
  partOfDay: meeting.date.value.partOfDay ?? null,
  hosts: [meeting.host, ...meeting.coHosts].flatMap((host) => (host ? [host.value.name] : [])),
  focus: meeting.focus?.value ?? null,
  topics: meeting.topics?.value ?? [],
  attending: (meeting.attending?.value ?? []).map(({ name, abbreviation }) => ({
    name,
    abbreviation: abbreviation ?? null,
  })),
  organisations: pageOrganisations(meeting).map(({ name, abbreviation, kind }) => ({
    name,
    abbreviation: abbreviation ?? null,
    kind,
  })),
  speakers: meeting.people.map(({ name, honorific, positions }) => ({
    name,
    honorific: honorific ?? null,
    positions: positions.map(({ title, unit, organisation, region }) => ({
      title,
      unit: unit ?? null,
      organisation: organisation ?? null,
      region: region ?? null,
    })),
  })),
  statements: meeting.statements.map(({ speaker }) => speaker.value.name),
  questions: meeting.questions.map(({ askedBy, answers }) => ({
    askedBy: askedBy ?? null,
    answeredBy: answers.map(({ speaker }) => speaker.value),
  })),
})

// Lists of named things are compared by name, so that one speaker missed does not make every
// later one wrong; what the importer adds that the page does not have counts as wrong.
const byName = <Item extends { name: string }>(expected: Item[], actual: Item[]) => {
  const remaining = [...actual]
  const aligned = expected.map((item) => {
    const index = remaining.findIndex((candidate) => candidate.name === item.name)
    return index < 0 ? undefined : remaining.splice(index, 1)[0]
  })
  return [...aligned, ...remaining]
}

export const scorePage = (page: CorpusPage): FieldResult[] => {
  const parsed = readLegacyPage({ bytes: page.bytes })
  const actual = isParseFailure(parsed) ? undefined : asCorpusEntry(parsed)
  const expected = page.expected
  const aligned = actual && {
    ...actual,
    attending: byName(expected.attending, actual.attending),
    organisations: byName(expected.organisations, actual.organisations),
    speakers: byName(expected.speakers, actual.speakers),
  }
  return compareFields(expected, aligned).map((result) => ({
    ...result,
    path: `${page.file}: ${result.path}`,
  }))
}

export const scoreHalf = (half: Half) => {
  const results = corpusPages(half).flatMap(scorePage)
  const matched = results.filter(({ isMatch }) => isMatch).length
  return { half, results, matched, total: results.length, accuracy: matched / results.length }
}

// Accuracy by the top-level field (title, hosts, organisations…), for the report.
export const accuracyByField = (results: FieldResult[]) => {
  const fields = new Map<string, { matched: number; total: number }>()
  for (const { path: where, isMatch } of results) {
    const field = /: ([a-zA-Z]+)/.exec(where)?.[1] ?? '?'
    const entry = fields.get(field) ?? { matched: 0, total: 0 }
    entry.total += 1
    if (isMatch) entry.matched += 1
    fields.set(field, entry)
  }
  return fields
}
