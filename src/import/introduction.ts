import type { Confidence, Extracted, ExtractedPerson, Language, WrittenOrganisation } from './types'

import type { PeopleIndex } from './people'

import { excerpt } from './limits'
import { chineseNumbers } from './numbers'
import { splitOrganisationList } from './organisationNames'
import {
  chineseRoles,
  isPlausibleName,
  parseIntroduction,
  rememberPerson,
  splitHonorific,
} from './people'

// What the report's introduction, the paragraphs before the first statement, says about the
// meeting: who hosted it, its focus, its topics and the organisations attending.

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
  ...chineseNumbers,
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

// "1. ", "2) ", "（一）", "一是", "第二，": numbering is not part of a topic.
const listNumbering =
  /^(?:\d{1,2}\s*[.)、．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}(?:是|、)|第[一二三四五六七八九十]{1,3}[，,、]?|[·•\-–*])\s*/u

const withoutNumbering = (item: string) => item.replace(listNumbering, '').trim()

// Items of a written list: a list that uses semicolons keeps its commas inside the items
// ("forests, soils and negative emissions; finance for …"); a numbered one without separators
// is cut before each number.
const splitTopics = (list: string): string[] => {
  const items = /[;；]/u.test(list)
    ? list.split(/\s*[;；]\s*/u)
    : /^\s*1\s*[.)]\s/.test(list)
      ? list.split(/\s+(?=\d{1,2}[.)]\s)/)
      : splitList(list)
  return items
    .map((item) =>
      withoutNumbering(item)
        .replace(/^(?:and|as well as|和|及|以及)\s*/u, '')
        .replace(/[.。]$/u, '')
        .trim(),
    )
    .filter(Boolean)
}

// A sentence ends at a full stop that does not close a list number ("1. freight; 2. fuel.").
const listEnd = /(?<!(?:^|\s)\d{1,2})\.(?:\s|$)/g

const englishTopicList = (text: string): { count?: string; list: string } | null => {
  const colon = /\btopics?\b[^:.;]{0,60}:\s*/i.exec(text)
  if (colon) {
    const start = colon.index + colon[0].length
    const ends = new RegExp(listEnd)
    ends.lastIndex = start
    const end = ends.exec(text)
    // "three topics", "two main topics": the count is the word before.
    const count = /(\w+)\s+(?:main\s+|key\s+)?$/.exec(
      text.slice(Math.max(0, colon.index - 30), colon.index),
    )?.[1]
    const list = text.slice(start, end ? end.index : text.length)
    if (list.trim()) return { count, list }
  }
  const written =
    /\b(?:includ(?:ed|es|ing)|covered|covers|discussed|address(?:ed|es))\s+(?:the\s+following\s+)?(\w+)?\s*(?:main\s+|key\s+)?topics?,?\s*(?:like|such as|including|namely|of|:)?\s*(.+?)(?:\.\s|\.$|$)/i.exec(
      text,
    )
  if (written) return { count: written[1], list: written[2] }
  // "The topics included carbon prices and offsets."
  const subject = /\btopics\s+(?:included|includes|were|are|covered)\s+(.+?)(?:\.\s|\.$|$)/i.exec(
    text,
  )
  return subject ? { list: subject[1] } : null
}

const chineseTopicList = (text: string): { count?: string; list: string } | null => {
  const numeral = '[一二两三四五六七八九十\\d]+'
  const patterns = [
    new RegExp(`(?:包括|围绕|涉及)(${numeral})?个?议题[：:，,]?\\s*(.+?)(?:。|$)`, 'u'),
    new RegExp(`()(?:议题|话题)(?:包括|有|为|是)[：:]?\\s*(.+?)(?:。|$)`, 'u'),
    new RegExp(
      `(?:讨论|探讨|研讨|聚焦)了?(${numeral})个(?:问题|议题|话题)[：:]\\s*(.+?)(?:。|$)`,
      'u',
    ),
  ]
  for (const pattern of patterns) {
    const match = pattern.exec(text)
    if (match) return { count: match[1] || undefined, list: match[2] }
  }
  // "包括甲和乙两个议题": the count follows the list, which is looked for in the 200 characters
  // before the first 个议题 rather than after every 包括.
  const end = text.indexOf('个议题')
  if (end < 0) return null
  const before = text.slice(Math.max(0, end - 200), end)
  const count = new RegExp(`(${numeral})$`, 'u').exec(before)
  const start = before.lastIndexOf('包括')
  if (!count || start < 0) return null
  const list = before.slice(start + 2, count.index)
  return /[。：:]/u.test(list) || list.length < 2 ? null : { count: count[1], list }
}

export const extractTopics = (text: string): Extracted<string[]> | null => {
  const match = englishTopicList(text) ?? chineseTopicList(text)
  if (!match) return null
  const announced = countOf(match.count)
  let items = splitTopics(match.list)
  if (announced && items.length === announced - 1) {
    // "A, B and C", "甲和乙": the last "and" joins two topics.
    const last = items[items.length - 1]
    const split = /^(.+?)\s+and\s+(.+)$/.exec(last) ?? /^(.+)(?:和|及|与)(.+)$/u.exec(last)
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

// "Topics of the workshop:" and then one numbered line for each (a <br> list): the lines after a
// paragraph that announces topics and ends with a colon.
export const extractListedTopics = (paragraphs: string[]): Extracted<string[]> | null => {
  const at = paragraphs.findIndex(
    (paragraph) =>
      /[:：]$/u.test(paragraph.trim()) && /\btopics?\b|议题|问题|话题/iu.test(paragraph),
  )
  if (at < 0) return null
  const items: string[] = []
  for (const line of paragraphs.slice(at + 1)) {
    if (!listNumbering.test(line.trim())) break
    items.push(withoutNumbering(line).replace(/[.;。；]$/u, ''))
  }
  return items.length > 0 ? { value: items, confidence: 'high' } : null
}

// A focus is a phrase: bounded, an opening quote that is never closed costs 200 characters
// instead of the rest of the text once for every such quote.
const quotedFocus = [
  /\b(?:focus(?:ed|es|sed|ing)?|cent(?:red|ered|ring|res|ers))\s+on\s+[“"]([^”"]{1,200})[”"]/i,
  /\b(?:under|on|with) the (?:theme|topic)(?: of)?\s+[“"]([^”"]{1,200})[”"]/i,
  // "discussed “every drop twice”, with a focus on …": the quoted phrase is the focus.
  /\bdiscussed\s+[“"]([^”"]{1,200})[”"]/i,
  /\bthe (?:theme|focus)(?: of the [\w -]{1,40}?)? (?:was|is)\s+[“"]([^”"]{1,200})[”"]/i,
  /以[“"]([^”"]{1,200})[”"]为主题/u,
  /主题[为是][“"]([^”"]{1,200})[”"]/u,
  /聚焦(?:于)?[“"]([^”"]{1,200})[”"]/u,
  /围绕[“"]([^”"]{1,200})[”"](?:这一|这个)?主题/u,
]

const plainFocus = [
  // "The theme of the round table was moving goods with less fuel."
  /\bthe (?:theme|focus)(?: of the [\w -]{1,40}?)? (?:was|is)\s+([^,.;“”"]{1,200})/i,
  /聚焦(?:于)?([^，。；,;“”"]{1,200})/u,
  /\bfocus(?:ed|es)?\s+on\s+([^,.;]+)/i,
]

export const extractFocus = (text: string): Extracted<string> | null => {
  for (const pattern of quotedFocus) {
    const match = pattern.exec(text)
    if (match) return { value: match[1].trim(), confidence: 'high' }
  }
  for (const pattern of plainFocus) {
    const match = pattern.exec(text)
    if (match) return { value: match[1].trim(), confidence: 'medium' }
  }
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

// "新华社、人民日报和财新传媒等媒体的记者参加了发布会", "来自世界银行和清华大学的专家出席了会议": the list
// runs from 来自, or from the start of the sentence, to the people who came.
const chineseAttending = (text: string): string | null => {
  const closing =
    /(?:等(?:机构|单位|组织|媒体|高校|企业|部门))?的(?:嘉宾|代表|专家|学者|记者)(?:出席|参加|参与)/u.exec(
      text,
    )
  if (!closing) return chineseGuestsFrom(text)
  const before = text.slice(0, closing.index)
  const from = before.lastIndexOf('来自')
  const sentenceStart = Math.max(before.lastIndexOf('。'), before.lastIndexOf('：')) + 1
  const list =
    from >= sentenceStart ? before.slice(from + '来自'.length) : before.slice(sentenceStart)
  return list.trim() || null
}

// "与会嘉宾来自世界银行、清华大学等机构。": the list after 来自, to the end of the sentence.
const chineseGuestsFrom = (text: string): string | null => {
  const list = between({
    text,
    opening: /(?:嘉宾|代表|专家|学者|记者)(?:分别)?来自/u,
    closing: /[。；]|$/u,
  })
  return list ? list.replace(/等(?:机构|单位|组织|媒体|高校|企业|部门)$/u, '') : null
}

// "Guests from the Asian Infrastructure Investment Bank (AIIB) and Tongji University attended":
// the organisations as the page writes them (organisationNames.ts).
export const extractAttending = (text: string): Extracted<WrittenOrganisation[]> | null => {
  const list =
    between({
      text,
      opening:
        /\b(?:guests|representatives|delegates|experts|participants|officials|scholars|researchers|journalists|reporters)\s+(?:from|of)\s+/i,
      closing: /,?\s+(?:attended|took part|participated|joined|were present|were in attendance)/i,
    }) ??
    withoutLeadIn(between({ text, opening: /\battended by\s+/i, closing: /\.\s|\.$/ })) ??
    // "The meeting brought together more than 80 experts from …."
    between({
      text,
      opening: /\b(?:brought together|gathered|welcomed)\s+(?:[\w-]+\s+){0,5}?(?:from|of)\s+/i,
      closing: /\.\s|\.$/,
    }) ??
    chineseAttending(text)
  if (!list) return null
  const { organisations, keptWhole } = splitOrganisationList(list)
  if (organisations.length === 0) return null
  if (keptWhole.length > 0)
    return {
      value: organisations,
      confidence: 'medium',
      note: `Attending organisations: "${excerpt(keptWhole.join('", "'))}" was kept as one name; split it if it is two.`,
    }
  return { value: organisations, confidence: 'high' }
}

// Verbs that say someone hosted the meeting: "chaired the side event", "co-chaired the session".
const hostVerbs =
  /\b(co-)?(?:hosted|chaired|moderated|presided over)\s+the\s+(?:[\w-]+\s+){0,2}?(?:meeting|session|round[- ]?table|discussion|forum|workshop|event|conference|briefing|panel|dialogue|plenary)\b/i

// A full stop after an honorific or an initial ("Ms. Dubois", "Carter J. Brandon") does not end
// the sentence.
const sentenceEnd = /(?<!\b(?:Mr|Mrs|Ms|Dr|Prof|St|[A-Z]))\.(?:\s|$)|;/g

// Where the sentence holding `index` starts, looked for within the 600 characters before it: an
// introduction is at most 500 (people.ts), so a host's sentence starts within that.
const sentenceStartBefore = (text: string, index: number): number => {
  const from = Math.max(0, index - 600)
  let start = from
  for (const end of text.slice(from, index).matchAll(sentenceEnd))
    start = from + end.index + end[0].length
  return start
}

// The rest of the sentence after the first opening. The end is looked for in the whole text, not
// a slice of it, so that the honorific before a full stop is seen ("by Ms. Dubois").
const sentenceAfter = ({ text, opening }: { text: string; opening: RegExp }): string | null => {
  const open = opening.exec(text)
  if (!open) return null
  const start = open.index + open[0].length
  const ends = new RegExp(sentenceEnd)
  ends.lastIndex = start + 1
  const end = ends.exec(text)
  return text.slice(start, end ? end.index : text.length).trim() || null
}

// Words of organisation names: "… Disease Control and Prevention" is not a second host.
const organisationWords =
  /\b(?:University|Bank|Ministry|Institute|Cent(?:er|re)|Council|Agency|Commission|Foundation|Group|Association|Department|Office|Programme|Program|Development|Government|Academy|Corporation|Company|Fund|Organi[sz]ation|Network|Administration|Bureau|Division)\b/

// Whether the words after an "and" start another host: an honorific always does ("and Ms. B");
// otherwise a name of two or more words does, after ", and" that ends the previous host's
// positions ("A, director of X, and B, head of Y"), or after a bare name ("A and B"). "in China
// and Northeast Asia" or "Disease Control and Prevention" stay in the position.
const startsAnotherHost = ({
  previous,
  joint,
  rest,
}: {
  previous: string
  joint: string
  rest: string
}): boolean => {
  const { honorific, name } = splitHonorific(rest.split(',')[0].trim())
  if (honorific) return true
  const isName =
    name.split(/\s+/).length >= 2 &&
    isPlausibleName({ name, language: 'en' }) &&
    !organisationWords.test(name)
  const previousIsBareName = isPlausibleName({
    name: splitHonorific(previous.trim()).name,
    language: 'en',
  })
  return isName && (joint.startsWith(',') || previousIsBareName)
}

// "A, director of X, and Ms. B, head of Y" or "A and B": an "and" starts another host when a
// name follows it.
const splitEnglishHosts = (phrase: string): string[] => {
  const hosts: string[] = []
  let start = 0
  for (const joint of phrase.matchAll(/,?\s+and\s+/g)) {
    const previous = phrase.slice(start, joint.index)
    const rest = phrase.slice(joint.index + joint[0].length)
    if (!startsAnotherHost({ previous, joint: joint[0], rest })) continue
    hosts.push(previous)
    start = joint.index + joint[0].length
  }
  hosts.push(phrase.slice(start))
  return hosts.map((host) => host.trim()).filter(Boolean)
}

// "能源基金会交通项目主任陈立新": the name follows the last job title; the introduction is
// rewritten as "陈立新，能源基金会交通项目主任", the order parseIntroduction reads.
const chineseHostIntroduction = (written: string): { intro: string; isSure: boolean } => {
  const role = chineseRoles
    .map((candidate) => ({ candidate, at: written.lastIndexOf(candidate) }))
    .filter(({ at }) => at >= 0)
    .sort((a, b) => b.at + b.candidate.length - (a.at + a.candidate.length))[0]
  const end = role ? role.at + role.candidate.length : 0
  if (!role) return { intro: written, isSure: true }
  return end < written.length
    ? { intro: `${written.slice(end)}，${written.slice(0, end)}`, isSure: true }
    : { intro: written, isSure: false }
}

// "主持人：甲、乙": hosts are separated by 、, but 、 also separates two titles of one host
// (国家气候中心主任、研究员林静), so a part that ends with a title joins the next one.
// "甲和乙共同主持": with 共同 or 联合 the hosts may be joined by 和, 与 or 及 as well, but only
// after a name (a job title then two or three characters, or a name alone), since 和 is also
// inside names such as 国家发展和改革委员会.
const joinedChineseHosts = (phrase: string): string => {
  if (!/(?:共同|联合)$/u.test(phrase)) return phrase
  return phrase
    .replace(/(?:共同|联合)$/u, '')
    .split(/(?<=[和与及])/u)
    .map((piece, at, pieces) => {
      if (at === pieces.length - 1) return piece
      const before = piece.slice(0, -1)
      const name = chineseHostIntroduction(before.split('、').pop() ?? '').intro.split('，')[0]
      const isAfterName =
        /^\p{Script=Han}{2,3}$/u.test(name) || /^\p{Script=Han}+·\p{Script=Han}+$/u.test(name)
      return isAfterName ? `${before}、` : piece
    })
    .join('')
}

const splitChineseHosts = (phrase: string): { intros: string[]; isSure: boolean } => {
  const parts = joinedChineseHosts(phrase)
    .replace(/(?:共同|联合)$/u, '')
    .split(/、/u)
    .map((part) => part.trim())
    .filter(Boolean)
  const hosts: string[] = []
  let pending = ''
  for (const part of parts) {
    const written = pending ? `${pending}，${part}` : part
    const endsWithRole = chineseRoles.some((role) => written.endsWith(role))
    if (endsWithRole) pending = written
    else {
      hosts.push(written)
      pending = ''
    }
  }
  if (pending) hosts.push(pending)
  const read = hosts.map(chineseHostIntroduction)
  return { intros: read.map(({ intro }) => intro), isSure: read.every(({ isSure }) => isSure) }
}

export type HostsFound = { intros: string[]; confidence: Confidence }

const extractChineseHosts = (text: string): HostsFound | null => {
  const phrase =
    between({ text, opening: /由/u, closing: /主持/u }) ??
    /主持人?(?:[：:]|为|是)\s*([^。；\s]{1,300})/u.exec(text)?.[1] ??
    null
  if (phrase) {
    const { intros, isSure } = splitChineseHosts(phrase)
    return { intros, confidence: isSure ? 'high' : 'low' }
  }
  const active = /(?:^|[，,。])([^，,。]+?)主持(?:了)?(?:会议|本次会议)/u.exec(text)
  return active ? { intros: [active[1]], confidence: 'medium' } : null
}

// Who hosted the meeting, as introductions ("Name, position, …") in page order.
export const extractHosts = (text: string, language: Language): HostsFound | null => {
  if (language === 'zh') return extractChineseHosts(text)
  const verb = hostVerbs.exec(text)
  if (verb) {
    const before = text.slice(sentenceStartBefore(text, verb.index), verb.index)
    // "…was held in Beijing, and Dr. Adeyemi, …, chaired the workshop": the host's clause
    // starts after the last ", and", unless several people co-chaired.
    const clauseStart = verb[1]
      ? -1
      : Math.max(before.lastIndexOf(', and '), before.lastIndexOf('; '))
    const intro =
      clauseStart >= 0 ? before.slice(clauseStart).replace(/^[,;]\s*(?:and\s+)?/, '') : before
    return { intros: splitEnglishHosts(intro.trim().replace(/,$/, '')), confidence: 'high' }
  }
  const passive = sentenceAfter({
    text,
    opening: /\b(?:hosted|chaired|moderated|presided over)\s+(?:jointly\s+)?by\s+/i,
  })
  return passive ? { intros: splitEnglishHosts(passive), confidence: 'high' } : null
}

const readHost = ({
  intro,
  found,
  language,
  index,
}: {
  intro: string
  found: HostsFound
  language: Language
  index: PeopleIndex
}): Extracted<ExtractedPerson> | string => {
  const parsed = parseIntroduction({ text: intro, language })
  if (!parsed) return `A host is mentioned ("${excerpt(intro)}") but no name could be read from it.`
  const confidence = parsed.confidence === 'high' ? found.confidence : parsed.confidence
  return {
    value: rememberPerson({ index, person: parsed.person }),
    confidence,
    note:
      confidence === 'high' ? undefined : `Host: read as "${parsed.person.name}" from "${intro}".`,
  }
}

// The hosts as people of the page, remembered so that later statements link to them: the first
// is the host, the others co-hosts.
export const findHosts = ({
  text,
  language,
  index,
}: {
  text: string
  language: Language
  index: PeopleIndex
}): {
  host: Extracted<ExtractedPerson> | null
  coHosts: Extracted<ExtractedPerson>[]
  notes: string[]
} => {
  const found = extractHosts(text, language)
  if (!found) return { host: null, coHosts: [], notes: [] }
  const read = found.intros.map((intro) => readHost({ intro, found, language, index }))
  const hosts = read.filter((item): item is Extracted<ExtractedPerson> => typeof item !== 'string')
  const notes = read.filter((item): item is string => typeof item === 'string')
  return { host: hosts[0] ?? null, coHosts: hosts.slice(1), notes }
}

// The host alone, for callers that do not read co-hosts.
export const findHost = (args: {
  text: string
  language: Language
  index: PeopleIndex
}): { host: Extracted<ExtractedPerson> | null; notes: string[] } => {
  const { host, notes } = findHosts(args)
  return { host, notes }
}
