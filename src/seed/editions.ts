import type { Payload } from 'payload'

import { edition2022 } from './content/edition'
import { ensureBySlug, startStep, writeOptions } from './write'

// Before the meeting: a meeting filed under a year with no edition would make a blank draft one.
export const seedEdition = async ({ payload }: { payload: Payload }) => {
  const edition = edition2022
  const step = startStep({ step: 'editions', total: 1 })
  const { doc, outcome } = await ensureBySlug({
    payload,
    collection: 'editions',
    slug: String(edition.year),
    marker: 'summary',
    en: () => ({
      id: edition.year,
      startsOn: edition.startsOn,
      endsOn: edition.endsOn,
      city: edition.city.en,
      summary: edition.summary.en,
      _status: 'published' as const,
    }),
    zh: () => ({
      city: edition.city.zh,
      summary: edition.summary.zh,
      _status: 'published' as const,
    }),
  })
  step.count({ outcome })
  return { id: doc.id, report: step.report }
}

// The edition's picture is its round table's first, which exists only once the meeting's photos
// are seeded; a picture staff chose is kept.
export const seedEditionPhoto = async ({
  payload,
  id,
  meetingId,
}: {
  payload: Payload
  id: number
  meetingId: string
}) => {
  const edition = await payload.findByID({
    collection: 'editions',
    id,
    depth: 0,
    select: { heroPhoto: true },
  })
  if (edition.heroPhoto) return
  const { docs } = await payload.find({
    collection: 'photos',
    where: { meeting: { equals: meetingId } },
    sort: 'takenAt',
    limit: 1,
    depth: 0,
    select: {},
  })
  if (!docs[0]) return
  await payload.update({
    collection: 'editions',
    id,
    data: { heroPhoto: docs[0].id },
    ...writeOptions,
  })
}
