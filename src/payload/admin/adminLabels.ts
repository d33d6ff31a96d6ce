import type { Locale } from '@/site/i18n'

import { locales } from '@/site/i18n'

export type Localized<T> = Partial<Record<string, T | null | undefined>>

export type LabelledOrganisation = { name?: Localized<string>; abbreviation?: string | null }

export type AdminLabels = Record<Locale, string | null>

// A speaker's organisation may not be translated yet: its other name is better than none.
export const nameIn = ({ name, locale }: { name?: Localized<string>; locale: Locale }): string =>
  name?.[locale]?.trim() || locales.map((code) => name?.[code]?.trim()).find(Boolean) || ''

// "World Bank (WB)"; just the name when there is no abbreviation. Labels exist in the languages
// the document has a name in (null elsewhere): a required localized field is NOT NULL in the SQL
// adapter's locales table, so a language the document lacks cannot get a row for its label.
export const organisationLabel = ({
  organisation,
  locale,
}: {
  organisation: LabelledOrganisation
  locale: Locale
}): null | string => {
  const name = organisation.name?.[locale]?.trim()
  if (!name) return null
  const abbreviation = organisation.abbreviation?.trim()
  return abbreviation && abbreviation !== name ? `${name} (${abbreviation})` : name
}

// "Zou Ji · NCSC": the organisation of the first position, short (its abbreviation, or its name).
export const speakerLabel = ({
  name,
  organisation,
  locale,
}: {
  name?: Localized<string>
  organisation?: LabelledOrganisation | null
  locale: Locale
}): null | string => {
  const own = name?.[locale]?.trim()
  if (!own) return null
  const short = organisation
    ? organisation.abbreviation?.trim() || nameIn({ name: organisation.name, locale })
    : ''
  return [own, short].filter(Boolean).join(' · ')
}

export const labelsInEveryLocale = (labelIn: (locale: Locale) => null | string): AdminLabels =>
  Object.fromEntries(locales.map((locale) => [locale, labelIn(locale)])) as AdminLabels
