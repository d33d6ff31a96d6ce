// `npm run export -- site.tar.gz`: writes everything the configured site holds (DATABASE_URI,
// MEDIA_DIR) into one archive that `npm run restore` loads into an empty SQLite or MongoDB
// database. See README, "Export, restore, and moving to MongoDB".
import path from 'node:path'
import { parseArgs } from 'node:util'

import { exportArchive } from '@/archive/export'
import { ArchiveError } from '@/archive/format'

import { describeDatabase, progressBar, runPayloadScript } from './payloadScript'

const usage = 'Usage: npm run export -- <archive.tar.gz>'

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

const main = async (): Promise<number> => {
  const { positionals } = parseArgs({ args: process.argv.slice(2), allowPositionals: true })
  if (positionals.length !== 1 || !positionals[0].endsWith('.tar.gz')) {
    console.error(usage)
    return 2
  }
  const file = path.resolve(positionals[0])
  return runPayloadScript({
    name: 'export',
    // Read as found: no schema push and no migrations, so copying a database never changes it.
    access: 'read',
    isExpected: (error) => error instanceof ArchiveError,
    run: async ({ payload }) => {
      const started = Date.now()
      console.log(`export: ${describeDatabase({ payload })} to ${file}`)
      const manifest = await exportArchive({ payload, file, onProgress: progressBar() })
      const counts = Object.values(manifest.collections)
      const media = Object.values(manifest.media)
      console.log(
        `export finished in ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
          `${counts.reduce((sum, { documents }) => sum + documents, 0)} documents, ` +
          `${counts.reduce((sum, { versions }) => sum + versions, 0)} versions, ` +
          `${media.reduce((sum, { files }) => sum + files, 0)} media files ` +
          `(${megabytes(media.reduce((sum, { bytes }) => sum + bytes, 0))})`,
      )
      return 0
    },
  })
}

process.exit(await main())
