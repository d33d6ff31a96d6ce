// Load generation with autocannon, and the bare node:http server the site is compared with.
import autocannon from 'autocannon'
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

import { root } from './common.mjs'

// One autocannon run: requests/s, latency percentiles, and how many answers were not 2xx.
export const load = async ({
  url,
  connections = 32,
  durationSeconds,
  requests,
  headers,
  method,
  body,
}) => {
  const result = await autocannon({
    url,
    connections,
    duration: durationSeconds,
    ...(requests ? { requests } : {}),
    ...(headers ? { headers } : {}),
    ...(method ? { method } : {}),
    ...(body ? { body } : {}),
  })
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  }
}

/**
 * The physical limit a page can be served at here: Node's http module writing the same bytes and
 * headers from memory, in a process of its own like the site's server.
 */
export const startBareServer = async ({ port, body, headers, workDir }) => {
  const bodyFile = path.join(workDir, 'bare-body')
  fs.writeFileSync(bodyFile, body)
  const source = `
    import fs from 'node:fs'
    import http from 'node:http'
    const body = fs.readFileSync(${JSON.stringify(bodyFile)})
    const headers = ${JSON.stringify(headers)}
    http.createServer((request, response) => {
      response.writeHead(200, headers)
      response.end(body)
    }).listen(${port}, () => console.log('ready'))
  `
  const child = spawn(process.execPath, ['--input-type=module', '-e', source], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  await new Promise((resolve, reject) => {
    child.stdout.once('data', resolve)
    child.once('exit', (code) => reject(new Error(`the bare server exited (${code})`)))
  })
  return {
    url: `http://localhost:${port}/`,
    stop: async () => {
      child.kill('SIGTERM')
      await Promise.race([new Promise((resolve) => child.once('exit', resolve)), sleep(5_000)])
    },
  }
}
