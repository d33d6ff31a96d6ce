import type { Organisation } from '@/payload-types'

import type { Dictionary } from '@/site/dictionary'
import type { Locale } from '@/site/i18n'

import { organisationKinds } from '@collections/Organisations'

type Kind = Organisation['kind']

const dictionaryKey: Record<Kind, keyof Dictionary> = {
  'un-agency': 'kindUnAgency',
  intergovernmental: 'kindIntergovernmental',
  government: 'kindGovernment',
  'multilateral-bank': 'kindMultilateralBank',
  academic: 'kindAcademic',
  ngo: 'kindNgo',
  company: 'kindCompany',
  media: 'kindMedia',
}

// English reads the collection's own option labels, so an edit there shows on the site too; the
// dictionary carries the Chinese.
export const kindLabel = ({
  kind,
  locale,
  dictionary,
}: {
  kind: Kind
  locale: Locale
  dictionary: Dictionary
}): string =>
  locale === 'en'
    ? (organisationKinds.find((option) => option.value === kind)?.label.en ?? kind)
    : dictionary[dictionaryKey[kind]]

// Group order on the organisations page: the order editors see in the kind picker.
export const kindOrder: Kind[] = organisationKinds.map((option) => option.value)
