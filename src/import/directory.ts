import type { Payload } from 'payload'

import type { Organisation } from '@/payload-types'

import type { KnownOrganisation } from './knownOrganisations'
import type { Confidence } from './types'

import { knownOrganisations } from './knownOrganisations'
import { nameKey } from './people'

type Names = { en?: string | null; zh?: string | null }

export type DirectoryOrganisation = { id: string; names: string[]; abbreviation?: string }
export type DirectorySpeaker = { id: string; names: string[] }

// What is already in the database, read once per import run (and extended as the run creates
// documents), so matching a name is a lookup rather than a query per name.
export type Directory = {
  organisations: DirectoryOrganisation[]
  speakers: DirectorySpeaker[]
}

const namesOf = (value: unknown): string[] => {
  if (typeof value === 'string') return [value]
  if (value && typeof value === 'object')
    return Object.values(value as Names).filter((name): name is string => Boolean(name))
  return []
}

export const loadDirectory = async ({ payload }: { payload: Payload }): Promise<Directory> => {
  const [organisations, speakers] = await Promise.all([
    payload.find({
      collection: 'organisations',
      locale: 'all',
      depth: 0,
      pagination: false,
      overrideAccess: true,
      select: { name: true, abbreviation: true },
    }),
    payload.find({
      collection: 'speakers',
      locale: 'all',
      depth: 0,
      pagination: false,
      overrideAccess: true,
      select: { name: true },
    }),
  ])
  return {
    organisations: organisations.docs.map((doc) => ({
      id: doc.id,
      names: namesOf(doc.name),
      abbreviation: doc.abbreviation ?? undefined,
    })),
    speakers: speakers.docs.map((doc) => ({ id: doc.id, names: namesOf(doc.name) })),
  }
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
  written: string,
): { known: KnownOrganisation; isExact: boolean } | undefined => {
  const key = nameKey(written)
  const exact = knownOrganisations.find(
    (known) =>
      nameKey(known.abbreviation) === key ||
      nameKey(known.name.en) === key ||
      nameKey(known.name.zh) === key ||
      (known.aliases ?? []).some((alias) => nameKey(alias) === key),
  )
  if (exact) return { known: exact, isExact: true }
  const similar = knownOrganisations.find((known) => isSameWords(written, known.name.en))
  return similar ? { known: similar, isExact: false } : undefined
}

export type OrganisationMatch =
  | { kind: 'existing'; id: string; confidence: Confidence; note?: string }
  | { kind: 'new'; known?: KnownOrganisation; confidence: Confidence; note?: string }
  | { kind: 'none'; note: string }

const organisationHeadWords =
  /\b(?:academy|agency|alliance|association|authority|bank|bureau|center|centre|college|commission|committee|company|corporation|council|department|electric|embassy|facility|federation|forum|foundation|fund|group|inc|initiative|institute|institution|ltd|ministry|network|office|organi[sz]ation|panel|programme|program|school|secretariat|society|union|university)\b|(?:大学|学院|研究院|研究所|科学院|银行|公司|集团|组织|署|委员会|基金会|协会|中心|联盟|政府|部|局|电气)$/iu

const isAbbreviation = (name: string) => /^[A-Z][A-Z0-9&]*(?:-[A-Za-z]+)?$/.test(name)

// Finds the organisation a page names ("WB", "China Remin University", "世界资源研究所") among
// those in the database: by abbreviation or name first, then by the same words spelt nearly the
// same, then (Chinese) by a known name the text starts with.
export const matchOrganisation = ({
  written,
  directory,
}: {
  written: string
  directory: Directory
}): OrganisationMatch => {
  const knownMatch = knownByName(written)
  const known = knownMatch?.known
  const candidates = [written, ...(known ? [known.abbreviation, known.name.en, known.name.zh] : [])]
  const keys = new Set(candidates.map(nameKey))
  const exact = directory.organisations.find(
    (organisation) =>
      (organisation.abbreviation && keys.has(nameKey(organisation.abbreviation))) ||
      organisation.names.some((name) => keys.has(nameKey(name))),
  )
  if (exact)
    return !knownMatch || knownMatch.isExact
      ? { kind: 'existing', id: exact.id, confidence: 'high' }
      : {
          kind: 'existing',
          id: exact.id,
          confidence: 'medium',
          note: `"${written}" was matched to the organisation "${exact.names[0]}" by its words; check it is the same.`,
        }

  const similar = directory.organisations.filter((organisation) =>
    organisation.names.some((name) => candidates.some((candidate) => isSameWords(candidate, name))),
  )
  if (similar.length === 1)
    return {
      kind: 'existing',
      id: similar[0].id,
      confidence: 'medium',
      note: `"${written}" was matched to the organisation "${similar[0].names[0]}" by its words; check it is the same.`,
    }

  if (knownMatch)
    return knownMatch.isExact
      ? { kind: 'new', known: knownMatch.known, confidence: 'high' }
      : {
          kind: 'new',
          known: knownMatch.known,
          confidence: 'medium',
          note: `"${written}" was taken to be the ${knownMatch.known.name.en} by its words; check it is the same.`,
        }
  if (organisationHeadWords.test(written) || isAbbreviation(written))
    return {
      kind: 'new',
      confidence: 'medium',
      note: `"${written}" is a new organisation: check its name and kind.`,
    }
  return {
    kind: 'none',
    note: `"${written}" is not a known organisation and does not read like one's name, so no organisation was linked.`,
  }
}

// For Chinese positions written without a separator ("施耐德电气碳战略与联盟总监"): the longest
// known organisation name the text starts with, and what is left of it.
export const matchOrganisationPrefix = ({
  written,
  directory,
}: {
  written: string
  directory: Directory
}): { id: string; name: string; rest: string } | null => {
  let best: { id: string; name: string; rest: string } | null = null
  for (const organisation of directory.organisations)
    for (const name of organisation.names)
      if (
        written.startsWith(name) &&
        name.length < written.length &&
        name.length > (best?.name.length ?? 0)
      )
        best = { id: organisation.id, name, rest: written.slice(name.length) }
  return best
}

export const guessOrganisationKind = (name: string): Organisation['kind'] => {
  if (/\b(?:united nations|un)\b|联合国/i.test(name)) return 'un-agency'
  if (/\b(?:bank|finance corporation)\b|银行|金融公司/i.test(name)) return 'multilateral-bank'
  if (/\b(?:university|academy|college|school)\b|大学|学院|科学院/i.test(name)) return 'academic'
  if (
    /\b(?:ministry|commission|government|bureau|administration)\b|部$|局$|政府|委员会/i.test(name)
  )
    return 'government'
  if (/\b(?:company|corporation|electric|group|inc|ltd|co)\b|公司|集团|电气/i.test(name))
    return 'company'
  if (/\b(?:news|media|times|daily|press)\b|报|新闻|媒体/i.test(name)) return 'media'
  return 'ngo'
}

export const findSpeaker = ({
  name,
  directory,
}: {
  name: string
  directory: Directory
}): DirectorySpeaker | undefined => {
  const key = nameKey(name)
  return directory.speakers.find((speaker) => speaker.names.some((n) => nameKey(n) === key))
}
