// `npm run seed:scale -- --meetings N --speakers N --organisations N --photos N`: fills the
// configured database (DATABASE_URI, MEDIA_DIR) with synthetic forum content for benchmarks.
// Defaults: 10,000 meetings, 5,000 speakers, 1,000 organisations, 20,000 photos. It adds to what
// is there; point DATABASE_URI at a database of its own. It runs as production (package.json sets
// NODE_ENV): the schema comes from the committed migrations, so `npm start` can serve the result.
// It refuses a database that `npm run dev` has pushed its schema into (scripts/databaseSchema.ts).
import { parseArgs } from 'node:util'

import type { ScaleCounts } from '@/seed/scale'

import { loadScriptEnvironment, progressBar, runPayloadScript } from './payloadScript'

const usage =
  'Usage: npm run seed:scale -- [--editions N] [--meetings N] [--speakers N] [--organisations N] [--photos N] [--documents N] [--news N]'

const readCounts = (defaults: ScaleCounts): ScaleCounts => {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      editions: { type: 'string' },
      meetings: { type: 'string' },
      speakers: { type: 'string' },
      organisations: { type: 'string' },
      photos: { type: 'string' },
      documents: { type: 'string' },
      news: { type: 'string' },
    },
  })
  const counts = { ...defaults }
  for (const key of Object.keys(counts) as (keyof ScaleCounts)[]) {
    const value = values[key]
    if (value === undefined) continue
    if (!/^\d+$/.test(value)) throw new Error(`--${key} must be a whole number, not "${value}".`)
    counts[key] = Number(value)
  }
  if (counts.documents > 0 && counts.meetings === 0)
    throw new Error('Documents belong to meetings: give --meetings 1 or more.')
  if (counts.meetings > 0 && counts.editions === 0)
    throw new Error('Meetings belong to editions: give --editions 1 or more.')
  if (counts.editions > 100) throw new Error('--editions can be at most 100 (one a year).')
  if (counts.meetings > 0 && counts.speakers === 0)
    throw new Error('Meetings need speakers: give --speakers 1 or more.')
  if (counts.speakers > 0 && counts.organisations === 0)
    throw new Error('Speakers need organisations: give --organisations 1 or more.')
  return counts
}

const main = async (): Promise<number> => {
  loadScriptEnvironment({ name: 'seed:scale' })
  // After the environment: it imports collections/Photos, which reads MEDIA_DIR when loaded.
  const { defaultScale, seedScale } = await import('@/seed/scale')
  let counts: ScaleCounts
  try {
    counts = readCounts(defaultScale)
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`)
    return 2
  }
  return runPayloadScript({
    name: 'seed:scale',
    access: 'write',
    run: async ({ payload }) => {
      const started = Date.now()
      console.log(
        `seed:scale: ${counts.editions} editions, ${counts.meetings} meetings, ${counts.speakers} speakers, ` +
          `${counts.organisations} organisations, ${counts.photos} photos, ` +
          `${counts.documents} documents, ${counts.news} news releases`,
      )
      await seedScale({ payload, counts, onProgress: progressBar() })
      console.log(`seed:scale finished in ${Math.round((Date.now() - started) / 1000)} s`)
      return 0
    },
  })
}

process.exit(await main())
