import type { Field, GroupField, UIField } from 'payload'

import { editorsField } from '@/payload/access/editorsField'
import { nobodyField } from '@/payload/access/nobody'
import { translationStatuses } from '@/payload/translationStatus'

const statusLabels = {
  complete: { en: 'Complete', zh: '完整' },
  missing: { en: 'Missing', zh: '缺失' },
  outdated: { en: 'Outdated', zh: '待更新' },
} as const

const languages = [
  { code: 'en', label: { en: 'English', zh: '英文' } },
  { code: 'zh', label: { en: 'Chinese', zh: '中文' } },
] as const

const statusField = ({ code, label }: (typeof languages)[number]): Field => ({
  name: `${code}Status`,
  type: 'select',
  label,
  options: translationStatuses.map((value) => ({ value, label: statusLabels[value] })),
})

const dateField = ({ name, label }: { name: string; label: Record<string, string> }): Field => ({
  name,
  type: 'date',
  label,
  admin: { date: { pickerAppearance: 'dayAndTime' } },
})

// Filled in by src/payload/hooks/trackTranslation.ts. Staff only: what is missing or out of date in a
// published document is the secretariat's business, not the public's. Shown in the sidebar as
// two badges rather than as its fields, and offered in the list view's filters.
const translationGroup: GroupField = {
  name: 'translation',
  type: 'group',
  label: { en: 'Translation', zh: '翻译' },
  access: { read: editorsField, create: nobodyField, update: nobodyField },
  admin: {
    position: 'sidebar',
    components: { Field: '/components/admin/TranslationStatus#TranslationStatusField' },
  },
  fields: [
    ...languages.map(statusField),
    ...languages.map(({ code, label }) =>
      dateField({
        name: `${code}ChangedAt`,
        label: { en: `${label.en} changed`, zh: `${label.zh}修改时间` },
      }),
    ),
    ...languages.map(({ code, label }) =>
      dateField({
        name: `${code}CaughtUpAt`,
        label: { en: `${label.en} translated`, zh: `${label.zh}翻译时间` },
      }),
    ),
  ],
}

// The list column (a group is no column of its own); it shows nothing in the edit view.
const translationStatusField: UIField = {
  name: 'translationStatus',
  type: 'ui',
  label: { en: 'Translation', zh: '翻译' },
  admin: {
    components: { Cell: '/components/admin/TranslationStatus#TranslationStatusCell' },
  },
}

export const translationFields = (): Field[] => [translationGroup, translationStatusField]
