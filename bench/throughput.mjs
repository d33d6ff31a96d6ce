// `npm run bench:throughput`: the cached meeting page under `npm start` against a bare node:http
// server sending the same bytes and headers, measured with wrk (issue 18; goal: every run ≥ 0.8 of
// bare, median ≥ 0.9). The site and the bare server take turns, run after run, so that a slow
// moment of the machine falls on both; each pair's ratio is reported, with the spread.
//
// The server runs as `npm start` does by default: no access log (each line is work the bench would
// count), rate limits off (one client plays every reader).
//
// Environment: THROUGHPUT_RUNS (pairs, default 10), THROUGHPUT_SECONDS (per run, default 5),
// THROUGHPUT_CONNECTIONS (default 32), THROUGHPUT_PORT (default 3330; the bare server the next).
import path from 'node:path'

import {
  appendResults,
  ensureBuild,
  gitCommit,
  log,
  machine,
  makeWorkDir,
  median,
  positiveInteger,
  root,
  startServer,
} from './lib/common.mjs'
import { startBareServer } from './lib/load.mjs'
import { readUntilCached } from './lib/pages.mjs'
import { wrk } from './lib/wrk.mjs'

process.chdir(root)

const runs = positiveInteger('THROUGHPUT_RUNS', 10)
const seconds = positiveInteger('THROUGHPUT_SECONDS', 5)
const connections = positiveInteger('THROUGHPUT_CONNECTIONS', 32)
const port = positiveInteger('THROUGHPUT_PORT', 3330)
const slug = 'green-industry-and-low-carbon-city-construction'

const unreplayed = ['date', 'connection', 'keep-alive', 'transfer-encoding']

const main = async () => {
  ensureBuild()
  const workDir = makeWorkDir('throughput')
  const server = await startServer({
    port,
    database: path.join(workDir, 'site.db'),
    mediaDir: path.join(workDir, 'media'),
    seed: true,
    env: { ACCESS_LOG: '0' },
    logFile: path.join(workDir, 'server.log'),
  })
  const url = `${server.baseURL}/meetings/${slug}`
  const page = await readUntilCached(url)
  const body = Buffer.from(await page.arrayBuffer())
  const headers = Object.fromEntries(
    [...page.headers].filter(([name]) => !unreplayed.includes(name)),
  )
  const bare = await startBareServer({ port: port + 1, body, headers, workDir })
  const pairs = []
  try {
    // Both warm before anything counts.
    await wrk({ url, connections, durationSeconds: 2 })
    await wrk({ url: bare.url, connections, durationSeconds: 2 })
    for (let run = 0; run < runs; run += 1) {
      const site = await wrk({ url, connections, durationSeconds: seconds })
      const limit = await wrk({ url: bare.url, connections, durationSeconds: seconds })
      if (site.non2xx > 0 || site.errors > 0) {
        throw new Error(`run ${run + 1}: ${site.non2xx} answers not 2xx, ${site.errors} errors`)
      }
      pairs.push({ site, bare: limit, ratio: site.requestsPerSecond / limit.requestsPerSecond })
      log(
        `run ${run + 1}: site ${Math.round(site.requestsPerSecond)} req/s, bare ` +
          `${Math.round(limit.requestsPerSecond)} req/s, ratio ${pairs.at(-1).ratio.toFixed(2)}`,
      )
    }
  } finally {
    await bare.stop()
    await server.stop()
  }
  const markdown = report({ pairs, bytes: body.length })
  console.log(`\n${markdown}`)
  await appendResults(markdown)
  log('appended to bench/RESULTS.md')
}

const spread = (values) =>
  `${Math.round(Math.min(...values)).toLocaleString('en-GB')}–${Math.round(Math.max(...values)).toLocaleString('en-GB')}`

const milliseconds = (values) => `${(Math.round(median(values) * 100) / 100).toFixed(2)}`

const report = ({ pairs, bytes }) => {
  const ratios = pairs.map((pair) => pair.ratio)
  const site = pairs.map((pair) => pair.site.requestsPerSecond)
  const bare = pairs.map((pair) => pair.bare.requestsPerSecond)
  const lowest = Math.min(...ratios)
  const middle = median(ratios)
  return [
    `## bench:throughput — ${new Date().toISOString()} — ${gitCommit()}`,
    '',
    `Machine: ${machine()}.`,
    `Command: \`npm run bench:throughput\` (wrk, 1 thread, ${connections} connections, ${seconds} s per run; the cached meeting page, ${bytes.toLocaleString('en-GB')} bytes, and a bare node:http server sending the same bytes, in turn, ${runs} runs each).`,
    '',
    '| | req/s (median) | spread | p50 / p99 (median) |',
    '| --- | --- | --- | --- |',
    `| \`npm start\` | ${Math.round(median(site)).toLocaleString('en-GB')} | ${spread(site)} | ${milliseconds(pairs.map((pair) => pair.site.p50))} / ${milliseconds(pairs.map((pair) => pair.site.p99))} ms |`,
    `| bare node:http | ${Math.round(median(bare)).toLocaleString('en-GB')} | ${spread(bare)} | ${milliseconds(pairs.map((pair) => pair.bare.p50))} / ${milliseconds(pairs.map((pair) => pair.bare.p99))} ms |`,
    '',
    `Ratio per pair: ${ratios.map((ratio) => ratio.toFixed(2)).join(', ')}. Lowest ${lowest.toFixed(2)} (goal ≥ 0.8: ${lowest >= 0.8 ? 'met' : 'not met'}), median ${middle.toFixed(2)} (goal ≥ 0.9: ${middle >= 0.9 ? 'met' : 'not met'}).`,
    '',
  ].join('\n')
}

await main()
