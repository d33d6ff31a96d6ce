import type { Payload } from 'payload'

import { seedContactForm } from './forms'
import { seedEdition, seedEditionPhoto } from './editions'
import { seedMeeting } from './meetings'
import { seedOrganisations } from './organisations'
import { seedPages } from './pages'
import { seedSite } from './site'
import { seedSpeakers } from './speakers'

export type SeedStep = {
  step: string
  total: number
  created: number
  updated: number
  unchanged: number
}

export type SeedReport = {
  steps: SeedStep[]
  // Documents in each collection after the seed, demo or not.
  totals: Record<'organisations' | 'speakers' | 'meetings' | 'photos' | 'pages', number>
}

export const describeStep = ({ step }: { step: SeedStep }): string => {
  const done = step.created + step.updated + step.unchanged
  const parts = (['created', 'updated', 'unchanged'] as const)
    .filter((outcome) => step[outcome] > 0)
    .map((outcome) => `${step[outcome]} ${outcome}`)
  return `seed: ${step.step} ${done}/${step.total} (${parts.join(', ') || 'nothing to do'})`
}

const countAll = async ({ payload }: { payload: Payload }): Promise<SeedReport['totals']> => {
  const count = async (collection: keyof SeedReport['totals']) =>
    (await payload.count({ collection, overrideAccess: true })).totalDocs
  return {
    organisations: await count('organisations'),
    speakers: await count('speakers'),
    meetings: await count('meetings'),
    photos: await count('photos'),
    pages: await count('pages'),
  }
}

// Loads the demo content: the 2022 round table with its speakers, organisations and photos, the
// service pages and the site settings. Safe to run again: documents are found by slug (photos by
// file name) and only what is missing is written.
export const seed = async ({ payload }: { payload: Payload }): Promise<SeedReport> => {
  const steps: SeedStep[] = []
  const record = (...reports: SeedStep[]) => {
    for (const report of reports) {
      steps.push(report)
      payload.logger.info({ msg: describeStep({ step: report }) })
    }
  }

  const { ids: organisationIds, report: organisationReport } = await seedOrganisations({
    payload,
  })
  record(organisationReport)
  const { ids: speakerIds, reports: speakerReports } = await seedSpeakers({
    payload,
    organisationIds,
  })
  record(...speakerReports)
  const { id: editionId, report: editionReport } = await seedEdition({ payload })
  record(editionReport)
  const { id: meetingId, reports: meetingReports } = await seedMeeting({
    payload,
    organisationIds,
    speakerIds,
  })
  record(...meetingReports)
  await seedEditionPhoto({ payload, id: editionId, meetingId })
  const { id: contactFormId, report: formReport } = await seedContactForm({ payload })
  record(formReport)
  const { ids: pageIds, report: pageReport } = await seedPages({ payload, contactFormId })
  record(pageReport)
  const { report: siteReport } = await seedSite({ payload, pageIds })
  record(siteReport)

  return { steps, totals: await countAll({ payload }) }
}
