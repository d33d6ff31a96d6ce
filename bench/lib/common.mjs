// What every benchmark shares: the production build, starting and stopping `npm start` on a
// database of its own, statistics, and the header of an entry in bench/RESULTS.md.
import { spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'

import * as prettier from 'prettier'

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export const log = (message) => console.log(`[bench] ${message}`)

export const positiveInteger = (name, fallback) => {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`)
  return value
}

export const median = (values) => percentile(values, 50)

// Nearest-rank percentile of the numbers given; null when there are none.
export const percentile = (values, p) => {
  const sorted = values.filter((value) => typeof value === 'number').sort((a, b) => a - b)
  if (sorted.length === 0) return null
  if (p === 50 && sorted.length % 2 === 0) {
    const middle = sorted.length / 2
    return (sorted[middle - 1] + sorted[middle]) / 2
  }
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
}

const git = (...args) => {
  const result = spawnSync('git', args, { encoding: 'utf8', cwd: root })
  return result.status === 0 ? result.stdout.trim() : ''
}

export const gitCommit = () => {
  const commit = git('rev-parse', '--short', 'HEAD') || 'unknown'
  // The results file itself changes with every run; anything else makes the build suspect.
  const changes = git(
    'status',
    '--porcelain',
    '--untracked-files=no',
    '--',
    '.',
    ':!bench/RESULTS.md',
  )
  return changes ? `${commit}, with uncommitted changes` : commit
}

export const machine = () => {
  const cpus = os.cpus()
  const memory = (os.totalmem() / 1024 ** 3).toFixed(1)
  return `${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${cpus.length} cores, ${memory} GiB RAM, ${os.platform()} ${os.arch()}, Node ${process.version}`
}

// Sources the build is made from: one changed after the build means the figures describe older
// code than the commit they are filed under.
const buildInputs = [
  'src',
  'collections',
  'payload.config.ts',
  'next.config.mjs',
  'package-lock.json',
]

const filesUnder = (entry) => {
  if (!fs.existsSync(entry)) return []
  if (!fs.statSync(entry).isDirectory()) return [entry]
  return fs
    .readdirSync(entry, { recursive: true, withFileTypes: true })
    .filter((dirent) => dirent.isFile())
    .map((dirent) => path.join(dirent.parentPath ?? dirent.path, dirent.name))
}

// src/server is run as it is, not built.
const sourcesNewerThanBuild = () => {
  const builtAt = fs.statSync(path.resolve(root, '.next/BUILD_ID')).mtimeMs
  return buildInputs
    .flatMap((entry) => filesUnder(path.resolve(root, entry)))
    .filter((file) => !file.includes(`${path.sep}src${path.sep}server${path.sep}`))
    .filter((file) => fs.statSync(file).mtimeMs > builtAt)
    .map((file) => path.relative(root, file))
}

// Builds when there is no production build; warns when the sources are newer than the build.
export const ensureBuild = () => {
  if (fs.existsSync(path.resolve(root, '.next/BUILD_ID'))) {
    const newer = sourcesNewerThanBuild()
    if (newer.length > 0) {
      log(
        `warning: ${newer.length} source files changed after the build (${newer.slice(0, 3).join(', ')}` +
          `${newer.length > 3 ? ', …' : ''}): run \`npm run build\` to measure the current code`,
      )
    }
    return newer.length
  }
  log('No production build (.next/BUILD_ID): running `npm run build`')
  const result = spawnSync('npm', ['run', 'build'], {
    stdio: 'inherit',
    timeout: 20 * 60_000,
    cwd: root,
  })
  if (result.status !== 0) {
    throw new Error(`npm run build failed (${result.error?.message ?? `exit ${result.status}`})`)
  }
  return 0
}

// Next keeps its data cache and optimised images in .next/cache across restarts; entries left by
// an earlier run describe another database. Every server here starts without them, as a new
// deployment would.
export const clearNextCache = () => {
  for (const cache of ['fetch-cache', 'images']) {
    fs.rmSync(path.resolve(root, '.next/cache', cache), { recursive: true, force: true })
  }
}

export const makeWorkDir = (name) => fs.mkdtempSync(path.join(os.tmpdir(), `cifcc-${name}-`))

const servers = new Set()

/**
 * Starts the production server (src/server/index.mjs, what `npm start` runs) in its own process
 * group, with the access log on so that a benchmark can read each request's server time and
 * query count. `database` is a SQLite file; `seed` loads the demo content on first start.
 */
export const startServer = async ({
  port,
  database,
  mediaDir,
  seed = false,
  env = {},
  logFile,
  readyPath = '/api/meetings?limit=1&depth=0',
  readyTimeoutMs = 180_000,
  // Options for node itself, e.g. --cpu-prof (not allowed in NODE_OPTIONS).
  nodeArgs = [],
}) => {
  const baseURL = `http://localhost:${port}`
  const started = performance.now()
  const child = spawn(
    process.execPath,
    [...nodeArgs, path.resolve(root, 'src/server/index.mjs'), '-p', String(port)],
    {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        NODE_OPTIONS: '--no-deprecation',
        NEXT_TELEMETRY_DISABLED: '1',
        NEXT_PUBLIC_SERVER_URL: baseURL,
        DATABASE_URI: `file:${database}`,
        MEDIA_DIR: mediaDir,
        SEED_ON_INIT: seed ? 'true' : 'false',
        PAYLOAD_SECRET: randomBytes(24).toString('hex'),
        ACCESS_LOG: '1',
        // The benches play thousands of readers from one address, which the rate limits would
        // (rightly) refuse; bench:abuse turns them back on.
        RATE_LIMITS: 'off',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  )
  const logStream = logFile ? fs.createWriteStream(logFile) : undefined
  const requests = []
  let pending = ''
  child.stdout.on('data', (data) => {
    logStream?.write(data)
    pending += data
    const lines = pending.split('\n')
    pending = lines.pop()
    for (const line of lines) {
      if (!line.startsWith('{"method"')) continue
      try {
        requests.push(JSON.parse(line))
      } catch {
        // A log line that only looks like a request.
      }
    }
  })
  child.stderr.on('data', (data) => logStream?.write(data))
  // 'close' comes after the output streams ended, so the log is complete by then.
  const exited = new Promise((resolve) => child.once('close', resolve))
  const hasExited = () => child.exitCode !== null || child.signalCode !== null

  const server = {
    baseURL,
    pid: child.pid,
    // Access-log entries, in the order the server finished them.
    requests,
    exited,
    coldStartMs: undefined,
    stop: async () => {
      servers.delete(server)
      if (hasExited()) {
        await exited
        logStream?.end()
        return
      }
      const signal = (name) => {
        try {
          process.kill(-child.pid, name)
        } catch {
          // Already gone.
        }
      }
      signal('SIGTERM')
      const stopped = await Promise.race([exited.then(() => true), sleep(10_000, false)])
      if (!stopped) {
        signal('SIGKILL')
        await exited
      }
      logStream?.end()
    },
  }
  servers.add(server)

  const deadline = Date.now() + readyTimeoutMs
  for (;;) {
    if (hasExited()) throw new Error(`the server on port ${port} exited (${child.exitCode})`)
    try {
      const response = await fetch(`${baseURL}${readyPath}`, {
        signal: AbortSignal.timeout(60_000),
      })
      if (response.ok) break
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline)
      throw new Error(`the server on port ${port} did not answer ${readyPath}`)
    await sleep(100)
  }
  server.coldStartMs = performance.now() - started
  return server
}

export const stopAllServers = () => Promise.all([...servers].map((server) => server.stop()))

// A process and every process it started (the server's front and its renderer), from /proc
// (Linux).
const processTree = (pid) => {
  const children = fs
    .readdirSync(`/proc/${pid}/task`)
    .flatMap((task) =>
      fs.readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean),
    )
  return [pid, ...children.flatMap((child) => processTree(Number(child)))]
}

const sum = (values) => values.reduce((total, value) => total + value, 0)

// Resident memory of a process and its children, from /proc (Linux).
export const residentMemoryMB = (pid) =>
  sum(
    processTree(pid).map((member) => {
      const status = fs.readFileSync(`/proc/${member}/status`, 'utf8')
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]) / 1024
    }),
  )

// CPU time a process and its children have used so far (user and system), in seconds, from /proc
// (Linux).
export const cpuSeconds = (pid) =>
  sum(
    processTree(pid).map((member) => {
      const stat = fs.readFileSync(`/proc/${member}/stat`, 'utf8')
      // The fields after the command name, which is in parentheses and may contain spaces.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      // utime and stime are fields 14 and 15 of stat, in clock ticks (100 a second on Linux).
      return (Number(fields[11]) + Number(fields[12])) / 100
    }),
  )

// The first user of an empty database becomes its administrator; the bench signs in as them.
export const firstAdmin = async (baseURL) => {
  const credentials = {
    email: 'bench@example.org',
    password: `bench-${randomBytes(8).toString('hex')}`,
  }
  const response = await fetch(`${baseURL}/api/users/first-register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...credentials, name: 'Benchmark', role: 'admin' }),
  })
  if (!response.ok) throw new Error(`first-register: ${response.status} ${await response.text()}`)
  const { token } = await response.json()
  return { authorization: `JWT ${token}` }
}

// Formatted as `npm run format:check` wants it (tables padded), so that a run's figures can be
// committed as they are.
export const appendResults = async (markdown) => {
  const file = path.resolve(root, 'bench/RESULTS.md')
  const options = { ...(await prettier.resolveConfig(file)), parser: 'markdown' }
  fs.appendFileSync(file, `\n${(await prettier.format(markdown.trim(), options)).trim()}\n`)
}
