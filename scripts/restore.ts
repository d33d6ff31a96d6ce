// `npm run restore -- site.tar.gz`: loads an archive from `npm run export` into the configured,
// empty database (DATABASE_URI) and upload folder (MEDIA_DIR). It runs as production (package.json
// sets NODE_ENV), so a new SQLite file gets its schema from the committed migrations, as under
// `npm start`. See README, "Export, restore, and moving to MongoDB".
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'

import { ArchiveError } from '@/archive/format'
import { restoreArchive } from '@/archive/restore'

import { describeDatabase, progressBar, runPayloadScript } from './payloadScript'

const usage = 'Usage: npm run restore -- <archive.tar.gz>'

const main = async (): Promise<number> => {
  const { positionals } = parseArgs({ args: process.argv.slice(2), allowPositionals: true })
  if (positionals.length !== 1) {
    console.error(usage)
    return 2
  }
  const file = path.resolve(positionals[0])
  // Before Payload starts, which would create an empty database for nothing.
  if (!fs.existsSync(file)) {
    console.error(`restore: there is no file ${file}\n${usage}`)
    return 1
  }
  return runPayloadScript({
    name: 'restore',
    access: 'write',
    isExpected: (error) => error instanceof ArchiveError,
    run: async ({ payload }) => {
      const started = Date.now()
      console.log(`restore: ${file} into ${describeDatabase({ payload })}`)
      try {
        const manifest = await restoreArchive({ payload, file, onProgress: progressBar() })
        console.log(
          `restore finished in ${((Date.now() - started) / 1000).toFixed(1)} s: the archive of ` +
            `${manifest.createdAt} (${manifest.sourceAdapter}, cifcc-site ${manifest.appVersion})`,
        )
        return 0
      } catch (error) {
        // SQLite loads in one transaction and is rolled back; MongoDB keeps what was written.
        if (!(error instanceof ArchiveError) && payload.db.name === 'mongoose')
          console.error(
            '\nThe MongoDB database now holds part of the archive. Drop it, and delete the ' +
              'restored media files, before trying again.',
          )
        throw error
      }
    },
  })
}

process.exit(await main())
