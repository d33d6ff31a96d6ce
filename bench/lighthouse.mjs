// Lighthouse benchmark of the public site: `npm run bench:lighthouse`.
//
// Starts the production server (src/server/index.mjs, what `npm start` runs, through
// bench/lib/common.mjs; `npm run build` first, run here when .next/BUILD_ID is missing) on port
// 3300 with a fresh SQLite database loaded with the demo content and without Next's cached data
// and images, as a new deployment would be. Once the meetings are there and the home page answers,
// runs Lighthouse (mobile form factor, default simulated throttling) several times on the
// home page, a meeting, a speaker and the photo gallery. Prints the median scores and metrics,
// appends them with the audits that keep each score below 100 to bench/RESULTS.md, and keeps the
// full reports in bench/results/ (git-ignored).
//
// Environment: LH_RUNS (runs per page, default 3), LH_PORT (default 3300), LH_RUN_TIMEOUT_MS
// (one Lighthouse run, default 180000), CHROME_PATH (default /usr/bin/chromium).

import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as prettier from 'prettier'

import {
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

process.chdir(root)

const runs = positiveInteger('LH_RUNS', 3)
const port = positiveInteger('LH_PORT', 3300)
const runTimeoutMs = positiveInteger('LH_RUN_TIMEOUT_MS', 180_000)
const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium'
const baseURL = `http://localhost:${port}`

// Without the background-networking flags Chromium keeps trying to reach Google's services,
// which a closed network refuses, and that noise ends up in the trace.
const chromeFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

const categories = [
  { id: 'performance', label: 'Performance' },
  { id: 'accessibility', label: 'Accessibility' },
  { id: 'best-practices', label: 'Best practices' },
  { id: 'seo', label: 'SEO' },
]

const metrics = [
  { id: 'largest-contentful-paint', label: 'LCP', unit: 'ms' },
  { id: 'total-blocking-time', label: 'TBT', unit: 'ms' },
  { id: 'cumulative-layout-shift', label: 'CLS', unit: '' },
  { id: 'first-contentful-paint', label: 'FCP', unit: 'ms' },
  { id: 'server-response-time', label: 'TTFB', unit: 'ms' },
]

// Audits that do not count as failures: nothing to judge, or left to a person.
const unscoredModes = new Set(['notApplicable', 'manual', 'informative'])
// Lighthouse's own threshold for showing an unweighted diagnostic as passed.
const passThreshold = 0.9
const maxItemsPerAudit = 5

const state = { chrome: undefined, workDir: undefined }

const clip = (text, length) => {
  const flat = String(text).replace(/\s+/g, ' ').trim()
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat
}

// Inline code in Markdown: no backticks or table separators inside.
const code = (text, length = 120) => `\`${clip(text, length).replace(/[`|]/g, "'")}\``

const formatMetric = ({ unit }, value) => {
  if (value === null || value === undefined) return 'n/a'
  if (unit !== 'ms') return value.toFixed(3)
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${Math.round(value)} ms`
}

const formatScore = (score) => (score === null || score === undefined ? 'n/a' : String(score))

const getJSON = async (url) => {
  const response = await fetch(url, { signal: AbortSignal.timeout(60_000) })
  if (!response.ok) throw new Error(`GET ${url}: status ${response.status}`)
  return response.json()
}

// The first request, to the meetings API (startServer's readiness check), initialises Payload,
// which applies the migrations and loads the demo content before it answers; the site is ready
// once the meetings are there and the home page answers.
const meetingsPath = '/api/meetings?limit=1&depth=0'

const checkSite = async () => {
  const meetings = await getJSON(`${baseURL}${meetingsPath}`)
  if (!(meetings.docs?.length > 0)) throw new Error(`${meetingsPath} returned no meetings`)
  const home = await fetch(baseURL, { signal: AbortSignal.timeout(60_000) })
  await home.arrayBuffer()
  if (!home.ok) throw new Error(`The site is not ready: / answered ${home.status}`)
}

const firstSlug = async (collection) => {
  const { docs } = await getJSON(`${baseURL}/api/${collection}?limit=1&depth=0`)
  const slug = docs?.[0]?.slug
  if (!slug) throw new Error(`/api/${collection} returned no document with a slug`)
  return slug
}

const choosePages = async () => [
  { name: 'Home', path: '/' },
  { name: 'Meeting', path: `/meetings/${await firstSlug('meetings')}` },
  { name: 'Speaker', path: `/speakers/${await firstSlug('speakers')}` },
  { name: 'Photos', path: '/photos' },
]

const warm = async (page) => {
  const started = Date.now()
  const response = await fetch(`${baseURL}${page.path}`, { signal: AbortSignal.timeout(60_000) })
  await response.arrayBuffer()
  if (!response.ok) throw new Error(`GET ${page.path}: status ${response.status}`)
  log(`warmed ${page.path} (${response.status}, ${Date.now() - started} ms)`)
}

// One Lighthouse run in a fresh Chromium with an empty profile.
const runLighthouse = async (url) => {
  state.chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags,
    logLevel: 'silent',
    handleSIGINT: false,
  })
  // The user agent gives only the major version (156.0.0.0); the DevTools endpoint the full one.
  state.chromeVersion ??= await getJSON(`http://127.0.0.1:${state.chrome.port}/json/version`)
    .then(({ Browser }) => Browser.replace(/^\D+\//, ''))
    .catch(() => undefined)
  let timer
  try {
    const run = lighthouse(url, {
      port: state.chrome.port,
      output: ['json', 'html'],
      logLevel: 'error',
      onlyCategories: categories.map(({ id }) => id),
    })
    // Killing Chromium on a time-out makes the pending run reject: nobody waits for it then.
    run.catch(() => {})
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`Lighthouse run on ${url} timed out after ${runTimeoutMs / 1000}s`)),
        runTimeoutMs,
      )
    })
    const result = await Promise.race([run, timeout])
    if (!result?.lhr) throw new Error(`Lighthouse returned no result for ${url}`)
    if (result.lhr.runtimeError) {
      throw new Error(
        `Lighthouse on ${url}: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`,
      )
    }
    return result
  } finally {
    clearTimeout(timer)
    await stopChrome()
  }
}

const stopChrome = async () => {
  const chrome = state.chrome
  state.chrome = undefined
  if (!chrome) return
  try {
    await chrome.kill()
  } catch {
    // Already gone.
  }
}

const categoryScore = (lhr, id) => {
  const score = lhr.categories[id]?.score
  return typeof score === 'number' ? Math.round(score * 100) : null
}

// Item values formatted as Lighthouse's report shows them, following the table headings.
const formatValue = (value, valueType) => {
  if (value === null || value === undefined || value === '') return ''
  if (typeof value === 'object') {
    if (value.type === 'node') {
      const label = value.nodeLabel ? ` ${JSON.stringify(clip(value.nodeLabel, 60))}` : ''
      return `${code(value.selector || value.snippet || '(node)')}${label}`
    }
    if (value.type === 'source-location') return code(`${value.url}:${value.line}:${value.column}`)
    if (value.type === 'url' || value.type === 'code' || value.type === 'text') {
      return code(value.value)
    }
    if (value.type === 'link') return `${clip(value.text, 60)} (${value.url})`
    return ''
  }
  if (valueType === 'bytes' && typeof value === 'number') return `${(value / 1024).toFixed(1)} KiB`
  if (valueType === 'ms' || valueType === 'timespanMs') return `${Math.round(value)} ms`
  if (valueType === 'url' || valueType === 'code') return code(value)
  if (typeof value === 'number') return String(Math.round(value * 1000) / 1000)
  return JSON.stringify(clip(value, 160))
}

const describeItems = (details) => {
  if (!details) return []
  if (details.type === 'list') return details.items.flatMap((item) => describeItems(item))
  if (!Array.isArray(details.items) || !Array.isArray(details.headings)) return []
  return details.items.map((item) => {
    const parts = details.headings
      .filter((heading) => heading.key)
      .map((heading) => {
        const text = formatValue(item[heading.key], heading.valueType)
        if (!text) return ''
        const label = typeof heading.label === 'string' && heading.label ? `${heading.label}: ` : ''
        return `${label}${text}`
      })
      .filter(Boolean)
    // An accessibility failure says why in the node's explanation.
    const node = Object.values(item).find((value) => value?.type === 'node' && value.explanation)
    if (node) parts.push(`why: ${clip(node.explanation, 240)}`)
    return parts.join('; ')
  })
}

const isFailing = (audit, ref) => {
  if (!audit || ref.group === 'hidden' || unscoredModes.has(audit.scoreDisplayMode)) return false
  if (audit.scoreDisplayMode === 'error') return true
  if (typeof audit.score !== 'number') return false
  return ref.weight > 0 ? audit.score < 1 : audit.score < passThreshold
}

// The audits that keep one category below 100, over all runs, with the details of the run
// nearest the median.
const failingAudits = (results, categoryId, medianRun) => {
  const refs = medianRun.lhr.categories[categoryId].auditRefs
  return refs
    .map((ref) => {
      const failedRuns = results.filter(({ lhr }) => isFailing(lhr.audits[ref.id], ref))
      if (failedRuns.length === 0) return undefined
      const shown = failedRuns.includes(medianRun) ? medianRun : failedRuns[0]
      const audit = shown.lhr.audits[ref.id]
      return {
        id: ref.id,
        title: audit.title,
        weight: ref.weight,
        score: audit.score,
        displayValue: audit.displayValue ?? '',
        errorMessage: audit.errorMessage ?? '',
        failedIn: failedRuns.length,
        items: describeItems(audit.details),
      }
    })
    .filter(Boolean)
    .sort((a, b) => b.weight - a.weight || (a.score ?? 0) - (b.score ?? 0))
}

const summarisePage = (page, results) => {
  const perfRuns = results.map(({ lhr }) => categoryScore(lhr, 'performance'))
  const medianPerf = median(perfRuns)
  // The run whose performance score is the median gives the details.
  const medianRun = results[perfRuns.findIndex((score) => score === medianPerf)] ?? results[0]
  const scores = Object.fromEntries(
    categories.map(({ id }) => [id, median(results.map(({ lhr }) => categoryScore(lhr, id)))]),
  )
  const values = Object.fromEntries(
    metrics.map(({ id }) => [id, median(results.map(({ lhr }) => lhr.audits[id]?.numericValue))]),
  )
  const failing = Object.fromEntries(
    categories
      .filter(({ id }) => scores[id] !== null && scores[id] < 100)
      .map(({ id }) => [id, failingAudits(results, id, medianRun)]),
  )
  const runScores = Object.fromEntries(
    categories.map(({ id }) => [id, results.map(({ lhr }) => categoryScore(lhr, id))]),
  )
  const warnings = [...new Set(results.flatMap(({ lhr }) => lhr.runWarnings ?? []))]
  return { ...page, scores, runScores, values, failing, warnings }
}

const scoreTable = (summaries) => {
  const header = [
    'Page',
    'URL',
    ...categories.map(({ label }) => label),
    ...metrics.map(({ label }) => label),
  ]
  const rows = summaries.map((summary) => [
    summary.name,
    `\`${summary.path}\``,
    ...categories.map(({ id }) => formatScore(summary.scores[id])),
    ...metrics.map((metric) => formatMetric(metric, summary.values[metric.id])),
  ])
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map((_, index) => (index < 2 ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n')
}

const auditsSection = (summaries) => {
  const lines = []
  for (const summary of summaries) {
    lines.push('', `#### ${summary.name} \`${summary.path}\``, '')
    const failingCategories = categories.filter(({ id }) => summary.failing[id])
    if (failingCategories.length === 0) lines.push('All four categories at 100.')
    for (const { id, label } of failingCategories) {
      const runsText = summary.runScores[id].map(formatScore).join(', ')
      lines.push(`- **${label}** ${formatScore(summary.scores[id])} (runs: ${runsText})`)
      const audits = summary.failing[id]
      if (audits.length === 0) lines.push('  - no single failing audit reported')
      for (const audit of audits) {
        const score = audit.score === null ? 'error' : audit.score.toFixed(2)
        const value = audit.displayValue ? `, ${clip(audit.displayValue, 80)}` : ''
        const weight = audit.weight > 0 ? `, weight ${audit.weight}` : ''
        const error = audit.errorMessage ? `, error: ${clip(audit.errorMessage, 160)}` : ''
        lines.push(
          `  - \`${audit.id}\` ${audit.title.replace(/`/g, "'")}: score ${score}${value}${weight}, ` +
            `failed in ${audit.failedIn}/${summary.runScores[id].length} runs${error}`,
        )
        for (const item of audit.items.slice(0, maxItemsPerAudit)) lines.push(`    - ${item}`)
        if (audit.items.length > maxItemsPerAudit) {
          lines.push(`    - … ${audit.items.length - maxItemsPerAudit} more in the JSON report`)
        }
      }
    }
    for (const warning of summary.warnings) {
      lines.push(`- Lighthouse warning: ${clip(warning, 300)}`)
    }
  }
  return lines.join('\n')
}

const resultsHeader = `# Lighthouse results

Measured with \`npm run bench:lighthouse\` (bench/lighthouse.mjs): the production build on a fresh
SQLite database with the demo content, Lighthouse's mobile form factor and default simulated
throttling, each page run several times. Scores and metrics are medians over the runs; the
failing audits list what keeps a category below 100, with details from the median run.
Newest results at the bottom.
`

const appendResults = async ({ summaries, context }) => {
  const file = path.resolve('bench/RESULTS.md')
  if (!fs.existsSync(file)) fs.writeFileSync(file, resultsHeader)
  const section = [
    '',
    `## ${context.date} (commit ${context.commit})`,
    '',
    `- Machine: ${context.machine}`,
    `- Command: \`${context.command}\` (${runs} run${runs > 1 ? 's' : ''} per page, medians; full reports in ${context.reportDir})`,
    `- Node ${process.version}, Chromium ${context.chromium}, Lighthouse ${context.lighthouse}`,
    `- Mobile form factor, simulated throttling (${context.throttling}); Lighthouse benchmark index ${context.benchmarkIndex} (median, range; lower is a slower or busier CPU)`,
    ...(context.staleFiles > 0
      ? [`- **Stale build**: ${context.staleFiles} source files changed after \`npm run build\``]
      : []),
    `- Duration: ${context.duration}; 1-minute load average ${context.load} (before, after: the second includes the benchmark's own load; other work on the machine skews the figures)`,
    '',
    scoreTable(summaries),
    '',
    '### Failing audits',
    auditsSection(summaries),
    '',
    '### Server log',
    '',
    context.serverLog.length === 0
      ? 'No line of the server log mentions an error, a warning or a failure.'
      : `Lines that mention an error, a warning or a failure (${context.serverLog.length}):`,
    '',
    ...context.serverLog.slice(0, 10).map((line) => `- ${code(line, 300)}`),
    '',
  ].join('\n')
  const text = `${fs.readFileSync(file, 'utf8').trimEnd()}\n${section}`
  // Formatted as the rest of the repository, so that \`npm run format:check\` passes.
  const options = { ...(await prettier.resolveConfig(file)), filepath: file }
  fs.writeFileSync(file, await prettier.format(text, options))
  return file
}

const serverLogProblems = (logFile) => {
  if (!logFile || !fs.existsSync(logFile)) return []
  return fs
    .readFileSync(logFile, 'utf8')
    .replace(/\x1b\[[0-9;]*m/g, '')
    .split('\n')
    .filter((line) => /\b(error|warn(ing)?|fail(ed)?|unhandled)\b/i.test(line))
}

const describeBenchmarkIndex = (results) => {
  const values = results.map(({ lhr }) => lhr.environment.benchmarkIndex)
  const [low, high] = [Math.min(...values), Math.max(...values)].map(Math.round)
  return `${Math.round(median(values))}, runs ${low}–${high}`
}

const loadAverage = () => os.loadavg()[0].toFixed(2)

const main = async () => {
  const started = Date.now()
  const loadAtStart = loadAverage()
  if (os.loadavg()[0] > os.cpus().length / 2) {
    log(`warning: load average ${loadAtStart}: other work on this machine will skew the figures`)
  }
  if (!fs.existsSync(chromePath)) throw new Error(`No Chromium at ${chromePath} (set CHROME_PATH)`)
  const staleFiles = ensureBuild()

  log(`starting the production server on port ${port} with a fresh database`)
  clearNextCache()
  state.workDir = makeWorkDir('lighthouse')
  const logFile = path.join(state.workDir, 'server.log')
  log(`server log: ${logFile}`)
  let summaries
  const context = {}
  try {
    await startServer({
      port,
      database: path.join(state.workDir, 'lighthouse.db'),
      mediaDir: path.join(state.workDir, 'media'),
      seed: true,
      // No access log: a line per request would add to the server's work and to its log.
      env: { ACCESS_LOG: '0' },
      logFile,
      readyPath: meetingsPath,
    })
    await checkSite()
    log(`site ready after ${Math.round((Date.now() - started) / 1000)}s`)
    const pages = await choosePages()
    for (const page of pages) await warm(page)

    const stamp = new Date().toISOString().replace(/[:.]/g, '-')
    const reportDir = path.join('bench', 'results', `lighthouse-${stamp}`)
    fs.mkdirSync(reportDir, { recursive: true })

    const allResults = []
    summaries = []
    for (const [pageIndex, page] of pages.entries()) {
      const results = []
      for (let run = 1; run <= runs; run += 1) {
        const runStarted = Date.now()
        const result = await runLighthouse(`${baseURL}${page.path}`)
        const base = path.join(reportDir, `${pageIndex + 1}-${page.name.toLowerCase()}-run${run}`)
        fs.writeFileSync(`${base}.json`, result.report[0])
        fs.writeFileSync(`${base}.html`, result.report[1])
        const scores = categories.map(({ id }) => formatScore(categoryScore(result.lhr, id)))
        log(
          `${page.path} run ${run}/${runs}: ${scores.join(' / ')} ` +
            `(${Math.round((Date.now() - runStarted) / 1000)}s)`,
        )
        // Only the report is kept: the artifacts (traces) are large.
        results.push({ lhr: result.lhr })
      }
      allResults.push(...results)
      summaries.push(summarisePage(page, results))
    }

    const { lhr } = allResults[0]
    const throttling = lhr.configSettings.throttling
    Object.assign(context, {
      staleFiles,
      date: new Date().toISOString().replace('T', ' ').slice(0, 16) + ' UTC',
      commit: gitCommit(),
      machine: machine(),
      command: 'npm run bench:lighthouse',
      chromium: state.chromeVersion ?? 'unknown',
      lighthouse: lhr.lighthouseVersion,
      throttling:
        `${throttling.rttMs} ms RTT, ${(throttling.throughputKbps / 1024).toFixed(1)} Mbit/s, ` +
        `${throttling.cpuSlowdownMultiplier}× CPU slowdown`,
      benchmarkIndex: describeBenchmarkIndex(allResults),
      reportDir: `${reportDir}/`,
    })
    fs.copyFileSync(logFile, path.join(reportDir, 'server.log'))
  } finally {
    await stopChrome()
    await stopAllServers()
  }

  const problems = serverLogProblems(logFile)
  context.serverLog = problems
  context.duration = `${Math.round((Date.now() - started) / 1000)} s`
  context.load = `${loadAtStart}, ${loadAverage()}`
  console.log(`\n${scoreTable(summaries)}\n`)
  for (const summary of summaries) {
    for (const [id, audits] of Object.entries(summary.failing)) {
      const ids = audits.map((audit) => audit.id).join(', ') || 'none reported'
      console.log(`${summary.path} ${id} ${summary.scores[id]}: ${ids}`)
    }
  }
  if (problems.length > 0) {
    console.log(`\nServer log lines that look like problems (${problems.length}):`)
    for (const line of problems.slice(0, 20)) console.log(`  ${clip(line, 300)}`)
  }
  const file = await appendResults({ summaries, context })
  log(`results appended to ${path.relative(root, file)}; reports in ${context.reportDir}`)
  fs.rmSync(state.workDir, { recursive: true, force: true })
}

const cleanUpAndExit = (code) => {
  Promise.allSettled([stopChrome(), stopAllServers()]).finally(() => process.exit(code))
}

process.once('SIGINT', () => cleanUpAndExit(130))
process.once('SIGTERM', () => cleanUpAndExit(143))

main().then(
  () => process.exit(0),
  async (error) => {
    console.error(`[bench] failed: ${error instanceof Error ? error.stack : error}`)
    await Promise.allSettled([stopChrome(), stopAllServers()])
    const logFile = state.workDir && path.join(state.workDir, 'server.log')
    if (logFile && fs.existsSync(logFile)) {
      console.error(`[bench] last lines of the server log (${logFile}):`)
      console.error(fs.readFileSync(logFile, 'utf8').slice(-4000))
    }
    process.exit(1)
  },
)
