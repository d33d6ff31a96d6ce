import type { Meeting } from '@/payload-types'

import type { Dictionary } from '@/site/dictionary'

// The values of the Meetings collection's `kind` select, in the order the editors see them. The
// Record below makes TypeScript complain when the collection gains a kind without a label here.
const labelKeys: Record<Meeting['kind'], keyof Dictionary> = {
  'round-table': 'meetingKindRoundTable',
  plenary: 'meetingKindPlenary',
  forum: 'meetingKindForum',
  workshop: 'meetingKindWorkshop',
  'side-event': 'meetingKindSideEvent',
  'press-event': 'meetingKindPressEvent',
}

export const meetingKinds = Object.keys(labelKeys) as Meeting['kind'][]

export const isMeetingKind = (value: unknown): value is Meeting['kind'] =>
  typeof value === 'string' && Object.hasOwn(labelKeys, value)

export const kindLabel = ({
  kind,
  dictionary,
}: {
  kind: Meeting['kind']
  dictionary: Dictionary
}): string => dictionary[labelKeys[kind]]

// Fills "{page}"-style placeholders in a dictionary string.
export const interpolate = ({
  template,
  values,
}: {
  template: string
  values: Record<string, number | string>
}): string => template.replace(/\{(\w+)\}/g, (match, key: string) => String(values[key] ?? match))

// Plain-text answers keep the editor's paragraphs: a blank line starts a new one.
export const paragraphsOf = ({ text }: { text: string }): string[] =>
  text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
