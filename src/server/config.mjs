// @ts-check
import { parseArgs } from 'node:util'

import { purgeTargets } from './cachePurge.mjs'

// What `npm start` is told, by its arguments and environment: read once, here, by the front
// process (src/server/front.mjs) and the renderer (src/server/renderer.mjs) alike.

const { values: args } = parseArgs({
  options: {
    port: { type: 'string', short: 'p' },
    hostname: { type: 'string', short: 'H' },
  },
  strict: false,
})

export const port = Number(args.port ?? process.env.PORT ?? 3000)
export const hostname = String(args.hostname ?? process.env.HOSTNAME ?? '0.0.0.0')

export const pageCacheEnabled = process.env.PAGE_CACHE !== 'off'
export const pageCacheOptions = {
  maxBytes: Number(process.env.PAGE_CACHE_MB ?? 128) * 1024 * 1024,
  maxVariantsPerPath: Number(process.env.PAGE_CACHE_VARIANTS ?? 128),
  ttlMs: Number(process.env.PAGE_CACHE_TTL_SECONDS ?? 600) * 1000,
}

// ACCESS_LOG=1: a JSON line per request; ACCESS_LOG=queries: with the statements each one ran.
export const accessLog = process.env.ACCESS_LOG === '1' || process.env.ACCESS_LOG === 'queries'
export const logStatements = process.env.ACCESS_LOG === 'queries'

// Shutdown: whatever is still running after SHUTDOWN_GRACE_SECONDS is cut off. The default stays
// under the 10 s after which `docker stop` kills.
const defaultShutdownGraceSeconds = 8
const configuredGraceSeconds = Number(
  process.env.SHUTDOWN_GRACE_SECONDS || defaultShutdownGraceSeconds,
)
// A typo must not turn into no grace at all (setTimeout takes NaN as 0).
const graceIsValid = Number.isFinite(configuredGraceSeconds) && configuredGraceSeconds >= 0
export const shutdownGraceMs =
  (graceIsValid ? configuredGraceSeconds : defaultShutdownGraceSeconds) * 1000
export const shutdownGraceProblem = graceIsValid
  ? null
  : `SHUTDOWN_GRACE_SECONDS=${process.env.SHUTDOWN_GRACE_SECONDS} is not a number of seconds: ` +
    `using ${defaultShutdownGraceSeconds}`

// How much lower the renderer's scheduling priority is than the front's (0-19, as `nice`).
const niceness = Number(process.env.RENDERER_NICE ?? 10)
export const rendererNiceness = Number.isInteger(niceness)
  ? Math.min(19, Math.max(0, niceness))
  : 10

// Shared caches to purge on each edit (src/server/cachePurge.mjs). While there are any, pages the
// page cache keeps say that shared caches may keep them as long (s-maxage): they are told when to
// drop them.
export const cachePurgeURLs = purgeTargets(process.env.CACHE_PURGE_URLS)

// Set by the front process for the renderer it starts: the Unix socket the renderer listens on.
// Only the front can reach it, so the renderer trusts what the front says in its headers.
export const rendererSocket = process.env.CIFCC_RENDERER_SOCKET ?? null
