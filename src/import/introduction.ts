import type { Confidence, Extracted, ExtractedPerson, Language, WrittenOrganisation } from './types'

import type { PeopleIndex } from './people'

import { excerpt } from './limits'
import { splitOrganisationList } from './organisationNames'
import { chineseRoles, parseIntroduction, rememberPerson } from './people'

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

export const extractTopics = (text: string): Extracted<string[]> | null => {
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
export const extractFocus = (text: string): Extracted<string> | null => {
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

const hostVerbs =
  /\b(hosted|chaired|moderated|presided over)\s+the\s+(?:meeting|session|round[- ]?table|discussion|forum|workshop)/i

export const extractHost = (
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

// The host as a person of the page, remembered so that later statements link to them.
export const findHost = ({
  text,
  language,
  index,
}: {
  text: string
  language: Language
  index: PeopleIndex
}): { host: Extracted<ExtractedPerson> | null; notes: string[] } => {
  const hostFound = extractHost(text, language)
  if (!hostFound) return { host: null, notes: [] }
  const parsed = parseIntroduction({ text: hostFound.intro, language })
  if (!parsed)
    return {
      host: null,
      notes: [
        `A host is mentioned ("${excerpt(hostFound.intro)}") but no name could be read from it.`,
      ],
    }
  const confidence = parsed.confidence === 'high' ? hostFound.confidence : parsed.confidence
  return {
    host: {
      value: rememberPerson({ index, person: parsed.person }),
      confidence,
      note:
        confidence === 'high'
          ? undefined
          : `Host: read as "${parsed.person.name}" from "${hostFound.intro}".`,
    },
    notes: [],
  }
}
