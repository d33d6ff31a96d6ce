// `npm run seed:scale -- --meetings N --speakers N --organisations N --photos N`: fills the
// configured database (DATABASE_URI, MEDIA_DIR) with synthetic forum content for benchmarks.
// Defaults: 10,000 meetings, 5,000 speakers, 1,000 organisations, 20,000 photos. It adds to what
// is there; point DATABASE_URI at a database of its own. It runs as production (package.json sets
// NODE_ENV): the schema comes from the committed migrations, so `npm start` can serve the result.
// A database that `npm run dev` has pushed its schema into would make the server stop and ask.
import nextEnv from '@next/env'
import { parseArgs } from 'node:util'

import type { ScaleCounts } from '@/seed/scale'

// Run with tsx rather than `payload run`, which drops the command's arguments; so read .env the
// way Payload and Next do. As in scripts/seed.ts: no demo seed on start, and fail loudly if
// loading the config stalls.
nextEnv.loadEnvConfig(process.cwd())
process.env.SEED_ON_INIT = 'false'
// Production refuses to start without a secret; this script signs no tokens and stores nothing
// secret, so any value will do when none is configured.
process.env.PAYLOAD_SECRET ||= 'seed-scale-signs-nothing'

const failIfStalled = () => {
  console.error('seed:scale failed: loading the Payload config stalled. Run it again.')
  process.exit(1)
}

const usage =
  'Usage: npm run seed:scale -- [--meetings N] [--speakers N] [--organisations N] [--photos N]'

const readCounts = (defaults: ScaleCounts): ScaleCounts => {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      meetings: { type: 'string' },
      speakers: { type: 'string' },
      organisations: { type: 'string' },
      photos: { type: 'string' },
    },
  })
  const counts = { ...defaults }
  for (const key of Object.keys(counts) as (keyof ScaleCounts)[]) {
    const value = values[key]
    if (value === undefined) continue
    if (!/^\d+$/.test(value)) throw new Error(`--${key} must be a whole number, not "${value}".`)
    counts[key] = Number(value)
  }
  if (counts.meetings > 0 && counts.speakers === 0)
    throw new Error('Meetings need speakers: give --speakers 1 or more.')
  if (counts.speakers > 0 && counts.organisations === 0)
    throw new Error('Speakers need organisations: give --organisations 1 or more.')
  return counts
}

// One line per step, redrawn in place: a bar, the count, the rate and the time left.
const progressBar = () => {
  const started = new Map<string, number>()
  return ({ step, done, total }: { step: string; done: number; total: number }) => {
    if (!started.has(step)) started.set(step, Date.now())
    const seconds = (Date.now() - started.get(step)!) / 1000
    const rate = seconds > 0 ? done / seconds : 0
    const width = 30
    const filled = Math.round((done / Math.max(total, 1)) * width)
    const left = rate > 0 ? Math.ceil((total - done) / rate) : 0
    process.stdout.write(
      `\r${step.padEnd(14)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ` +
        `${done}/${total} ${Math.round(rate)}/s, ${left}s left   ` +
        (done === total ? `\n` : ''),
    )
  }
}

const main = async (): Promise<number> => {
  process.once('beforeExit', failIfStalled)
  const { default: config } = await import('@payload-config')
  const { getPayload } = await import('payload')
  const { seedScale, defaultScale } = await import('@/seed/scale')
  process.off('beforeExit', failIfStalled)

  let counts: ScaleCounts
  try {
    counts = readCounts(defaultScale)
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`)
    return 2
  }
  const payload = await getPayload({ config })
  const started = Date.now()
  try {
    console.log(
      `seed:scale: ${counts.meetings} meetings, ${counts.speakers} speakers, ` +
        `${counts.organisations} organisations, ${counts.photos} photos`,
    )
    await seedScale({ payload, counts, onProgress: progressBar() })
    console.log(`seed:scale finished in ${Math.round((Date.now() - started) / 1000)} s`)
    return 0
  } catch (error) {
    console.error(`\nseed:scale failed: ${error instanceof Error ? error.stack : String(error)}`)
    return 1
  } finally {
    await payload.destroy()
  }
}

try {
  process.exit(await main())
} catch (error) {
  console.error('seed:scale could not start:', error)
  process.exit(1)
}

export {}
