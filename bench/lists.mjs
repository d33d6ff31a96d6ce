// List pages at scale: meetings, speakers, photos and search results, each requested at many page
// numbers spread over its whole range. Every URL is asked for once, so the page cache has never
// seen it and each answer is a real render; the access log gives the server time and the number
// of database queries of each one.
//
// `listPagesBenchmark` runs against a server that is already up (the main runner calls it).
// Alone, `node bench/lists.mjs [--database file.db] [--media dir] [--port n] [--pages n]
// [--timeout-seconds n] [--json out.json]` copies the given scale database (made by
// `npm run seed:scale`) into a work folder, starts the production build on it and prints the
// figures; it writes nothing to bench/RESULTS.md.

import fs from 'node:fs'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

import {
  clearNextCache,
  ensureBuild,
  log,
  makeWorkDir,
  median,
  percentile,
  root,
  startServer,
  stopAllServers,
} from './lib/common.mjs'
import { copyDatabase } from './lib/scale.mjs'

// A word the scale seed puts in thousands of titles and excerpts (subjects, questions and
// sentences of src/seed/scale/vocabulary.ts), so that search has pages to walk through.
export const searchWord = 'carbon'

export const lists = [
  { name: 'meetings', path: (page) => `/meetings?page=${page}` },
  { name: 'speakers', path: (page) => `/speakers?page=${page}` },
  { name: 'photos', path: (page) => `/photos?page=${page}` },
  {
    name: 'search',
    path: (page) => `/search?${new URLSearchParams({ q: searchWord, page: String(page) })}`,
  },
]

// React separates adjacent text with empty comments: "1<!-- --> / <!-- -->834".
const textOf = (html) => html.replace(/<!-- -->/g, '')

// The last page number a list page shows: the meetings pagination says "Page 1 of 834" (in its
// status line and in each link's label), search says "1 / 417". A page with neither has no
// pagination at all.
export const totalPagesOf = (html) => {
  const text = textOf(html)
  const totals = [
    ...[...text.matchAll(/Page \d+ of (\d+)/g)].map((match) => Number(match[1])),
    ...[...text.matchAll(/aria-current="page">\s*\d+ \/ (\d+)\s*</g)].map((match) =>
      Number(match[1]),
    ),
  ]
  return totals.length > 0 ? Math.max(...totals) : null
}

// `count` distinct page numbers from 1 to `totalPages`, both ends included, evenly apart.
export const spreadPages = ({ totalPages, count }) => {
  if (totalPages <= count) return Array.from({ length: totalPages }, (_, index) => index + 1)
  const pages = new Set()
  for (let index = 0; index < count; index += 1) {
    pages.add(1 + Math.round((index * (totalPages - 1)) / (count - 1)))
  }
  return [...pages]
}

// The access log line is written when the response closes, which can be a moment after the
// client has read the last byte.
const logEntryOf = async ({ requests, url, from }) => {
  const deadline = Date.now() + 5_000
  for (;;) {
    for (let index = from; index < requests.length; index += 1) {
      const entry = requests[index]
      if (entry.method === 'GET' && entry.url === url) return entry
    }
    if (Date.now() > deadline) return null
    await sleep(10)
  }
}

const requestPage = async ({ baseURL, requests, url, timeoutMs }) => {
  const from = requests.length
  const started = performance.now()
  try {
    const response = await fetch(`${baseURL}${url}`, {
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    })
    const body = await response.text()
    const clientMs = performance.now() - started
    const entry = await logEntryOf({ requests, url, from })
    return { url, status: response.status, body, bytes: Buffer.byteLength(body), clientMs, entry }
  } catch (error) {
    // A page that never came is a result too; the server may still be busy with it.
    const status = error?.name === 'TimeoutError' ? 'timeout' : String(error?.message ?? error)
    return { url, status, body: '', bytes: 0, clientMs: null, entry: null }
  }
}

const round = (value) => (value === null ? null : Math.round(value * 10) / 10)

const summarise = ({ name, totalPages, samples }) => {
  const logged = samples.filter(({ entry }) => entry)
  const serverMs = logged.map(({ entry }) => entry.ms)
  return {
    name,
    // A list without pagination is one page, whatever `?page=N` says.
    paginated: totalPages !== null,
    totalPages: totalPages ?? 1,
    pagesRequested: samples.length,
    serverP50: round(percentile(serverMs, 50)),
    serverP99: round(percentile(serverMs, 99)),
    clientP99: round(
      percentile(
        samples.map(({ clientMs }) => clientMs),
        99,
      ),
    ),
    queries: median(logged.map(({ entry }) => entry.queries)),
    // The first request of a list also fills the data cache entries that all its pages share
    // (the meeting years, or the whole list when it has no pagination).
    firstServerMs: round(logged[0]?.entry.ms ?? null),
    firstQueries: logged[0]?.entry.queries ?? null,
    bytesMedian: median(samples.map(({ bytes }) => bytes)),
    // Anything here makes the figures suspect: answers that were not 200, pages served from the
    // page cache rather than rendered, requests missing from the access log.
    failed: samples
      .filter(({ status }) => status !== 200)
      .map(({ url, status }) => ({ url, status })),
    cached: logged.filter(({ entry }) => entry.cache === 'hit').map(({ url }) => url),
    unlogged: samples.filter(({ entry }) => !entry).map(({ url }) => url),
  }
}

/**
 * Requests `pagesPerList` pages of each list, one at a time, and reports per list the p50 and p99
 * of the server time (access log), the p99 of the client's latency (to the last byte) and the
 * median number of database queries per request. `requests` is the server's live access log
 * (`startServer(...).requests`).
 */
export const listPagesBenchmark = async ({
  baseURL,
  requests,
  pagesPerList = 40,
  requestTimeoutMs = 300_000,
}) => {
  const results = []
  for (const { name, path: pathOfPage } of lists) {
    // Page 1 tells how many pages there are, and is the first sample.
    const request = (page) =>
      requestPage({ baseURL, requests, url: pathOfPage(page), timeoutMs: requestTimeoutMs })
    const first = await request(1)
    const totalPages = first.status === 200 ? totalPagesOf(first.body) : null
    // A list without pagination ignores `page`: each number is still a URL of its own, which the
    // page cache has not seen, so it still measures a render of the list.
    // An unpaginated list renders everything on every URL: three samples say as much as forty.
    const count = totalPages === null ? Math.min(3, pagesPerList) : pagesPerList
    const pages = spreadPages({ totalPages: totalPages ?? count, count })
    const samples = [first]
    for (const page of pages.slice(1)) {
      samples.push(await request(page))
    }
    results.push(summarise({ name, totalPages, samples }))
  }
  return results
}

const cell = (value) => (value === null || value === undefined ? '–' : String(value))

export const formatListPages = (results) => {
  const header = [
    '| List | Pages | Requests | Server p50 ms | Server p99 ms | Client p99 ms | Queries (median) | First request ms (queries) | HTML (median) |',
    '| ---- | ----: | -------: | ------------: | ------------: | ------------: | ---------------: | -------------------------: | ------------: |',
  ]
  const rows = results.map(
    (result) =>
      `| ${result.name} | ${result.paginated ? result.totalPages : 'not paginated'} | ` +
      `${result.pagesRequested} | ` +
      `${cell(result.serverP50)} | ${cell(result.serverP99)} | ${cell(result.clientP99)} | ` +
      `${cell(result.queries)} | ${cell(result.firstServerMs)} (${cell(result.firstQueries)}) | ` +
      `${Math.round(result.bytesMedian / 1024)} KiB |`,
  )
  const problems = results.flatMap((result) => [
    ...result.failed.map(({ url, status }) => `- ${url}: HTTP ${status}`),
    ...result.cached.map((url) => `- ${url}: answered from the page cache, not rendered`),
    ...result.unlogged.map((url) => `- ${url}: not in the access log`),
  ])
  return [...header, ...rows, ...(problems.length > 0 ? ['', ...problems] : [])].join('\n')
}

const main = async () => {
  const { values } = parseArgs({
    options: {
      database: { type: 'string', default: path.resolve(root, 'data/scale.db') },
      media: { type: 'string', default: path.resolve(root, 'media') },
      port: { type: 'string', default: '3520' },
      pages: { type: 'string', default: '40' },
      'timeout-seconds': { type: 'string', default: '300' },
      json: { type: 'string' },
    },
  })
  const database = path.resolve(values.database)
  if (!fs.existsSync(database)) {
    throw new Error(
      `${database} does not exist: make one with ` +
        '`DATABASE_URI=file:<path> MEDIA_DIR=<dir> npm run seed:scale` and pass --database',
    )
  }
  ensureBuild()
  clearNextCache()
  // The server writes (sessions, its own migrations table); the scale database stays as seeded.
  const workDir = makeWorkDir('lists')
  const copy = path.join(workDir, 'scale.db')
  copyDatabase({ from: database, to: copy })
  let failed = true
  try {
    log(`Starting the server on ${copy}`)
    const server = await startServer({
      port: Number(values.port),
      database: copy,
      mediaDir: path.resolve(values.media),
      logFile: path.join(workDir, 'server.log'),
    })
    log(`Ready in ${Math.round(server.coldStartMs)} ms; requesting ${values.pages} pages per list`)
    const results = await listPagesBenchmark({
      baseURL: server.baseURL,
      requests: server.requests,
      pagesPerList: Number(values.pages),
      requestTimeoutMs: Number(values['timeout-seconds']) * 1000,
    })
    console.log(formatListPages(results))
    if (values.json) fs.writeFileSync(values.json, `${JSON.stringify(results, null, 2)}\n`)
    failed = false
    return results
  } finally {
    await stopAllServers()
    // The server's log tells why a run failed; a run that worked leaves nothing behind.
    if (failed) log(`Server log kept in ${workDir}`)
    else fs.rmSync(workDir, { recursive: true, force: true })
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch(async (error) => {
    console.error(error)
    await stopAllServers()
    process.exitCode = 1
  })
}
