import type { Meeting, Organisation } from '@/payload-types'

import type { Dictionary } from './dictionary'

import { meetingKindOptions } from '@collections/Meetings'
import { organisationKindOptions } from '@collections/Organisations'

// The site names a meeting's or an organisation's kind in its own words (the dictionary); the
// admin shows the collections' option labels. The Records make TypeScript complain when a
// collection gains a kind without words here.
const meetingKindWords: Record<Meeting['kind'], keyof Dictionary> = {
  'round-table': 'meetingKindRoundTable',
  plenary: 'meetingKindPlenary',
  forum: 'meetingKindForum',
  workshop: 'meetingKindWorkshop',
  'side-event': 'meetingKindSideEvent',
  'press-event': 'meetingKindPressEvent',
}

const organisationKindWords: Record<Organisation['kind'], keyof Dictionary> = {
  'un-agency': 'kindUnAgency',
  intergovernmental: 'kindIntergovernmental',
  government: 'kindGovernment',
  'multilateral-bank': 'kindMultilateralBank',
  academic: 'kindAcademic',
  ngo: 'kindNgo',
  company: 'kindCompany',
  media: 'kindMedia',
}

// In the order editors see them in the kind pickers.
export const meetingKinds: Meeting['kind'][] = meetingKindOptions.map(({ value }) => value)
export const organisationKinds: Organisation['kind'][] = organisationKindOptions.map(
  ({ value }) => value,
)

export const isMeetingKind = (value: unknown): value is Meeting['kind'] =>
  typeof value === 'string' && Object.hasOwn(meetingKindWords, value)

export const meetingKindLabel = ({
  kind,
  dictionary,
}: {
  kind: Meeting['kind']
  dictionary: Dictionary
}): string => dictionary[meetingKindWords[kind]]

export const organisationKindLabel = ({
  kind,
  dictionary,
}: {
  kind: Organisation['kind']
  dictionary: Dictionary
}): string => dictionary[organisationKindWords[kind]]
