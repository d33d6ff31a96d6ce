import type { ChildProcess } from 'node:child_process'

import { spawn } from 'node:child_process'

// Debian's redis-server on a port of the test's own, without persistence: stopping it loses
// everything, as a failed Redis without a replica would.

export type RedisServer = { url: string; stop: () => Promise<void> }

export const startRedis = async (port: number): Promise<RedisServer> => {
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  await new Promise<void>((resolve, reject) => {
    child.once('error', reject)
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Ready to accept connections')) resolve()
    })
  })
  const exited = new Promise((resolve) => child.once('exit', resolve))
  return {
    url: `redis://127.0.0.1:${port}`,
    // Killed, not shut down: an outage gives no warning.
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return
      child.kill('SIGKILL')
      await exited
    },
  }
}
