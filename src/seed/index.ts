import type { Payload } from 'payload'

import type { Site } from '@/payload-types'

import type { Outcome } from './write'

import { siteSettings } from './content/site'
import { seedContactForm } from './forms'
import { seedMeeting } from './meetings'
import { seedOrganisations } from './organisations'
import { seedPages } from './pages'
import { seedSpeakers } from './speakers'
import { startStep, withContext, writeOptions } from './write'

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

type NavigationRow = NonNullable<Site['headerNavigation']>[number]

const seedSite = async ({
  payload,
  pageIds,
}: {
  payload: Payload
  pageIds: Record<string, string>
}) => {
  const step = startStep({ step: 'site settings', total: 1 })
  const read = (locale: 'en' | 'zh') =>
    payload.findGlobal({
      slug: 'site',
      locale,
      fallbackLocale: false,
      depth: 0,
      overrideAccess: true,
    })
  const toRows = (links: typeof siteSettings.headerNavigation): NavigationRow[] =>
    links.map((link) =>
      link.kind === 'path'
        ? { label: link.label.en, kind: 'path', path: link.path }
        : { label: link.label.en, kind: 'page', page: pageIds[link.page] },
    )
  const translateRows = (
    rows: Site['headerNavigation'],
    links: typeof siteSettings.headerNavigation,
  ): NavigationRow[] =>
    (rows ?? []).map((row, index) => ({ ...row, label: links[index]?.label.zh ?? row.label }))
  const copyright = siteSettings.copyright({ year: new Date().getFullYear() })

  let outcome: Outcome = 'unchanged'
  let site = await read('en')
  if (!site.name) {
    site = await withContext({
      label: 'writing the site settings',
      run: () =>
        payload.updateGlobal({
          slug: 'site',
          data: {
            name: siteSettings.name.en,
            tagline: siteSettings.tagline.en,
            headerNavigation: toRows(siteSettings.headerNavigation),
            footerNavigation: toRows(siteSettings.footerNavigation),
            copyright: copyright.en,
            contact: {
              email: siteSettings.contact.email,
              address: siteSettings.contact.address.en,
            },
          },
          locale: 'en',
          ...writeOptions,
        }),
    })
    outcome = 'created'
  }
  const english = site
  if (!(await read('zh')).name) {
    await withContext({
      label: 'translating the site settings',
      run: () =>
        payload.updateGlobal({
          slug: 'site',
          data: {
            name: siteSettings.name.zh,
            tagline: siteSettings.tagline.zh,
            headerNavigation: translateRows(
              english.headerNavigation,
              siteSettings.headerNavigation,
            ),
            footerNavigation: translateRows(
              english.footerNavigation,
              siteSettings.footerNavigation,
            ),
            copyright: copyright.zh,
            contact: { ...english.contact, address: siteSettings.contact.address.zh },
          },
          locale: 'zh',
          ...writeOptions,
        }),
    })
    if (outcome === 'unchanged') outcome = 'updated'
  }
  step.count({ outcome })
  return { report: step.report }
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
  const { reports: meetingReports } = await seedMeeting({ payload, organisationIds, speakerIds })
  record(...meetingReports)
  const { id: contactFormId, report: formReport } = await seedContactForm({ payload })
  record(formReport)
  const { ids: pageIds, report: pageReport } = await seedPages({ payload, contactFormId })
  record(pageReport)
  const { report: siteReport } = await seedSite({ payload, pageIds })
  record(siteReport)

  return { steps, totals: await countAll({ payload }) }
}
