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

// Set by the import on what it creates (src/import/speakersAndOrganisations.ts): a name a parser
// read off an old page may be junk ("AIIB and Tongji University" as one organisation), so it is
// hidden everywhere public until an editor has looked at it. Meetings naming it cannot be
// published before (collections/Meetings/hooks/refuseUnconfirmedPeople.ts).
export const needsConfirmationField = ({ noun }: { noun: string }): CheckboxField => ({
  name: 'needsConfirmation',
  type: 'checkbox',
  label: { en: 'Awaiting confirmation', zh: '待确认' },
  defaultValue: false,
  index: true,
  admin: {
    position: 'sidebar',
    description: {
      en: `An import created this ${noun} from an old page. Check its name and details, merge it into an existing record if it is a duplicate, then untick this: until then the public does not see it.`,
      zh: `此${noun === 'speaker' ? '嘉宾' : '机构'}由导入旧网页创建。请核对名称和信息；如与已有记录重复，请合并；确认后取消勾选。在此之前公众看不到它。`,
    },
  },
})

// What staff decided about a person, and what follows from it, in the sidebar of both people
// collections.
export const standingFields = ({ noun }: { noun: string }) => [
  visibilityField({ noun }),
  isAnnouncedField({ noun }),
  needsConfirmationField({ noun }),
]
