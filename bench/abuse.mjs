// `npm run bench:abuse`: readers browse while other clients try to take the site down (issue 14):
// login floods against the admin, form floods, floods of random uncached queries and searches,
// slow connections announcing huge bodies, and adversarial pages sent to the import.
//
// Starts the production server (src/server/index.mjs) on a new SQLite database with the demo
// content and its rate limits on, behind a "proxy" on loopback (TRUSTED_PROXIES=127.0.0.1), so
// that every reader and attacker sends from an address of its own in X-Forwarded-For. Readers
// arrive at a steady rate throughout; the attacks run in windows that alternate with quiet ones
// of the same length, and each reader request counts for the window it was due in. Reports the
// readers' p99 in each (goal: under attack, under twice the quiet one; no errors), the server's
// peak memory, and the answers each attack got (429s among them). Appends the figures to
// bench/RESULTS.md.
//
// Why alternate: on this machine the readers' p99 drifts from about 2 ms to 10 ms and back over a
// minute with nothing else running, so "a quiet minute, then an attacked one" measured the drift
// as much as the attack (a run with no attack at all came out at 3-7x). Alternating windows share
// the drift. The first second of each quiet window is left out: refusals held back for a second
// are still being answered then.
//
// The attackers run in a process of their own at a lower priority (nice ABUSE_ATTACKER_NICE,
// default 10): a real attack comes from other machines, and in the readers' own process its
// traffic made the readers' client late, which counted as the server's slowness.
//
// Environment: ABUSE_SECONDS (time under attack, default 60; as long again quiet),
// ABUSE_WINDOW_SECONDS (default 5), ABUSE_WARMUP_SECONDS (default 10), ABUSE_READER_RATE
// (requests a second, default 2000), ABUSE_PORT (default 3275), ABUSE_ATTACKER_NICE (0 to 19),
// ABUSE_ONLY (one attack; "none" for none, to see what the machine does alone),
// ABUSE_SERVER_NODE_ARGS (options for the server's node, e.g. --cpu-prof), ABUSE_FRONT=varnish (all
// through Varnish).
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
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
  positiveInteger,
  residentMemoryMB,
  root,
  startServer,
} from './lib/common.mjs'
import { closedLoopLoad, openLoopLoad } from './lib/load.mjs'

process.chdir(root)

const seconds = positiveInteger('ABUSE_SECONDS', 60)
const windowSeconds = positiveInteger('ABUSE_WINDOW_SECONDS', 5)
const windows = Math.max(1, Math.round(seconds / windowSeconds))
const warmUpSeconds = positiveInteger('ABUSE_WARMUP_SECONDS', 10)
const port = positiveInteger('ABUSE_PORT', 3275)
// Readers arrive at this many requests a second (an open loop, as people browsing do).
const readerRate = positiveInteger('ABUSE_READER_RATE', 2000)
// Left out at the start of each quiet window: the attack's held refusals are still answered then.
const settleSeconds = 1
const niceness = Math.min(19, Math.max(0, Number(process.env.ABUSE_ATTACKER_NICE ?? 10) || 0))

// What readers ask for: pages and API reads, each reader from its own address.
const readerPaths = [
  '/',
  '/zh',
  '/meetings',
  '/meetings/green-industry-and-low-carbon-city-construction',
  '/zh/meetings/green-industry-and-low-carbon-city-construction',
  '/speakers',
  '/organisations',
  '/photos',
  '/services',
  '/search?q=climate',
  '/api/meetings?limit=10&depth=1',
  '/api/globals/site',
]

const rotate = (values) => {
  let next = 0
  return () => values[next++ % values.length]
}

const readerMix = () => {
  const nextPath = rotate(readerPaths)
  const nextAddress = rotate(
    Array.from({ length: 200 }, (_, index) => `10.1.${index >> 8}.${index & 255}`),
  )
  return () => {
    const pathname = nextPath()
    return {
      method: 'GET',
      path: pathname,
      label: pathname,
      headers: { 'accept-encoding': 'br, gzip', 'x-forwarded-for': nextAddress() },
    }
  }
}

const randomWord = () => Math.random().toString(36).slice(2, 10)

// Each attack: a few connections, one address each (as a single machine would be), in a loop.
const attacks = ({ adminEmail, adminToken }) => ({
  'login flood (wrong passwords for the admin)': {
    connections: 4,
    next: () => ({
      method: 'POST',
      path: '/api/users/login',
      label: 'login',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.10' },
      body: JSON.stringify({ email: adminEmail, password: `guess-${randomWord()}` }),
    }),
  },
  'form flood (straight to the API)': {
    connections: 4,
    next: () => ({
      method: 'POST',
      path: '/api/form-submissions',
      label: 'form',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.11' },
      body: JSON.stringify({
        form: 1,
        submissionData: [{ field: 'message', value: randomWord() }],
      }),
    }),
  },
  'random uncached queries and searches': {
    connections: 8,
    next: () =>
      Math.random() < 0.5
        ? {
            method: 'GET',
            path: `/api/meetings?where[title][like]=${randomWord()}&depth=1&limit=50`,
            label: 'query',
            headers: { 'x-forwarded-for': '192.0.2.12' },
          }
        : {
            method: 'GET',
            path: `/search?q=${randomWord()}`,
            label: 'search',
            headers: { 'x-forwarded-for': '192.0.2.12' },
          },
  },
  'adversarial pages sent to the import': {
    connections: 2,
    next: () => {
      const boundary = `----abuse${randomWord()}`
      const page = `CIFCC >> News\nRound table\n2022-10-30\n${'<div'.repeat(20_000)}\nMr ${'A'.repeat(50_000)} said: x\n`
      const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="page.txt"\r\nContent-Type: text/plain\r\n\r\n${page}\r\n--${boundary}--\r\n`
      return {
        method: 'POST',
        path: '/api/meetings/import',
        label: 'import',
        headers: {
          'content-type': `multipart/form-data; boundary=${boundary}`,
          authorization: `JWT ${adminToken}`,
          'x-forwarded-for': '192.0.2.13',
        },
        body,
      }
    },
  },
})

// Connections that announce a gigabyte and send a few bytes a second, until the server answers.
const slowHugeBodies = async ({ baseURL, connections, durationSeconds }) => {
  const target = new URL(baseURL)
  const statuses = {}
  const deadline = performance.now() + durationSeconds * 1000
  const one = () =>
    new Promise((resolve) => {
      const request = http.request({
        host: target.hostname,
        port: target.port,
        method: 'POST',
        path: '/api/organisations',
        headers: {
          'content-type': 'application/json',
          'content-length': String(1024 ** 3),
          'x-forwarded-for': '192.0.2.14',
        },
      })
      // Node's client holds the headers until the first write: send them now, as an attacker's
      // client would, so the server can answer before any of the body arrives.
      request.flushHeaders()
      const drip = setInterval(() => request.write('{'), 1000)
      // Counted once: the response, the error that destroying the request may raise, and the
      // timeout must not all count the same connection (an earlier version counted a
      // "no answer" for every connection answered more than 10 s before the run ended).
      let settled = false
      let timeout
      const done = (status) => {
        if (settled) return
        settled = true
        clearInterval(drip)
        clearTimeout(timeout)
        statuses[status] = (statuses[status] ?? 0) + 1
        request.destroy()
        resolve()
      }
      request.once('response', (response) => {
        response.resume()
        done(String(response.statusCode))
      })
      request.once('error', (error) => done(error.code ?? 'error'))
      timeout = setTimeout(() => done('no answer in 10 s'), 10_000)
    })
  const client = async () => {
    while (performance.now() < deadline) await one()
  }
  await Promise.all(Array.from({ length: connections }, client))
  return statuses
}

// ABUSE_FRONT=varnish: readers and attackers all go through Varnish (Debian's varnishd) with the
// configuration the README gives operators, pointed at this run's server.
const startVarnish = async ({ workDir }) => {
  const vcl = fs
    .readFileSync(path.join(root, 'deploy/varnish/default.vcl'), 'utf8')
    .replace('.port = "3000"', `.port = "${port}"`)
  const vclFile = path.join(workDir, 'default.vcl')
  fs.writeFileSync(vclFile, vcl)
  const address = `127.0.0.1:${port + 1}`
  const child = spawn(
    'varnishd',
    [
      '-F',
      '-j',
      'none',
      '-a',
      address,
      '-f',
      vclFile,
      '-n',
      path.join(workDir, 'varnish'),
      '-s',
      'malloc,256m',
      // As long as the site's own keep-alive (65 s). Varnish's default of 5 s closed connections
      // the readers' client was about to reuse, and it counted the reset as an error.
      '-p',
      'timeout_idle=65',
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  )
  const url = `http://${address}`
  for (let attempt = 0; ; attempt += 1) {
    try {
      await (await fetch(`${url}/`)).arrayBuffer()
      break
    } catch (error) {
      if (attempt > 100 || child.exitCode !== null) throw error
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
  log(`Varnish in front at ${url}`)
  return { url, stop: () => child.kill('SIGTERM') }
}

const statusSummary = (result) =>
  Object.entries(result.statusClasses)
    .filter(([, count]) => count > 0)
    .map(([status, count]) => `${status}: ${count}`)
    .concat(result.errors ? [`socket errors: ${result.errors}`] : [])
    .join(', ')

// The attacks, as the attacker process runs them (ABUSE_ROLE=attacker).
const runAttacks = async ({ loadURL, adminToken, durationSeconds }) => {
  // ABUSE_ONLY=import (a word of an attack's name) runs that attack alone, to find which one
  // costs the readers most (ABUSE_ONLY=slow: the slow connections).
  const only = process.env.ABUSE_ONLY
  const chosen = Object.entries(attacks({ adminEmail: 'bench@example.org', adminToken })).filter(
    ([name]) => !only || name.includes(only),
  )
  const running = chosen.map(async ([name, attack]) => [
    name,
    await closedLoopLoad({
      url: loadURL,
      connections: attack.connections,
      durationSeconds,
      nextRequest: attack.next,
    }),
  ])
  const [slow, ...attackResults] = await Promise.all([
    only && !'slow connections'.includes(only)
      ? {}
      : slowHugeBodies({ baseURL: loadURL, connections: 20, durationSeconds }),
    ...running,
  ])
  return { slow, attackResults }
}

// This script again, as the attacker process. It starts (node and its modules take a second of
// CPU) before the readers are measured, says "ready", and then attacks for as long as each
// "attack <seconds>" line on its stdin says; "end" makes it print what the attacks got as JSON.
const startAttackers = ({ loadURL, adminToken }) =>
  new Promise((resolveReady, rejectReady) => {
    const child = spawn('nice', ['-n', String(niceness), process.execPath, 'bench/abuse.mjs'], {
      env: { ...process.env, ABUSE_ROLE: 'attacker', ABUSE_URL: loadURL, ABUSE_TOKEN: adminToken },
      stdio: ['pipe', 'pipe', 'inherit'],
    })
    let output = ''
    const finished = new Promise((resolve, reject) => {
      child.once('error', reject)
      child.once('exit', (code) =>
        code === 0
          ? resolve(JSON.parse(output.slice(output.indexOf('\n') + 1)))
          : reject(new Error(`attackers exited ${code}`)),
      )
    })
    child.once('error', rejectReady)
    child.stdout.on('data', (chunk) => {
      output += chunk
      if (output === 'ready\n') {
        resolveReady({
          attack: (durationSeconds) => child.stdin.write(`attack ${durationSeconds}\n`),
          end: () => {
            child.stdin.end('end\n')
            return finished
          },
        })
      }
    })
  })

// Quiet and attacked windows in turn after the warm-up; null for what is not measured.
const windowOf = (ms) => {
  const sinceWarmUp = ms / 1000 - warmUpSeconds
  if (sinceWarmUp < 0) return null
  const index = Math.floor(sinceWarmUp / windowSeconds)
  if (index % 2 === 1) return 'under attack'
  return sinceWarmUp - index * windowSeconds < settleSeconds ? null : 'quiet'
}

const errorCount = (figures) =>
  figures.errors +
  figures.statusClasses['1xx'] +
  figures.statusClasses['4xx'] +
  figures.statusClasses['5xx']

const main = async () => {
  const stale = ensureBuild()
  const workDir = makeWorkDir('abuse')
  log(`work directory ${workDir} (server log)`)
  clearNextCache()
  const server = await startServer({
    port,
    database: path.join(workDir, 'demo.db'),
    mediaDir: path.join(workDir, 'media'),
    seed: true,
    logFile: path.join(workDir, 'server.log'),
    env: {
      RATE_LIMITS: 'on',
      TRUSTED_PROXIES: '127.0.0.1, ::1',
      ACCESS_LOG: 'off',
    },
    // e.g. ABUSE_SERVER_NODE_ARGS=--cpu-prof, to see where the server spends its time.
    nodeArgs: (process.env.ABUSE_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean),
  })
  const admin = await firstAdmin(server.baseURL)
  const adminToken = admin.authorization.replace('JWT ', '')
  const front = process.env.ABUSE_FRONT === 'varnish' ? await startVarnish({ workDir }) : null
  const loadURL = front?.url ?? server.baseURL.replace('localhost', '127.0.0.1')
  for (const pathname of readerPaths)
    await (await fetch(`${server.baseURL}${pathname}`)).arrayBuffer()
  const attackers = await startAttackers({ loadURL, adminToken })

  // The warm-up is unmeasured: the server's first seconds under load (compiling its hot paths,
  // growing its heap) made the quiet p99 anything from 4 to 80 ms from one run to the next.
  log(
    `readers arriving at ${readerRate} requests a second: ${warmUpSeconds} s to warm up, then ` +
      `${windows} quiet and ${windows} attacked windows of ${windowSeconds} s in turn`,
  )
  let peakMB = residentMemoryMB(server.pid)
  const sampler = setInterval(() => {
    peakMB = Math.max(peakMB, residentMemoryMB(server.pid))
  }, 500)
  const attackTimers = Array.from({ length: windows }, (_, index) =>
    setTimeout(
      () => attackers.attack(windowSeconds),
      (warmUpSeconds + (2 * index + 1) * windowSeconds) * 1000,
    ),
  )
  const readers = await openLoopLoad({
    url: loadURL,
    ratePerSecond: readerRate,
    durationSeconds: warmUpSeconds + 2 * windows * windowSeconds,
    nextRequest: readerMix(),
    phaseOf: windowOf,
  })
  attackTimers.forEach(clearTimeout)
  const { slow, attackResults } = await attackers.end()
  clearInterval(sampler)
  front?.stop()
  await server.stop()

  const quiet = readers.phases.quiet
  const abused = readers.phases['under attack']
  const readerErrors = errorCount(abused)
  const ratio = abused.p99 / quiet.p99
  const row = (name, figures) =>
    `| ${name} | ${figures.total} | ${figures.p50.toFixed(1)} ms | ${figures.p99.toFixed(1)} ms | ${errorCount(figures)} |`
  const lines = [
    `## bench:abuse — ${new Date().toISOString()} — ${gitCommit()}${stale ? ' (build older than the sources)' : ''}`,
    '',
    `Machine: ${machine()}; load average before ${os
      .loadavg()
      .map((value) => value.toFixed(1))
      .join(' ')}.`,
    `Command: \`npm run bench:abuse\`${process.env.ABUSE_ONLY ? ` with ABUSE_ONLY=${process.env.ABUSE_ONLY}` : ''} (readers arriving at ${readerRate} requests a second; ${warmUpSeconds} s unmeasured, then ${windows} quiet and ${windows} attacked windows of ${windowSeconds} s in turn, the first ${settleSeconds} s of each quiet one unmeasured; the attackers in a process of their own at nice ${niceness}${front ? '; everyone through Varnish with deploy/varnish/default.vcl' : ''}).`,
    '',
    '| readers | requests | p50 | p99 | errors |',
    '| --- | --- | --- | --- | --- |',
    row('quiet', quiet),
    row('under attack', abused),
    '',
    `Readers' p99 under attack: ${ratio.toFixed(2)}× the quiet p99 (goal < 2); reader errors: ${readerErrors} (goal 0). Server peak resident memory: ${Math.round(peakMB)} MB.`,
    ...(readerErrors > 0
      ? [
          '',
          `Readers' errors: ${Object.entries(abused.problems)
            .map(([kind, count]) => `${kind}: ${count}`)
            .join('; ')}.`,
        ]
      : []),
    '',
    '| attack | answers |',
    '| --- | --- |',
    ...attackResults.map(([name, result]) => `| ${name} | ${statusSummary(result)} |`),
    `| slow connections announcing 1 GB bodies (20) | ${Object.entries(slow)
      .map(([status, count]) => `${status}: ${count}`)
      .join(', ')} |`,
  ]
  const markdown = lines.join('\n')
  console.log(`\n${markdown}\n`)
  await appendResults(markdown)
  process.exit(readerErrors > 0 ? 1 : 0)
}

/** Adds what one window's attacks got to the totals so far. */
const addUp = (totals, { slow, attackResults }) => {
  for (const [status, count] of Object.entries(slow))
    totals.slow[status] = (totals.slow[status] ?? 0) + count
  for (const [name, { total, statusClasses, errors }] of attackResults) {
    const sum = (totals.attacks[name] ??= { total: 0, statusClasses: {}, errors: 0 })
    sum.total += total
    sum.errors += errors
    for (const [status, count] of Object.entries(statusClasses))
      sum.statusClasses[status] = (sum.statusClasses[status] ?? 0) + count
  }
}

const attackerMain = async () => {
  const totals = { slow: {}, attacks: {} }
  const running = []
  process.stdout.write('ready\n')
  process.stdin.setEncoding('utf8')
  let pendingInput = ''
  for await (const chunk of process.stdin) {
    pendingInput += chunk
    const lines = pendingInput.split('\n')
    pendingInput = lines.pop()
    for (const line of lines) {
      const [command, value] = line.split(' ')
      if (command === 'attack') {
        const durationSeconds = Number(value)
        running.push(
          runAttacks({
            loadURL: process.env.ABUSE_URL,
            adminToken: process.env.ABUSE_TOKEN,
            durationSeconds,
          }).then((results) => addUp(totals, results)),
        )
      }
    }
  }
  await Promise.all(running)
  // What the report needs; the whole record of every refused request is megabytes.
  const summary = { slow: totals.slow, attackResults: Object.entries(totals.attacks) }
  process.stdout.write(JSON.stringify(summary), () => process.exit(0))
}

;(process.env.ABUSE_ROLE === 'attacker' ? attackerMain : main)().catch((error) => {
  console.error(error)
  process.exit(1)
})
