import type { Organisation, Photo, Speaker } from '@/payload-types'

import type { Locale } from './i18n'
import type { JsonLdNode } from './jsonLd'

import { absoluteURL, siteURL } from './i18n'
import { absoluteMediaURL, compactJsonLd, populated } from './jsonLd'

// schema.org descriptions for the speaker and organisation pages. jsonLd.ts builds the short
// Person and Organization nodes a meeting's Event embeds; a page of its own describes the
// speaker or organisation in full (every employer, portrait, logo), hence these builders.

// Payload gives upload URLs relative to the site unless a serverURL is configured; structured
// data and Open Graph need them absolute.
export const absoluteFileURL = (url: null | string | undefined): string | undefined =>
  absoluteMediaURL({ url, baseURL: siteURL() })

const organisationPath = (slug: string) => `/organisations/${slug}`

const employer = ({
  organisation,
  locale,
}: {
  organisation: Pick<Organisation, 'name' | 'slug' | 'website'>
  locale: Locale
}) => ({
  '@type': 'Organization',
  name: organisation.name,
  url: organisation.website || absoluteURL({ locale, path: organisationPath(organisation.slug) }),
})

export const personJsonLd = ({
  speaker,
  locale,
}: {
  speaker: Pick<Speaker, 'name' | 'honorific' | 'slug' | 'positions' | 'portrait'>
  locale: Locale
}): JsonLdNode => {
  const positions = speaker.positions ?? []
  // Someone may hold several positions at one organisation: name it once.
  const employers = new Map<string, ReturnType<typeof employer>>()
  for (const position of positions) {
    const organisation = populated(position.organisation)
    if (organisation && !employers.has(organisation.id))
      employers.set(organisation.id, employer({ organisation, locale }))
  }
  const worksFor = [...employers.values()]
  return compactJsonLd({
    node: {
      '@context': 'https://schema.org',
      '@type': 'Person',
      name: speaker.name,
      // Chinese writes the honorific after the name; schema.org only knows a prefix.
      honorificPrefix: locale === 'en' ? speaker.honorific : undefined,
      jobTitle: positions[0]?.title,
      worksFor: worksFor.length > 1 ? worksFor : worksFor[0],
      image: absoluteFileURL(populated<Photo>(speaker.portrait)?.url),
      url: absoluteURL({ locale, path: `/speakers/${speaker.slug}` }),
    },
  })
}

export const organizationJsonLd = ({
  organisation,
  locale,
}: {
  organisation: Pick<Organisation, 'name' | 'abbreviation' | 'slug' | 'website' | 'logo'>
  locale: Locale
}): JsonLdNode =>
  compactJsonLd({
    node: {
      '@context': 'https://schema.org',
      '@type': 'Organization',
      name: organisation.name,
      alternateName: organisation.abbreviation,
      url:
        organisation.website || absoluteURL({ locale, path: organisationPath(organisation.slug) }),
      logo: absoluteFileURL(populated<Photo>(organisation.logo)?.url),
      sameAs: organisation.website ? [organisation.website] : undefined,
    },
  })
