// Load generation with autocannon, and the bare node:http server the site is compared with.
import autocannon from 'autocannon'
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

import { percentile, root } from './common.mjs'

// One autocannon run: requests/s, latency percentiles, and how many answers were not 2xx.
export const load = async ({
  url,
  connections = 32,
  durationSeconds,
  requests,
  headers,
  method,
  body,
}) => {
  const result = await autocannon({
    url,
    connections,
    duration: durationSeconds,
    ...(requests ? { requests } : {}),
    ...(headers ? { headers } : {}),
    ...(method ? { method } : {}),
    ...(body ? { body } : {}),
  })
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    non2xx: result.non2xx,
    // autocannon counts a timeout among its errors too.
    errors: result.errors,
  }
}

/**
 * The physical limit a page can be served at here: Node's http module writing the same bytes and
 * headers from memory, in a process of its own like the site's server.
 */
export const startBareServer = async ({ port, body, headers, workDir }) => {
  const bodyFile = path.join(workDir, 'bare-body')
  fs.writeFileSync(bodyFile, body)
  const source = `
    import fs from 'node:fs'
    import http from 'node:http'
    const body = fs.readFileSync(${JSON.stringify(bodyFile)})
    const headers = ${JSON.stringify(headers)}
    http.createServer((request, response) => {
      response.writeHead(200, headers)
      response.end(body)
    }).listen(${port}, () => console.log('ready'))
  `
  const child = spawn(process.execPath, ['--input-type=module', '-e', source], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  await new Promise((resolve, reject) => {
    child.stdout.once('data', resolve)
    child.once('exit', (code) => reject(new Error(`the bare server exited (${code})`)))
  })
  return {
    url: `http://localhost:${port}/`,
    stop: async () => {
      child.kill('SIGTERM')
      await Promise.race([new Promise((resolve) => child.once('exit', resolve)), sleep(5_000)])
    },
  }
}

/**
 * A closed loop of `connections` clients over keep-alive connections, each sending the request
 * `nextRequest()` gives it as soon as its last one was answered, for `durationSeconds` (requests
 * under way then still finish). Every request of a mix can be told apart, so the answers are
 * counted by kind (`label`) and status class, and a request unanswered after `timeoutMs` is an
 * error. (autocannon sends the same list from the same start on every connection, and in runs
 * with slow streamed answers some of its connections stopped registering answers the server's
 * access log shows it sent, timing out every 10 s for the rest of the run.)
 */
export const closedLoopLoad = async ({
  url,
  connections,
  durationSeconds,
  nextRequest,
  timeoutMs = 10_000,
}) => {
  const target = new URL(url)
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections })
  const latencies = []
  const statusClasses = { '1xx': 0, '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0 }
  const problems = {}
  const errorSeconds = {}
  const kinds = {}
  let errors = 0
  let timeouts = 0
  const started = performance.now()
  const deadline = started + durationSeconds * 1000

  const send = ({ method, path, headers = {}, body }) =>
    new Promise((resolve) => {
      const sentAt = performance.now()
      const request = http.request(
        {
          host: target.hostname,
          port: target.port,
          agent,
          method,
          path,
          headers: body ? { ...headers, 'content-length': Buffer.byteLength(body) } : headers,
        },
        (response) => {
          response.resume()
          response.once('end', () => {
            clearTimeout(timer)
            resolve({ status: response.statusCode ?? 0, ms: performance.now() - sentAt })
          })
          response.once('error', (error) => {
            clearTimeout(timer)
            resolve({ error })
          })
        },
      )
      const timer = setTimeout(() => {
        request.destroy(Object.assign(new Error('request timed out'), { code: 'TIMEOUT' }))
      }, timeoutMs)
      request.once('error', (error) => {
        clearTimeout(timer)
        resolve({ error })
      })
      request.end(body)
    })

  const client = async () => {
    while (performance.now() < deadline) {
      const request = nextRequest()
      const result = await send(request)
      const second = Math.floor((performance.now() - started) / 1000)
      if (result.error) {
        errors += 1
        if (result.error.code === 'TIMEOUT') timeouts += 1
        const key = `${result.error.code ?? result.error.message} ${request.label}`
        problems[key] = (problems[key] ?? 0) + 1
        errorSeconds[second] = (errorSeconds[second] ?? 0) + 1
        continue
      }
      statusClasses[`${Math.floor(result.status / 100)}xx`] += 1
      if (result.status >= 300) {
        const key = `${result.status} ${request.path}`
        problems[key] = (problems[key] ?? 0) + 1
      }
      latencies.push(result.ms)
      const kind = (kinds[request.label] ??= { count: 0, totalMs: 0, maxMs: 0 })
      kind.count += 1
      kind.totalMs += result.ms
      kind.maxMs = Math.max(kind.maxMs, result.ms)
    }
  }
  await Promise.all(Array.from({ length: connections }, client))
  agent.destroy()
  const elapsedSeconds = (performance.now() - started) / 1000
  return {
    total: latencies.length,
    requestsPerSecond: latencies.length / elapsedSeconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.reduce((most, ms) => Math.max(most, ms), 0),
    statusClasses,
    errors,
    timeouts,
    problems,
    errorSeconds,
    kinds,
  }
}

/**
 * Readers who arrive at a fixed rate, whatever the server's speed (an open loop), as people
 * browsing do: each request is sent on its schedule, and its latency counts from when it was due,
 * so a server that falls behind is charged for the wait (no coordinated omission). At most
 * `maxInFlight` requests are outstanding; a request due beyond that counts as an error.
 *
 * `phaseOf(ms)` names the phase a request belongs to by when it was due (ms after the start), or
 * null to leave it unmeasured; each phase gets its own figures in `phases`. Phases that alternate
 * within one run are compared under the same conditions: this machine's latency drifts by several
 * times over a minute with nothing else running (bench/RESULTS.md, bench:abuse).
 */
export const openLoopLoad = async ({
  url,
  ratePerSecond,
  durationSeconds,
  nextRequest,
  phaseOf = () => 'all',
  maxInFlight = 1000,
  timeoutMs = 10_000,
}) => {
  const target = new URL(url)
  const agent = new http.Agent({ keepAlive: true, maxSockets: maxInFlight })
  const phases = {}
  const phase = (name) =>
    (phases[name] ??= {
      latencies: [],
      statusClasses: { '1xx': 0, '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0 },
      errors: 0,
      // What went wrong, by kind: a status over 399, 'timeout', 'socket' or 'too many in flight'.
      problems: {},
    })
  const problem = (figures, kind) => {
    figures.errors += 1
    figures.problems[kind] = (figures.problems[kind] ?? 0) + 1
  }
  let inFlight = 0
  const started = performance.now()
  const total = Math.round(ratePerSecond * durationSeconds)
  let unanswered = 0
  let allAnswered = () => {}

  const send = ({ method, path, headers = {}, body }, dueAt, figures) => {
    // Counted from when it was due, or from when it was sent if the timer fired early.
    const from = Math.min(dueAt, performance.now())
    inFlight += 1
    unanswered += 1
    let finished = false
    const finish = (status, kind = 'socket') => {
      if (finished) return
      finished = true
      inFlight -= 1
      if (figures) {
        if (status === null) problem(figures, kind)
        else {
          figures.statusClasses[`${Math.floor(status / 100)}xx`] += 1
          if (status >= 400)
            figures.problems[`${status} ${path}`] = (figures.problems[`${status} ${path}`] ?? 0) + 1
          figures.latencies.push(performance.now() - from)
        }
      }
      unanswered -= 1
      if (unanswered === 0) allAnswered()
    }
    const request = http.request(
      { host: target.hostname, port: target.port, agent, method, path, headers },
      (response) => {
        response.resume()
        response.once('end', () => finish(response.statusCode ?? 0))
        response.once('error', () => finish(null))
      },
    )
    request.setTimeout(timeoutMs, () => {
      finish(null, 'timeout')
      request.destroy()
    })
    request.once('error', () => finish(null))
    request.end(body)
  }

  for (let index = 0; index < total; index += 1) {
    const dueAt = started + (index * 1000) / ratePerSecond
    const wait = dueAt - performance.now()
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait))
    const name = phaseOf(dueAt - started)
    const figures = name === null ? null : phase(name)
    if (inFlight >= maxInFlight) {
      if (figures) problem(figures, 'too many in flight')
      continue
    }
    // Responses are counted as they come; no promise per request is kept (120,000 of them made
    // the client's own garbage collection part of what it measured).
    send(nextRequest(), dueAt, figures)
  }
  if (unanswered > 0) await new Promise((resolve) => (allAnswered = resolve))
  agent.destroy()
  const elapsedSeconds = (performance.now() - started) / 1000
  const summaries = Object.fromEntries(
    Object.entries(phases).map(([name, { latencies, statusClasses, errors, problems }]) => [
      name,
      {
        total: latencies.length,
        requestsPerSecond: latencies.length / elapsedSeconds,
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
        statusClasses,
        errors,
        problems,
        latencies,
      },
    ]),
  )
  return { ...summaries.all, phases: summaries }
}
