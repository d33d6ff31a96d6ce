import type { CollectionBeforeChangeHook, FlattenedField } from 'payload'

import type { TranslationState } from '@/payload/translationStatus'

import { isLocale } from '@/site/i18n'
import { nextTranslationState } from '@/payload/translationStatus'

type Data = Record<string, unknown>

// Made from other fields on save (the admin label, the nested-docs breadcrumbs from the title):
// their changes follow a text change and are not one of their own.
const derivedFields = new Set(['label', 'breadcrumbs'])

// The values of a document's localized fields in the locale being saved, including those inside
// arrays (a statement's text, a position's title); relationships and dates in the same rows are
// the same in every language and left out.
export const localizedTexts = ({
  fields,
  data,
  isInLocalized = false,
}: {
  fields: FlattenedField[]
  data: unknown
  isInLocalized?: boolean
}): Data => {
  const texts: Data = {}
  const values = (data ?? {}) as Data
  for (const field of fields) {
    if (derivedFields.has(field.name)) continue
    const isLocalized = isInLocalized || Boolean(field.localized)
    if (field.type === 'array' || field.type === 'group' || field.type === 'tab') {
      const nested = (value: unknown) =>
        localizedTexts({ fields: field.flattenedFields, data: value, isInLocalized: isLocalized })
      const value = values[field.name]
      texts[field.name] = Array.isArray(value) ? value.map(nested) : nested(value)
    } else if (isLocalized) texts[field.name] = values[field.name] ?? null
  }
  return texts
}

// Key order differs between a document read from the database and one sent by the admin.
const stableJSON = (value: unknown): string =>
  JSON.stringify(value, (_, nested) =>
    nested && typeof nested === 'object' && !Array.isArray(nested)
      ? Object.fromEntries(Object.entries(nested).sort(([a], [b]) => a.localeCompare(b)))
      : nested,
  )

// Keeps `translation` up to date from each save of one locale (src/payload/translationStatus.ts);
// `requiredField` is the text without which a language counts as missing (title or name).
export const trackTranslation =
  ({ requiredField }: { requiredField: string }): CollectionBeforeChangeHook =>
  ({ collection, data, originalDoc, operation, req }) => {
    const locale = req.locale
    if (!isLocale(locale)) return data
    const texts = (doc: unknown) =>
      stableJSON(localizedTexts({ fields: collection.flattenedFields, data: doc }))
    data.translation = nextTranslationState({
      previous: (originalDoc as { translation?: TranslationState } | undefined)?.translation,
      locale,
      hasText: String(data[requiredField] ?? '').trim() !== '',
      textsChanged: operation === 'create' || texts(data) !== texts(originalDoc),
      now: new Date(),
    })
    return data
  }
