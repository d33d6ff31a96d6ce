import type { Payload } from 'payload'

import type { Meeting } from '@/payload-types'

import type { OrganisationKey } from './content/organisations'
import type { SpeakerKey } from './content/speakers'

import { roundTable2022 } from './content/meeting'
import { seedMeetingPhotos } from './photos'
import { richText } from '@/content/richText'
import { ensureBySlug, startStep } from './write'

export const seedMeeting = async ({
  payload,
  organisationIds,
  speakerIds,
}: {
  payload: Payload
  organisationIds: Record<OrganisationKey, string>
  speakerIds: Record<SpeakerKey, string>
}) => {
  const meeting = roundTable2022
  const step = startStep({ step: 'meetings', total: 1 })
  const { doc, outcome } = await ensureBySlug({
    payload,
    collection: 'meetings',
    slug: meeting.slug,
    marker: 'title',
    en: () => ({
      title: meeting.title.en,
      kind: meeting.kind,
      edition: meeting.edition,
      startsAt: meeting.startsAt,
      startsAt_tz: meeting.timeZone,
      endsAt: meeting.endsAt,
      endsAt_tz: meeting.timeZone,
      venue: meeting.venue.en,
      host: speakerIds[meeting.host],
      focus: meeting.focus.en,
      topics: meeting.topics.map((topic) => ({ topic: topic.en })),
      summary: meeting.summary.en,
      body: richText({ paragraphs: meeting.body.en }),
      statements: meeting.statements.map((statement) => ({
        speaker: speakerIds[statement.speaker],
        organisation: organisationIds[statement.organisation],
        position: statement.position.en,
        statement: richText({ paragraphs: statement.statement.en }),
      })),
      questions: meeting.questions.map((question) => ({
        question: question.question.en,
        answers: question.answers.map((answer) => ({
          speaker: speakerIds[answer.speaker],
          answer: answer.answer.en,
        })),
      })),
      attendingOrganisations: meeting.attendingOrganisations.map((key) => organisationIds[key]),
      _status: 'published' as const,
    }),
    zh: ({ doc }) => ({
      title: meeting.title.zh,
      venue: meeting.venue.zh,
      focus: meeting.focus.zh,
      topics: (doc.topics ?? []).map((row, index) => ({
        ...row,
        topic: meeting.topics[index]?.zh ?? row.topic,
      })),
      summary: meeting.summary.zh,
      body: richText({ paragraphs: meeting.body.zh }),
      statements: (doc.statements ?? []).map((row, index) => {
        const statement = meeting.statements[index]
        return statement
          ? {
              ...row,
              position: statement.position.zh,
              statement: richText({ paragraphs: statement.statement.zh }),
            }
          : row
      }),
      questions: (doc.questions ?? []).map((row, index) => {
        const question = meeting.questions[index]
        if (!question) return row
        return {
          ...row,
          question: question.question.zh,
          answers: (row.answers ?? []).map((answerRow, answerIndex) => ({
            ...answerRow,
            answer: question.answers[answerIndex]?.answer.zh ?? answerRow.answer,
          })),
        }
      }),
      _status: 'published' as const,
    }),
  })
  step.count({ outcome })

  const { report: photos } = await seedMeetingPhotos({ payload, meetingId: doc.id, speakerIds })
  return { id: (doc as Meeting).id, reports: [step.report, photos] }
}
