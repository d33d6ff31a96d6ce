import fs from 'node:fs'
import path from 'node:path'

// Which database DATABASE_URI names, without loading an adapter (one copy, shared with the
// server, which checks it before Next starts).
export { developmentSQLiteFile, isMongoURI, sqliteFileFor } from '@/runtime/databaseAddress.mjs'

// The migrations committed in src/migrations, by name, read from the folder as the payload CLI
// reads them (src/migrations/index.ts lists the same files for `npm start`).
export const committedMigrationNames = () =>
  fs
    .readdirSync(migrationDir())
    .filter((file) => file.endsWith('.ts') && file !== 'index.ts')
    .map((file) => file.replace(/\.ts$/, ''))
    .sort()

export const migrationDir = () => path.resolve(process.cwd(), 'src/migrations')
