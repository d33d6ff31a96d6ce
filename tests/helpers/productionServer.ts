import type { ChildProcess } from 'node:child_process'

import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

// `npm start` as a deployment runs it (src/server/index.mjs on the production build), on a
// SQLite file and media folder of its own, for the browser tests and the fault tests that stop,
// kill and restart it.

export type ProductionServer = {
  /** http://localhost:<port>, without a trailing slash */
  url: string
  port: number
  workDir: string
  databaseFile: string
  process: ChildProcess
  /** Everything the server printed so far. */
  log: () => string
  /** Resolves with the exit code or signal once the process has ended. */
  exited: Promise<number | NodeJS.Signals | null>
  signal: (signal: NodeJS.Signals) => void
}

export type ProductionServerOptions = {
  port: number
  /** Reuse the database and media of an earlier server (a restart); a new folder otherwise. */
  workDir?: string
  env?: Record<string, string>
}

export const requireProductionBuild = () => {
  if (!fs.existsSync(path.resolve('.next/BUILD_ID'))) {
    throw new Error('No production build found: run `npm run build` before these tests.')
  }
}

export const startProductionServer = ({
  port,
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cifcc-server-')),
  env = {},
}: ProductionServerOptions): ProductionServer => {
  requireProductionBuild()
  const databaseFile = path.join(workDir, 'site.db')
  const logFile = path.join(workDir, `server-${Date.now()}.log`)
  const log = fs.openSync(logFile, 'w')
  const child = spawn(
    process.execPath,
    [path.resolve('src/server/index.mjs'), '-p', String(port)],
    {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_URI: `file:${databaseFile}`,
        MEDIA_DIR: path.join(workDir, 'media'),
        PAYLOAD_SECRET: randomBytes(24).toString('hex'),
        ...env,
      },
      stdio: ['ignore', log, log],
      // Its own process group, so that a test can signal the server and nothing else.
      detached: true,
    },
  )
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code)),
  )
  return {
    url: `http://localhost:${port}`,
    port,
    workDir,
    databaseFile,
    process: child,
    log: () => fs.readFileSync(logFile, 'utf8'),
    exited,
    signal: (signal) => {
      if (child.exitCode === null && child.signalCode === null) process.kill(child.pid!, signal)
    },
  }
}

export const waitForServer = async ({
  url,
  timeoutMs,
  server,
}: {
  url: string
  timeoutMs: number
  server?: ProductionServer
}) => {
  const deadline = Date.now() + timeoutMs
  let lastError = ''
  while (Date.now() < deadline) {
    if (server && (server.process.exitCode !== null || server.process.signalCode !== null)) {
      throw new Error(`The server exited before answering:\n${server.log().slice(-4000)}`)
    }
    try {
      const response = await fetch(url)
      if (response.ok) return
      lastError = `status ${response.status}`
    } catch (error) {
      lastError = String(error)
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`The site did not answer at ${url} within ${timeoutMs / 1000}s: ${lastError}`)
}

/** Starts the server and waits until Payload has migrated (and, if asked, seeded) its database. */
export const startReadyServer = async (options: ProductionServerOptions) => {
  const server = startProductionServer(options)
  try {
    await waitForServer({ url: `${server.url}/api/meetings?limit=1`, timeoutMs: 120_000, server })
  } catch (error) {
    server.signal('SIGKILL')
    throw error
  }
  return server
}

export const stopServer = async (server: ProductionServer, signal: NodeJS.Signals = 'SIGTERM') => {
  server.signal(signal)
  const timeout = setTimeout(() => server.signal('SIGKILL'), 10_000)
  await server.exited
  clearTimeout(timeout)
}

export const stopAndRemoveServer = async (server: ProductionServer) => {
  await stopServer(server)
  fs.rmSync(server.workDir, { recursive: true, force: true })
}
