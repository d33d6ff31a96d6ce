import type { Clock } from './limits'
import type { PeopleIndex } from './people'
import type {
  Confidence,
  ExtractedAnswer,
  ExtractedQuestion,
  ExtractedStatement,
  Language,
} from './types'

import { isReadable, PageOverLimit, readingLimits, unreadNote } from './limits'
import { findPerson, parseIntroduction, rememberPerson } from './people'

// The report from its first statement on: statements, questions and their answers, and the
// paragraphs between them.

const statementVerbs =
  'pointed out|indicated|insisted|said|stated|noted|stressed|emphasi[sz]ed|argued|believed|suggested|advised|remarked|added|explained|mentioned|held|thought|expressed|proposed|observed|commented|highlighted|maintained|considered|answered|replied|responded|warned|recalled|concluded|acknowledged|agreed|urged|opened the (?:[\\w-]+ ){0,2}?by saying'

// "In her opening remarks, Ms. Hart said…": the lead-in is not part of the speaker's introduction.
const leadIn = '(?:(?:In|During) (?:his|her|their) [\\w -]{1,40}?,\\s*)?'

const englishStatement = new RegExp(
  `^${leadIn}(?<intro>.{2,500}?),?\\s+(?:also\\s+)?(?<verb>${statementVerbs})(?:\\s+that)?\\s*(?::\\s*|,\\s*(?=[“"])|(?<=that)\\s+)(?<statement>.+)$`,
  'is',
)

// "陈立新在致辞中指出：": where the words were said is not part of the introduction.
const chineseStatement =
  /^(?<intro>[^：:]{2,200}?)[，,]?(?:在?(?:开幕|闭幕)?(?:致辞|发言|讲话|演讲)(?:中|时)?)?(?<verb>指出|表示|认为|强调|说|介绍|建议|提出|谈到|补充|回答)(?:说|道)?[：:，,]\s*(?<statement>.+)$/su

const statementPatterns: Record<Language, RegExp> = { en: englishStatement, zh: chineseStatement }

const questionPattern =
  /^(?:question|q|questioner|audience question|提问|问|观众提问)(?:\s*\d{1,2})?(?:\s+from\s+(?<askedBy>[^:：]+?))?\s*[:：]\s*(?<question>.+)$/iu

// "A journalist from Xinhua asked: …", "新华社记者提问：…": the asker is named before the verb.
const namedQuestionPattern =
  /^(?<askedBy>[^:：，。,.?？]{2,80}?)\s*(?:\basked|\bwanted to know|提问|问道|问)(?:\s*[:：,，]\s*|\s+(?=(?:whether|if|how|what|why|when|who|which)\b))(?<question>.+)$/su

const answerPattern = /^(?<name>[^:：]{2,60}?)\s*[:：]\s*(?<answer>.+)$/su

const unnamedAnswer = /^(?:answer|a|答|回答)\s*[:：]\s*(?<answer>.+)$/iu

const continuationPattern =
  /^(?:he|she|they|in addition|besides|moreover|furthermore|他|她|此外|另外)\b/iu

const isStatementOrQuestion = ({
  paragraph,
  language,
}: {
  paragraph: string
  language: Language
}): boolean => {
  if (!isReadable(paragraph)) return false
  if (readQuestion(paragraph)) return true
  const intro = statementPatterns[language].exec(paragraph)?.groups?.intro
  return Boolean(intro && parseIntroduction({ text: intro, language }))
}

export type Introduction = {
  // The paragraphs before the first statement or question: all of the report when it has none.
  paragraphs: string[]
  // Their text, where the host, focus, topics and attending organisations are looked for.
  text: string
  // The paragraphs from the first statement or question on.
  rest: string[]
  notes: string[]
}

// The introduction is read as a whole for the meeting's facts, the rest paragraph by paragraph.
export const splitAtFirstStatement = ({
  paragraphs,
  language,
  clock,
}: {
  paragraphs: string[]
  language: Language
  clock: Clock
}): Introduction => {
  const firstStatementIndex = paragraphs.findIndex((paragraph) => {
    clock.check('looking for the first statement')
    return isStatementOrQuestion({ paragraph, language })
  })
  const introParagraphs =
    firstStatementIndex >= 0 ? paragraphs.slice(0, firstStatementIndex) : paragraphs
  return {
    paragraphs: introParagraphs,
    text: introParagraphs.filter(isReadable).join(' '),
    rest: firstStatementIndex >= 0 ? paragraphs.slice(firstStatementIndex) : [],
    notes: introParagraphs.filter((p) => !isReadable(p)).map((p) => unreadNote(p)),
  }
}

// "A journalist from Xinhua" starts a sentence; as a field it is "a journalist from Xinhua".
const asAsker = (written: string) =>
  written.trim().replace(/^(?:A|An|The)\b/, (article) => article.toLowerCase())

// "Zhang Rui said that the forum asked whether…" is a statement, not a question by "Zhang Rui
// said that the forum".
const isAsker = (written: string) => !/\b(?:said|stated|noted|that|who)\b/i.test(written)

export const readQuestion = (paragraph: string): ExtractedQuestion | null => {
  const named = namedQuestionPattern.exec(paragraph)?.groups
  const question =
    questionPattern.exec(paragraph)?.groups ?? (named && isAsker(named.askedBy) ? named : null)
  if (!question) return null
  return {
    question: { value: question.question.trim(), confidence: 'high' },
    ...(question.askedBy ? { askedBy: asAsker(question.askedBy) } : {}),
    answers: [],
  }
}

// "Zou Ji: …" answers when Zou Ji was named before; "Answer: …" answers without saying who.
export const readAnswer = ({
  paragraph,
  index,
}: {
  paragraph: string
  index: PeopleIndex
}): ExtractedAnswer | null => {
  const answer = answerPattern.exec(paragraph)?.groups
  const match = answer && findPerson({ reference: answer.name, index })
  if (answer && match)
    return {
      speaker: {
        value: match.person.name,
        confidence: match.isExact ? 'high' : 'medium',
        note: match.isExact
          ? undefined
          : `Q&A: "${answer.name}" was taken to be ${match.person.name}.`,
      },
      answer: { value: answer.answer.trim(), confidence: 'high' },
    }
  const unnamed = unnamedAnswer.exec(paragraph)?.groups
  if (!unnamed) return null
  return {
    speaker: {
      value: '',
      confidence: 'low',
      note: 'Q&A: an answer does not say who gave it.',
    },
    answer: { value: unnamed.answer.trim(), confidence: 'high' },
  }
}

// "Mr. Clarence said: …": a speaker named before is linked to them, a new one is remembered.
export const readStatement = ({
  paragraph,
  language,
  index,
}: {
  paragraph: string
  language: Language
  index: PeopleIndex
}): ExtractedStatement | null => {
  const match = statementPatterns[language].exec(paragraph)?.groups
  const intro = match && parseIntroduction({ text: match.intro, language })
  if (!match || !intro) return null
  const earlier = intro.isReference ? findPerson({ reference: intro.person.name, index }) : null
  const person = earlier ? earlier.person : rememberPerson({ index, person: intro.person })
  if (earlier && intro.person.honorific) earlier.person.honorific ??= intro.person.honorific
  const isInferred = Boolean(earlier && !earlier.isExact)
  const confidence: Confidence = isInferred
    ? 'medium'
    : intro.isReference && !earlier
      ? 'low'
      : intro.confidence
  return {
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
  }
}

const replyVerbs = /^(?:answered|replied|responded|回答)$/i

// "Zou Ji replied that …" after a question answers it, like "Zou Ji: …".
export const readReply = ({
  paragraph,
  language,
  index,
}: {
  paragraph: string
  language: Language
  index: PeopleIndex
}): ExtractedAnswer | null => {
  const match = statementPatterns[language].exec(paragraph)?.groups
  if (!match || !replyVerbs.test(match.verb)) return null
  const intro = parseIntroduction({ text: match.intro, language })
  const found = intro && findPerson({ reference: intro.person.name, index })
  if (!found) return null
  return {
    speaker: { value: found.person.name, confidence: found.isExact ? 'high' : 'medium' },
    answer: { value: match.statement.trim(), confidence: 'high' },
  }
}

// "He added …" after a statement is more of it. Returns whether the paragraph was taken.
export const continueStatement = ({
  paragraph,
  statements,
}: {
  paragraph: string
  statements: ExtractedStatement[]
}): boolean => {
  const previous = statements[statements.length - 1]
  if (!previous || !continuationPattern.test(paragraph)) return false
  previous.paragraphs.value.push(paragraph)
  previous.paragraphs.confidence = 'medium'
  previous.paragraphs.note = `Statement by ${previous.speaker.value.name}: a following paragraph was taken as part of it.`
  return true
}

export type StatementsRead = {
  statements: ExtractedStatement[]
  questions: ExtractedQuestion[]
  // Paragraphs that are neither, kept as report text.
  body: string[]
  notes: string[]
}

type Reading = StatementsRead & { entries: number; keptAfterStatements: number }

const countEntry = (reading: Reading) => {
  reading.entries += 1
  if (reading.entries > readingLimits.statements)
    throw new PageOverLimit(
      `This page has more than ${readingLimits.statements} statements, questions and answers; a meeting report has a few dozen at most, so it was not read as one.`,
    )
}

const keepInBody = ({ paragraph, reading }: { paragraph: string; reading: Reading }) => {
  reading.body.push(paragraph)
  reading.keptAfterStatements += 1
  if (reading.keptAfterStatements <= readingLimits.notedParagraphs)
    reading.notes.push(
      `A paragraph after the statements was kept in the report: "${paragraph.slice(0, 80)}…"`,
    )
}

// A question, an answer to the question before it, a statement, more of the statement before
// it, or report text, tried in that order.
const readParagraph = ({
  paragraph,
  reading,
  language,
  index,
}: {
  paragraph: string
  reading: Reading
  language: Language
  index: PeopleIndex
}) => {
  if (!isReadable(paragraph)) {
    reading.body.push(paragraph)
    reading.notes.push(unreadNote(paragraph))
    return
  }
  const question = readQuestion(paragraph)
  if (question) {
    countEntry(reading)
    reading.questions.push(question)
    return
  }
  const currentQuestion = reading.questions[reading.questions.length - 1]
  const answer = currentQuestion
    ? (readAnswer({ paragraph, index }) ?? readReply({ paragraph, language, index }))
    : null
  if (currentQuestion && answer) {
    countEntry(reading)
    currentQuestion.answers.push(answer)
    return
  }
  const statement = readStatement({ paragraph, language, index })
  if (statement) {
    countEntry(reading)
    reading.statements.push(statement)
    return
  }
  // Once the questions start, a "he" is no longer the last speaker.
  if (!currentQuestion && continueStatement({ paragraph, statements: reading.statements })) return
  keepInBody({ paragraph, reading })
}

export const readStatements = ({
  paragraphs,
  language,
  index,
  clock,
}: {
  paragraphs: string[]
  language: Language
  index: PeopleIndex
  clock: Clock
}): StatementsRead => {
  const reading: Reading = {
    statements: [],
    questions: [],
    body: [],
    notes: [],
    entries: 0,
    keptAfterStatements: 0,
  }
  for (const paragraph of paragraphs) {
    clock.check('reading the statements')
    readParagraph({ paragraph, reading, language, index })
  }
  if (reading.keptAfterStatements > readingLimits.notedParagraphs)
    reading.notes.push(
      `${(reading.keptAfterStatements - readingLimits.notedParagraphs).toLocaleString('en')} more paragraphs after the statements were kept in the report.`,
    )
  const { statements, questions, body, notes } = reading
  return { statements, questions, body, notes }
}
