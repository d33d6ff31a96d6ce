import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export type DatabaseKind = 'mongodb' | 'sqlite'

export type TestEnvironment = {
  databaseKind: DatabaseKind
  databaseURI: string
  mediaDir: string
  tmpDir: string
}

export const databaseKindFromEnv = (env: NodeJS.ProcessEnv = process.env): DatabaseKind =>
  env.MONGODB_URI ? 'mongodb' : 'sqlite'

// Puts the database name into the path of a MongoDB address and keeps its query string
// (replicaSet, directConnection, authSource…): mongodb://h:27017/?rs=x → mongodb://h:27017/name?rs=x
export const mongoURIWithDatabase = (uri: string, databaseName: string): string => {
  const match = /^(mongodb(?:\+srv)?:\/\/[^/?#]+)(?:\/[^?#]*)?(\?[^#]*)?$/.exec(uri)
  if (!match) throw new Error(`MONGODB_URI is not a mongodb:// address: "${uri.split('@').pop()}"`)
  return `${match[1]}/${databaseName}${match[2] ?? ''}`
}

// The host part only, without credentials, for log lines.
export const mongoHost = (uri: string): string =>
  uri
    .replace(/^mongodb(\+srv)?:\/\//, '')
    .split('/')[0]
    .split('@')
    .pop() ?? uri

export const describeDatabase = (env: NodeJS.ProcessEnv = process.env): string =>
  env.MONGODB_URI
    ? `integration tests: MongoDB at ${mongoHost(env.MONGODB_URI)} (one temporary database per test file, dropped afterwards)`
    : 'integration tests: SQLite (temporary files) — set MONGODB_URI to run them on MongoDB'

// A database of its own: a new MongoDB database when MONGODB_URI is set, else a file in tmpDir.
export const temporaryDatabaseURI = ({ tmpDir }: { tmpDir: string }): string =>
  databaseKindFromEnv() === 'mongodb'
    ? mongoURIWithDatabase(
        process.env.MONGODB_URI as string,
        `cifcc_test_${crypto.randomBytes(6).toString('hex')}`,
      )
    : `file:${path.join(tmpDir, `test-${crypto.randomBytes(4).toString('hex')}.db`)}`

// Gives the current test file its own database and media folder. Must run before
// payload.config.ts is imported: the config and the Photos upload folder read these at import.
export const prepareTestEnvironment = (): TestEnvironment => {
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cifcc-test-'))
  const mediaDir = path.join(tmpDir, 'media')
  fs.mkdirSync(mediaDir)
  const databaseKind = databaseKindFromEnv()
  const databaseURI = temporaryDatabaseURI({ tmpDir })

  process.env.DATABASE_URI = databaseURI
  process.env.MEDIA_DIR = mediaDir
  process.env.SEED_ON_INIT = 'false'
  process.env.PAYLOAD_SECRET = crypto.randomBytes(32).toString('hex')
  // Absolute URLs in responses would otherwise point at whatever a developer's .env says.
  process.env.NEXT_PUBLIC_SERVER_URL = ''

  return { databaseKind, databaseURI, mediaDir, tmpDir }
}

export const removeTestEnvironment = (environment: TestEnvironment): void => {
  fs.rmSync(environment.tmpDir, { recursive: true, force: true })
}
