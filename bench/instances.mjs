// `npm run bench:instances`: how long a published edit takes to show on another instance (issue
// 18, goal: within 1 s). Two production servers on one SQLite database share a Redis (Debian's
// redis-server, started here); in each round it publishes a new title through A
// and asks B for the meeting's page, its RSC payload and its REST read every 5 ms until each shows
// the title. B's copies are cached (x-page-cache: HIT) before every edit, so what is measured is
// the expiry reaching B, not a first render.
//
// Environment: INSTANCES_ROUNDS (default 30), INSTANCES_PORT (A's port, default 3280; B is the
// next one, Redis the one after).
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
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

process.chdir(root)

const rounds = positiveInteger('INSTANCES_ROUNDS', 30)
const port = positiveInteger('INSTANCES_PORT', 3280)
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

  const times = Object.fromEntries(Object.keys(reads).map((name) => [name, []]))
  log(`${rounds} edits through A, each read back from B`)
  for (let round = 0; round < rounds; round++) {
    for (const each of Object.values(reads)) await untilCached(b.baseURL, each)
    const title = `Green industry, edit ${round} ${randomBytes(3).toString('hex')}`
    const saved = await fetch(`${a.baseURL}/api/meetings/${id}`, {
      method: 'PATCH',
      headers: { authorization, 'content-type': 'application/json' },
      body: JSON.stringify({ title, _status: 'published' }),
    })
    if (!saved.ok) throw new Error(`PATCH: ${saved.status} ${await saved.text()}`)
    const savedAt = performance.now()
    await Promise.all(
      Object.entries(reads).map(async ([name, each]) =>
        times[name].push(await untilShown(b.baseURL, each, title, savedAt)),
      ),
    )
  }
  await Promise.all([a.stop(), b.stop()])
  redis.kill('SIGKILL')

  const row = (name) => {
    const values = times[name]
    const over = values.filter((ms) => ms > 1000).length
    return `| ${name} | ${values.length} | ${percentile(values, 50).toFixed(0)} ms | ${percentile(values, 95).toFixed(0)} ms | ${Math.max(...values).toFixed(0)} ms | ${over} |`
  }
  const markdown = [
    `## bench:instances — ${new Date().toISOString()} — ${gitCommit()}${stale ? ' (build older than the sources)' : ''}`,
    '',
    `Machine: ${machine()}.`,
    `Command: \`npm run bench:instances\` (two \`npm start\` on one SQLite database and one Redis; ${rounds} edits published through A; B polled every 5 ms from the save's answer, its copies cached before each edit).`,
    '',
    '| read on B | edits | p50 | p95 | max | over 1 s (goal 0) |',
    '| --- | --- | --- | --- | --- | --- |',
    ...Object.keys(reads).map(row),
  ].join('\n')
  console.log(`\n${markdown}\n`)
  appendResults(markdown)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
