import type { Confidence, Extracted, ExtractedDate, MeetingKind } from './types'

import { excerpt, isReadable } from './limits'

// What the heading says about the meeting, checked against the report's first paragraph: its
// title, its kind and the forum's edition.

// "2022 CIFCC Round Table Meeting--Green Industry and …": the part before the dash names the
// event, the part after is the meeting's own title.
export const splitHeading = (heading: string): { prefix?: string; title: string } => {
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

// The title is the heading after the event's name; it is sure when the report states it too.
export const readTitle = ({
  heading,
  firstParagraph,
}: {
  heading: string
  firstParagraph: string
}): { prefix?: string; title: Extracted<string> } => {
  const { prefix, title: headingTitle } = splitHeading(heading)
  const statedTitle = isReadable(firstParagraph) ? quotedTitle(firstParagraph) : undefined
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
  return { prefix, title }
}

const kindPatterns: [RegExp, MeetingKind][] = [
  [/round[- ]?table|圆桌/i, 'round-table'],
  [/plenary|全体会议|大会/i, 'plenary'],
  [/workshop|研讨会|工作坊/i, 'workshop'],
  [/side[- ]event|边会/i, 'side-event'],
  [/press (?:conference|event|briefing)|新闻发布会/i, 'press-event'],
  // A forum of the CIFCC; the forum's own name ("… Forum on Climate Change", 气候变化论坛) is not
  // a kind.
  [/forum session|session|分论坛|\bforum\b(?!\s+on\s+climate)|(?<!气候变化)论坛/i, 'forum'],
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

// The kind named by the event's name is sure; one named by the report or the whole heading less
// so.
export const readKind = ({
  prefix,
  heading,
  firstParagraph,
}: {
  prefix?: string
  heading: string
  firstParagraph: string
}): Extracted<MeetingKind> =>
  findKind([
    { text: prefix ?? '', confidence: 'high' },
    { text: firstParagraph, confidence: 'medium' },
    { text: heading, confidence: 'medium' },
  ])

// The edition is the year the heading names, which should be the meeting's year.
export const readEdition = ({
  prefix,
  heading,
  date,
}: {
  prefix?: string
  heading: string
  date: Extracted<ExtractedDate>
}): Extracted<number> => {
  const dateYear = Number(date.value.date.slice(0, 4))
  const headingYear = Number(/\b(19|20)\d{2}\b|(?:19|20)\d{2}(?=年)/.exec(prefix ?? heading)?.[0])
  return headingYear && headingYear !== dateYear
    ? {
        value: headingYear,
        confidence: 'low',
        note: `Edition: the heading says ${headingYear} but the meeting date is in ${dateYear}.`,
      }
    : { value: dateYear, confidence: headingYear ? 'high' : 'medium' }
}
