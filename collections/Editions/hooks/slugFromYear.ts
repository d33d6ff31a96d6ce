import type { CollectionBeforeChangeHook } from 'payload'

// An edition's address is its year (/editions/2022); the slug field carries it for the sitemap,
// search and every link built from slugs.
export const slugFromYear: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  const year = data.id ?? originalDoc?.id
  if (year !== undefined && year !== null) data.slug = String(year)
  return data
}
