// node tests/helpers/holdSQLiteWriteLock.mjs <file> <milliseconds>: another process in the middle
// of a write transaction on an SQLite file, as `npm run import` would be. Prints "locked" once it
// holds the write lock, and commits after the given time.
import { createClient } from '@libsql/client'

const [file, milliseconds] = process.argv.slice(2)
const client = createClient({ url: `file:${file}` })
await client.execute('BEGIN IMMEDIATE')
process.stdout.write('locked\n')
setTimeout(async () => {
  await client.execute('COMMIT')
  client.close()
}, Number(milliseconds))
