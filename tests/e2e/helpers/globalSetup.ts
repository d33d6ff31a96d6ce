import type { TestProject } from 'vitest/node'

import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const port = Number(process.env.E2E_PORT || 3200)
const baseURL = `http://localhost:${port}`

const waitForServer = async ({ url, timeoutMs }: { url: string; timeoutMs: number }) => {
  const deadline = Date.now() + timeoutMs
  let lastError = ''
  while (Date.now() < deadline) {
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

// Starts the production build on an empty SQLite file: the server applies the committed
// migrations and, with SEED_ON_INIT=true, loads the demo content, as a new deployment would.
export default async function setup(project: TestProject) {
  if (!fs.existsSync(path.resolve('.next/BUILD_ID'))) {
    throw new Error('No production build found: run `npm run build` before the browser tests.')
  }
  // Next keeps its data cache in .next/cache across server restarts; entries left by an earlier
  // run describe another database. A new deployment starts without them, and so does this run.
  fs.rmSync(path.resolve('.next/cache/fetch-cache'), { recursive: true, force: true })
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cifcc-e2e-'))
  const log = fs.openSync(path.join(workDir, 'server.log'), 'w')
  const server = spawn(
    process.execPath,
    [path.resolve('src/server/index.mjs'), '-p', String(port)],
    {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_URI: `file:${path.join(workDir, 'e2e.db')}`,
        MEDIA_DIR: path.join(workDir, 'media'),
        SEED_ON_INIT: 'true',
        PAYLOAD_SECRET: randomBytes(24).toString('hex'),
      },
      stdio: ['ignore', log, log],
      detached: true,
    },
  )
  try {
    // The first request initialises Payload, which migrates and seeds before answering.
    await waitForServer({ url: `${baseURL}/api/meetings?limit=1`, timeoutMs: 120_000 })
  } catch (error) {
    process.kill(-server.pid!, 'SIGTERM')
    console.error(fs.readFileSync(path.join(workDir, 'server.log'), 'utf8').slice(-4000))
    throw error
  }
  project.provide('baseURL', baseURL)
  return async () => {
    process.kill(-server.pid!, 'SIGTERM')
    await new Promise((resolve) => setTimeout(resolve, 500))
    // Kept with the screenshots (git-ignored), for reading after a failed run.
    fs.mkdirSync(path.resolve('tests/e2e/screenshots'), { recursive: true })
    fs.copyFileSync(
      path.join(workDir, 'server.log'),
      path.resolve('tests/e2e/screenshots/server.log'),
    )
    fs.rmSync(workDir, { recursive: true, force: true })
  }
}

declare module 'vitest' {
  // Declaration merging with vitest's own ProvidedContext needs an interface.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  export interface ProvidedContext {
    baseURL: string
  }
}
