import type { Organisation } from '@/payload-types'

import { cacheTags } from './cacheTags'
import { cachedQuery } from './cachedQuery'
import type { Locale } from '@/site/i18n'
import { oneBySlug } from './oneBySlug'
import { getPayloadClient } from './payloadClient'

export type OrganisationSummary = Pick<
  Organisation,
  'id' | 'name' | 'abbreviation' | 'slug' | 'kind' | 'country'
>

export const listOrganisations = cachedQuery({
  name: 'listOrganisations',
  tags: [cacheTags.organisations],
  query: async ({ locale }: { locale: Locale }) => {
    const payload = await getPayloadClient()
    const { docs } = await payload.find({
      collection: 'organisations',
      locale,
      depth: 0,
      pagination: false,
      sort: 'slug',
      overrideAccess: false,
      select: { name: true, abbreviation: true, slug: true, kind: true, country: true },
    })
    return docs as OrganisationSummary[]
  },
})

export const getOrganisation = cachedQuery({
  name: 'getOrganisation',
  tags: [cacheTags.organisations, cacheTags.speakers, cacheTags.meetings, cacheTags.photos],
  query: async ({ locale, slug }: { locale: Locale; slug: string }) => {
    const payload = await getPayloadClient()
    const { docs } = await payload.find({
      collection: 'organisations',
      locale,
      ...oneBySlug(slug),
      depth: 1,
      overrideAccess: false,
      joins: { people: { limit: 200 }, meetings: { limit: 100, sort: '-startsAt' } },
      select: {
        name: true,
        abbreviation: true,
        slug: true,
        kind: true,
        country: true,
        website: true,
        logo: true,
        description: true,
        people: true,
        meetings: true,
        updatedAt: true,
      },
      populate: {
        speakers: { name: true, honorific: true, slug: true, positions: true },
        meetings: { title: true, slug: true, startsAt: true, startsAt_tz: true, kind: true },
        // Payload builds `url` from `filename` after the read: select both.
        photos: { alt: true, url: true, filename: true, width: true, height: true, sizes: true },
      },
    })
    return (docs[0] as Organisation | undefined) ?? null
  },
})
