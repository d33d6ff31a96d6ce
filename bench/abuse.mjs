// `npm run bench:abuse`: readers browse while, for 60 s, other clients try to take the site down
// (issue 14): login floods against the admin, form floods, floods of random uncached queries and
// searches, slow connections announcing huge bodies, and adversarial pages sent to the import.
//
// Starts the production server (src/server/index.mjs) on a new SQLite database with the demo
// content and its rate limits on, behind a "proxy" on loopback (TRUSTED_PROXIES=127.0.0.1), so
// that every reader and attacker sends from an address of its own in X-Forwarded-For. Measures
// the readers alone first (the quiet figure), then with the attacks, and reports the readers' p99
// and errors (goal: p99 under twice the quiet one, no errors), the server's peak memory, and the
// answers each attack got (429s among them). Appends the figures to bench/RESULTS.md.
//
// The attackers run in a process of their own at a lower priority (nice ABUSE_ATTACKER_NICE,
// default 10): a real attack comes from other machines, and in the readers' own process its
// traffic made the readers' client late, which counted as the server's slowness.
//
// Environment: ABUSE_SECONDS (default 60), ABUSE_QUIET_SECONDS (default 20), ABUSE_WARMUP_SECONDS
// (default 10), ABUSE_READER_RATE
// (requests a second, default 2000; 0 for a closed loop), ABUSE_READERS (closed-loop connections,
// default 20), ABUSE_PORT (default 3275), ABUSE_ATTACKER_NICE (0 to 19), ABUSE_ONLY (one attack),
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
const quietSeconds = positiveInteger('ABUSE_QUIET_SECONDS', 20)
const warmUpSeconds = positiveInteger('ABUSE_WARMUP_SECONDS', 10)
const readers = positiveInteger('ABUSE_READERS', 20)
const port = positiveInteger('ABUSE_PORT', 3275)
// Readers arrive at this many requests a second (an open loop, as people browsing do); 0 makes
// them a closed loop of ABUSE_READERS connections instead, each sending as soon as answered,
// which keeps the server busy on its own.
const readerRate = Number(process.env.ABUSE_READER_RATE ?? 2000)
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

const readersFor = ({ loadURL, durationSeconds }) =>
  readerRate > 0
    ? openLoopLoad({
        url: loadURL,
        ratePerSecond: readerRate,
        durationSeconds,
        nextRequest: readerMix(),
      })
    : closedLoopLoad({
        url: loadURL,
        connections: readers,
        durationSeconds,
        nextRequest: readerMix(),
      })

const readerDescription = () =>
  readerRate > 0
    ? `readers arriving at ${readerRate} requests a second`
    : `${readers} closed-loop reader connections`

// The attacks, as the attacker process runs them (ABUSE_ROLE=attacker).
const runAttacks = async ({ loadURL, adminToken }) => {
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
      durationSeconds: seconds,
      nextRequest: attack.next,
    }),
  ])
  const [slow, ...attackResults] = await Promise.all([
    only && !'slow connections'.includes(only)
      ? {}
      : slowHugeBodies({ baseURL: loadURL, connections: 20, durationSeconds: seconds }),
    ...running,
  ])
  return { slow, attackResults }
}

// This script again, as the attacker process. It starts (node and its modules take a second of
// CPU) before the readers' measured minute, says "ready", and attacks when told "go" on its stdin;
// then it prints what the attacks got as JSON.
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
      if (output.startsWith('ready\n')) {
        resolveReady({
          go: () => {
            child.stdin.end('go\n')
            return finished
          },
        })
      }
    })
  })

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

  // Unmeasured: the server's first seconds under load (compiling its hot paths, growing its heap)
  // made the quiet p99 anything from 4 to 80 ms from one run to the next.
  log(`${readerDescription()}, ${warmUpSeconds} s to warm up`)
  await readersFor({ loadURL, durationSeconds: warmUpSeconds })
  log(`${readerDescription()}, alone for ${quietSeconds} s`)
  const quiet = await readersFor({ loadURL, durationSeconds: quietSeconds })

  log(`${readerDescription()}, for ${seconds} s while the attacks run`)
  let peakMB = residentMemoryMB(server.pid)
  const sampler = setInterval(() => {
    peakMB = Math.max(peakMB, residentMemoryMB(server.pid))
  }, 500)
  const attackers = await startAttackers({ loadURL, adminToken })
  const attacked = attackers.go()
  const abused = await readersFor({ loadURL, durationSeconds: seconds })
  const { slow, attackResults } = await attacked
  clearInterval(sampler)
  front?.stop()
  await server.stop()

  const readerErrors =
    abused.errors +
    abused.statusClasses['4xx'] +
    abused.statusClasses['5xx'] +
    abused.statusClasses['1xx']
  const ratio = abused.p99 / quiet.p99
  const lines = [
    `## bench:abuse — ${new Date().toISOString()} — ${gitCommit()}${stale ? ' (build older than the sources)' : ''}`,
    '',
    `Machine: ${machine()}; load average before ${os
      .loadavg()
      .map((value) => value.toFixed(1))
      .join(' ')}.`,
    `Command: \`npm run bench:abuse\` (${readerDescription()}; ${warmUpSeconds} s unmeasured, ${quietSeconds} s quiet, then ${seconds} s under attack; the attackers in a process of their own at nice ${niceness}${front ? '; everyone through Varnish with deploy/varnish/default.vcl' : ''}).`,
    '',
    '| readers | requests | p50 | p99 | errors |',
    '| --- | --- | --- | --- | --- |',
    `| quiet | ${quiet.total} | ${quiet.p50.toFixed(1)} ms | ${quiet.p99.toFixed(1)} ms | ${quiet.errors + quiet.statusClasses['4xx'] + quiet.statusClasses['5xx']} |`,
    `| under attack | ${abused.total} | ${abused.p50.toFixed(1)} ms | ${abused.p99.toFixed(1)} ms | ${readerErrors} |`,
    '',
    `Readers' p99 under attack: ${ratio.toFixed(2)}× the quiet p99 (goal < 2); reader errors: ${readerErrors} (goal 0). Server peak resident memory: ${Math.round(peakMB)} MB.`,
    ...(readerErrors > 0 && abused.problems
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
  appendResults(markdown)
  process.exit(readerErrors > 0 ? 1 : 0)
}

const attackerMain = async () => {
  process.stdout.write('ready\n')
  await new Promise((resolve) => process.stdin.once('data', resolve))
  const results = await runAttacks({
    loadURL: process.env.ABUSE_URL,
    adminToken: process.env.ABUSE_TOKEN,
  })
  // What the report needs; the whole record of every refused request is megabytes.
  const summary = {
    slow: results.slow,
    attackResults: results.attackResults.map(([name, { total, statusClasses }]) => [
      name,
      { total, statusClasses },
    ]),
  }
  process.stdout.write(JSON.stringify(summary), () => process.exit(0))
}

;(process.env.ABUSE_ROLE === 'attacker' ? attackerMain : main)().catch((error) => {
  console.error(error)
  process.exit(1)
})
