import type { TestProject } from 'vitest/node'

import fs from 'node:fs'
import path from 'node:path'

import { startReadyServer, stopServer } from '../../helpers/productionServer'

const port = Number(process.env.E2E_PORT || 3200)

// Starts the production build on an empty SQLite file: the server applies the committed
// migrations and, with SEED_ON_INIT=true, loads the demo content, as a new deployment would.
export default async function setup(project: TestProject) {
  // While writing a browser test: E2E_BASE_URL points the files at a server already running.
  const running = process.env.E2E_BASE_URL
  if (running) {
    project.provide('baseURL', running)
    return
  }
  // Next keeps its data cache in .next/cache across server restarts; entries left by an earlier
  // run describe another database. A new deployment starts without them, and so does this run.
  fs.rmSync(path.resolve('.next/cache/fetch-cache'), { recursive: true, force: true })
  // Webhooks may reach the test's receiver on loopback (tests/e2e/webhooks.e2e.spec.ts).
  const env = { SEED_ON_INIT: 'true', WEBHOOKS_ALLOW_LOCAL: 'true' }
  const server = await startReadyServer({ port, env }).catch((error: unknown) => {
    console.error(String(error).slice(-4000))
    throw error
  })
  project.provide('baseURL', server.url)
  return async () => {
    await stopServer(server)
    // Kept with the screenshots (git-ignored), for reading after a failed run.
    fs.mkdirSync(path.resolve('tests/e2e/screenshots'), { recursive: true })
    fs.writeFileSync(path.resolve('tests/e2e/screenshots/server.log'), server.log())
    fs.rmSync(server.workDir, { recursive: true, force: true })
  }
}

declare module 'vitest' {
  // Declaration merging with vitest's own ProvidedContext needs an interface.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  export interface ProvidedContext {
    baseURL: string
  }
}
