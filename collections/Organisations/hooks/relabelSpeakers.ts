import type { CollectionAfterChangeHook, PayloadRequest } from 'payload'

import type { Organisation } from '@/payload-types'

import { labelsOfSpeaker } from '@collections/Speakers/labels'
import { writableLabels } from '@/payload/fields/adminLabel'
import { locales } from '@/site/i18n'

// An organisation has tens of people; more than this is not an organisation renamed by hand.
export const maxRelabelledSpeakers = 500

type StoredSpeaker = Record<string, unknown> & { id: string; label?: Record<string, unknown> }

const isSame = (stored: StoredSpeaker['label'], labels: Record<string, unknown>) =>
  locales.every((locale) => (stored?.[locale] ?? null) === (labels[locale] ?? null))

// Written to the database directly: a label is bookkeeping, not an edit of the speaker, so it
// neither counts as a change (updatedAt, updatedBy, translation) nor runs the speaker's hooks.
// The whole stored speaker goes back with it, as Payload's own update writes it: the SQL adapter
// rewrites every localized value and array of a document on update, and empties those left out.
const relabel = async ({ req, speaker }: { req: PayloadRequest; speaker: StoredSpeaker }) => {
  const labels = writableLabels(
    await labelsOfSpeaker({
      req,
      name: (speaker.name ?? {}) as Record<string, string>,
      positions: speaker.positions,
    }),
  )
  if (isSame(speaker.label, labels)) return
  await req.payload.db.updateOne({
    collection: 'speakers',
    id: speaker.id,
    data: { ...speaker, label: labels },
    req,
    returning: false,
  })
}

// Speakers are shown as "name · organisation": when an organisation's name or abbreviation
// changes, so do the labels of the speakers whose first position is there.
export const relabelSpeakers: CollectionAfterChangeHook<Organisation> = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  if (operation !== 'update' || doc.label === previousDoc?.label) return doc
  const { docs, totalDocs } = await req.payload.db.find<StoredSpeaker>({
    collection: 'speakers',
    where: { organisations: { in: [doc.id] } },
    limit: maxRelabelledSpeakers,
    pagination: true,
    req,
  })
  if (totalDocs > docs.length)
    req.payload.logger.warn({
      msg: `Organisation ${doc.id} has ${totalDocs} speakers; only the labels of the first ${docs.length} were updated.`,
    })
  for (const speaker of docs) await relabel({ req, speaker })
  return doc
}
