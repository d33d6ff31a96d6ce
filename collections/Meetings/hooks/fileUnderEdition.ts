import type { CollectionBeforeValidateHook, PayloadRequest } from 'payload'

const firstYear = 2000
const lastYear = 2100

export const yearOf = (value: unknown): number | undefined => {
  const year = typeof value === 'string' && /^\d{4}$/.test(value) ? Number(value) : value
  return typeof year === 'number' && Number.isInteger(year) && year >= firstYear && year <= lastYear
    ? year
    : undefined
}

// A meeting is filed under its forum's year (an edition's id is its year). The import, the seed
// and API clients know a meeting's year before staff have described that year's forum, so a year
// with no edition yet gets a draft one for staff to complete; it stays off the public site until
// published. Anything that is not a plausible year is left for the field's own validation.
export const ensureEdition = async ({
  year,
  req,
}: {
  year: unknown
  req: PayloadRequest
}): Promise<void> => {
  const id = yearOf(year)
  if (id === undefined) return
  const exists = async () =>
    (await req.payload.count({ collection: 'editions', where: { id: { equals: id } }, req }))
      .totalDocs > 0
  if (await exists()) return
  try {
    // Outside the meeting's own request: a refused duplicate must not end the meeting's save
    // (a failed operation rolls back its request's transaction on MongoDB).
    await req.payload.create({
      collection: 'editions',
      data: { id, _status: 'draft' },
      draft: true,
      user: req.user,
      context: req.context,
    })
  } catch (error) {
    // Two saves of the same new year at once (an import, two editors): the other one made it.
    if (!(await exists())) throw error
  }
}

export const fileUnderEdition: CollectionBeforeValidateHook = async ({ data, req }) => {
  if (data && 'edition' in data) await ensureEdition({ year: data.edition, req })
  return data
}

// What the field accepts: a year in range (whose edition the hook above has made by now), or an
// edition as the admin and API send it, by id or populated.
export const validateEdition = (value: unknown): string | true => {
  const id = value && typeof value === 'object' && 'id' in value ? value.id : value
  return yearOf(id) === undefined ? 'Forum edition: a year from 2000 to 2100, such as 2022.' : true
}
