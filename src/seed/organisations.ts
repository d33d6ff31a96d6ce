import type { Payload } from 'payload'

import { toSlug } from '@/payload/fields/slug'

import type { OrganisationKey } from './content/organisations'

import { organisations } from './content/organisations'
import { richText } from '@/content/richText'
import { ensureBySlug, startStep } from './write'

export const seedOrganisations = async ({ payload }: { payload: Payload }) => {
  const step = startStep({ step: 'organisations', total: organisations.length })
  const ids = {} as Record<OrganisationKey, string>
  for (const organisation of organisations) {
    const { doc, outcome } = await ensureBySlug({
      payload,
      collection: 'organisations',
      slug: toSlug(organisation.name.en) ?? organisation.key,
      marker: 'name',
      en: () => ({
        name: organisation.name.en,
        abbreviation: organisation.abbreviation,
        kind: organisation.kind,
        country: organisation.country?.en,
        website: organisation.website,
        description: richText({ paragraphs: organisation.description.en }),
      }),
      zh: () => ({
        name: organisation.name.zh,
        country: organisation.country?.zh,
        description: richText({ paragraphs: organisation.description.zh }),
      }),
    })
    ids[organisation.key] = doc.id
    step.count({ outcome })
  }
  return { ids, report: step.report }
}
