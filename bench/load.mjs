// `npm run bench:load`: 200 connections for 60 s on a mix of pages and API calls (issue 5), with
// the server's resident memory sampled every second.
//
// Starts the production server (src/server/index.mjs, what `npm start` runs) on a new SQLite
// database with the demo content (or, with --scale, on a copy of the bench-scale database that
// `npm run bench` generates), reads every URL of the mix once, as a site that has been up for a
// while would have, then loads it on loopback with a closed loop of 200 keep-alive connections (see
// closedLoopLoad in bench/lib/load.mjs). Most of the mix is what anonymous
// readers ask for, answered from the page cache; a fifth reaches Next and Payload every time:
// GraphQL, REST as a signed-in editor, and client-side navigations (RSC requests).
//
// Prints requests, errors (answers other than 2xx/3xx, socket errors and timeouts: must be 0),
// latency p50/p99 (of the answers), latency and count by kind of
// request, the server's CPU, and memory (the first and last 10 s, the maximum, whether it grew,
// and what is left 15 s after the load), and appends them to bench/RESULTS.md. Exits 1 on any
// error. The server's log and database stay in the work directory it prints.
//
// Options: --scale (the bench-scale database instead of the demo content), --without-navigations
// (leave the RSC requests out of the mix: each is a full server render, see bench/RESULTS.md).
// Environment: LOAD_SECONDS (default 60), LOAD_CONNECTIONS (default 200), LOAD_PORT (default 3270),
// LOAD_SETTLE_SECONDS (default 60: the same load, before the measured seconds).
import os from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { parseArgs } from 'node:util'

import {
  appendResults,
  clearNextCache,
  cpuSeconds,
  ensureBuild,
  firstAdmin,
  gitCommit,
  log,
  machine,
  makeWorkDir,
  positiveInteger,
  residentMemoryMB,
  root,
  startServer,
  stopAllServers,
} from './lib/common.mjs'
import { closedLoopLoad } from './lib/load.mjs'
import { benchScale, copyDatabase, ensureScaleDatabase } from './lib/scale.mjs'
import { searchWord, spreadPages, totalPagesOf } from './lists.mjs'

process.chdir(root)

const { values: flags } = parseArgs({
  options: {
    scale: { type: 'boolean', default: false },
    'without-navigations': { type: 'boolean', default: false },
  },
})
const seconds = positiveInteger('LOAD_SECONDS', 60)
const connections = positiveInteger('LOAD_CONNECTIONS', 200)
const port = positiveInteger('LOAD_PORT', 3270)
// The same load before the clock starts: V8 sizes its heap to the load and the data cache fills
// in the first half minute, which is growth, but not the kind "memory flat" asks about. Its errors
// count like the others'. LOAD_SETTLE_SECONDS=0 measures a server from its first loaded second.
const settleSeconds = Number(process.env.LOAD_SETTLE_SECONDS ?? 60)
// Memory is compared between the first and the last this many seconds of the run.
const windowSeconds = 10
// Resident memory may wander with garbage collection; more than this between the first and the
// last window is growth.
const flatTolerance = 0.1
const idleSeconds = 15

const getJSON = async (url, init) => {
  const response = await fetch(url, init)
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`)
  return response.json()
}

// A kind of request that cycles through its values, one request after another, so that the load
// covers many pages of each kind instead of one.
const rotating = (label, values, request) => {
  let next = 0
  return {
    label,
    values: values.length,
    build: () => {
      const value = values[next % values.length]
      next += 1
      return { method: 'GET', ...request(value) }
    },
  }
}

// Without the router's state tree Next answers with the whole page's RSC payload, as for a
// navigation from another site section.
const rscHeaders = { rsc: '1' }

const graphQLQuery = `{
  Meetings(limit: 5, sort: "-startsAt") {
    docs { title slug startsAt statements { speaker { name } organisation { name } } }
  }
}`

// The documents the mix reads: some of each kind, newest first.
const pickTargets = async (baseURL) => {
  const list = (collection, limit) =>
    getJSON(`${baseURL}/api/${collection}?limit=${limit}&depth=0&select[slug]=true`).then(
      ({ docs }) => docs,
    )
  const [meetings, speakers, organisations] = await Promise.all([
    list('meetings', 40),
    list('speakers', 40),
    list('organisations', 20),
  ])
  const pagesOf = async (pathname) =>
    totalPagesOf(await (await fetch(`${baseURL}${pathname}`)).text()) ?? 1
  const [meetingPages, speakerPages, searchPages] = await Promise.all([
    pagesOf('/meetings'),
    pagesOf('/speakers'),
    pagesOf(`/search?q=${searchWord}`),
  ])
  // A client-side navigation asks with RSC headers and a cache-busting `_rsc` parameter derived
  // from them; without it, Next redirects to the address that has it, as a browser would send.
  const navigations = await Promise.all(
    meetings.slice(0, 10).map(async ({ slug }) => {
      const response = await fetch(`${baseURL}/meetings/${slug}`, {
        headers: rscHeaders,
        redirect: 'manual',
      })
      await response.arrayBuffer()
      const location = response.headers.get('location')
      return location
        ? new URL(location, baseURL).pathname + new URL(location, baseURL).search
        : `/meetings/${slug}`
    }),
  )
  return { meetings, speakers, organisations, meetingPages, speakerPages, searchPages, navigations }
}

const buildMix = ({ targets, admin }) => {
  const { meetings, speakers, organisations } = targets
  const page = (pathname) => ({
    label: pathname,
    values: 1,
    build: () => ({ method: 'GET', path: pathname }),
  })
  const cached = [
    page('/'),
    page('/zh'),
    page('/meetings'),
    rotating(
      '/meetings?page=…',
      spreadPages({ totalPages: targets.meetingPages, count: 10 }),
      (number) => ({ path: `/meetings?page=${number}` }),
    ),
    rotating('/meetings/…', meetings, ({ slug }) => ({ path: `/meetings/${slug}` })),
    rotating('/zh/meetings/…', meetings, ({ slug }) => ({ path: `/zh/meetings/${slug}` })),
    page('/speakers'),
    rotating(
      '/speakers?page=…',
      spreadPages({ totalPages: targets.speakerPages, count: 10 }),
      (number) => ({ path: `/speakers?page=${number}` }),
    ),
    rotating('/speakers/…', speakers, ({ slug }) => ({ path: `/speakers/${slug}` })),
    rotating('/organisations/…', organisations, ({ slug }) => ({ path: `/organisations/${slug}` })),
    page('/photos'),
    rotating(
      '/search?q=…&page=…',
      spreadPages({ totalPages: targets.searchPages, count: 5 }),
      (number) => ({
        path: `/search?${new URLSearchParams({ q: searchWord, page: String(number) })}`,
      }),
    ),
    page('/feed.xml'),
    page('/api/meetings?limit=20&depth=1'),
    rotating('/api/meetings/:id', meetings, ({ id }) => ({ path: `/api/meetings/${id}?depth=1` })),
    page('/api/globals/site'),
  ]
  const uncached = [
    {
      label: 'GraphQL',
      values: 1,
      build: () => ({
        method: 'POST',
        path: '/api/graphql',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: graphQLQuery }),
      }),
    },
    rotating('/api/speakers/:id as an editor', speakers, ({ id }) => ({
      path: `/api/speakers/${id}?depth=1`,
      headers: { ...admin },
    })),
    rotating('/api/organisations?page=… as an editor', [1, 2, 3], (number) => ({
      path: `/api/organisations?limit=10&depth=0&page=${number}`,
      headers: { ...admin },
    })),
    ...(flags['without-navigations']
      ? []
      : [
          rotating('RSC navigation to /meetings/…', targets.navigations, (path) => ({
            path,
            headers: rscHeaders,
          })),
        ]),
  ]
  return { kinds: [...cached, ...uncached], uncachedShare: uncached.length }
}

// The kinds in turn, across all connections: the requests in flight at any moment are a mix, as
// independent visitors' are. Every request asks for compression, as browsers and HTTP clients do.
const interleaved = (kinds) => {
  let next = 0
  return () => {
    const kind = kinds[next % kinds.length]
    next += 1
    const request = kind.build()
    return {
      ...request,
      label: kind.label,
      headers: { 'accept-encoding': 'br, gzip', ...request.headers },
    }
  }
}

// Every URL of the mix once, before the clock starts: the first request of each is a render that
// a site up for a while has long done.
const warmUp = async ({ baseURL, kinds }) => {
  let count = 0
  for (const kind of kinds) {
    for (let turn = 0; turn < kind.values; turn += 1) {
      const request = kind.build()
      const response = await fetch(`${baseURL}${request.path}`, {
        method: request.method,
        headers: { 'accept-encoding': 'br, gzip', ...request.headers },
        body: request.body,
        redirect: 'manual',
      })
      if (!response.ok) throw new Error(`${request.path}: ${response.status} in warm-up`)
      await response.arrayBuffer()
      count += 1
    }
  }
  return count
}

const mean = (values) => values.reduce((sum, value) => sum + value, 0) / values.length

const memoryVerdict = (samples) => {
  const first = samples.filter((sample) => sample.second < windowSeconds)
  const last = samples.filter(
    (sample) => sample.second >= seconds - windowSeconds && sample.second < seconds,
  )
  const firstMB = mean(first.map((sample) => sample.rssMB))
  const lastMB = mean(last.map((sample) => sample.rssMB))
  const maxMB = Math.max(...samples.map((sample) => sample.rssMB))
  const growth = (lastMB - firstMB) / firstMB
  return { firstMB, lastMB, maxMB, growth, isFlat: growth <= flatTolerance }
}

const formatMB = (value) => `${Math.round(value)} MB`

const main = async () => {
  const stale = ensureBuild()
  const workDir = makeWorkDir('load')
  log(`work directory ${workDir} (server log)`)
  let database = path.join(workDir, 'demo.db')
  let mediaDir = path.join(workDir, 'media')
  if (flags.scale) {
    const scale = ensureScaleDatabase(benchScale.full)
    database = path.join(workDir, 'scale.db')
    copyDatabase({ from: scale.database, to: database })
    mediaDir = scale.mediaDir
  }
  clearNextCache()
  const server = await startServer({
    port,
    database,
    mediaDir,
    seed: !flags.scale,
    logFile: path.join(workDir, 'server.log'),
    // One JSON line per request would go down a pipe this process reads while it is busy
    // generating load: the server would hold what it has not read, which is not its own memory.
    env: { ACCESS_LOG: 'off' },
  })
  const admin = await firstAdmin(server.baseURL)
  const targets = await pickTargets(server.baseURL)
  const { kinds, uncachedShare } = buildMix({ targets, admin })
  log(`warming up: ${await warmUp({ baseURL: server.baseURL, kinds })} distinct requests`)

  // The address the server listens on (0.0.0.0), without a name to resolve per connection.
  const loadURL = server.baseURL.replace('localhost', '127.0.0.1')
  let settling = null
  if (settleSeconds > 0) {
    log(`${connections} connections for ${settleSeconds} s to settle, before the clock starts`)
    settling = await closedLoopLoad({
      url: loadURL,
      connections,
      durationSeconds: settleSeconds,
      nextRequest: interleaved(kinds),
    })
  }
  const settlingErrors = settling
    ? settling.statusClasses['1xx'] +
      settling.statusClasses['4xx'] +
      settling.statusClasses['5xx'] +
      settling.errors
    : 0

  const loadBefore = os.loadavg()
  const samples = []
  const started = performance.now()
  const sampler = setInterval(() => {
    samples.push({
      second: (performance.now() - started) / 1000,
      rssMB: residentMemoryMB(server.pid),
      cpuSeconds: cpuSeconds(server.pid),
    })
  }, 1000)
  log(`${connections} connections for ${seconds} s on ${kinds.length} kinds of request`)
  const result = await closedLoopLoad({
    url: loadURL,
    connections,
    durationSeconds: seconds,
    nextRequest: interleaved(kinds),
  })
  clearInterval(sampler)
  const loadAfter = os.loadavg()
  // Whether the memory is given back once the load stops, or stays taken.
  await sleep(idleSeconds * 1000)
  const idleMB = residentMemoryMB(server.pid)
  await server.stop()

  const { statusClasses } = result
  const failures = statusClasses['1xx'] + statusClasses['4xx'] + statusClasses['5xx']
  const errors = failures + result.errors + settlingErrors
  const memory = memoryVerdict(samples)
  const date = new Date().toISOString().slice(0, 16).replace('T', ' ')
  const markdown = [
    `## npm run bench:load${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}, ${date} UTC`,
    '',
    `Commit ${gitCommit()}${stale ? ' (build older than the sources!)' : ''}; ${machine()}; ` +
      `load average ${loadBefore.map((value) => value.toFixed(2)).join(' ')} before, ` +
      `${loadAfter.map((value) => value.toFixed(2)).join(' ')} after.`,
    `${flags.scale ? 'Bench-scale database' : 'Demo content'}; closed loop on loopback, ` +
      `${connections} connections, ${seconds} s; ${kinds.length} kinds of request, ` +
      `${uncachedShare} of them uncached (GraphQL, REST as an editor` +
      `${flags['without-navigations'] ? '' : ', RSC navigations'}).`,
    '',
    '| Figure | Value |',
    '| --- | --- |',
    ...(settling
      ? [
          `| Settling load before the clock | ${settleSeconds} s: ${settling.total.toLocaleString('en-GB')} requests, ${settlingErrors} errors |`,
        ]
      : []),
    `| Requests | ${result.total.toLocaleString('en-GB')} (${Math.round(result.requestsPerSecond).toLocaleString('en-GB')} req/s) |`,
    `| Answers | 2xx ${statusClasses['2xx']}, 3xx ${statusClasses['3xx']}, 4xx ${statusClasses['4xx']}, 5xx ${statusClasses['5xx']} |`,
    `| Errors (not 2xx/3xx, socket errors, timeouts) | **${errors}** (${result.errors} socket errors and timeouts, ${result.timeouts} of them unanswered after 10 s) |`,
    `| Latency | p50 ${Math.round(result.p50)} ms, p99 ${Math.round(result.p99)} ms, max ${Math.round(result.max)} ms |`,
    `| Resident memory | first ${windowSeconds} s ${formatMB(memory.firstMB)}, last ${windowSeconds} s ${formatMB(memory.lastMB)} (${memory.growth >= 0 ? '+' : ''}${(memory.growth * 100).toFixed(1)} %), max ${formatMB(memory.maxMB)}; ${formatMB(idleMB)} after ${idleSeconds} s without load |`,
    `| Verdict | ${errors === 0 ? '0 errors' : `${errors} ERRORS`}; memory ${memory.isFlat ? 'flat' : 'GROWING'} (within ${flatTolerance * 100} % between the first and last ${windowSeconds} s) |`,
    '',
    'By kind of request (answers; mean and max latency):',
    '',
    ...Object.entries(result.kinds).map(
      ([kind, { count, totalMs, maxMs }]) =>
        `- ${kind}: ${count}; ${Math.round(totalMs / count)} ms, max ${Math.round(maxMs)} ms`,
    ),
    '',
    `RSS each second (MB): ${samples.map((sample) => Math.round(sample.rssMB)).join(' ')}`,
    '',
    `Server CPU each second (% of one core): ${samples
      .slice(1)
      .map((sample, index) => Math.round((sample.cpuSeconds - samples[index].cpuSeconds) * 100))
      .join(' ')}`,
    ...(Object.keys(result.problems).length > 0
      ? [
          '',
          `Not 2xx, and errors: ${JSON.stringify(result.problems)}; errors by second of the run: ` +
            JSON.stringify(result.errorSeconds),
        ]
      : []),
    ...(settling && Object.keys(settling.problems).length > 0
      ? [
          '',
          `While settling: ${JSON.stringify(settling.problems)}; by second: ` +
            JSON.stringify(settling.errorSeconds),
        ]
      : []),
  ].join('\n')
  console.log(`\n${markdown}`)
  await appendResults(markdown)
  log('appended to bench/RESULTS.md')
  return errors === 0
}

const shutdown = async (code) => {
  await stopAllServers()
  process.exit(code)
}
process.once('SIGINT', () => void shutdown(130))
main().then(
  (isClean) => shutdown(isClean ? 0 : 1),
  async (error) => {
    console.error(error)
    await shutdown(1)
  },
)
