// `npm run bench`: the performance benchmarks of cifcc-site, side by side with the physical limit.
//
// One command, from a clean clone: builds when there is no production build, generates the
// bench-scale database once (bench/.data/, reused while src/seed/scale is unchanged), then starts
// the production server (src/server/index.mjs, what `npm start` runs) on copies of it and
// measures:
//   1. a cached meeting page against a bare node:http server sending the same bytes, and against
//      Next alone (PAGE_CACHE=off, which is what `next start` does);
//   2. the uncached render of a meeting page after an edit: server time and database queries, at
//      bench scale and on the demo content;
//   3. REST (anonymous: from the page cache, and uncached) and GraphQL reads under load, and
//      their queries per request;
//   4. edit-to-live: an edit over REST until the public page shows it;
//   5. uploads of a 24-megapixel JPEG (bench/upload.mjs);
//   6. cold start to the first page, and resident memory after 60 s of mixed load;
//   7. the list pages at bench scale with pagination (bench/lists.mjs).
// Prints the figures and appends them to bench/RESULTS.md with the date, commit and machine.
//
// Options: --quick (1/10 of the scale, shorter runs: for trying the bench, not for results).
// Environment: BENCH_RUNS (load runs per figure, default 3), BENCH_SECONDS (per load run,
// default 10), BENCH_PORT (first of four consecutive ports, default 3310).
import path from 'node:path'
import { parseArgs } from 'node:util'

import {
  appendResults,
  clearNextCache,
  ensureBuild,
  firstAdmin,
  gitCommit,
  log,
  machine,
  makeWorkDir,
  median,
  positiveInteger,
  residentMemoryMB,
  root,
  startServer,
  stopAllServers,
} from './lib/common.mjs'
import { load, startBareServer } from './lib/load.mjs'
import { readPage, readUntilCached } from './lib/pages.mjs'
import { wrk } from './lib/wrk.mjs'
import { benchScale, copyDatabase, ensureScaleDatabase } from './lib/scale.mjs'
import { formatListPages, listPagesBenchmark } from './lists.mjs'
import { uploadBenchmark } from './upload.mjs'

process.chdir(root)

const { values: flags } = parseArgs({ options: { quick: { type: 'boolean', default: false } } })
const quick = flags.quick
const runs = positiveInteger('BENCH_RUNS', quick ? 1 : 3)
const seconds = positiveInteger('BENCH_SECONDS', quick ? 3 : 10)
const firstPort = positiveInteger('BENCH_PORT', 3310)
const ports = {
  demo: firstPort,
  scale: firstPort + 1,
  bare: firstPort + 2,
  nextAlone: firstPort + 3,
}
const scale = quick ? benchScale.quick : benchScale.full
const connections = 32
const renderRuns = quick ? 3 : 7

const formatNumber = (value, digits = 0) =>
  value === null || value === undefined
    ? 'n/a'
    : value.toLocaleString('en-GB', {
        maximumFractionDigits: digits,
        minimumFractionDigits: digits,
      })

// --------------------------------------------------------------------------------------------
// Helpers over the running server.

const getJSON = async (url, init) => {
  const response = await fetch(url, init)
  if (!response.ok)
    throw new Error(`${init?.method ?? 'GET'} ${url}: ${response.status} ${await response.text()}`)
  return response.json()
}

// The newest meeting, with statements, as the page every benchmark reads.
const pickMeeting = async (baseURL) => {
  const { docs } = await getJSON(
    `${baseURL}/api/meetings?limit=1&depth=0&sort=-startsAt&where[statements.speaker][exists]=true` +
      '&select[slug]=true&select[summary]=true',
  )
  if (!docs[0]) throw new Error('no meeting with statements to read')
  return { ...docs[0], path: `/meetings/${docs[0].slug}` }
}

const patchMeeting = (baseURL, headers, id, data) =>
  getJSON(`${baseURL}/api/meetings/${id}?depth=0`, {
    method: 'PATCH',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(data),
  })

// The access-log entry of the next request for this path after `from`.
const nextLogEntry = async (server, from, pathname) => {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const entry = server.requests.slice(from).find((request) => request.url === pathname)
    if (entry) return entry
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  throw new Error(`no access-log entry for ${pathname}`)
}

// --------------------------------------------------------------------------------------------
// 1. Cached page against the bare server (and Next alone).

const loadRuns = async (target) => {
  const results = []
  for (let run = 0; run < runs; run += 1)
    results.push(await load({ ...target, durationSeconds: seconds, connections }))
  return summariseLoad(requireSuccess(results, target.url))
}

// A figure measured on error pages is not a figure: stop instead of reporting it.
const requireSuccess = (results, label) => {
  const failed = results.reduce((sum, result) => sum + result.non2xx, 0)
  if (failed > 0) throw new Error(`${label}: ${failed} answers were not 2xx`)
  return results
}

const summariseLoad = (results) => ({
  requestsPerSecond: median(results.map((result) => result.requestsPerSecond)),
  p50: median(results.map((result) => result.p50)),
  p99: median(results.map((result) => result.p99)),
  non2xx: results.reduce((sum, result) => sum + result.non2xx, 0),
  errors: results.reduce((sum, result) => sum + result.errors, 0),
  runs: results.map((result) => Math.round(result.requestsPerSecond)),
})

const cachedPageAgainstBare = async ({ server, meeting, workDir }) => {
  const url = `${server.baseURL}${meeting.path}`
  await readPage(url)
  const page = await readUntilCached(url)
  const body = Buffer.from(await page.arrayBuffer())
  const headers = {}
  for (const [name, value] of page.headers) {
    if (!['date', 'connection', 'keep-alive', 'transfer-encoding'].includes(name))
      headers[name] = value
  }
  const bare = await startBareServer({ port: ports.bare, body, headers, workDir })
  const site = []
  const limit = []
  try {
    // Alternating runs, so that a slow moment of the machine falls on both.
    for (let run = 0; run < runs; run += 1) {
      site.push(await wrk({ url, connections, durationSeconds: seconds }))
      limit.push(await wrk({ url: bare.url, connections, durationSeconds: seconds }))
    }
  } finally {
    await bare.stop()
  }
  const siteSummary = summariseLoad(requireSuccess(site, url))
  const bareSummary = summariseLoad(limit)
  return {
    bytes: body.length,
    site: siteSummary,
    bare: bareSummary,
    ratio: siteSummary.requestsPerSecond / bareSummary.requestsPerSecond,
  }
}

// --------------------------------------------------------------------------------------------
// 2. Uncached render after an edit, and 4. edit-to-live.

const uncachedRender = async ({ server, headers, meeting }) => {
  const url = `${server.baseURL}${meeting.path}`
  await readPage(url)
  const samples = []
  for (let run = 0; run < renderRuns; run += 1) {
    await patchMeeting(server.baseURL, headers, meeting.id, {
      summary: `${meeting.summary ?? ''} ${run}`.trim(),
    })
    const from = server.requests.length
    const response = await readPage(url)
    await response.arrayBuffer()
    const entry = await nextLogEntry(server, from, meeting.path)
    if (entry.cache !== 'miss')
      throw new Error(`${meeting.path} after an edit: cache ${entry.cache}, expected a miss`)
    samples.push(entry)
  }
  await patchMeeting(server.baseURL, headers, meeting.id, { summary: meeting.summary ?? '' })
  return {
    medianMs: median(samples.map((sample) => sample.ms)),
    queries: median(samples.map((sample) => sample.queries)),
    samples: samples.map((sample) => `${Math.round(sample.ms)} ms/${sample.queries}q`),
  }
}

const editToLive = async ({ server, headers, meeting }) => {
  const url = `${server.baseURL}${meeting.path}`
  const samples = []
  for (let run = 0; run < renderRuns; run += 1) {
    const marker = `edit${Date.now().toString(36)}x${run}`
    const started = performance.now()
    await patchMeeting(server.baseURL, headers, meeting.id, { summary: marker })
    for (;;) {
      const text = await (await readPage(url)).text()
      if (text.includes(marker)) break
      if (performance.now() - started > 30_000) throw new Error('the edit did not show within 30 s')
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    samples.push(performance.now() - started)
  }
  await patchMeeting(server.baseURL, headers, meeting.id, { summary: meeting.summary ?? '' })
  return { medianMs: median(samples), maxMs: Math.max(...samples) }
}

// --------------------------------------------------------------------------------------------
// 3. REST and GraphQL.

const graphQLQuery = `{
  Meetings(limit: 20, sort: "-startsAt") {
    docs {
      title
      statements {
        speaker { name positions { title organisation { name } } }
        organisation { name }
      }
    }
  }
}`

const restPath = '/api/meetings?limit=20&depth=1'

// Anonymous REST reads are kept by the page cache; run against a server with PAGE_CACHE=off they
// show what Payload itself costs.
const restReads = async ({ server }) => {
  // One request alone, for the query count.
  const from = server.requests.length
  await getJSON(`${server.baseURL}${restPath}`)
  const entry = await nextLogEntry(server, from, restPath)
  // Compressed, as HTTP clients ask for it: 440 KB of identity JSON a response makes the load
  // generator the limit.
  const load = await loadRuns({
    url: `${server.baseURL}${restPath}`,
    headers: { 'accept-encoding': 'br, gzip' },
  })
  return { ...load, queries: entry.queries }
}

const graphQLReads = async ({ server }) => {
  const graphQLRequest = {
    url: `${server.baseURL}/api/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: graphQLQuery }),
  }
  const from = server.requests.length
  const graphQL = await getJSON(graphQLRequest.url, graphQLRequest)
  if (graphQL.errors) throw new Error(`GraphQL: ${JSON.stringify(graphQL.errors).slice(0, 300)}`)
  const entry = await nextLogEntry(server, from, '/api/graphql')
  return { ...(await loadRuns(graphQLRequest)), queries: entry.queries }
}

// --------------------------------------------------------------------------------------------
// 6. Memory after a minute of mixed traffic: many meeting pages (misses, then hits), lists, API.

const memoryUnderLoad = async ({ server }) => {
  const { docs } = await getJSON(
    `${server.baseURL}/api/meetings?limit=300&depth=0&select[slug]=true`,
  )
  const paths = [
    ...docs.map(({ slug }) => `/meetings/${slug}`),
    ...docs.slice(0, 30).map(({ slug }) => `/zh/meetings/${slug}`),
    '/',
    '/meetings',
    '/speakers',
    '/photos',
    '/api/meetings?limit=20&depth=1',
  ]
  const before = residentMemoryMB(server.pid)
  const result = await load({
    url: server.baseURL,
    connections,
    durationSeconds: quick ? 10 : 60,
    requests: paths.map((path) => ({ method: 'GET', path })),
  })
  return {
    beforeMB: before,
    afterMB: residentMemoryMB(server.pid),
    requestsPerSecond: result.requestsPerSecond,
    non2xx: result.non2xx,
  }
}

// --------------------------------------------------------------------------------------------

const serverLog = (workDir, name) => path.join(workDir, `${name}.log`)

const main = async () => {
  const stale = ensureBuild()
  const { database: scaleDatabase, mediaDir: scaleMedia } = ensureScaleDatabase(scale)
  const workDir = makeWorkDir('bench')
  log(`work directory ${workDir} (server logs)`)
  const results = { stale }

  // The demo content: what a new site has.
  clearNextCache()
  const demo = await startServer({
    port: ports.demo,
    database: path.join(workDir, 'demo.db'),
    mediaDir: path.join(workDir, 'demo-media'),
    seed: true,
    logFile: serverLog(workDir, 'demo'),
  })
  const demoAdmin = await firstAdmin(demo.baseURL)
  const demoMeeting = await pickMeeting(demo.baseURL)
  log('2. uncached render, demo content')
  results.demoRender = await uncachedRender({
    server: demo,
    headers: demoAdmin,
    meeting: demoMeeting,
  })
  log('4. edit-to-live')
  results.editToLive = await editToLive({ server: demo, headers: demoAdmin, meeting: demoMeeting })
  log('5. uploads')
  results.upload = await uploadBenchmark({ baseURL: demo.baseURL, headers: demoAdmin, workDir })
  await demo.stop()

  // Bench scale, on a copy: the benchmarks edit.
  const database = path.join(workDir, 'scale.db')
  copyDatabase({ from: scaleDatabase, to: database })
  const coldStarts = []
  let server
  for (let start = 0; start < (quick ? 1 : 3); start += 1) {
    await server?.stop()
    clearNextCache()
    server = await startServer({
      port: ports.scale,
      database,
      mediaDir: scaleMedia,
      readyPath: '/',
      logFile: serverLog(workDir, `scale-${start}`),
    })
    coldStarts.push(server.coldStartMs)
  }
  results.coldStartMs = median(coldStarts)
  const admin = await firstAdmin(server.baseURL)
  const meeting = await pickMeeting(server.baseURL)
  log('1. cached meeting page against the bare server')
  results.cached = await cachedPageAgainstBare({ server, meeting, workDir })
  log('2. uncached render, bench scale')
  results.scaleRender = await uncachedRender({ server, headers: admin, meeting })
  log('3. REST and GraphQL')
  results.api = { rest: await restReads({ server }), graphQL: await graphQLReads({ server }) }
  log('7. list pages')
  results.lists = await listPagesBenchmark({ baseURL: server.baseURL, requests: server.requests })
  log('6. memory under load')
  results.memory = await memoryUnderLoad({ server })
  await server.stop()

  log('1. Next alone (PAGE_CACHE=off)')
  clearNextCache()
  const nextAlone = await startServer({
    port: ports.nextAlone,
    database,
    mediaDir: scaleMedia,
    env: { PAGE_CACHE: 'off' },
    logFile: serverLog(workDir, 'next-alone'),
  })
  const url = `${nextAlone.baseURL}${meeting.path}`
  await readPage(url)
  results.nextAlone = await loadRuns({ url })
  log('3. REST, Next alone (PAGE_CACHE=off)')
  results.api.restUncached = await restReads({ server: nextAlone })
  await nextAlone.stop()

  const markdown = report(results)
  console.log(`\n${markdown}`)
  await appendResults(markdown)
  log('appended to bench/RESULTS.md')
}

// --------------------------------------------------------------------------------------------

const ratioToGoal = (value, goal, lowerIsBetter) => {
  if (value === null || value === undefined) return 'n/a'
  const ratio = lowerIsBetter ? goal / value : value / goal
  return `${ratio.toFixed(2)}× ${ratio >= 1 ? '(met)' : '(not met)'}`
}

const loadFigure = ({ requestsPerSecond, p50, p99, non2xx, errors }) =>
  `${formatNumber(requestsPerSecond)} req/s, p50 ${p50} ms, p99 ${p99} ms` +
  (non2xx || errors ? `, ${non2xx} non-2xx, ${errors} errors` : '')

const report = (results) => {
  const { cached, demoRender, scaleRender, api, editToLive: live, upload, memory, lists } = results
  const date = new Date().toISOString().slice(0, 16).replace('T', ' ')
  const rows = [
    [
      '1. Cached meeting page, `npm start`',
      `${loadFigure(cached.site)}; bare node:http ${loadFigure(cached.bare)}; **ratio ${cached.ratio.toFixed(2)}** (${formatNumber(cached.bytes)} bytes)`,
      '≥ 0.5 of bare',
      ratioToGoal(cached.ratio, 0.5),
    ],
    [
      '1. Same page, Next alone (`PAGE_CACHE=off`)',
      `${loadFigure(results.nextAlone)}; ratio ${(results.nextAlone.requestsPerSecond / cached.bare.requestsPerSecond).toFixed(3)}`,
      '(before)',
      '',
    ],
    [
      '2. Uncached meeting render after an edit, bench scale',
      `${formatNumber(scaleRender.medianMs, 1)} ms, ${scaleRender.queries} queries (${scaleRender.samples.join(', ')})`,
      '≤ 50 ms, ≤ 5 queries',
      `${ratioToGoal(scaleRender.medianMs, 50, true)}; queries ${ratioToGoal(scaleRender.queries, 5, true)}`,
    ],
    [
      '2. Same, demo content',
      `${formatNumber(demoRender.medianMs, 1)} ms, ${demoRender.queries} queries; scale/demo **${(scaleRender.medianMs / demoRender.medianMs).toFixed(2)}×**`,
      '≤ 2× at scale',
      ratioToGoal(scaleRender.medianMs / demoRender.medianMs, 2, true),
    ],
    [
      '3. REST `GET /api/meetings?limit=20&depth=1`, anonymous (page cache; br)',
      `${loadFigure(api.rest)}; ${api.rest.queries} queries for the first request`,
      'no N+1',
      '',
    ],
    [
      '3. Same, uncached (`PAGE_CACHE=off`; br)',
      `${loadFigure(api.restUncached)}; ${api.restUncached.queries} queries per request`,
      'no N+1',
      '',
    ],
    [
      '3. GraphQL meetings → statements → speaker → organisation (20)',
      `${loadFigure(api.graphQL)}; ${api.graphQL.queries} queries per request`,
      'no N+1',
      '',
    ],
    [
      '4. Edit-to-live (REST PATCH, poll the public page)',
      `median ${formatNumber(live.medianMs)} ms, max ${formatNumber(live.maxMs)} ms`,
      '≤ 1 s',
      ratioToGoal(live.medianMs, 1000, true),
    ],
    [
      `5. Upload, ${formatNumber(upload.megapixels, 1)} MP JPEG (${formatNumber(upload.fileBytes / 1024 / 1024, 1)} MB), every size`,
      `median ${formatNumber(upload.medianMs)} ms each; ${formatNumber(upload.photosPerMinute, 1)} photos/min with 2 at a time`,
      '≤ 1.5 s each',
      ratioToGoal(upload.medianMs, 1500, true),
    ],
    [
      '6. Cold start of `npm start` to the first page (200)',
      `${formatNumber(results.coldStartMs)} ms (median of ${quick ? 1 : 3})`,
      '',
      '',
    ],
    [
      '6. Resident memory, after 60 s of mixed load',
      `${formatNumber(memory.beforeMB)} MB → ${formatNumber(memory.afterMB)} MB (${formatNumber(memory.requestsPerSecond)} req/s, ${memory.non2xx} non-2xx)`,
      '',
      '',
    ],
  ]
  const table = [
    '| Benchmark | Figure | Goal | Against goal |',
    '| --- | --- | --- | --- |',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n')
  return [
    `## npm run bench, ${date} UTC${quick ? ' (--quick: not for comparison)' : ''}`,
    '',
    `Commit ${gitCommit()}${results.stale ? ' (build older than the sources!)' : ''}; ${machine()}.`,
    `Scale: ${Object.entries(scale)
      .map(([key, value]) => `${formatNumber(value)} ${key}`)
      .join(', ')}. ` +
      `Load on loopback: the cached page against bare with wrk (1 thread), the rest with autocannon; ${connections} connections, ${seconds} s per run, median of ${runs} runs; ` +
      `renders and edits: median of ${renderRuns}. Server time and query counts from the server's access log.`,
    '',
    table,
    '',
    `7. List pages at scale, ${lists[0]?.pagesRequested ?? 0} page numbers per list spread over the whole range, each URL once (an uncached render):`,
    '',
    formatListPages(lists),
  ].join('\n')
}

const shutdown = async (code) => {
  await stopAllServers()
  process.exit(code)
}
process.once('SIGINT', () => void shutdown(130))
main().then(
  () => shutdown(0),
  async (error) => {
    console.error(error)
    await shutdown(1)
  },
)
