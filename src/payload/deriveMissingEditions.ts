import type { Payload } from 'payload'

import { createLocalReq } from 'payload'

import { editionYear } from '@/content/editionYear'

// Meetings written before editions existed name a bare year. The SQLite migration made an
// edition of each; MongoDB has no migrations, and an archive from before editions restores bare
// years too, so the server makes the missing editions when it starts, as the migration would
// have: published where a published meeting names the year, otherwise a draft for staff. When
// nothing is missing that is three reads.
const yearsNamed = async ({ payload, published }: { payload: Payload; published: boolean }) => {
  const { values } = await payload.findDistinct({
    collection: 'meetings',
    field: 'edition',
    where: published ? { _status: { equals: 'published' } } : undefined,
    depth: 0,
    limit: 1000,
    overrideAccess: true,
  })
  return values
    .map(({ edition }) => (edition ? editionYear(edition as number) : null))
    .filter((year): year is number => typeof year === 'number')
}

export const deriveMissingEditions = async ({
  payload,
}: {
  payload: Payload
}): Promise<number[]> => {
  const years = await yearsNamed({ payload, published: false })
  if (years.length === 0) return []
  const { docs } = await payload.find({
    collection: 'editions',
    where: { id: { in: years } },
    select: {},
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  const existing = new Set(docs.map(({ id }) => id))
  const missing = years.filter((year) => !existing.has(year))
  if (missing.length === 0) return []
  const published = new Set(await yearsNamed({ payload, published: true }))
  // As the first-start seed writes: nothing was cached before the server started.
  const req = await createLocalReq({ context: { isSeeding: true } }, payload)
  payload.logger.info({ msg: `Making the editions meetings name: ${missing.join(', ')}` })
  for (const id of missing) {
    const status = published.has(id) ? 'published' : 'draft'
    await payload.create({
      collection: 'editions',
      data: { id, _status: status },
      draft: status === 'draft',
      overrideAccess: true,
      req,
    })
  }
  return missing
}
