import type { CollectionBeforeOperationHook, Where } from 'payload'

import { locales } from '@/site/i18n'

const searchOperators = new Set(['like', 'contains'])

const isTextSearch = (value: unknown) =>
  Boolean(value) &&
  typeof value === 'object' &&
  Object.keys(value as object).length > 0 &&
  Object.keys(value as object).every((operator) => searchOperators.has(operator))

// { label: { like: 'x' } } anywhere in a query becomes "label in any locale is like 'x'".
export const searchInEveryLocale = ({ where, field }: { where: Where; field: string }): Where => {
  const rest: Where = {}
  const searches: Where[] = []
  for (const [key, value] of Object.entries(where)) {
    if ((key === 'and' || key === 'or') && Array.isArray(value))
      rest[key] = value.map((nested: Where) => searchInEveryLocale({ where: nested, field }))
    else if (key === field && isTextSearch(value))
      searches.push({ or: locales.map((locale) => ({ [`${field}.${locale}`]: value })) })
    else rest[key] = value
  }
  if (searches.length === 0) return rest
  return { and: [...(Object.keys(rest).length > 0 ? [rest] : []), ...searches] }
}

// Payload's list search and relationship picker query a localized field in the admin's content
// locale only: an editor working in English who typed a speaker's Chinese name in the list's
// search box found nothing. Searching a label matches it in every locale. (The picker then keeps
// only the options whose label in the content locale contains what was typed, so there a Chinese
// name is found with the content locale set to 中文.)
export const searchEveryLocale =
  ({ field }: { field: string }): CollectionBeforeOperationHook =>
  ({ args, operation }) => {
    if (operation !== 'read' && operation !== 'count') return args
    const { where } = args as { where?: Where }
    if (!where) return args
    return { ...args, where: searchInEveryLocale({ where, field }) }
  }
