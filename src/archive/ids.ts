import type { CollectionSlug, Payload } from 'payload'

import { createHash } from 'node:crypto'

const objectIdPattern = /^[0-9a-f]{24}$/

// MongoDB keeps ids and relationships as ObjectIds (12 bytes), which a SQLite site's UUIDs
// (16 bytes) cannot become. Each such id gets an ObjectId derived from it, the same one on every
// restore, and every value in the archive equal to an old id is replaced by the new one: that
// covers relationships, polymorphic ones (search entries), version parents and links inside
// rich text alike. UUIDs do not turn up by chance in text, so nothing else is touched.
export const idTranslationFor = ({
  payload,
  documentIds,
}: {
  payload: Payload
  documentIds: { collection: string; id: string }[]
}): Map<string, string> => {
  const translation = new Map<string, string>()
  if (payload.db.name !== 'mongoose') return translation
  for (const { collection, id } of documentIds) {
    // A collection with an id field of its own keeps its ids as they are on MongoDB too.
    if (payload.collections[collection as CollectionSlug].customIDType) continue
    if (objectIdPattern.test(id)) continue
    translation.set(id, createHash('sha256').update(id).digest('hex').slice(0, 24))
  }
  return translation
}

export const translateIds = <T>(value: T, translation: Map<string, string>): T => {
  if (translation.size === 0) return value
  const translate = (item: unknown): unknown => {
    if (typeof item === 'string') return translation.get(item) ?? item
    if (Array.isArray(item)) return item.map(translate)
    if (item && typeof item === 'object')
      return Object.fromEntries(Object.entries(item).map(([key, inner]) => [key, translate(inner)]))
    return item
  }
  return translate(value) as T
}
