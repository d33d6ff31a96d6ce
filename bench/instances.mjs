// `npm run bench:instances`: how long a published edit takes to show on another instance (issue
// 18, goal: within 1 s). Two production servers on one SQLite database share a Redis (Debian's
// redis-server, started here); in each round it publishes a new title through A
// and asks B for the meeting's page, its RSC payload and its REST read every 5 ms until each shows
// the title. B's copies are cached (x-page-cache: HIT) before every edit, so what is measured is
// the expiry reaching B, not a first render.
//
// Then both behind nginx (Debian's, with deploy/nginx/nginx.conf pointed at them): the cached
// page's throughput with wrk, from one instance directly, one behind nginx and two behind nginx in
// turn; and edit-to-live with the edit and the reads all through nginx.
//
// Environment: INSTANCES_ROUNDS (default 30), INSTANCES_PORT (A's port, default 3280; B is the
// next one, Redis the one after, then the two nginx), INSTANCES_THROUGHPUT_RUNS (default 5).
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import {
  appendResults,
  clearNextCache,
  ensureBuild,
  firstAdmin,
  gitCommit,
  log,
  machine,
  makeWorkDir,
  percentile,
  positiveInteger,
  root,
  startServer,
} from './lib/common.mjs'
import { wrk } from './lib/wrk.mjs'

process.chdir(root)

const rounds = positiveInteger('INSTANCES_ROUNDS', 30)
const port = positiveInteger('INSTANCES_PORT', 3280)
const throughputRuns = positiveInteger('INSTANCES_THROUGHPUT_RUNS', 5)
const slug = 'green-industry-and-low-carbon-city-construction'
const reads = {
  page: { path: `/meetings/${slug}`, headers: {} },
  'RSC navigation': { path: `/meetings/${slug}`, headers: { rsc: '1' } },
  REST: { path: `/api/meetings?where[slug][equals]=${slug}&depth=0`, headers: {} },
}

const startRedis = (redisPort) =>
  new Promise((resolve, reject) => {
    const child = spawn(
      'redis-server',
      ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    )
    child.once('error', reject)
    child.stdout.on('data', (chunk) => {
      if (chunk.toString().includes('Ready to accept connections')) resolve(child)
    })
  })

// nginx with the shipped configuration, its upstream replaced by these local ports.
const startNginx = async ({ listenPort, backends, workDir }) => {
  const dir = path.join(workDir, `nginx-${listenPort}`)
  fs.mkdirSync(dir, { recursive: true })
  const shipped = fs.readFileSync(path.join(root, 'deploy/nginx/nginx.conf'), 'utf8')
  const upstream = backends.map((backend) => `    server 127.0.0.1:${backend};`).join('\n')
  const conf = shipped
    .replace(/( {4}server app1:3000;\n {4}server app2:3000;)/, upstream)
    .replace('listen 80;', `listen 127.0.0.1:${listenPort};`)
  if (!conf.includes(`127.0.0.1:${backends[0]}`)) throw new Error('nginx.conf has no app1/app2')
  fs.writeFileSync(path.join(dir, 'nginx.conf'), conf)
  const child = spawn(
    'nginx',
    [
      '-p',
      dir,
      '-c',
      path.join(dir, 'nginx.conf'),
      '-g',
      `daemon off; pid ${dir}/nginx.pid; error_log ${dir}/error.log;`,
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  )
  const url = `http://127.0.0.1:${listenPort}`
  for (let attempt = 0; ; attempt++) {
    try {
      await (await fetch(`${url}/api/health/live`)).arrayBuffer()
      return { url, stop: () => child.kill('SIGTERM') }
    } catch (error) {
      if (attempt > 100 || child.exitCode !== null) throw error
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
}

const read = async (baseURL, { path: pathname, headers }) => {
  const response = await fetch(`${baseURL}${pathname}`, { headers })
  return { cache: response.headers.get('x-page-cache'), text: await response.text() }
}

const untilCached = async (baseURL, each) => {
  for (let attempt = 0; attempt < 200; attempt++) {
    if ((await read(baseURL, each)).cache === 'HIT') return
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  throw new Error(`${each.path} was never cached`)
}

// Milliseconds from the save's answer until B shows the title (polling every 5 ms).
const untilShown = async (baseURL, each, title, savedAt) => {
  for (;;) {
    if ((await read(baseURL, each)).text.includes(title)) return performance.now() - savedAt
    if (performance.now() - savedAt > 10_000) throw new Error(`${each.path}: not shown in 10 s`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

const main = async () => {
  const stale = ensureBuild()
  const workDir = makeWorkDir('instances')
  clearNextCache()
  const redis = await startRedis(port + 2)
  const env = {
    REDIS_URL: `redis://127.0.0.1:${port + 2}`,
    PAYLOAD_SECRET: randomBytes(24).toString('hex'),
    ACCESS_LOG: 'off',
  }
  const database = path.join(workDir, 'demo.db')
  const mediaDir = path.join(workDir, 'media')
  const a = await startServer({ port, database, mediaDir, seed: true, env })
  const b = await startServer({ port: port + 1, database, mediaDir, env })
  const { authorization } = await firstAdmin(a.baseURL)
  const found = await fetch(
    `${a.baseURL}/api/meetings?where[slug][equals]=${slug}&depth=0&select[title]=true`,
    { headers: { authorization } },
  )
  const id = (await found.json()).docs[0].id

  /** Edits through `editVia` and reads from `readVia` until each read shows the edit. */
  const editToLive = async ({ editVia, readVia, count }) => {
    const times = Object.fromEntries(Object.keys(reads).map((name) => [name, []]))
    for (let round = 0; round < count; round++) {
      for (const each of Object.values(reads)) await untilCached(readVia, each)
      const title = `Green industry, edit ${round} ${randomBytes(3).toString('hex')}`
      const saved = await fetch(`${editVia}/api/meetings/${id}`, {
        method: 'PATCH',
        headers: { authorization, 'content-type': 'application/json' },
        body: JSON.stringify({ title, _status: 'published' }),
      })
      if (!saved.ok) throw new Error(`PATCH: ${saved.status} ${await saved.text()}`)
      const savedAt = performance.now()
      await Promise.all(
        Object.entries(reads).map(async ([name, each]) =>
          times[name].push(await untilShown(readVia, each, title, savedAt)),
        ),
      )
    }
    return times
  }

  log(`${rounds} edits through A, each read back from B`)
  const times = await editToLive({ editVia: a.baseURL, readVia: b.baseURL, count: rounds })

  const both = await startNginx({ listenPort: port + 3, backends: [port, port + 1], workDir })
  const aOnly = await startNginx({ listenPort: port + 4, backends: [port], workDir })
  log(`${rounds} edits and reads through nginx`)
  const nginxTimes = await editToLive({ editVia: both.url, readVia: both.url, count: rounds })
  const page = `/meetings/${slug}`
  const targets = {
    'one instance': `${a.baseURL}${page}`,
    'one behind nginx': `${aOnly.url}${page}`,
    'two behind nginx': `${both.url}${page}`,
  }
  const throughput = Object.fromEntries(Object.keys(targets).map((name) => [name, []]))
  log(`the cached page with wrk, ${throughputRuns} runs of each in turn`)
  for (const base of [a.baseURL, b.baseURL]) await untilCached(base, reads.page)
  for (let run = 0; run < throughputRuns; run++) {
    for (const [name, url] of Object.entries(targets)) {
      const result = await wrk({ url, connections: 64, durationSeconds: 5 })
      if (result.non2xx > 0 || result.errors > 0)
        throw new Error(`${name}: errors ${JSON.stringify(result)}`)
      throughput[name].push(result)
    }
  }
  both.stop()
  aOnly.stop()
  await Promise.all([a.stop(), b.stop()])
  redis.kill('SIGKILL')

  const row = (measured, label) => (name) => {
    const values = measured[name]
    const over = values.filter((ms) => ms > 1000).length
    return `| ${label} ${name} | ${values.length} | ${percentile(values, 50).toFixed(0)} ms | ${percentile(values, 95).toFixed(0)} ms | ${Math.max(...values).toFixed(0)} ms | ${over} |`
  }
  const throughputRow = (name) => {
    const perSecond = throughput[name].map((result) => result.requestsPerSecond)
    const spread = `${Math.round(Math.min(...perSecond))}–${Math.round(Math.max(...perSecond))}`
    const p99 = percentile(
      throughput[name].map((result) => result.p99),
      50,
    )
    return `| ${name} | ${Math.round(percentile(perSecond, 50))} | ${spread} | ${p99} ms |`
  }
  const markdown = [
    `## bench:instances — ${new Date().toISOString()} — ${gitCommit()}${stale ? ' (build older than the sources)' : ''}`,
    '',
    `Machine: ${machine()}.`,
    `Command: \`npm run bench:instances\` (two \`npm start\` on one SQLite database and one Redis; ${rounds} edits published through A; B polled every 5 ms from the save's answer, its copies cached before each edit; then the same through nginx with deploy/nginx/nginx.conf in front of both).`,
    '',
    '| read | edits | p50 | p95 | max | over 1 s (goal 0) |',
    '| --- | --- | --- | --- | --- | --- |',
    ...Object.keys(reads).map(row(times, 'edit on A, read on B:')),
    ...Object.keys(reads).map(row(nginxTimes, 'edit and read through nginx:')),
    '',
    `The cached meeting page with wrk (1 thread, 64 connections, 5 s; ${throughputRuns} runs of each in turn):`,
    '',
    '| served by | req/s (median) | spread | p99 (median) |',
    '| --- | --- | --- | --- |',
    ...Object.keys(targets).map(throughputRow),
  ].join('\n')
  console.log(`\n${markdown}\n`)
  await appendResults(markdown)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
