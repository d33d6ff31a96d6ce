// `npm run bench:programme`: an edition's programme page and its schedule export at the scale the
// forum-as-a-series issue asks for (10 editions × 300 sessions, days, rooms and parallel slots from
// `npm run seed:scale`), uncached and cached.
//
// Uncached: each edition's page asked for once right after the server starts with an empty Next
// cache, so every answer is a render from the database; the access log gives server time and
// queries. Cached: the same address asked for again and again under load (32 connections).
// Prints the figures and appends them to bench/RESULTS.md with the date, commit and machine.
// Environment: BENCH_SECONDS (per load run, default 10), BENCH_RUNS (default 3), BENCH_PORT
// (default 3330).
import path from 'node:path'

import {
  appendResults,
  clearNextCache,
  ensureBuild,
  gitCommit,
  log,
  machine,
  makeWorkDir,
  median,
  positiveInteger,
  root,
  startServer,
  stopAllServers,
} from './lib/common.mjs'
import { load } from './lib/load.mjs'
import { copyDatabase, ensureScaleDatabase } from './lib/scale.mjs'

process.chdir(root)

const seconds = positiveInteger('BENCH_SECONDS', 10)
const runs = positiveInteger('BENCH_RUNS', 3)
const port = positiveInteger('BENCH_PORT', 3330)
const scale = { editions: 10, meetings: 3000, speakers: 1000, organisations: 200, photos: 0 }
// The newest edition seed:scale makes, and the nine before it.
const years = Array.from({ length: scale.editions }, (_, index) => 2026 - index)

const targets = [
  { name: 'programme page', path: (year) => `/editions/${year}/programme` },
  { name: 'edition page', path: (year) => `/editions/${year}` },
  { name: 'schedule.json', path: (year) => `/editions/${year}/schedule.json` },
]

const logged = async ({ requests, url, from }) => {
  for (let tries = 0; tries < 500; tries += 1) {
    const entry = requests.slice(from).find((request) => request.url === url)
    if (entry) return entry
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  return null
}

const uncached = async ({ baseURL, requests, target }) => {
  const samples = []
  for (const year of years) {
    const url = target.path(year)
    const from = requests.length
    const response = await fetch(`${baseURL}${url}`)
    const body = await response.text()
    const entry = await logged({ requests, url, from })
    samples.push({ status: response.status, bytes: body.length, entry })
  }
  const ok = samples.filter(({ status, entry }) => status === 200 && entry)
  const round = (ms) => Math.round(ms)
  return {
    statuses: [...new Set(samples.map(({ status }) => status))],
    serverMs: round(median(ok.map(({ entry }) => entry.ms))),
    serverMax: round(Math.max(...ok.map(({ entry }) => entry.ms))),
    queries: median(ok.map(({ entry }) => entry.queries)),
    kib: Math.round(median(samples.map(({ bytes }) => bytes)) / 1024),
  }
}

const cached = async ({ baseURL, target }) => {
  const url = `${baseURL}${target.path(years[0])}`
  const results = []
  for (let run = 0; run < runs; run += 1)
    results.push(await load({ url, durationSeconds: seconds }))
  return {
    requestsPerSecond: median(results.map(({ requestsPerSecond }) => requestsPerSecond)),
    spread: results.map(({ requestsPerSecond }) => Math.round(requestsPerSecond)).join(', '),
    p50: median(results.map(({ p50 }) => p50)),
    p99: median(results.map(({ p99 }) => p99)),
    non2xx: results.reduce((sum, { non2xx }) => sum + non2xx, 0),
  }
}

const main = async () => {
  ensureBuild()
  const { database, mediaDir } = ensureScaleDatabase(scale)
  const workDir = makeWorkDir('programme')
  const copy = path.join(workDir, 'scale.db')
  copyDatabase({ from: database, to: copy })
  clearNextCache()
  const server = await startServer({ port, database: copy, mediaDir })
  const rows = []
  try {
    for (const target of targets) {
      log(`${target.name}: uncached, one request per edition`)
      const first = await uncached({ baseURL: server.baseURL, requests: server.requests, target })
      log(`${target.name}: cached, ${runs} × ${seconds} s under load`)
      const warm = await cached({ baseURL: server.baseURL, target })
      rows.push({ target, first, warm })
    }
  } finally {
    await stopAllServers()
  }
  const table = [
    `## Programme and schedule export at scale (${new Date().toISOString().slice(0, 10)}, ${gitCommit()})`,
    '',
    `Machine: ${machine()}. Command: \`npm run bench:programme\`. Data: \`seed:scale\` with ` +
      `${scale.editions} editions × ${scale.meetings / scale.editions} sessions ` +
      `(${scale.speakers} speakers, ${scale.organisations} organisations). Uncached: the first ` +
      `request for each of the ${years.length} editions after a start with an empty Next cache ` +
      `(median and worst server time, median queries); reads an address shares with one measured ` +
      'before it (the edition and its sessions) come from the data cache, as the queries show. ' +
      `Cached: ${runs} runs of ${seconds} s, ` +
      '32 connections, on the newest edition (median of runs, and each run).',
    '',
    '| Address | Status | Uncached server ms (median / worst) | Queries | Size | Cached req/s (runs) | Cached p50 / p99 ms | Non-2xx |',
    '| ------- | ------ | ----------------------------------: | ------: | ---: | ------------------: | ------------------: | ------: |',
    ...rows.map(
      ({ target, first, warm }) =>
        `| ${target.name} | ${first.statuses.join(', ')} | ${first.serverMs} / ${first.serverMax} | ` +
        `${first.queries} | ${first.kib} KiB | ${Math.round(warm.requestsPerSecond)} (${warm.spread}) | ` +
        `${warm.p50} / ${warm.p99} | ${warm.non2xx} |`,
    ),
  ].join('\n')
  console.log(`\n${table}\n`)
  await appendResults(table)
}

main().catch(async (error) => {
  console.error(error)
  await stopAllServers()
  process.exit(1)
})
