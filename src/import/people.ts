import type { Confidence, ExtractedPerson, ExtractedPosition, Language } from './types'

import { PageOverLimit, readingLimits } from './limits'
import { nameKey } from './nameKey'
import { knownChineseNames } from './knownOrganisations'
import { isWholeName, readsAsOrganisation, writtenOrganisation } from './organisationNames'

// Here since before organisations shared it; importers of people.ts keep working.
export { nameKey }

// Words that make a phrase a job title. A comma-separated part of an introduction that holds
// one of them starts a new position; a part without one continues the organisation before it.
const roleWords = [
  'adviser',
  'advisor',
  'ambassador',
  'analyst',
  'chair',
  'chairman',
  'chairperson',
  'chairwoman',
  'chancellor',
  'ceo',
  'cfo',
  'chief',
  'commissioner',
  'consultant',
  'coordinator',
  'counsellor',
  'counselor',
  'dean',
  'delegate',
  'deputy',
  'director',
  'economist',
  'editor',
  'engineer',
  'envoy',
  'executive',
  'expert',
  'fellow',
  'founder',
  'governor',
  'head',
  'lead',
  'leader',
  'lecturer',
  'manager',
  'mayor',
  'member',
  'minister',
  'officer',
  'official',
  'partner',
  'president',
  'principal',
  'professor',
  'rector',
  'representative',
  'researcher',
  'scientist',
  'secretary',
  'secretary-general',
  'specialist',
  'spokesperson',
]

const rolePattern = new RegExp(`\\b(?:${roleWords.join('|')})s?\\b`, 'i')

export const chineseRoles = [
  '首席经济学家',
  '首席代表',
  '高级投资官',
  '秘书长',
  '副院长',
  '院长',
  '副校长',
  '校长',
  '副主任',
  '主任',
  '副所长',
  '所长',
  '副局长',
  '局长',
  '处长',
  '副主席',
  '主席',
  '总经理',
  '经理',
  '董事长',
  '总监',
  '代表',
  '教授',
  '研究员',
  '顾问',
  '专家',
  '官员',
  '成员',
  '委员',
  '大使',
  '参赞',
  '会长',
  '部长',
  '司长',
  '总裁',
  '分析师',
  '工程师',
]

// Endings of Chinese organisation names: the first one closes the organisation, what follows
// up to the role is a unit within it (中国人民大学 | 环境学院 | 副院长).
const chineseOrganisationEndings =
  /^(.+?(?:大学|学院|研究院|研究所|科学院|银行|公司|集团|组织|规划署|署|委员会|基金会|联合会|理事会|学会|协会|中心|联盟|政府|部|局|办公室|论坛|电气|集团))(.*)$/u

const honorificPattern = /^(Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Sir|Madam|Dame)\.?\s+/

// Words that start with a capital, joined by spaces or by an initial's full stop ("Carter
// J.Brandon"). Each further word must start with a space or a full stop, which a word cannot
// contain: "AAAA…" then has one reading instead of one per way of cutting it into words, which
// made a run of 30 capitals take minutes to reject.
const englishName = /^[A-Z][\p{L}'’-]*(?:(?:\.\s*|\s+)[A-Z][\p{L}'’-]*)*\.?$/u

// A Chinese name of two to four characters, or a foreign name written in characters with · between
// its parts (罗伯特·克莱恩, 卡洛斯·门多萨), which is longer.
const chineseName = /^(?:\p{Script=Han}{2,4}|\p{Script=Han}{1,6}(?:·\p{Script=Han}{1,8}){1,2})$/u

// Capitalised words that start a sentence but never a name: "He added that…" is not a speaker
// called "He", "The Bank said" not one called "The Bank".
const notNames =
  /^(?:he|she|they|it|we|i|you|his|her|their|this|that|these|those|the|both|all|there|then|also|in|on|at|as|for|finally|however|moreover|meanwhile|later)\b/i

export const isPlausibleName = ({ name, language }: { name: string; language: Language }) => {
  if (language === 'zh' && chineseName.test(name)) return true
  const words = name.split(/\s+/)
  return (
    words.length <= 5 && englishName.test(name) && !rolePattern.test(name) && !notNames.test(name)
  )
}

// "郭华（交通运输部…主任）" and "Guo Ping (director of …)": positions in brackets after the name
// are read as if after a comma.
const bracketedPositions = /^([^(),，（）]{2,60}?)\s*[（(]([^()（）]+)[）)]$/u

const withBracketsAsCommas = ({ text, language }: { text: string; language: Language }) => {
  const match = bracketedPositions.exec(text)
  if (!match) return text
  const { name } = splitHonorific(match[1].trim())
  return isPlausibleName({ name, language }) ? `${match[1].trim()}，${match[2].trim()}` : text
}

// "Carter J.Brandon" → "Carter J. Brandon": an initial is followed by a space.
export const tidyName = (name: string): string =>
  name
    .replace(/\b([A-Z])\.(?=[A-Z][a-z])/g, '$1. ')
    .replace(/\s+/g, ' ')
    .trim()

export const splitHonorific = (text: string): { honorific?: string; name: string } => {
  const match = honorificPattern.exec(text)
  if (!match) return { name: text }
  return { honorific: match[1], name: text.slice(match[0].length) }
}

// Commas inside brackets ("(EGTT, UNFCCC)") do not separate positions.
const splitTopLevel = (text: string, separator: RegExp): string[] => {
  const parts: string[] = []
  let depth = 0
  let current = ''
  for (const character of text) {
    if ('(（['.includes(character)) depth += 1
    if (')）]'.includes(character)) depth = Math.max(0, depth - 1)
    if (depth === 0 && separator.test(character)) {
      parts.push(current)
      current = ''
    } else current += character
  }
  parts.push(current)
  return parts.map((part) => part.trim()).filter(Boolean)
}

const capitalised = /^[A-Z(]/

// "East Asia and the Pacific", "China": capitalised words, joined by "and", "the" or "of".
const isPlaceName = (text: string): boolean => {
  const words = text.split(' ')
  const isCapitalised = (word: string | undefined) => /^[A-Z]/.test(word ?? '')
  return (
    (isCapitalised(words[0]) || words[0] === 'the') &&
    isCapitalised(words[words.length - 1]) &&
    words.every((word) => isCapitalised(word) || ['and', 'the', 'of'].includes(word))
  )
}

// "WRI in China": where the position is held, after the last "in".
const splitRegion = (text: string): { rest: string; region?: string } => {
  const at = text.lastIndexOf(' in ')
  if (at < 0) return { rest: text }
  const region = text.slice(at + ' in '.length).trim()
  return isPlaceName(region) ? { rest: text.slice(0, at).trim(), region } : { rest: text }
}

// Words that name a part of an organisation rather than the organisation.
const unitWords =
  /\b(?:department|division|branch|office|programme|program|school|faculty|college|institute|centre|center|bureau|directorate|secretariat|unit|section|group|team|laboratory|lab)\b/i

// "East Asia Energy Division of ADB", "Working Group III of the IPCC": the last "of" with a unit
// before it and a whole organisation's name after it. "Ministry of Science and Technology" and
// "Institute of Atmospheric Physics" have no organisation after their "of".
const splitUnitOf = (text: string): { unit: string; organisation: string } | null => {
  for (let at = text.lastIndexOf(' of '); at > 0; at = text.lastIndexOf(' of ', at - 1)) {
    const unit = text.slice(0, at)
    const organisation = withoutArticle(text.slice(at + ' of '.length))
    if (unitWords.test(unit) && readsAsOrganisation(organisation)) return { unit, organisation }
  }
  return null
}

// "ADB’s East Asia Department", "UNEP's Energy Branch".
const splitPossessive = (text: string): { unit: string; organisation: string } | null => {
  const match = /^([^'’]+)['’]s\s+(.+)$/.exec(text)
  return match && isWholeName(match[1]) ? { unit: match[2], organisation: match[1] } : null
}

// "Asian Infrastructure Investment Bank (AIIB)": the name, and the abbreviation kept beside it.
const organisationAsWritten = (text: string): Omit<ExtractedPosition, 'title'> => {
  const { name, abbreviation } = writtenOrganisation(text)
  return abbreviation && abbreviation !== name
    ? { organisation: name, organisationAbbreviation: abbreviation }
    : { organisation: name }
}

// "UNIDO in China and Northeast Asia" → organisation UNIDO, region China and Northeast Asia;
// "Expert Group … (EGTT) under UNFCCC" → unit and organisation; "Energy and Climate Change Branch
// of UNIDO" and "ADB’s East Asia Department" → unit and organisation.
const splitOrganisation = (text: string): Omit<ExtractedPosition, 'title'> => {
  const { rest, region } = splitRegion(text)
  const inRegion = region ? { region } : {}
  const under = /^(.+?)\s+(?:under|at)\s+(?:the\s+)?(.+)$/.exec(rest)
  const unitAndOrganisation = under
    ? { unit: under[1], organisation: under[2] }
    : (splitUnitOf(rest) ?? splitPossessive(rest))
  if (unitAndOrganisation)
    return {
      unit: withoutArticle(unitAndOrganisation.unit),
      ...organisationAsWritten(unitAndOrganisation.organisation),
      ...inRegion,
    }
  return { ...organisationAsWritten(rest), ...inRegion }
}

type PositionDraft = { position: ExtractedPosition; parts: string[] }

const prepositions = /\s+(of|for|at|with|from|to)\s+/i

const startPosition = (segment: string): PositionDraft => {
  const preposition = prepositions.exec(segment)
  if (!preposition) {
    // "UNIDO representative": an abbreviation in front of the title names the organisation.
    const leading = /^([A-Z][A-Z0-9&-]{1,})\s+(.+)$/.exec(segment)
    if (leading && rolePattern.test(leading[2]))
      return { position: { title: leading[2], organisation: leading[1] }, parts: [] }
    return { position: { title: segment }, parts: [] }
  }
  const title = segment.slice(0, preposition.index)
  const rest = segment.slice(preposition.index + preposition[0].length)
  // "delegate of China for UN Climate Talks": the country belongs to the title.
  const onBehalf = /^([A-Z][\p{L}]+(?:\s+[A-Z][\p{L}]+)?)\s+for\s+(.+)$/u.exec(rest)
  if (preposition[1].toLowerCase() === 'of' && onBehalf)
    return { position: { title: `${title} of ${onBehalf[1]}` }, parts: [onBehalf[2]] }
  // "professor of hydrology at the University of Oxford", "practice manager for urban
  // development and resilience of the World Bank": a subject in lower case, without an article,
  // is what the job is about, part of the title.
  const isSubject =
    /^(?:of|for|with)$/i.test(preposition[1]) &&
    /^[a-z]/.test(rest) &&
    !/^(?:the|a|an)\s/.test(rest)
  if (!isSubject) return { position: { title }, parts: [rest] }
  const next = /\s+(?:of|at)\s+/.exec(rest)
  return next
    ? {
        position: { title: `${title}${preposition[0]}${rest.slice(0, next.index)}` },
        parts: [rest.slice(next.index + next[0].length)],
      }
    : { position: { title: segment }, parts: [] }
}

// "the European Climate Foundation": the article is not part of the name.
const withoutArticle = (text: string) => text.replace(/^the\s+/i, '')

// "chief representative in China of GGGI": the place in the title is the region.
const withRegionFromTitle = (position: ExtractedPosition): ExtractedPosition => {
  const { rest, region } = splitRegion(position.title)
  return region && !position.region ? { ...position, title: rest, region } : position
}

const finishPosition = (draft: PositionDraft): ExtractedPosition =>
  withRegionFromTitle(finishDraft(draft))

const finishDraft = ({ position, parts: written }: PositionDraft): ExtractedPosition => {
  if (written.length === 0) return position
  const parts = written.map(withoutArticle)
  const last = splitOrganisation(parts[parts.length - 1])
  const units = [...parts.slice(0, -1), ...(last.unit ? [last.unit] : [])]
  return {
    ...position,
    ...(units.length > 0 ? { unit: units.join(', ') } : {}),
    ...(last.organisation ? { organisation: last.organisation } : {}),
    ...(last.organisationAbbreviation
      ? { organisationAbbreviation: last.organisationAbbreviation }
      : {}),
    ...(last.region ? { region: last.region } : {}),
  }
}

const parseEnglishPositions = (
  text: string,
): { positions: ExtractedPosition[]; confidence: Confidence } => {
  const drafts: PositionDraft[] = []
  let confidence: Confidence = 'high'
  // "…, and member of the IPCC": the last position of a list starts with "and".
  for (const segment of splitTopLevel(text, /,/).map((part) =>
    part.replace(/^and\s+(?=[a-z])/, ''),
  )) {
    const beforePreposition = segment.split(prepositions)[0]
    const isTitle = rolePattern.test(beforePreposition) || !capitalised.test(segment)
    const current = drafts[drafts.length - 1]
    if (isTitle || !current) {
      if (!isTitle) confidence = 'low'
      drafts.push(startPosition(segment))
    } else current.parts.push(segment)
  }
  return { positions: drafts.map(finishPosition), confidence }
}

// Words before a role that are part of the title: 副司长, 首席专家, 高级分析师, 副总工程师.
const chineseTitlePrefix = /(?:副|首席|高级|资深|常务|执行|总)+$/u

// A place right after the organisation (世界资源研究所|中国|可持续城市项目主任) is where the position is
// held; 驻华 is part of the title.
const chineseRegion =
  /^(?:中国|亚洲|亚太|东亚|东南亚|南亚|欧洲|非洲|北美|拉美|拉丁美洲)(?:区|地区)?/u

// The organisation a Chinese position starts with: a known one (亚投行能源业务局), or the text up to
// the first ending of an organisation's name.
const splitChineseOrganisation = (text: string): { organisation: string; rest: string } => {
  const known = knownChineseNames.find(({ name }) => text.startsWith(name))
  if (known) return { organisation: known.name, rest: text.slice(known.name.length) }
  const split = chineseOrganisationEndings.exec(text)
  if (!split) return { organisation: text, rest: '' }
  // A ministry's academy is an institution of its own (交通运输部科学研究院), where a company's
  // research institute is a unit of it (国家电网公司|能源研究院).
  const academy = split[1].endsWith('部')
    ? /^\p{Script=Han}{0,8}?(?:研究院|科学院|规划院)/u.exec(split[2])
    : null
  return academy
    ? { organisation: split[1] + academy[0], rest: split[2].slice(academy[0].length) }
    : { organisation: split[1], rest: split[2] }
}

// The last ending of a unit's name: what follows it is part of the title (中国局|高级能源专家).
const chineseUnitEnding =
  /(?:局|处|司|部|中心|办公室|办事处|代表处|项目|研究所|研究院|学院|系|室|组|分行|分公司)/gu

// What follows the organisation: a region, a unit, or a region and then a unit, and perhaps the
// start of the title. One character after a place (中国局) is an office, a unit.
const splitChineseUnit = (
  rest: string,
): Pick<ExtractedPosition, 'unit' | 'region'> & { titleStart: string } => {
  let end = rest.length
  chineseUnitEnding.lastIndex = 0
  for (let match = chineseUnitEnding.exec(rest); match; match = chineseUnitEnding.exec(rest))
    end = match.index + match[0].length
  const titleStart = rest.slice(end)
  const unitPart = rest.slice(0, end)
  const region = chineseRegion.exec(unitPart)?.[0]
  const after = region ? unitPart.slice(region.length) : unitPart
  if (region && after.length !== 1) return { region, ...(after ? { unit: after } : {}), titleStart }
  return { ...(unitPart ? { unit: unitPart } : {}), titleStart }
}

const parseChinesePosition = (text: string): ExtractedPosition => {
  const role = chineseRoles.find((candidate) => text.endsWith(candidate))
  if (!role) return { title: text }
  const withPrefix = text.slice(0, text.length - role.length)
  const prefix = chineseTitlePrefix.exec(withPrefix)?.[0] ?? ''
  const before = withPrefix.slice(0, withPrefix.length - prefix.length)
  // "驻中国及东北亚地区代表": a post abroad reads as part of the title.
  const post = /^(.*?)(驻[^]*)$/u.exec(before)
  const organisationPart = post && post[1] ? post[1] : before
  const titlePrefix = post && post[1] ? post[2] : ''
  const { organisation, rest: afterOrganisation } = splitChineseOrganisation(organisationPart)
  // "亚洲基础设施投资银行（亚投行）气候融资局": the abbreviation in brackets after the name.
  const abbreviation = /^[（(]([^（）()]{1,12})[）)]/u.exec(afterOrganisation)
  const rest = abbreviation ? afterOrganisation.slice(abbreviation[0].length) : afterOrganisation
  const { titleStart, ...unitAndRegion } = splitChineseUnit(rest)
  return {
    title: `${titlePrefix}${titleStart}${prefix}${role}`,
    ...unitAndRegion,
    ...(organisation ? { organisation } : {}),
    ...(organisation && abbreviation ? { organisationAbbreviation: abbreviation[1] } : {}),
  }
}

export type ParsedIntroduction = {
  person: ExtractedPerson
  confidence: Confidence
  // True for "Mr. Clarence": a name without positions, usually someone introduced earlier.
  isReference: boolean
}

// The longest introduction read as a name and positions: the statement patterns in statements.ts
// allow 500 characters before the verb, and the longest on the forum's pages is about 250.
export const maxIntroductionLength = 500

// Only where a run of separators starts (the lookbehind), so that a run that is not at the end
// is tried once rather than once from each of its characters.
const withoutTrailingSeparators = (text: string) => text.replace(/(?<![,，、\s])[,，、\s]+$/u, '')

// "Zou Ji, vice president of …, China country director of …" → the name and every position.
export const parseIntroduction = ({
  text,
  language,
}: {
  text: string
  language: Language
}): ParsedIntroduction | null => {
  if (text.length > maxIntroductionLength) return null
  const trimmed = withBracketsAsCommas({
    text: withoutTrailingSeparators(text).trim(),
    language,
  })
  if (language === 'zh') {
    const [name, ...rest] = splitTopLevel(trimmed, /[，,]/)
    if (!name || !isPlausibleName({ name, language })) return null
    const positions = rest.flatMap((part) => part.split(/[、兼]/u)).map(parseChinesePosition)
    return {
      person: { name, positions },
      confidence: positions.every((p) => p.organisation) ? 'high' : 'medium',
      isReference: positions.length === 0,
    }
  }
  const [first, ...rest] = splitTopLevel(trimmed, /[,，]/)
  if (!first) return null
  const { honorific, name } = splitHonorific(first)
  if (!isPlausibleName({ name, language })) return null
  const { positions, confidence } = parseEnglishPositions(rest.join(', '))
  return {
    person: {
      name: tidyName(name),
      ...(honorific ? { honorific: honorific.replace(/^Professor$/, 'Prof') } : {}),
      positions,
    },
    confidence,
    isReference: positions.length === 0,
  }
}

const nameTokens = (name: string): string[] =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)

// Everyone named on a page so far, by name and by word, so that finding who a reference means
// is a lookup rather than a comparison with every person named before it.
export type PeopleIndex = {
  people: ExtractedPerson[]
  byKey: Map<string, ExtractedPerson>
  byWord: Map<string, ExtractedPerson[]>
  wordsOf: Map<ExtractedPerson, Set<string>>
}

export const createPeopleIndex = (): PeopleIndex => ({
  people: [],
  byKey: new Map(),
  byWord: new Map(),
  wordsOf: new Map(),
})

export const addPerson = ({ index, person }: { index: PeopleIndex; person: ExtractedPerson }) => {
  index.people.push(person)
  const key = nameKey(person.name)
  if (!index.byKey.has(key)) index.byKey.set(key, person)
  const words = new Set(nameTokens(person.name))
  index.wordsOf.set(person, words)
  for (const word of words) {
    const holders = index.byWord.get(word)
    if (holders) holders.push(person)
    else index.byWord.set(word, [person])
  }
}

// Finds who "Mr. Clarence" or "Zou Ji" refers to among people already named on the page: the
// same name, or every word of the reference being a word of one person's name.
export const findPerson = ({
  reference,
  index,
}: {
  reference: string
  index: PeopleIndex
}): { person: ExtractedPerson; isExact: boolean } | null => {
  const { name } = splitHonorific(reference.trim())
  const exact = index.byKey.get(nameKey(name))
  if (exact) return { person: exact, isExact: true }
  const words = nameTokens(name)
  if (words.length === 0) return null
  // Only the people who share the reference's least common word can hold all of its words.
  const [fewest] = words
    .map((word) => index.byWord.get(word) ?? [])
    .sort((a, b) => a.length - b.length)
  let found: ExtractedPerson | null = null
  for (const person of fewest) {
    const held = index.wordsOf.get(person)
    if (!words.every((word) => held?.has(word))) continue
    if (found) return null
    found = person
  }
  return found ? { person: found, isExact: false } : null
}

// Adds a person to the page's index, or merges them into the one already named: the person the
// rest of the page refers to.
export const rememberPerson = ({
  index,
  person,
}: {
  index: PeopleIndex
  person: ExtractedPerson
}): ExtractedPerson => {
  const known = findPerson({ reference: person.name, index })
  if (!known) {
    if (index.people.length >= readingLimits.people)
      throw new PageOverLimit(
        `This page names more than ${readingLimits.people} people; a meeting report names a few dozen at most, so it was not read as one.`,
      )
    addPerson({ index, person })
    return person
  }
  // A second introduction may add positions or an honorific the first did not give.
  for (const position of person.positions)
    if (!known.person.positions.some((p) => p.title === position.title))
      known.person.positions.push(position)
  known.person.honorific ??= person.honorific
  return known.person
}
