// @ts-check
import { createClient } from 'redis'

/**
 * A client for REDIS_URL that never makes a request wait for Redis: commands fail at once while
 * it is unreachable (no offline queue), and it reconnects in the background, at start-up too.
 * The outage and its end are logged once each, naming the address (without its password).
 *
 * @param {string} url
 */
export const connectRedis = (url) => {
  const where = redactedAddress(url)
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 2_000,
      reconnectStrategy: (retries) => Math.min(200 * 2 ** Math.min(retries, 5), 5_000),
    },
  })
  let down = false
  client.on('error', (/** @type {Error} */ error) => {
    if (down) return
    down = true
    process.stderr.write(
      `cifcc-site: Redis at ${where} cannot be reached (${error.message}); counting in memory until it is back\n`,
    )
  })
  client.on('ready', () => {
    process.stdout.write(`cifcc-site: Redis at ${where} is ${down ? 'back' : 'connected'}\n`)
    down = false
  })
  // With a reconnect strategy, connect() settles only once connected; the server does not wait.
  client.connect().catch(() => {})
  return client
}

/** @param {string} url */
const redactedAddress = (url) => {
  try {
    const parsed = new URL(url)
    parsed.password = ''
    parsed.username = ''
    return parsed.host
  } catch {
    return 'REDIS_URL (not a valid address)'
  }
}
