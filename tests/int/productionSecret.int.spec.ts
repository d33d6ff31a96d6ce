import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

import { productionSecretProblem } from '@/server/secret.mjs'

const startProductionServer = (secret: string | undefined) => {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', PORT: '3399' }
  if (secret === undefined) delete env.PAYLOAD_SECRET
  else env.PAYLOAD_SECRET = secret
  return spawnSync(process.execPath, [path.resolve('src/server/index.mjs')], {
    env,
    encoding: 'utf8',
    timeout: 30_000,
  })
}

describe('the production server and PAYLOAD_SECRET', () => {
  it.each([
    ['missing', undefined, /is not set/],
    ['the example value', 'change-me-to-a-long-random-string', /published example value/],
    ['short', 'hunter2-hunter2', /15 characters long; it needs at least 32/],
  ])('refuses to start when the secret is %s, and says how to fix it', (_, secret, reason) => {
    const server = startProductionServer(secret)

    expect(server.status).toBe(1)
    expect(server.stderr).toMatch(reason)
    expect(server.stderr).toContain('openssl rand -hex 32')
  })

  it('accepts a long random secret', () => {
    expect(productionSecretProblem('3f9a'.repeat(16))).toBeNull()
  })
})
