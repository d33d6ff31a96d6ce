// @ts-check
import fs from 'node:fs'
import net from 'node:net'

import { isMongoURI, mongoHosts, sqliteFileFor } from '../runtime/databaseAddress.mjs'
import { databaseHealth, retryAfterSeconds, watchSQLiteFile } from '../runtime/databaseHealth.mjs'
import { canReadSQLite } from './sqliteProbe.mjs'

// The database is checked before the server answers anything: one that is down at start-up gets
// the treatment of an outage (src/runtime/databaseHealth.mjs), a log line naming it and 503 at
// once, instead of every request waiting for Payload to fail to start (30 s on MongoDB) and then
// answering 500. The server keeps checking, and lets requests through once it answers: no
// restart needed.

/** @param {{ host: string, port: number }} address @param {number} timeoutMs */
const answersOnPort = ({ host, port }, timeoutMs) =>
  new Promise((resolve) => {
    const socket = net.connect({ host, port })
    const done = (/** @type {boolean} */ answered) => {
      socket.destroy()
      resolve(answered)
    }
    socket.setTimeout(timeoutMs, () => done(false))
    socket.once('connect', () => done(true))
    socket.once('error', () => done(false))
  })

/**
 * What the database is, for messages, and how to tell whether it can be reached.
 *
 * @param {string | undefined} uri DATABASE_URI
 * @returns {{ name: string, reachable: () => Promise<boolean>, sqliteFile: string | null }}
 */
const databaseProbe = (uri) => {
  if (uri && isMongoURI(uri)) {
    const hosts = mongoHosts(uri)
    return {
      name: `MongoDB at ${hosts.map(({ host, port }) => `${host}:${port}`).join(', ') || 'its DNS record'}`,
      sqliteFile: null,
      // A mongodb+srv:// address names no host to try: its driver is left to find out.
      reachable: async () =>
        hosts.length === 0 ||
        (await Promise.all(hosts.map((host) => answersOnPort(host, 2_000)))).some(Boolean),
    }
  }
  const file = /** @type {string} */ (sqliteFileFor(uri))
  return {
    name: `SQLite file ${file}`,
    sqliteFile: file,
    // A file that does not exist yet is a new site: Payload creates it.
    reachable: async () => !fs.existsSync(file) || canReadSQLite(file),
  }
}

/**
 * Checks the database once; if it cannot be reached, starts an outage and keeps checking until it
 * can. Returns what requests should ask while it lasts (null once there is nothing to check).
 *
 * @param {string | undefined} uri
 */
export const checkDatabaseAtStart = async (uri) => {
  const probe = databaseProbe(uri)
  // SQLite outages are already followed by checking the file (src/server/outage.mjs).
  if (probe.sqliteFile) watchSQLiteFile(probe.sqliteFile)
  if (await probe.reachable()) return
  databaseHealth.unavailableSince = Date.now()
  databaseHealth.lastFailureAt = Date.now()
  databaseHealth.lastError = `${probe.name} cannot be reached`
  process.stderr.write(
    `cifcc-site: the database (${probe.name}) cannot be reached at start-up; answering 503 until it can\n`,
  )
  if (probe.sqliteFile) return
  // MongoDB: until it answers, no request is let through to try it (each would wait for
  // Payload's start to time out).
  databaseHealth.checkingAtStart = true
  const check = async () => {
    if (await probe.reachable()) {
      databaseHealth.checkingAtStart = false
      databaseHealth.unavailableSince = null
      process.stderr.write(`cifcc-site: the database (${probe.name}) can be reached now\n`)
    } else setTimeout(check, retryAfterSeconds * 1000).unref()
  }
  setTimeout(check, retryAfterSeconds * 1000).unref()
}
