import type { Repair } from './encoding'
import type {
  Confidence,
  Extracted,
  ExtractedMeeting,
  ExtractedPerson,
  ExtractedQuestion,
  ExtractedStatement,
  Language,
  MeetingKind,
  ParseFailure,
} from './types'

import type { Clock } from './limits'
import type { PeopleIndex } from './people'

import { extractDate } from './dates'
import { knownOrganisations } from './knownOrganisations'
import { repairMojibake } from './encoding'
import { htmlToText, looksLikeHTML } from './html'
import { excerpt, PageOverLimit, readingLimits, startClock } from './limits'
import {
  addPerson,
  chineseRoles,
  createPeopleIndex,
  findPerson,
  nameKey,
  parseIntroduction,
} from './people'

const countLatinLetters = (text: string): number => {
  let count = 0
  for (let index = 0; index < text.length; index += 1) {
    // Lower-cased by setting bit 5: A–Z and a–z both land on a–z, nothing else does.
    const code = text.charCodeAt(index) | 32
    if (code >= 97 && code <= 122) count += 1
  }
  return count
}

// Counted without an array of every match (two million of them for a large page): Han from what
// is left when everything else is removed, where a character beyond U+FFFF is two units.
const isChinese = (text: string): boolean => {
  const hanUnits = text.replace(/\P{Script=Han}+/gu, '')
  const han = hanUnits.length - hanUnits.replace(/[^\ud800-\udbff]+/g, '').length
  return han > countLatinLetters(text) / 4
}

// Lines that start the site's footer: the photo block, bullet-list navigation, the link bar,
// the copyright line. Everything from the first of them on is dropped.
const footerStart =
  /^(?:live pictures?|photos?|related (?:news|links|articles)|现场图片|图片直播|相关新闻|[·•]\s*\S|.*\s\|\s.*|©|copyright\b|版权所有|\[?(?:print|close|back)\]?$)/i

const livePictures = /^(?:live pictures?|photos?|现场图片|图片直播)$/i

const breadcrumbSeparator = /\s*(?:>>|»|›|＞＞|>)\s*/

const splitBreadcrumb = (line: string): string[] | null => {
  if (line.length > 160) return null
  const parts = line.split(breadcrumbSeparator).filter(Boolean)
  return parts.length >= 2 && /^(?:home|首页|主页)$/i.test(parts[0]) ? parts : null
}

const kindPatterns: [RegExp, MeetingKind][] = [
  [/round[- ]?table|圆桌/i, 'round-table'],
  [/plenary|全体会议|大会/i, 'plenary'],
  [/workshop|研讨会|工作坊/i, 'workshop'],
  [/side[- ]event|边会/i, 'side-event'],
  [/press (?:conference|event|briefing)|新闻发布会/i, 'press-event'],
  [/forum session|session|分论坛/i, 'forum'],
]

const findKind = (texts: { text: string; confidence: Confidence }[]): Extracted<MeetingKind> => {
  for (const { text, confidence } of texts) {
    const match = kindPatterns.find(([pattern]) => pattern.test(text))
    if (match) return { value: match[1], confidence }
  }
  return {
    value: 'round-table',
    confidence: 'low',
    note: 'The page does not say what kind of meeting this was; "Round table" was chosen.',
  }
}

// "2022 CIFCC Round Table Meeting--Green Industry and …": the part before the dash names the
// event, the part after is the meeting's own title.
const splitHeading = (heading: string): { prefix?: string; title: string } => {
  const match = /^(.+?)\s*(?:--|——|—|–\s|:\s|：)\s*(.+)$/u.exec(heading)
  if (match && /\d{4}|forum|cifcc|论坛|会议|meeting|round/i.test(match[1]))
    return { prefix: match[1], title: match[2] }
  return { title: heading }
}

// Titles are short: bounded, each "entitled" is read for at most 300 characters, where an
// unbounded run to the next comma was read again from every "entitled" before it.
const quotedTitle = (text: string): string | undefined =>
  /(?:entitled|titled|themed|on the theme of|under the theme of?)\s+[“"]?([^,“”"]{1,300}?)[”"]?,/i.exec(
    text,
  )?.[1] ?? /[“"《]([^”"》]{4,120})[”"》][^，。]{0,12}?举行/u.exec(text)?.[1]

const numberWords: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
}

const countOf = (word: string | undefined): number | undefined =>
  word === undefined ? undefined : (numberWords[word.toLowerCase()] ?? (Number(word) || undefined))

const splitList = (text: string): string[] =>
  text
    .split(/\s*[,;，；、]\s*/u)
    .map((item) =>
      item
        .replace(/^(?:and|as well as|和|及|以及)\s*/u, '')
        .replace(/[.。]$/u, '')
        .trim(),
    )
    .filter(Boolean)

const extractTopics = (text: string): Extracted<string[]> | null => {
  const english =
    /\b(?:includ(?:ed|es|ing)|covered|covers|discussed|address(?:ed|es))\s+(?:the\s+following\s+)?(\w+)?\s*(?:main\s+|key\s+)?topics?,?\s*(?:like|such as|including|namely|of|:)?\s*(.+?)(?:\.\s|\.$|$)/i.exec(
      text,
    )
  const chinese =
    /(?:包括|围绕|涉及)([一二两三四五六七八九十\d]+)?个?议题[：:，,]?\s*(.+?)(?:。|$)/u.exec(text)
  const match = english ?? chinese
  if (!match) return null
  const announced = countOf(match[1])
  let items = splitList(match[2])
  if (announced && items.length === announced - 1) {
    // "A, B and C": the last comma-less "and" joins two topics.
    const last = items[items.length - 1]
    const split = /^(.+?)\s+and\s+(.+)$/.exec(last)
    if (split) items = [...items.slice(0, -1), split[1], split[2]]
    return { value: items, confidence: 'medium', note: `Topics: the last two were split at "and".` }
  }
  if (announced && announced !== items.length)
    return {
      value: items,
      confidence: 'low',
      note: `Topics: the page announces ${announced} but ${items.length} were found; check how they are split.`,
    }
  return { value: items, confidence: announced ? 'high' : 'medium' }
}

// A focus is a phrase: bounded, an opening quote that is never closed costs 200 characters
// instead of the rest of the text once for every such quote.
const extractFocus = (text: string): Extracted<string> | null => {
  const quoted =
    /\bfocus(?:ed|es)?\s+on\s+[“"]([^”"]{1,200})[”"]/i.exec(text) ??
    /\b(?:under|on) the (?:theme|topic) of\s+[“"]([^”"]{1,200})[”"]/i.exec(text) ??
    /以[“"]([^”"]{1,200})[”"]为主题/u.exec(text) ??
    /主题[为是][“"]([^”"]{1,200})[”"]/u.exec(text)
  if (quoted) return { value: quoted[1].trim(), confidence: 'high' }
  const plain = /\bfocus(?:ed|es)?\s+on\s+([^,.;]+)/i.exec(text)
  if (plain) return { value: plain[1].trim(), confidence: 'medium' }
  return null
}

// What `opening(.+?)closing` captures, found in one pass: the text from the first opening to the
// first closing after it. When no closing follows the first opening none follows a later one
// either, so there is nothing more to try, where the regular expression would read the rest of
// the text again from every later opening. `text` is one line with single spaces, so an
// opening's \s+ never has to give a space back to the capture.
const between = ({
  text,
  opening,
  closing,
}: {
  text: string
  opening: RegExp
  closing: RegExp
}): string | null => {
  const open = opening.exec(text)
  if (!open) return null
  const start = open.index + open[0].length
  // (.+?) takes at least one character before the closing.
  const close = closing.exec(text.slice(start + 1))
  return close ? text.slice(start, start + 1 + close.index) : null
}

// "attended by guests from EU and WB.": the list starts after the lead-in, unless nothing but
// the lead-in is there.
const withoutLeadIn = (list: string | null): string | null => {
  const leadIn = list && /^(?:guests from\s+|representatives (?:of|from)\s+)/i.exec(list)
  return list && leadIn && list.length > leadIn[0].length ? list.slice(leadIn[0].length) : list
}

const isKnownOrganisationName = (name: string) =>
  knownOrganisations.some((known) => known.name.zh === name || known.aliases?.includes(name))

const extractAttending = (text: string): Extracted<string[]> | null => {
  const list =
    between({
      text,
      opening: /\b(?:guests|representatives|delegates|experts|participants)\s+from\s+/i,
      closing: /,?\s+(?:attended|took part|participated|joined)/i,
    }) ??
    withoutLeadIn(between({ text, opening: /\battended by\s+/i, closing: /\.\s|\.$/ })) ??
    between({
      text,
      opening: /来自/u,
      closing: /(?:等(?:机构|单位|组织))?的(?:嘉宾|代表|专家)(?:出席|参加)/u,
    })
  if (!list) return null
  // 和 and 及 join the last two names, unless they belong to one (国家发展和改革委员会).
  const items = splitList(list).flatMap((item) =>
    isKnownOrganisationName(item) ? [item] : splitList(item.replace(/(?:以及|和|及)/gu, '、')),
  )
  // "WWF and Shanghai Ocean University": the last "and" separates two names when one side is
  // an abbreviation; "Ministry of Science and Technology" stays whole.
  const last = /^(.+?)\s+and\s+(.+)$/.exec(items[items.length - 1] ?? '')
  const isAbbreviation = (name: string) => /^[A-Z][A-Z0-9-]+$/.test(name)
  if (last && (isAbbreviation(last[1]) || isAbbreviation(last[2])))
    items.splice(-1, 1, last[1], last[2])
  else if (last)
    return {
      value: items,
      confidence: 'medium',
      note: `Attending organisations: "${excerpt(last[0])}" was kept as one name; split it if it is two.`,
    }
  return { value: items, confidence: 'high' }
}

const hostVerbs =
  /\b(hosted|chaired|moderated|presided over)\s+the\s+(?:meeting|session|round[- ]?table|discussion|forum|workshop)/i

const extractHost = (
  text: string,
  language: Language,
): { intro: string; confidence: Confidence } | null => {
  if (language === 'zh') {
    const phrase = between({ text, opening: /由/u, closing: /主持/u })
    if (phrase) {
      // "会议由联合国工业发展组织驻华代表某某主持": the name is the last words before 主持.
      // The name follows the last job title: 世界银行可持续发展局局长 | 王海.
      const role = chineseRoles
        .map((candidate) => ({ candidate, at: phrase.lastIndexOf(candidate) }))
        .filter(({ at }) => at >= 0)
        .sort((a, b) => b.at + b.candidate.length - (a.at + a.candidate.length))[0]
      const end = role ? role.at + role.candidate.length : 0
      return role && end < phrase.length
        ? { intro: `${phrase.slice(end)}，${phrase.slice(0, end)}`, confidence: 'high' }
        : { intro: phrase, confidence: 'low' }
    }
    const active = /(?:^|[，,。])([^，,。]+?)主持(?:了)?(?:会议|本次会议)/u.exec(text)
    return active ? { intro: active[1], confidence: 'medium' } : null
  }
  const verb = hostVerbs.exec(text)
  if (verb) {
    const sentenceStart = Math.max(text.lastIndexOf('. ', verb.index) + 1, 0)
    const before = text.slice(sentenceStart, verb.index)
    const clauseStart = Math.max(before.lastIndexOf(', and '), before.lastIndexOf('; '))
    const intro =
      clauseStart >= 0 ? before.slice(clauseStart).replace(/^[,;]\s*(?:and\s+)?/, '') : before
    return { intro: intro.trim(), confidence: 'high' }
  }
  const passive = between({
    text,
    opening: /\b(?:hosted|chaired|moderated|presided over)\s+by\s+/i,
    closing: /\.\s|\.$|;/,
  })
  return passive ? { intro: passive, confidence: 'high' } : null
}

const statementVerbs =
  'pointed out|indicated|insisted|said|stated|noted|stressed|emphasi[sz]ed|argued|believed|suggested|advised|remarked|added|explained|mentioned|held|thought|expressed|proposed|observed|commented|highlighted|maintained|considered|answered|replied|responded'

const englishStatement = new RegExp(
  `^(?<intro>.{2,500}?),?\\s+(?:also\\s+)?(?:${statementVerbs})(?:\\s+that)?\\s*(?::\\s*|(?<=that)\\s+)(?<statement>.+)$`,
  'is',
)

const chineseStatement =
  /^(?<intro>[^：:]{2,200}?)[，,]?(?:指出|表示|认为|强调|说|介绍|建议|提出|谈到|回答)(?:道)?[：:，,]\s*(?<statement>.+)$/su

const questionPattern =
  /^(?:question|q|questioner|audience question|提问|问|观众提问)(?:\s+from\s+(?<askedBy>[^:：]+?))?\s*[:：]\s*(?<question>.+)$/iu

const answerPattern = /^(?<name>[^:：]{2,60}?)\s*[:：]\s*(?<answer>.+)$/su

const unnamedAnswer = /^(?:answer|a|答|回答)\s*[:：]\s*(?<answer>.+)$/iu

const continuationPattern =
  /^(?:he|she|they|in addition|besides|moreover|furthermore|他|她|此外|另外)\b/iu

type Parsed = ExtractedMeeting | ParseFailure

export const isParseFailure = (parsed: Parsed): parsed is ParseFailure => 'reason' in parsed

const isReadable = (paragraph: string) => paragraph.length <= readingLimits.paragraphLength

const unreadNote = (paragraph: string) =>
  `A paragraph of ${paragraph.length.toLocaleString('en')} characters was kept in the report without looking for speakers in it (paragraphs over ${readingLimits.paragraphLength.toLocaleString('en')} characters are not read for names): "${excerpt(paragraph, 80)}"`

const organisationsNamed = ({
  people,
  attending,
}: {
  people: ExtractedPerson[]
  attending: Extracted<string[]> | null
}): number =>
  new Set([
    ...people.flatMap(({ positions }) =>
      positions.flatMap(({ organisation }) => (organisation ? [nameKey(organisation)] : [])),
    ),
    ...(attending?.value ?? []).map(nameKey),
  ]).size

// Reads one legacy news page (plain text or HTML) into the parts of a meeting. Returns a
// reason instead when the page is not a meeting report the extractor understands, or when it
// goes over a reading limit (limits.ts).
export const extractMeeting = ({
  content,
  milliseconds = readingLimits.milliseconds,
}: {
  content: string
  milliseconds?: number
}): Parsed => {
  try {
    return readMeeting({ content, clock: startClock({ milliseconds }) })
  } catch (error) {
    if (error instanceof PageOverLimit) return { reason: error.message }
    throw error
  }
}

const readMeeting = ({ content, clock }: { content: string; clock: Clock }): Parsed => {
  const isHTML = looksLikeHTML(content)
  const { text: plain, images } = isHTML ? htmlToText(content) : { text: content, images: [] }
  clock.check('reading the HTML')
  const { text, repairs }: { text: string; repairs: Repair[] } = repairMojibake(plain)
  clock.check('repairing the encoding')
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    // Every run of whitespace becomes one space; a single space already is one, and replacing
    // each of a million of them cost half a second.
    .map((line) => line.replace(/(?! )[\u00a0\s]+| [\u00a0\s]+/g, ' ').trim())
    .filter(Boolean)
  if (lines.length === 0) return { reason: 'The file is empty.' }
  const language: Language = isChinese(text) ? 'zh' : 'en'
  const notes: string[] = []
  clock.check('splitting the page into lines')

  const breadcrumb = splitBreadcrumb(lines[0]) ?? []
  const contentLines = lines.slice(breadcrumb.length > 0 ? 1 : 0)
  const footerIndex = contentLines.findIndex((line, index) => index > 0 && footerStart.test(line))
  const pageLines = footerIndex >= 0 ? contentLines.slice(0, footerIndex) : contentLines
  const droppedLines = footerIndex >= 0 ? contentLines.slice(footerIndex) : []
  const hasLivePictures = droppedLines.some((line) => livePictures.test(line))

  const [heading, ...paragraphs] = pageLines
  if (!heading) return { reason: 'The page has no heading to take the meeting title from.' }
  if (paragraphs.length === 0)
    return { reason: `The page has a heading ("${excerpt(heading)}") but no report below it.` }

  const date = extractDate({ paragraphs })
  if (!date)
    return {
      reason: `No meeting date was found in the report under "${excerpt(heading)}" (a date such as "October 30, 2022" or "2022年10月30日").`,
    }
  clock.check('looking for the date')

  const { prefix, title: headingTitle } = splitHeading(heading)
  const statedTitle = isReadable(paragraphs[0]) ? quotedTitle(paragraphs[0]) : undefined
  const title: Extracted<string> =
    statedTitle && statedTitle.toLowerCase() === headingTitle.toLowerCase()
      ? { value: headingTitle, confidence: 'high' }
      : {
          value: headingTitle,
          confidence: prefix ? 'medium' : 'low',
          note: prefix
            ? `Title: taken from the heading after "${excerpt(prefix)}".`
            : 'Title: the whole heading was used; shorten it if it names the event as well.',
        }

  const kind = findKind([
    { text: prefix ?? '', confidence: 'high' },
    { text: paragraphs[0], confidence: 'medium' },
    { text: heading, confidence: 'medium' },
  ])
  const dateYear = Number(date.value.date.slice(0, 4))
  const headingYear = Number(/\b(19|20)\d{2}\b|(?:19|20)\d{2}(?=年)/.exec(prefix ?? heading)?.[0])
  const edition: Extracted<number> =
    headingYear && headingYear !== dateYear
      ? {
          value: headingYear,
          confidence: 'low',
          note: `Edition: the heading says ${headingYear} but the meeting date is in ${dateYear}.`,
        }
      : { value: dateYear, confidence: headingYear ? 'high' : 'medium' }

  const index: PeopleIndex = createPeopleIndex()
  const remember = (person: ExtractedPerson): ExtractedPerson => {
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

  const statementPattern = language === 'zh' ? chineseStatement : englishStatement
  const isStatementOrQuestion = (paragraph: string) => {
    clock.check('looking for the first statement')
    if (!isReadable(paragraph)) return false
    if (questionPattern.test(paragraph)) return true
    const intro = statementPattern.exec(paragraph)?.groups?.intro
    return Boolean(intro && parseIntroduction({ text: intro, language }))
  }
  const firstStatementIndex = paragraphs.findIndex(isStatementOrQuestion)
  const introParagraphs =
    firstStatementIndex >= 0 ? paragraphs.slice(0, firstStatementIndex) : paragraphs
  for (const paragraph of introParagraphs.filter((p) => !isReadable(p)))
    notes.push(unreadNote(paragraph))
  const introText = introParagraphs.filter(isReadable).join(' ')

  let host: Extracted<ExtractedPerson> | null = null
  const hostFound = extractHost(introText, language)
  if (hostFound) {
    const parsed = parseIntroduction({ text: hostFound.intro, language })
    if (parsed) {
      const confidence = parsed.confidence === 'high' ? hostFound.confidence : parsed.confidence
      host = {
        value: remember(parsed.person),
        confidence,
        note:
          confidence === 'high'
            ? undefined
            : `Host: read as "${parsed.person.name}" from "${hostFound.intro}".`,
      }
    } else
      notes.push(
        `A host is mentioned ("${excerpt(hostFound.intro)}") but no name could be read from it.`,
      )
  }
  clock.check('looking for the host')

  const statements: ExtractedStatement[] = []
  const questions: ExtractedQuestion[] = []
  const body = [...introParagraphs]
  let entries = 0
  const countEntry = () => {
    entries += 1
    if (entries > readingLimits.statements)
      throw new PageOverLimit(
        `This page has more than ${readingLimits.statements} statements, questions and answers; a meeting report has a few dozen at most, so it was not read as one.`,
      )
  }
  let keptAfterStatements = 0
  for (const paragraph of firstStatementIndex >= 0 ? paragraphs.slice(firstStatementIndex) : []) {
    clock.check('reading the statements')
    if (!isReadable(paragraph)) {
      body.push(paragraph)
      notes.push(unreadNote(paragraph))
      continue
    }
    const question = questionPattern.exec(paragraph)?.groups
    if (question) {
      countEntry()
      questions.push({
        question: { value: question.question.trim(), confidence: 'high' },
        ...(question.askedBy ? { askedBy: question.askedBy.trim() } : {}),
        answers: [],
      })
      continue
    }
    const currentQuestion = questions[questions.length - 1]
    if (currentQuestion) {
      const answer = answerPattern.exec(paragraph)?.groups
      const match = answer && findPerson({ reference: answer.name, index })
      if (answer && match) {
        countEntry()
        currentQuestion.answers.push({
          speaker: {
            value: match.person.name,
            confidence: match.isExact ? 'high' : 'medium',
            note: match.isExact
              ? undefined
              : `Q&A: "${answer.name}" was taken to be ${match.person.name}.`,
          },
          answer: { value: answer.answer.trim(), confidence: 'high' },
        })
        continue
      }
      const unnamed = unnamedAnswer.exec(paragraph)?.groups
      if (unnamed) {
        countEntry()
        currentQuestion.answers.push({
          speaker: {
            value: '',
            confidence: 'low',
            note: 'Q&A: an answer does not say who gave it.',
          },
          answer: { value: unnamed.answer.trim(), confidence: 'high' },
        })
        continue
      }
    }
    const match = statementPattern.exec(paragraph)?.groups
    const intro = match && parseIntroduction({ text: match.intro, language })
    if (match && intro) {
      const earlier = intro.isReference ? findPerson({ reference: intro.person.name, index }) : null
      const person = earlier ? earlier.person : remember(intro.person)
      if (earlier && intro.person.honorific) earlier.person.honorific ??= intro.person.honorific
      countEntry()
      const isInferred = Boolean(earlier && !earlier.isExact)
      const confidence: Confidence = isInferred
        ? 'medium'
        : intro.isReference && !earlier
          ? 'low'
          : intro.confidence
      statements.push({
        speaker: {
          value: person,
          confidence,
          note: isInferred
            ? `Statement: "${match.intro.trim()}" was taken to be ${person.name}.`
            : confidence === 'low'
              ? `Statement by "${person.name}": the page gives no position for them; check the speaker's positions.`
              : undefined,
        },
        paragraphs: { value: [match.statement.trim()], confidence: 'high' },
      })
      continue
    }
    const previous = statements[statements.length - 1]
    if (previous && !currentQuestion && continuationPattern.test(paragraph)) {
      previous.paragraphs.value.push(paragraph)
      previous.paragraphs.confidence = 'medium'
      previous.paragraphs.note = `Statement by ${previous.speaker.value.name}: a following paragraph was taken as part of it.`
      continue
    }
    body.push(paragraph)
    keptAfterStatements += 1
    if (keptAfterStatements <= readingLimits.notedParagraphs)
      notes.push(
        `A paragraph after the statements was kept in the report: "${paragraph.slice(0, 80)}…"`,
      )
  }
  if (keptAfterStatements > readingLimits.notedParagraphs)
    notes.push(
      `${(keptAfterStatements - readingLimits.notedParagraphs).toLocaleString('en')} more paragraphs after the statements were kept in the report.`,
    )

  if (statements.length === 0 && questions.length === 0 && !host)
    return {
      reason: `"${excerpt(heading)}" reads as a news item, not a meeting report: no host, speakers or questions were found.`,
    }

  const focus = extractFocus(introText)
  const topics = extractTopics(introText)
  const attending = extractAttending(introText)
  clock.check('reading the focus, topics and attending organisations')
  const organisations = organisationsNamed({ people: index.people, attending })
  if (organisations > readingLimits.organisations)
    return {
      reason: `This page names ${organisations.toLocaleString('en')} organisations; a meeting report names a few dozen at most, so it was not read as one.`,
    }

  return {
    language,
    breadcrumb,
    heading,
    title,
    kind,
    edition,
    date,
    host,
    focus,
    topics,
    attending,
    people: index.people,
    statements,
    questions,
    body,
    hasLivePictures,
    images,
    droppedLines,
    repairs,
    notes,
  }
}
