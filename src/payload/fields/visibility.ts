import type { CheckboxField, SelectField } from 'payload'

export const visibilityOptions = [
  { label: 'Public', value: 'public' },
  { label: 'Embargoed', value: 'embargoed' },
] as const

// Derived on every save (src/payload/hooks/visibility.ts), never typed: read access filters on it. No
// default value: a row written past the hooks (an old archive, MongoDB data from before the
// embargo) stays empty, and so hidden, until the start-up backfill derives it.
export const visibilityField = ({ noun }: { noun: string }): SelectField => ({
  name: 'visibility',
  type: 'select',
  label: 'Visibility',
  options: [...visibilityOptions],
  index: true,
  admin: {
    position: 'sidebar',
    readOnly: true,
    description: `Embargoed while only draft meetings name this ${noun}: the public sees it once a published meeting does, or once it is announced.`,
  },
})

export const isAnnouncedField = ({ noun }: { noun: string }): CheckboxField => ({
  name: 'isAnnounced',
  type: 'checkbox',
  label: 'Announced',
  defaultValue: false,
  admin: {
    position: 'sidebar',
    description: `Show this ${noun} on the site now, even if every meeting naming it is still a draft.`,
  },
})
