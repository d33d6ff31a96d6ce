import type { StaticLabel, TextField, TextFieldSingleValidation } from 'payload'

export const isWebAddress = (value: string): boolean => {
  try {
    const url = new URL(value)
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.')
  } catch {
    return false
  }
}

// A custom validate replaces Payload's own check of `required`, so a required address is refused
// here when empty, with the rest of the sentence.
export const urlField = ({
  name,
  label,
  description,
  required = false,
}: {
  name: string
  label: StaticLabel
  description?: StaticLabel
  required?: boolean
}): TextField => ({
  name,
  type: 'text',
  label,
  required,
  admin: {
    description: description ?? {
      en: 'A full address starting with https://',
      zh: '以 https:// 开头的完整网址',
    },
  },
  validate: ((value) => {
    if (!value) return required ? 'Write the address in full, starting with https://' : true
    return isWebAddress(value)
      ? true
      : `"${value}" is not a web address: write it in full, starting with https://`
  }) satisfies TextFieldSingleValidation,
})
