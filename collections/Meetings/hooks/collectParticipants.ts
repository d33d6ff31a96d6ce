import type { CollectionBeforeChangeHook } from 'payload'

import type { Meeting } from '@/payload-types'

type Reference = Meeting['host']

const idOf = (reference: Reference): null | string => {
  if (!reference) return null
  return typeof reference === 'object' ? reference.id : reference
}

// Speakers join meetings through `participants`: one indexed relationship is cheaper to query
// (and to join from the speaker's side) than the host, every statement and every answer.
// A partial update (say, only the title) leaves the other fields as they were in originalDoc.
export const collectParticipants: CollectionBeforeChangeHook<Meeting> = ({ data, originalDoc }) => {
  const meeting = { ...originalDoc, ...data }
  const references: Reference[] = [
    meeting.host,
    ...(meeting.coHosts ?? []),
    ...(meeting.statements ?? []).map((statement) => statement.speaker),
    ...(meeting.questions ?? []).flatMap((question) =>
      (question.answers ?? []).map((answer) => answer.speaker),
    ),
  ]
  const ids = references.map(idOf).filter((id): id is string => Boolean(id))
  data.participants = [...new Set(ids)]
  return data
}
