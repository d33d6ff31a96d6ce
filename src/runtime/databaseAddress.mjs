// @ts-check
import path from 'node:path'

// Which database DATABASE_URI names, without loading an adapter: the server checks it before
// Next starts, and scripts ask before Payload starts (src/payload/databaseFile.ts re-exports these).

/** @param {string} uri */
export const isMongoURI = (uri) => /^mongodb(\+srv)?:\/\//.test(uri)

// The file `npm run dev` uses when DATABASE_URI is unset.
export const developmentSQLiteFile = () => path.resolve(process.cwd(), 'data', 'dev.db')

// Development pushes schema changes straight into its file while production applies the
// committed migrations; sharing one file would leave the two out of step, so each has its own.
const defaultSQLiteFile = () =>
  process.env.NODE_ENV === 'production'
    ? path.resolve(process.cwd(), 'data', 'production.db')
    : developmentSQLiteFile()

/** @param {string} uri */
const sqliteFileFromURI = (uri) => uri.replace(/^file:(\/\/)?/, '')

/**
 * The SQLite file a DATABASE_URI names (the default one when it is unset), or undefined for
 * MongoDB.
 *
 * @param {string | undefined} uri
 * @returns {string | undefined}
 */
export const sqliteFileFor = (uri) => {
  if (uri && isMongoURI(uri)) return undefined
  if (uri && !uri.startsWith('file:')) {
    throw new Error(
      `DATABASE_URI must be a mongodb:// address or a file: path for SQLite; got "${uri.split('@').pop()}".`,
    )
  }
  return uri ? path.resolve(sqliteFileFromURI(uri)) : defaultSQLiteFile()
}

/**
 * The hosts and ports of a mongodb:// address (a mongodb+srv:// one names a DNS record instead),
 * for messages and for checking that one of them answers.
 *
 * @param {string} uri
 * @returns {{ host: string, port: number }[]}
 */
export const mongoHosts = (uri) => {
  const hostList = /^mongodb:\/\/(?:[^@/]*@)?([^/?]+)/.exec(uri)?.[1] ?? ''
  return hostList
    .split(',')
    .filter(Boolean)
    .map((entry) => {
      const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(entry)
      return {
        host: (match?.[1] ?? entry).replace(/^\[|\]$/g, ''),
        port: Number(match?.[2] ?? 27017),
      }
    })
}
