// Relationship and join values are ids at depth 0 and documents at depth ≥ 1; tests compare ids.
export const idOf = (value: unknown): string =>
  typeof value === 'object' && value !== null
    ? String((value as { id: unknown }).id)
    : String(value)

export const idsOf = (values: unknown): string[] => (Array.isArray(values) ? values.map(idOf) : [])

export const joinedIds = (join: unknown): string[] =>
  idsOf((join as { docs?: unknown[] } | null | undefined)?.docs)
