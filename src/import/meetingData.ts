import type { Meeting } from '@/payload-types'

import { forumTimeZone } from '@/payload/fields/dateTime'
import { toSlug } from '@/payload/fields/slug'
import { richText } from '@/content/richText'

import type { Context } from './importContext'
import type {
  Extracted,
  ExtractedMeeting,
  ExtractedPerson,
  ExtractedQuestion,
  ExtractedStatement,
  WrittenOrganisation,
} from './types'

import { partOfDayHours } from './dates'
import { freeSlug, note, noteField } from './importContext'
import { pageOrganisations } from './organisationNames'
import { nameKey } from './people'
import { positionText, resolveOrganisation, resolveSpeaker } from './speakersAndOrganisations'

// The draft meeting made of what was extracted, in stages: the notes on what the extractor was
// unsure of, the speakers and organisations linked or created, the address, and the data itself.

type StatementRows = NonNullable<Meeting['statements']>
type QuestionRows = NonNullable<Meeting['questions']>
type AnswerRows = NonNullable<QuestionRows[number]['answers']>

// Beijing has kept UTC+8 without daylight saving since 1991.
const startsAt = ({ date, time }: { date: string; time: string }) =>
  new Date(`${date}T${time}:00+08:00`).toISOString()

export const meetingTime = (context: Context, extracted: ExtractedMeeting): string => {
  const { date, time, partOfDay } = extracted.date.value
  if (time) return time
  if (partOfDay) {
    note(
      context,
      'medium',
      `Start time: the page says "${partOfDay}" only; ${partOfDayHours[partOfDay]} Beijing time was set. Add an end time if known.`,
    )
    return partOfDayHours[partOfDay]
  }
  note(context, 'low', `Start time: the page gives no time on ${date}; 09:00 Beijing time was set.`)
  return '09:00'
}

export const noteExtractedFields = ({
  context,
  extracted,
}: {
  context: Context
  extracted: ExtractedMeeting
}) => {
  for (const [field, label] of [
    [extracted.title, 'Title'],
    [extracted.kind, 'Kind'],
    [extracted.edition, 'Edition'],
    [extracted.date, 'Date'],
    [extracted.host, 'Host'],
    [extracted.focus, 'Focus'],
    [extracted.topics, 'Topics'],
    [extracted.attending, 'Attending organisations'],
  ] as const)
    noteField(context, field, label)
  if (!extracted.host) note(context, 'low', 'Host: the page does not say who hosted the meeting.')
  if (!extracted.focus) note(context, 'low', 'Focus: no focus or theme was found on the page.')
  if (!extracted.topics) note(context, 'low', 'Topics: no list of topics was found on the page.')
}

export const resolveStatements = async ({
  context,
  statements,
}: {
  context: Context
  statements: ExtractedStatement[]
}): Promise<StatementRows> => {
  const rows: StatementRows = []
  for (const statement of statements) {
    noteField(context, statement.speaker, `Statement by ${statement.speaker.value.name}`)
    noteField(context, statement.paragraphs, `Statement by ${statement.speaker.value.name}`)
    const speaker = await resolveSpeaker(context, statement.speaker.value)
    rows.push({
      speaker: speaker.id,
      ...(speaker.positions[0]?.organisation
        ? { organisation: speaker.positions[0].organisation }
        : {}),
      position: positionText(speaker.positions, context.language) || undefined,
      statement: richText({ paragraphs: statement.paragraphs.value }),
    })
  }
  return rows
}

// An answer's speaker is a name the extractor matched to one of the page's people; an answer
// without one is left out, since the meeting needs a speaker for each.
const resolveAnswers = async ({
  context,
  question,
  people,
}: {
  context: Context
  question: ExtractedQuestion
  people: ExtractedPerson[]
}): Promise<AnswerRows> => {
  const answers: AnswerRows = []
  for (const answer of question.answers) {
    noteField(context, answer.speaker, 'Answer')
    const person = people.find((p) => p.name === answer.speaker.value)
    if (!person) {
      note(
        context,
        'low',
        `Q&A: an answer with no speaker was left out (the meeting needs one): "${answer.answer.value.slice(0, 120)}…"`,
      )
      continue
    }
    answers.push({
      speaker: (await resolveSpeaker(context, person)).id,
      answer: answer.answer.value,
    })
  }
  return answers
}

export const resolveQuestions = async ({
  context,
  questions,
  people,
}: {
  context: Context
  questions: ExtractedQuestion[]
  people: ExtractedPerson[]
}): Promise<QuestionRows> => {
  const rows: QuestionRows = []
  for (const question of questions) {
    const answers = await resolveAnswers({ context, question, people })
    if (answers.length === 0)
      note(context, 'low', `Q&A: no answer was found to "${question.question.value.slice(0, 80)}".`)
    rows.push({
      question: question.question.value,
      ...(question.askedBy ? { askedBy: question.askedBy } : {}),
      answers,
    })
  }
  return rows
}

// Each organisation under the fullest name the page gives it, by every way the page writes it.
export const rememberPageOrganisations = ({
  context,
  extracted,
}: {
  context: Context
  extracted: ExtractedMeeting
}) => {
  for (const organisation of pageOrganisations(extracted))
    for (const name of [organisation.name, organisation.abbreviation])
      if (name && !context.pageOrganisations.has(nameKey(name)))
        context.pageOrganisations.set(nameKey(name), organisation)
}

// Each organisation once, however many ways the page writes it.
export const resolveAttending = async ({
  context,
  attending,
}: {
  context: Context
  attending: Extracted<WrittenOrganisation[]> | null
}): Promise<string[]> => {
  const ids: string[] = []
  for (const written of attending?.value ?? []) {
    const id = await resolveOrganisation(context, written)
    if (id && !ids.includes(id)) ids.push(id)
  }
  return ids
}

// What the extractor noticed, and the photos, which are uploaded by hand.
export const notePageNotes = ({
  context,
  extracted,
}: {
  context: Context
  extracted: ExtractedMeeting
}) => {
  for (const text of extracted.notes) note(context, 'medium', text)
  if (extracted.hasLivePictures || extracted.images.length > 0)
    note(
      context,
      'medium',
      `Photos: the page had "Live Pictures"${extracted.images.length > 0 ? ` (${extracted.images.join(', ')})` : ''}; upload them under Photos and choose this meeting.`,
    )
}

// The title's address, or a numbered one when another meeting has it: perhaps the same meeting.
export const meetingSlug = async ({
  context,
  extracted,
  existingId,
}: {
  context: Context
  extracted: ExtractedMeeting
  existingId: string | undefined
}): Promise<string> => {
  const { slug, takenBy } = await freeSlug(
    context,
    'meetings',
    toSlug(extracted.title.value) ?? `meeting-${extracted.date.value.date}`,
    existingId,
  )
  if (!toSlug(extracted.title.value))
    note(context, 'medium', `Address: the title has no Latin letters, so the slug is "${slug}".`)
  if (takenBy)
    note(
      context,
      'low',
      `Possible duplicate: the meeting "${takenBy.title}" already has this title's address, so this draft is at "${slug}". If it is the same meeting, copy what you need and delete this draft.`,
      { relationTo: 'meetings', value: takenBy.id },
    )
  return slug
}

// The stages' order is the order of the editor's notes (within each confidence) and of the
// speakers and organisations created, as before they were stages: keep it.
export const buildMeetingData = async ({
  context,
  extracted,
  legacySource,
  existingId,
}: {
  context: Context
  extracted: ExtractedMeeting
  legacySource: string
  existingId: string | undefined
}): Promise<Partial<Meeting>> => {
  noteExtractedFields({ context, extracted })
  rememberPageOrganisations({ context, extracted })
  const host = extracted.host ? await resolveSpeaker(context, extracted.host.value) : undefined
  const coHosts: string[] = []
  for (const coHost of extracted.coHosts) {
    noteField(context, coHost, `Co-host ${coHost.value.name}`)
    coHosts.push((await resolveSpeaker(context, coHost.value)).id)
  }
  const statements = await resolveStatements({ context, statements: extracted.statements })
  const { questions: extractedQuestions, people } = extracted
  const questions = await resolveQuestions({ context, questions: extractedQuestions, people })
  const attendingOrganisations = await resolveAttending({
    context,
    attending: extracted.attending,
  })
  notePageNotes({ context, extracted })
  const slug = await meetingSlug({ context, extracted, existingId })

  return {
    title: extracted.title.value,
    kind: extracted.kind.value,
    edition: extracted.edition.value,
    startsAt: startsAt({ date: extracted.date.value.date, time: meetingTime(context, extracted) }),
    startsAt_tz: forumTimeZone as Meeting['startsAt_tz'],
    host: host?.id ?? null,
    coHosts: [...new Set(coHosts)],
    focus: extracted.focus?.value ?? null,
    topics: (extracted.topics?.value ?? []).map((topic) => ({ topic })),
    body: extracted.body.length > 0 ? richText({ paragraphs: extracted.body }) : null,
    statements,
    questions,
    attendingOrganisations,
    legacySource,
    slug,
  }
}
