import type { Clock } from './limits'
import type {
  Extracted,
  ExtractedMeeting,
  ExtractedPerson,
  ExtractedQuestion,
  ExtractedStatement,
  ParseFailure,
  WrittenOrganisation,
} from './types'

import { findMeetingDate } from './dates'
import { readEdition, readKind, readTitle } from './heading'
import {
  extractAttending,
  extractFocus,
  extractListedTopics,
  extractTopics,
  findHosts,
} from './introduction'
import { excerpt, PageOverLimit, readingLimits, startClock } from './limits'
import { attendingAsOnPage } from './organisationNames'
import { languageOf, readText, splitLines, splitPage } from './pageText'
import { createPeopleIndex, nameKey } from './people'
import { readStatements, splitAtFirstStatement } from './statements'

type Parsed = ExtractedMeeting | ParseFailure

// For the result of any stage that may find the page is not a meeting report.
export const isParseFailure = <T extends object>(
  parsed: T | ParseFailure,
): parsed is ParseFailure => 'reason' in parsed

const organisationsNamed = ({
  people,
  attending,
}: {
  people: ExtractedPerson[]
  attending: Extracted<WrittenOrganisation[]> | null
}): number =>
  new Set([
    ...people.flatMap(({ positions }) =>
      positions.flatMap(({ organisation }) => (organisation ? [nameKey(organisation)] : [])),
    ),
    ...(attending?.value ?? []).map(({ name }) => nameKey(name)),
  ]).size

export const tooManyOrganisations = ({
  people,
  attending,
}: {
  people: ExtractedPerson[]
  attending: Extracted<WrittenOrganisation[]> | null
}): ParseFailure | null => {
  const organisations = organisationsNamed({ people, attending })
  return organisations > readingLimits.organisations
    ? {
        reason: `This page names ${organisations.toLocaleString('en')} organisations; a meeting report names a few dozen at most, so it was not read as one.`,
      }
    : null
}

// A meeting report has a host, speakers or questions; a page with none of them is news.
export const notAMeetingReport = ({
  heading,
  host,
  statements,
  questions,
}: {
  heading: string
  host: Extracted<ExtractedPerson> | null
  statements: ExtractedStatement[]
  questions: ExtractedQuestion[]
}): ParseFailure | null =>
  statements.length === 0 && questions.length === 0 && !host
    ? {
        reason: `"${excerpt(heading)}" reads as a news item, not a meeting report: no host, speakers or questions were found.`,
      }
    : null

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

// The stages in the order they depend on each other, with the clock checked between them.
const readMeeting = ({ content, clock }: { content: string; clock: Clock }): Parsed => {
  const { text, images, repairs } = readText({ content, clock })
  const lines = splitLines(text)
  if (lines.length === 0) return { reason: 'The file is empty.' }
  const language = languageOf(text)
  clock.check('splitting the page into lines')
  const page = splitPage(lines)
  if (isParseFailure(page)) return page
  const { heading, paragraphs } = page
  const date = findMeetingDate({ heading, paragraphs })
  if (isParseFailure(date)) return date
  clock.check('looking for the date')
  const { prefix, title } = readTitle({ heading, firstParagraph: paragraphs[0] })
  const kind = readKind({ prefix, heading, firstParagraph: paragraphs[0] })
  const edition = readEdition({ prefix, heading, date })

  const index = createPeopleIndex()
  const introduction = splitAtFirstStatement({ paragraphs, language, clock })
  const {
    host,
    coHosts,
    notes: hostNotes,
  } = findHosts({ text: introduction.text, language, index })
  clock.check('looking for the host')
  const statementsRead = readStatements({ paragraphs: introduction.rest, language, index, clock })
  const { statements, questions } = statementsRead
  const newsItem = notAMeetingReport({ heading, host, statements, questions })
  if (newsItem) return newsItem

  const focus = extractFocus(introduction.text)
  const topics = extractListedTopics(introduction.paragraphs) ?? extractTopics(introduction.text)
  const attending = extractAttending(introduction.text)
  clock.check('reading the focus, topics and attending organisations')
  const overLimit = tooManyOrganisations({ people: index.people, attending })
  if (overLimit) return overLimit

  const meeting: ExtractedMeeting = {
    language,
    breadcrumb: page.breadcrumb,
    heading,
    title,
    kind,
    edition,
    date,
    host,
    coHosts,
    focus,
    topics,
    attending,
    people: index.people,
    statements,
    questions,
    body: [...introduction.paragraphs, ...statementsRead.body],
    hasLivePictures: page.hasLivePictures,
    images,
    droppedLines: page.droppedLines,
    repairs,
    notes: [...introduction.notes, ...hostNotes, ...statementsRead.notes],
  }
  return { ...meeting, attending: attendingAsOnPage(meeting) }
}
