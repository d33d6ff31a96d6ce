import type { StaticLabel, TextField, TextFieldSingleValidation } from 'payload'

export const isWebAddress = (value: string): boolean => {
  try {
    const url = new URL(value)
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.')
  } catch {
    return false
  }
}

export const urlField = ({
  name,
  label,
  description,
}: {
  name: string
  label: StaticLabel
  description?: StaticLabel
}): TextField => ({
  name,
  type: 'text',
  label,
  admin: {
    description: description ?? {
      en: 'A full address starting with https://',
      zh: '以 https:// 开头的完整网址',
    },
  },
  validate: ((value) =>
    !value || isWebAddress(value)
      ? true
      : `"${value}" is not a web address: write it in full, starting with https://`) satisfies TextFieldSingleValidation,
})
