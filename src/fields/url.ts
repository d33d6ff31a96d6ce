import type { TextField, TextFieldSingleValidation } from 'payload'

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
  label: string
  description?: string
}): TextField => ({
  name,
  type: 'text',
  label,
  admin: { description: description ?? 'A full address starting with https://' },
  validate: ((value) =>
    !value || isWebAddress(value)
      ? true
      : `"${value}" is not a web address: write it in full, starting with https://`) satisfies TextFieldSingleValidation,
})
