import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

// wrk (Debian) as the load client for throughput. Written in C with an event loop per thread, it
// keeps up with the server on this machine; autocannon saturated its own core first, so its
// ratios flattered the site and swung from run to run (issue 18).

const run = promisify(execFile)

const toMilliseconds = (value, unit) =>
  Number(value) * ({ us: 0.001, ms: 1, s: 1000, m: 60_000 }[unit] ?? Number.NaN)

const latency = (output, percent) => {
  const match = new RegExp(`^\\s+${percent}%\\s+([\\d.]+)(us|ms|s|m)$`, 'm').exec(output)
  return match ? Math.round(toMilliseconds(match[1], match[2]) * 100) / 100 : null
}

/**
 * One wrk run against a URL.
 *
 * @returns {Promise<{ requestsPerSecond: number, p50: number | null, p99: number | null, non2xx: number, errors: number }>}
 */
export const wrk = async ({
  url,
  connections = 32,
  threads = 1,
  durationSeconds,
  headers = {},
}) => {
  const headerArgs = Object.entries(headers).flatMap(([name, value]) => ['-H', `${name}: ${value}`])
  const args = ['-t', String(threads), '-c', String(connections), '-d', `${durationSeconds}s`]
  const { stdout } = await run('wrk', [...args, '--latency', ...headerArgs, url])
  const requestsPerSecond = Number(/^Requests\/sec:\s+([\d.]+)/m.exec(stdout)?.[1])
  if (!Number.isFinite(requestsPerSecond)) throw new Error(`wrk said nothing usable:\n${stdout}`)
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(
    stdout,
  )
  return {
    requestsPerSecond,
    p50: latency(stdout, 50),
    p99: latency(stdout, 99),
    non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(stdout)?.[1] ?? 0),
    errors: socketErrors ? socketErrors.slice(1).reduce((sum, count) => sum + Number(count), 0) : 0,
  }
}
