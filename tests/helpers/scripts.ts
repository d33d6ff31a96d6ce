import { createClient } from '@libsql/client'
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import path from 'node:path'

// The operations scripts as an operator runs them (`npm run seed`, …) on a database of the
// test's own, and the database opened afterwards as `npm start` would open it.

export type ProcessResult = {
  code: number | null
  stdout: string
  stderr: string
  seconds: number
}

export type MigrationRecord = { name: string; batch: number }

// An operator's shell: none of the test runner's NODE_ENV=test, its own database or media.
const shellEnvironment = (env: Record<string, string>): NodeJS.ProcessEnv => {
  const environment: NodeJS.ProcessEnv = {
    ...process.env,
    SEED_ON_INIT: 'false',
    PAYLOAD_SECRET: crypto.randomBytes(24).toString('hex'),
  }
  // Reflect, since Next's types make NODE_ENV a required property.
  for (const name of ['NODE_ENV', 'DATABASE_URI', 'MEDIA_DIR'])
    Reflect.deleteProperty(environment, name)
  return Object.assign(environment, env)
}

const run = ({
  command,
  args,
  env,
  timeoutMs,
}: {
  command: string
  args: string[]
  env: NodeJS.ProcessEnv
  timeoutMs: number
}): Promise<ProcessResult> =>
  new Promise((resolve) => {
    const started = Date.now()
    // Its own process group, so that a timeout ends npm and the node process under it.
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), timeoutMs)
    child.once('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr, seconds: (Date.now() - started) / 1000 })
    })
  })

// `npm run <script> -- <args>` on the SQLite file given, with a media folder beside it.
export const runNpmScript = ({
  script,
  args = [],
  databaseFile,
  env = {},
  timeoutMs = 180_000,
}: {
  script: string
  args?: string[]
  databaseFile: string
  env?: Record<string, string>
  timeoutMs?: number
}): Promise<ProcessResult> =>
  run({
    command: 'npm',
    args: ['run', '--silent', script, '--', ...args],
    env: shellEnvironment({
      DATABASE_URI: `file:${databaseFile}`,
      MEDIA_DIR: path.join(path.dirname(databaseFile), 'media'),
      ...env,
    }),
    timeoutMs,
  })

export type ProductionOpening = ProcessResult & { migrations?: MigrationRecord[] }

// Opens the file as `npm start` does (tests/helpers/openAsProduction.ts): a new one gets the
// committed migrations, one `npm run dev` pushed into stops the process at Payload's question.
// `migrations: N` applies only the first N: the database of an older version of the site.
export const openAsProduction = async ({
  databaseFile,
  migrations,
}: {
  databaseFile: string
  migrations?: number
}): Promise<ProductionOpening> => {
  const result = await run({
    command: path.resolve('node_modules/.bin/tsx'),
    args: [
      path.resolve('tests/helpers/openAsProduction.ts'),
      ...(migrations === undefined ? [] : ['--migrations', String(migrations)]),
    ],
    env: shellEnvironment({
      NODE_ENV: 'production',
      NODE_OPTIONS: '--no-deprecation --conditions=development',
      DATABASE_URI: `file:${databaseFile}`,
      MEDIA_DIR: path.join(path.dirname(databaseFile), 'media'),
    }),
    timeoutMs: 120_000,
  })
  const report = result.stdout.split('\n').find((line) => line.startsWith('{"migrations"'))
  return { ...result, migrations: report ? JSON.parse(report).migrations : undefined }
}

const query = async (databaseFile: string, sql: string) => {
  const client = createClient({ url: `file:${databaseFile}` })
  try {
    return (await client.execute(sql)).rows
  } finally {
    client.close()
  }
}

// What payload_migrations holds, read with SQL rather than through Payload.
export const migrationRecords = async (databaseFile: string): Promise<MigrationRecord[]> =>
  (await query(databaseFile, 'SELECT name, batch FROM payload_migrations ORDER BY name')).map(
    ({ name, batch }) => ({ name: String(name), batch: Number(batch) }),
  )

// Every table and index with its definition, and the migration records. (Not the file's bytes:
// closing the last connection of a WAL database moves its log into the file.)
export const schemaSnapshot = async (databaseFile: string) => ({
  objects: await query(databaseFile, 'SELECT type, name, sql FROM sqlite_master ORDER BY name'),
  migrations: await migrationRecords(databaseFile),
})

// The migration records of a database, without the tables they made: enough for a script, which
// reads these records before Payload starts.
export const recordMigrations = async (
  databaseFile: string,
  records: MigrationRecord[],
): Promise<void> => {
  await query(
    databaseFile,
    'CREATE TABLE IF NOT EXISTS payload_migrations (id text PRIMARY KEY, name text, batch numeric, updated_at text, created_at text)',
  )
  for (const { name, batch } of records)
    await query(
      databaseFile,
      `INSERT INTO payload_migrations (id, name, batch, updated_at, created_at)
       VALUES ('${crypto.randomUUID()}', '${name}', ${batch}, '2030-01-01T00:00:00.000Z', '2030-01-01T00:00:00.000Z')`,
    )
}
