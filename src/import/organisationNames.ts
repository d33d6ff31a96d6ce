import type { Organisation } from '@/payload-types'

import type { Extracted, ExtractedMeeting, WrittenOrganisation } from './types'

import { guessOrganisationKind } from './directory'
import { findKnownOrganisation } from './knownOrganisations'
import { nameKey } from './nameKey'

// Organisations as pages write them: in lists ("the Asian Infrastructure Investment Bank (AIIB)
// and Tongji University"), with articles and with abbreviations in brackets. Everything here
// walks the text once or splits it at fixed strings, so a long line costs its length.

// "the World Bank" → "World Bank": the article is not part of the name.
export const withoutArticle = (text: string): string => text.replace(/^the\s+/i, '')

// "C40", "WB", "UN-HABITAT": written in capitals, as acronyms are. "UN-Habitat" and "Siemens" are
// short names, not acronyms.
export const isAcronym = (text: string): boolean => /^[A-Z][A-Z0-9&]*(?:-[A-Z0-9]+)*$/.test(text)

// An abbreviation in brackets is one word ("AIIB", "iCET", "亚投行"), never a phrase.
const isAbbreviationLike = (text: string): boolean =>
  text.length > 0 && text.length <= 12 && !/\s/.test(text)

const closingBrackets = new Set([')', '）'])

// "Asian Infrastructure Investment Bank (AIIB)", "亚洲基础设施投资银行（亚投行）" and the other way
// round, "AIIB (Asian Infrastructure Investment Bank)": the name and its abbreviation. An
// organisation written only as an acronym is its own abbreviation, unless it is a known name that
// is not one (BYD).
export const writtenOrganisation = (text: string): WrittenOrganisation => {
  const written = withoutArticle(
    text
      .trim()
      .replace(/[.。;；]+$/u, '')
      .trim(),
  )
  const last = written.charAt(written.length - 1)
  const open = closingBrackets.has(last)
    ? Math.max(written.lastIndexOf('('), written.lastIndexOf('（'))
    : -1
  if (open > 0) {
    const outside = withoutArticle(written.slice(0, open).trim())
    const inside = written.slice(open + 1, -1).trim()
    if (isAbbreviationLike(inside) && inside.length < outside.length)
      return { name: outside, abbreviation: inside }
    if (isAbbreviationLike(outside) && outside.length < inside.length)
      return { name: withoutArticle(inside), abbreviation: outside }
  }
  const known = findKnownOrganisation(nameKey(written))
  const isOwnAbbreviation =
    isAcronym(written) &&
    (!known ||
      (known.abbreviation !== undefined && nameKey(known.abbreviation) === nameKey(written)))
  return isOwnAbbreviation ? { name: written, abbreviation: written } : { name: written }
}

// Splits at separators outside brackets: "(EGTT, UNFCCC)" is one part.
const splitOutsideBrackets = (text: string, separators: Set<string>): string[] => {
  const parts: string[] = []
  let depth = 0
  let start = 0
  for (let at = 0; at < text.length; at += 1) {
    const character = text[at]
    if (character === '(' || character === '（') depth += 1
    else if (closingBrackets.has(character)) depth = Math.max(0, depth - 1)
    else if (depth === 0 && separators.has(character)) {
      parts.push(text.slice(start, at))
      start = at + 1
    }
  }
  parts.push(text.slice(start))
  return parts.map((part) => part.trim()).filter(Boolean)
}

// The last word of a whole organisation's name: "Nanjing University", "China Daily". "Ministry
// of Science" does not end with one, so "Ministry of Science and Technology" stays whole.
const englishHeadWords = new Set(
  (
    'academy administration agency alliance association authority bank board bureau center ' +
    'centre college commission committee company conservancy co corporation council daily ' +
    'department division facility federation forum foundation fund government grid group ' +
    'inc initiative institute institution laboratory league ltd ministry network news ' +
    'office organisation organization panel partnership platform post programme program ' +
    'school secretariat society times union university'
  ).split(' '),
)

const chineseEnding =
  /(?:大学|学院|研究院|研究所|科学院|银行|公司|集团|组织|署|委员会|基金会|联合会|协会|理事会|中心|联盟|政府|部|局|厅|社|报|台|传媒|办公室|论坛|电网)$/u

const isKnown = (name: string) => Boolean(findKnownOrganisation(nameKey(name)))

// A name that could end here: the page would not go on with "and …" inside it.
export const isWholeName = (text: string): boolean => {
  const name = withoutArticle(text.trim())
  if (closingBrackets.has(name.charAt(name.length - 1))) return true
  if (isAcronym(name) || isKnown(name) || chineseEnding.test(name)) return true
  const words = name.split(/\s+/)
  return englishHeadWords.has(words[words.length - 1].toLowerCase())
}

// A whole name, or one with an organisation's word anywhere in it ("Ministry of Water
// Resources", "University of Oxford"): after "Division of …" that is the organisation.
export const readsAsOrganisation = (text: string): boolean =>
  isWholeName(text) ||
  withoutArticle(text.trim())
    .split(/\s+/)
    .some((word) => englishHeadWords.has(word.toLowerCase()))

const isWholeByItsWords = (text: string): boolean => {
  const { name } = writtenOrganisation(text.slice(0, longestName))
  return (
    isAcronym(name) ||
    isKnown(name) ||
    (name.includes(' ') && isWholeName(name.replace(/[)）]$/u, '')))
  )
}

// "and" joins two organisations when the part before it is a whole name and the part after it
// starts one ("Nanjing University and Siemens"), or when "the" starts the next ("… and the
// Energy Foundation China"); "National Development and Reform Commission" and "Ministry of
// Science and Technology" stay whole.
const isSecondName = (before: string, after: string): boolean =>
  /^(?:the\s|others?\b)/i.test(after) ||
  (isWholeName(before) && /^[A-Z0-9\p{Script=Han}]/u.test(after)) ||
  // "Ministry of Water Resources and Tsinghua University": a whole name after an organisation's,
  // by its own words: "Innovation Center for Energy and Transportation (iCET)" is one name.
  (/^[A-Z]/.test(after) && readsAsOrganisation(before) && isWholeByItsWords(after))

const englishJoins = [' and ', ' as well as ']
const chineseJoins = ['以及', '和', '及', '与']

// The text split at every join, with the join kept so that a name is put back together as written.
const splitAtJoins = (text: string, joins: string[]): { part: string; join: string }[] => {
  const pieces: { part: string; join: string }[] = []
  let start = 0
  let at = 0
  while (at < text.length) {
    const join = joins.find((candidate) => text.startsWith(candidate, at))
    if (join) {
      pieces.push({ part: text.slice(start, at), join })
      at += join.length
      start = at
    } else at += 1
  }
  pieces.push({ part: text.slice(start), join: '' })
  return pieces
}

// Longer than any organisation's name.
const longestName = 200

// One item of a comma list, split where "and" (和, 及) joins two names.
const splitAtNameJoins = (item: string): { names: string[]; keptWhole: string[] } => {
  const joins = /\p{Script=Han}/u.test(item) ? [...englishJoins, ...chineseJoins] : englishJoins
  const pieces = splitAtJoins(item, joins)
  const names: string[] = []
  const keptWhole: string[] = []
  let current = pieces[0].part
  let hasJoin = false
  for (let index = 1; index < pieces.length; index += 1) {
    const next = pieces[index].part
    // The end of what came before is enough to tell whether a name ends there; the whole of it
    // would make a long run of "and" cost its length once per "and".
    if (isSecondName(current.slice(-longestName), next.trim())) {
      names.push(current)
      if (hasJoin) keptWhole.push(current)
      current = next
      hasJoin = false
    } else {
      current = `${current}${pieces[index - 1].join}${next}`
      hasJoin = true
    }
  }
  names.push(current)
  if (hasJoin) keptWhole.push(current)
  return { names, keptWhole }
}

// "…, WWF, etc.", "… and other organisations": the end of a list, not a name.
const notAnOrganisation = /^(?:etc\.?|others|among others|(?:many |several |some )?other\s.*)$/i

const listSeparators = new Set([',', ';', '，', '；', '、'])

// "WB, AIIB, ADB and the China Southern Power Grid": each organisation as written. `keptWhole`
// are names with "and" in them that were read as one name, for the editor to check.
export const splitOrganisationList = (
  text: string,
): { organisations: WrittenOrganisation[]; keptWhole: string[] } => {
  const organisations: WrittenOrganisation[] = []
  const keptWhole: string[] = []
  for (const item of splitOutsideBrackets(text, listSeparators)) {
    const cleaned = item.replace(/^(?:and\s+|as well as\s+|以及|和|及)/u, '').trim()
    const split = splitAtNameJoins(cleaned)
    keptWhole.push(...split.keptWhole.map((name) => withoutArticle(name.trim())))
    for (const name of split.names) {
      const organisation = writtenOrganisation(name)
      if (organisation.name && !notAnOrganisation.test(organisation.name))
        organisations.push(organisation)
    }
  }
  return { organisations, keptWhole }
}

// Known organisations' kinds are known; others are guessed from their names.
export const organisationKind = (organisation: WrittenOrganisation): Organisation['kind'] =>
  (
    findKnownOrganisation(nameKey(organisation.name)) ??
    (organisation.abbreviation
      ? findKnownOrganisation(nameKey(organisation.abbreviation))
      : undefined)
  )?.kind ?? guessOrganisationKind(organisation.name)

export type PageOrganisation = { name: string; abbreviation?: string; kind: Organisation['kind'] }

// "a journalist from Xinhua", "新华社记者": the organisation of someone who asked a question.
const askersOrganisation = (askedBy: string): WrittenOrganisation | undefined => {
  const english = /\b(?:from|of)\s+(.+)$/.exec(askedBy.slice(0, 200))?.[1]
  const chinese = /^(.+?)的?(?:记者|代表|专家|学者|嘉宾)$/u.exec(askedBy.slice(0, 200))?.[1]
  const written = english ?? chinese
  if (!written) return undefined
  const organisation = writtenOrganisation(written)
  return /^[A-Z0-9]/.test(organisation.name) || isWholeName(organisation.name)
    ? organisation
    : undefined
}

// Every way the page writes an organisation, in the order the page's parts are read: the host's
// positions, the attending list, then everyone's positions.
const writtenOnPage = (meeting: ExtractedMeeting): WrittenOrganisation[] => {
  const fromPositions = (people: ExtractedMeeting['people']) =>
    people.flatMap(({ positions }) =>
      positions.flatMap(({ organisation, organisationAbbreviation }) =>
        organisation
          ? [
              organisationAbbreviation
                ? { name: organisation, abbreviation: organisationAbbreviation }
                : writtenOrganisation(organisation),
            ]
          : [],
      ),
    )
  const hosts = [meeting.host, ...meeting.coHosts].flatMap((host) => (host ? [host.value] : []))
  const askers = meeting.questions.flatMap(({ askedBy }) => {
    const organisation = askedBy ? askersOrganisation(askedBy) : undefined
    return organisation ? [organisation] : []
  })
  return [
    ...fromPositions(hosts),
    ...(meeting.attending?.value ?? []),
    ...fromPositions(meeting.people),
    ...askers,
  ]
}

// Every distinct organisation of the page, once, in first-appearance order: "C40 Cities Climate
// Leadership Group (C40)" and a later "C40" are one organisation, under its full name.
export const pageOrganisations = (meeting: ExtractedMeeting): PageOrganisation[] => {
  const organisations: WrittenOrganisation[] = []
  const byKey = new Map<string, WrittenOrganisation>()
  for (const written of writtenOnPage(meeting)) {
    // A known organisation is one however the page writes it ("AIIB", "Asian Infrastructure
    // Investment Bank").
    const known = [written.name, written.abbreviation]
      .map((name) => (name ? findKnownOrganisation(nameKey(name)) : undefined))
      .find(Boolean)
    const keys = [
      ...[written.name, written.abbreviation].flatMap((name) => (name ? [nameKey(name)] : [])),
      ...(known ? [`known:${known.name.en}`] : []),
    ]
    const same = keys.map((key) => byKey.get(key)).find(Boolean)
    if (!same) {
      const organisation = { ...written }
      organisations.push(organisation)
      for (const key of keys) byKey.set(key, organisation)
      continue
    }
    // "C40" first and "C40 Cities Climate Leadership Group (C40)" later: the full name wins.
    if (same.name === same.abbreviation && written.name !== written.abbreviation)
      same.name = written.name
    if (written.abbreviation && !same.abbreviation) same.abbreviation = written.abbreviation
    for (const key of keys) if (!byKey.has(key)) byKey.set(key, same)
  }
  return organisations.map((organisation) => ({
    ...organisation,
    kind: organisationKind(organisation),
  }))
}

// The attending list with each organisation under the page's fullest name for it ("C40" where
// the page also writes "C40 Cities Climate Leadership Group (C40)"), each once.
export const attendingAsOnPage = (
  meeting: ExtractedMeeting,
): Extracted<WrittenOrganisation[]> | null => {
  if (!meeting.attending) return null
  const byKey = new Map<string, PageOrganisation>()
  for (const organisation of pageOrganisations(meeting))
    for (const name of [organisation.name, organisation.abbreviation])
      if (name && !byKey.has(nameKey(name))) byKey.set(nameKey(name), organisation)
  const seen = new Set<PageOrganisation>()
  const value: WrittenOrganisation[] = []
  for (const written of meeting.attending.value) {
    const page =
      byKey.get(nameKey(written.abbreviation ?? written.name)) ?? byKey.get(nameKey(written.name))
    if (page && seen.has(page)) continue
    if (page) seen.add(page)
    value.push(
      page
        ? { name: page.name, ...(page.abbreviation ? { abbreviation: page.abbreviation } : {}) }
        : written,
    )
  }
  return { ...meeting.attending, value }
}
