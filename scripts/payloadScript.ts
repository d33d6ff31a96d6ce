// What the operations scripts (seed, import, seed:scale, export, restore) share: run under tsx
// rather than `payload run`, which drops the command's arguments, they read .env the way Payload
// and Next do, start Payload on the configured database (DATABASE_URI, MEDIA_DIR), changing its
// schema only as scripts/databaseSchema.ts allows, and stop it again.
import type { MongooseAdapter } from '@payloadcms/db-mongodb'
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Payload, SanitizedConfig } from 'payload'

import type { ScriptAccess } from './databaseSchema'

import nextEnv from '@next/env'

type Run = (context: { payload: Payload }) => Promise<number>

// Modules that read the environment when loaded (payload.config.ts, collections/Photos for
// MEDIA_DIR) must be imported after this, dynamically: static imports run first.
export const loadScriptEnvironment = ({ name }: { name: string }) => {
  nextEnv.loadEnvConfig(process.cwd())
  // No demo seed on start: these scripts decide what goes into the database.
  process.env.SEED_ON_INIT = 'false'
  // Production refuses to start without a secret; these scripts sign no tokens (password hashes
  // are salted, not keyed by the secret), so any value will do when none is configured.
  process.env.PAYLOAD_SECRET ||= `${name}-signs-nothing`
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error))

// Runs `run` with a started Payload and returns the exit code. `access` says whether the script
// writes (and may give a new SQLite file its schema) or only reads. A database it must not touch
// is refused in one sentence before Payload starts. Errors that `isExpected` accepts (a wrong
// path, a database that is not empty) are told as their message alone; others with their stack,
// since they are bugs.
export const runPayloadScript = async ({
  name,
  access,
  run,
  isExpected = () => false,
}: {
  name: string
  access: ScriptAccess
  run: Run
  isExpected?: (error: unknown) => boolean
}): Promise<number> => {
  loadScriptEnvironment({ name })

  // Under Node 20's loader hooks a module's top-level `await import()` (Lexical's entry points
  // choose their build that way) is sometimes never settled, and Node exits 0 having done
  // nothing; package.json's --conditions=development avoids it. Should a stall happen all the
  // same, 'beforeExit' fires while the config is still loading (an explicit process.exit never
  // emits it): say so and fail.
  const failIfStalled = () => {
    console.error(`${name} failed: loading the Payload config stalled. Run it again.`)
    process.exit(1)
  }
  let payload: Payload
  try {
    process.once('beforeExit', failIfStalled)
    // Imported here, after the environment: quick answers (usage, refusals) need none of this.
    const { schemaChangesForScript } = await import('./databaseSchema')
    const decision = await schemaChangesForScript({ name, access })
    if ('refusal' in decision) {
      process.off('beforeExit', failIfStalled)
      console.error(decision.refusal)
      return 1
    }
    const config = await (await import('@payload-config')).default
    const { getPayload } = await import('payload')
    const { databaseAdapter } = await import('@/payload/database')
    process.off('beforeExit', failIfStalled)
    // Outside production Payload would regenerate src/payload-types.ts on start.
    config.typescript.autoGenerate = false
    // The sanitized type wants allowIDOnCreate, which both adapters set (false) though their
    // factories' type leaves it optional.
    config.db = databaseAdapter({ schema: decision.schema }) as SanitizedConfig['db']
    payload = await getPayload({ config })
  } catch (error) {
    // Payload itself cannot start: bad DATABASE_URI, a database that cannot be reached…
    console.error(`${name} could not start: ${messageOf(error)}`)
    return 1
  }
  try {
    return await run({ payload })
  } catch (error) {
    if (isExpected(error)) console.error(`\n${name} failed: ${messageOf(error)}`)
    else console.error(`\n${name} failed:`, error)
    return 1
  } finally {
    await payload.destroy()
  }
}

// Which database a script works on, without credentials: the default depends on NODE_ENV, and
// writing to the wrong one is the mistake to catch before it happens.
export const describeDatabase = ({ payload }: { payload: Payload }): string =>
  payload.db.name === 'mongoose'
    ? `MongoDB database "${(payload.db as unknown as MongooseAdapter).connection.name}"`
    : `SQLite file ${(payload.db as unknown as SQLiteAdapter).clientConfig.url.replace(/^file:/, '')}`

// One line per step: on a terminal a bar redrawn in place with the count, the rate and the time
// left; in a log, one line when the step is done.
export const progressBar = () => {
  const started = new Map<string, number>()
  const finished = new Set<string>()
  const isTerminal = Boolean(process.stdout.isTTY)
  return ({ step, done, total }: { step: string; done: number; total: number }) => {
    if (finished.has(step)) return
    if (!started.has(step)) started.set(step, Date.now())
    const isDone = done === total
    if (isDone) finished.add(step)
    if (!isTerminal && !isDone) return
    const seconds = (Date.now() - started.get(step)!) / 1000
    const rate = seconds > 0 ? done / seconds : 0
    const width = 30
    const filled = isDone ? width : Math.round((done / Math.max(total, 1)) * width)
    const left = rate > 0 ? Math.ceil((total - done) / rate) : 0
    process.stdout.write(
      `${isTerminal ? '\r' : ''}${step.padEnd(20)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ` +
        `${done}/${total} ${Math.round(rate)}/s` +
        (isDone ? ` in ${seconds.toFixed(1)} s   \n` : `, ${left}s left   `),
    )
  }
}
