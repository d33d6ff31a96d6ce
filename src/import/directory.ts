import type { Payload } from 'payload'

import type { Organisation } from '@/payload-types'

import type { KnownOrganisation } from './knownOrganisations'
import type { Confidence, WrittenOrganisation } from './types'

import { findKnownOrganisation, knownOrganisations } from './knownOrganisations'
import { nameKey } from './nameKey'

type Names = { en?: string | null; zh?: string | null }

// `awaitingConfirmation`: made by an import (this run or an earlier one) and not yet confirmed, so
// a page that names it again says so in its notes: its meeting cannot be published before.
export type DirectoryOrganisation = {
  id: string
  names: string[]
  abbreviation?: string
  awaitingConfirmation?: boolean
}
export type DirectorySpeaker = { id: string; names: string[]; awaitingConfirmation?: boolean }

// What is already in the database, read once per import run (and extended as the run creates
// documents), so matching a name is a lookup rather than a query per name, and a map read rather
// than a look at every organisation: a bulk import stays linear as the directory grows.
export type Directory = {
  organisations: DirectoryOrganisation[]
  speakers: DirectorySpeaker[]
  // By nameKey (people.ts) of every name in every locale, and of the abbreviation.
  organisationsByName: Map<string, DirectoryOrganisation>
  organisationsByAbbreviation: Map<string, DirectoryOrganisation>
  speakersByName: Map<string, DirectorySpeaker>
}

const namesOf = (value: unknown): string[] => {
  if (typeof value === 'string') return [value]
  if (value && typeof value === 'object')
    return Object.values(value as Names).filter((name): name is string => Boolean(name))
  return []
}

// The first organisation with a name keeps it, as the scan this replaced found the first.
const indexOrganisation = (directory: Directory, organisation: DirectoryOrganisation) => {
  for (const name of organisation.names)
    if (!directory.organisationsByName.has(nameKey(name)))
      directory.organisationsByName.set(nameKey(name), organisation)
  const abbreviation = organisation.abbreviation && nameKey(organisation.abbreviation)
  if (abbreviation && !directory.organisationsByAbbreviation.has(abbreviation))
    directory.organisationsByAbbreviation.set(abbreviation, organisation)
}

export const addOrganisation = (directory: Directory, organisation: DirectoryOrganisation) => {
  directory.organisations.push(organisation)
  indexOrganisation(directory, organisation)
}

export const addSpeaker = (directory: Directory, speaker: DirectorySpeaker) => {
  directory.speakers.push(speaker)
  for (const name of speaker.names)
    if (!directory.speakersByName.has(nameKey(name)))
      directory.speakersByName.set(nameKey(name), speaker)
}

export const createDirectory = ({
  organisations = [],
  speakers = [],
}: {
  organisations?: DirectoryOrganisation[]
  speakers?: DirectorySpeaker[]
}): Directory => {
  const directory: Directory = {
    organisations: [],
    speakers: [],
    organisationsByName: new Map(),
    organisationsByAbbreviation: new Map(),
    speakersByName: new Map(),
  }
  for (const organisation of organisations) addOrganisation(directory, organisation)
  for (const speaker of speakers) addSpeaker(directory, speaker)
  return directory
}

export type DirectoryMark = { organisations: number; speakers: number }

export const markDirectory = (directory: Directory): DirectoryMark => ({
  organisations: directory.organisations.length,
  speakers: directory.speakers.length,
})

// Forgets what was added since the mark (a page whose import failed and was rolled back); the
// indexes are rebuilt, which happens only on a failure.
export const rewindDirectory = (directory: Directory, mark: DirectoryMark) => {
  if (
    directory.organisations.length === mark.organisations &&
    directory.speakers.length === mark.speakers
  )
    return
  const kept = createDirectory({
    organisations: directory.organisations.slice(0, mark.organisations),
    speakers: directory.speakers.slice(0, mark.speakers),
  })
  Object.assign(directory, kept)
}

export const loadDirectory = async ({ payload }: { payload: Payload }): Promise<Directory> => {
  const [organisations, speakers] = await Promise.all([
    payload.find({
      collection: 'organisations',
      locale: 'all',
      depth: 0,
      pagination: false,
      overrideAccess: true,
      select: { name: true, abbreviation: true, needsConfirmation: true },
    }),
    payload.find({
      collection: 'speakers',
      locale: 'all',
      depth: 0,
      pagination: false,
      overrideAccess: true,
      select: { name: true, needsConfirmation: true },
    }),
  ])
  return createDirectory({
    organisations: organisations.docs.map((doc) => ({
      id: doc.id,
      names: namesOf(doc.name),
      abbreviation: doc.abbreviation ?? undefined,
      awaitingConfirmation: Boolean(doc.needsConfirmation),
    })),
    speakers: speakers.docs.map((doc) => ({
      id: doc.id,
      names: namesOf(doc.name),
      awaitingConfirmation: Boolean(doc.needsConfirmation),
    })),
  })
}

const stopWords = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'at'])

const tokens = (name: string): string[] =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token && !stopWords.has(token))
    // "Resource" and "Resources" are one word for matching.
    .map((token) => token.replace(/(?<=\w{3})s$/, ''))

// At most one edit apart: a dropped, added or changed letter ("Remin" for "Renmin").
const isOneEditApart = (a: string, b: string): boolean => {
  if (a === b) return true
  if (Math.abs(a.length - b.length) > 1 || Math.min(a.length, b.length) < 5) return false
  let i = 0
  let j = 0
  let edits = 0
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i += 1
      j += 1
      continue
    }
    edits += 1
    if (edits > 1) return false
    if (a.length > b.length) i += 1
    else if (b.length > a.length) j += 1
    else {
      i += 1
      j += 1
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1
}

// The same words in any order, each spelt the same or one letter off: "Beijing University of
// Science and Technology" is "University of Science and Technology Beijing".
const isSameWords = (a: string, b: string): boolean => {
  const left = tokens(a)
  const right = tokens(b)
  if (left.length === 0 || left.length !== right.length) return false
  const unused = [...right]
  return left.every((word) => {
    const index = unused.findIndex((candidate) => isOneEditApart(word, candidate))
    if (index < 0) return false
    unused.splice(index, 1)
    return true
  })
}

const knownByName = (
  written: WrittenOrganisation,
): { known: KnownOrganisation; isExact: boolean } | undefined => {
  const exact = [written.name, written.abbreviation]
    .flatMap((name) => (name ? [findKnownOrganisation(nameKey(name))] : []))
    .find(Boolean)
  if (exact) return { known: exact, isExact: true }
  const similar = knownOrganisations.find((known) => isSameWords(written.name, known.name.en))
  return similar ? { known: similar, isExact: false } : undefined
}

export type OrganisationMatch =
  | {
      kind: 'existing'
      id: string
      confidence: Confidence
      note?: string
      awaitingConfirmation?: boolean
    }
  | { kind: 'new'; known?: KnownOrganisation; confidence: Confidence; note?: string }
  | { kind: 'none'; note: string }

const organisationHeadWords =
  /\b(?:academy|agency|alliance|association|authority|bank|bureau|center|centre|college|commission|committee|company|corporation|council|department|electric|embassy|facility|federation|forum|foundation|fund|group|inc|initiative|institute|institution|ltd|ministry|network|office|organi[sz]ation|panel|programme|program|school|secretariat|society|union|university)\b|(?:大学|学院|研究院|研究所|科学院|银行|公司|集团|组织|署|委员会|基金会|协会|中心|联盟|政府|部|局|电气)$/iu

const isAbbreviation = (name: string) => /^[A-Z][A-Z0-9&]*(?:-[A-Za-z]+)?$/.test(name)

const byAnyName = (directory: Directory, names: string[]): DirectoryOrganisation | undefined => {
  for (const name of names) {
    const key = nameKey(name)
    const found =
      directory.organisationsByAbbreviation.get(key) ?? directory.organisationsByName.get(key)
    if (found) return found
  }
  return undefined
}

// Finds the organisation a page names ("WB", "Asian Infrastructure Investment Bank (AIIB)",
// "China Remin University", "世界资源研究所") among those in the database: by abbreviation, name
// in any locale or a known organisation's other names first, then by the same words spelt nearly
// the same.
export const matchOrganisation = ({
  written,
  directory,
}: {
  written: WrittenOrganisation
  directory: Directory
}): OrganisationMatch => {
  const knownMatch = knownByName(written)
  const known = knownMatch?.known
  const candidates = [
    ...(written.abbreviation ? [written.abbreviation] : []),
    written.name,
    ...(known
      ? [known.abbreviation, known.name.en, known.name.zh, ...(known.aliases ?? [])].filter(
          (name): name is string => Boolean(name),
        )
      : []),
  ]
  const label = written.name
  const exact = byAnyName(directory, candidates)
  if (exact)
    return !knownMatch || knownMatch.isExact
      ? {
          kind: 'existing',
          id: exact.id,
          confidence: 'high',
          awaitingConfirmation: exact.awaitingConfirmation,
        }
      : {
          kind: 'existing',
          id: exact.id,
          awaitingConfirmation: exact.awaitingConfirmation,
          confidence: 'medium',
          note: `"${label}" was matched to the organisation "${exact.names[0]}" by its words; check it is the same.`,
        }

  // Nearly the same words: a scan, but only for names no lookup found.
  const similar = directory.organisations.filter((organisation) =>
    organisation.names.some((name) => candidates.some((candidate) => isSameWords(candidate, name))),
  )
  if (similar.length === 1)
    return {
      kind: 'existing',
      id: similar[0].id,
      awaitingConfirmation: similar[0].awaitingConfirmation,
      confidence: 'medium',
      note: `"${label}" was matched to the organisation "${similar[0].names[0]}" by its words; check it is the same.`,
    }

  if (knownMatch)
    return knownMatch.isExact
      ? { kind: 'new', known: knownMatch.known, confidence: 'high' }
      : {
          kind: 'new',
          known: knownMatch.known,
          confidence: 'medium',
          note: `"${label}" was taken to be the ${knownMatch.known.name.en} by its words; check it is the same.`,
        }
  if (organisationHeadWords.test(label) || isAbbreviation(label) || written.abbreviation)
    return {
      kind: 'new',
      confidence: 'medium',
      note: `"${label}" is a new organisation: check its name and kind.`,
    }
  return {
    kind: 'none',
    note: `"${label}" is not a known organisation and does not read like one's name, so no organisation was linked.`,
  }
}

// For Chinese positions written without a separator ("施耐德电气碳战略与联盟总监"): the longest
// name of an organisation in the directory that the text starts with, and what is left of it.
// Each shorter start of the text is one map read.
export const matchOrganisationPrefix = ({
  written,
  directory,
}: {
  written: string
  directory: Directory
}): { id: string; name: string; rest: string } | null => {
  for (let length = Math.min(written.length - 1, 60); length > 0; length -= 1) {
    const name = written.slice(0, length)
    const organisation = directory.organisationsByName.get(nameKey(name))
    if (organisation?.names.includes(name))
      return { id: organisation.id, name, rest: written.slice(length) }
  }
  return null
}

// "Leadership Group", "Expert Group": groups of people, not of companies.
const groupOfPeople =
  /\b(?:leadership|expert|experts|working|advisory|research|study|contact|task|action|consultative|coordination|climate)\s+group\b/i

const kindRules: { kind: Organisation['kind']; pattern: RegExp }[] = [
  // "UN" in capitals only: "un" is a word in other languages.
  { kind: 'un-agency', pattern: /\b(?:[Uu]nited [Nn]ations|UN)\b|^UN[A-Z]{2,}$|联合国/ },
  {
    kind: 'media',
    pattern:
      /\b(?:news agency|news|daily|times|post|television|tv|broadcasting|radio|press|media|magazine|journal|herald|tribune)\b|新闻|日报|晚报|电视台|广播|传媒|媒体|通讯社|杂志|报社|(?<!电)网$/i,
  },
  {
    kind: 'academic',
    pattern:
      /\b(?:university|universities|academy|college|school|institute|polytechnic)\b|大学|学院|研究院|研究所|科学院/i,
  },
  {
    kind: 'intergovernmental',
    pattern:
      /\bintergovernmental\b|\b(?:international|world|global)\b.*\b(?:agency|organi[sz]ation)\b|政府间|国际.*(?:署|组织)$/i,
  },
  {
    // A central bank is part of its government.
    kind: 'government',
    pattern:
      /\b(?:ministry|commission|government|bureau|administration|embassy|state council|municipal|provincial|agency|central bank|people['’]s bank)\b|^national\b.*\b(?:center|centre)\b|政府|委员会|国务院|大使馆|人民银行|部$|局$|厅$|署$|^国家.*中心$/i,
  },
  {
    // Development and multilateral banks lend for policy; other banks are companies.
    kind: 'multilateral-bank',
    pattern:
      /\b(?:development|investment|infrastructure|reconstruction|multilateral)\b.*\bbank\b|\bbank\b.*\b(?:development|reconstruction)\b|\bworld bank\b|\bfinance corporation\b|开发银行|投资银行|世界银行|金融公司/i,
  },
  {
    kind: 'company',
    pattern:
      /\b(?:bank|company|corporation|corp|inc|ltd|llc|plc|co|holdings?|electric|grid|motors?|technologies|group)\b|银行|公司|集团|电气|电网|股份|科技$/i,
  },
]

// The kind of an organisation that is not a known one (knownOrganisations.ts), from the words
// its name is made of; the editor is asked to check it.
export const guessOrganisationKind = (name: string): Organisation['kind'] => {
  // A name is short; the patterns' ".*" is not to run over a paragraph that is not one.
  const words = name.slice(0, 200).replace(groupOfPeople, ' ')
  return kindRules.find(({ pattern }) => pattern.test(words))?.kind ?? 'ngo'
}

export const findSpeaker = ({
  name,
  directory,
}: {
  name: string
  directory: Directory
}): DirectorySpeaker | undefined => directory.speakersByName.get(nameKey(name))
