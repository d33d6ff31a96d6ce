import type { SelectField, StaticLabel } from 'payload'

// The language a document or a recording is in; "other" for anything but English and Chinese
// (a French statement, a recording with interpretation on several channels).
export const contentLanguageOptions = [
  { label: { en: 'English', zh: '英文' }, value: 'en' },
  { label: { en: 'Chinese', zh: '中文' }, value: 'zh' },
  { label: { en: 'Other', zh: '其他' }, value: 'other' },
] as const

export type ContentLanguage = (typeof contentLanguageOptions)[number]['value']

export const contentLanguageField = ({
  label = { en: 'Language', zh: '语言' },
}: { label?: StaticLabel } = {}): SelectField => ({
  name: 'language',
  type: 'select',
  label,
  required: true,
  defaultValue: 'en',
  options: [...contentLanguageOptions],
})
