import fs from 'node:fs'
import path from 'node:path'

// Which database DATABASE_URI names, without loading an adapter: scripts ask before Payload
// starts (scripts/databaseSchema.ts), and loading the adapters takes seconds.

export const isMongoURI = (uri: string) => /^mongodb(\+srv)?:\/\//.test(uri)

// The file `npm run dev` uses when DATABASE_URI is unset.
export const developmentSQLiteFile = () => path.resolve(process.cwd(), 'data', 'dev.db')

// Development pushes schema changes straight into its file while production applies the
// committed migrations; sharing one file would leave the two out of step, so each has its own.
const defaultSQLiteFile = () =>
  process.env.NODE_ENV === 'production'
    ? path.resolve(process.cwd(), 'data', 'production.db')
    : developmentSQLiteFile()

const sqliteFileFromURI = (uri: string) => uri.replace(/^file:(\/\/)?/, '')

// The SQLite file a DATABASE_URI names (the default one when it is unset), or undefined for
// MongoDB.
export const sqliteFileFor = (uri: string | undefined): string | undefined => {
  if (uri && isMongoURI(uri)) return undefined
  if (uri && !uri.startsWith('file:')) {
    throw new Error(
      `DATABASE_URI must be a mongodb:// address or a file: path for SQLite; got "${uri.split('@').pop()}".`,
    )
  }
  return uri ? path.resolve(sqliteFileFromURI(uri)) : defaultSQLiteFile()
}

// The migrations committed in src/migrations, by name, read from the folder as the payload CLI
// reads them (src/migrations/index.ts lists the same files for `npm start`).
export const committedMigrationNames = () =>
  fs
    .readdirSync(migrationDir())
    .filter((file) => file.endsWith('.ts') && file !== 'index.ts')
    .map((file) => file.replace(/\.ts$/, ''))
    .sort()

export const migrationDir = () => path.resolve(process.cwd(), 'src/migrations')
