import fs from 'node:fs'

import { afterAll, describe, expect, it } from 'vitest'

import type { ProductionServer } from '../helpers/productionServer'

import { startReadyServer, stopAndRemoveServer } from '../helpers/productionServer'

// `npm start` is two processes (src/server/front.mjs): the front answers cached pages, the
// renderer runs Next. A render can hold the renderer's thread; readers of cached pages must not
// wait for it (issue 14). Stopping the renderer outright (SIGSTOP) is the longest render there is.
// The front holds the page cache, so its resident memory is what PAGE_CACHE_MB must bound
// (issue 18).

const servers: ProductionServer[] = []

afterAll(async () => {
  for (const server of servers) await stopAndRemoveServer(server)
})

const childrenOf = (pid: number) =>
  fs
    .readdirSync(`/proc/${pid}/task`)
    .flatMap((task) => fs.readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' '))
    .filter(Boolean)
    .map(Number)

const rendererOf = (server: ProductionServer) => {
  const [renderer, ...others] = childrenOf(server.process.pid!)
  expect(others).toEqual([])
  return renderer
}

// A process that ended but was not yet reaped (a zombie) is not alive.
const isAlive = (pid: number) => {
  try {
    return !/^State:\s+Z/m.test(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))
  } catch {
    return false
  }
}

// The niceness of each thread of a process (field 19 of /proc/<pid>/task/<tid>/stat).
const threadNiceness = (pid: number) =>
  fs.readdirSync(`/proc/${pid}/task`).map((task) => {
    const stat = fs.readFileSync(`/proc/${pid}/task/${task}/stat`, 'utf8')
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16])
  })

const residentMB = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024

// Public REST reads, each URL distinct and each answer kept: the page cache's worst case, since
// their keys are the whole URL.
const floodPaths = [
  '/api/globals/site?',
  '/api/meetings?limit=1&depth=0&',
  '/api/speakers?limit=1&depth=0&',
  '/api/organisations?limit=1&depth=0&',
  '/api/pages?limit=1&depth=0&',
  '/api/photos?limit=1&depth=0&',
]

/** Reads `count` distinct URLs from `from` on, `parallel` at a time. */
const flood = async (server: ProductionServer, from: number, count: number, parallel = 16) => {
  let next = from
  const worker = async () => {
    while (next < from + count) {
      const index = next++
      const response = await fetch(
        `${server.url}${floodPaths[index % floodPaths.length]}flood=${index}`,
      )
      await response.arrayBuffer()
      if (response.status !== 200) throw new Error(`${response.url}: ${response.status}`)
    }
  }
  await Promise.all(Array.from({ length: parallel }, worker))
}

const within = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([promise, new Promise<'timed out'>((r) => setTimeout(() => r('timed out'), ms))])

describe('the front process', () => {
  it('answers cached pages while the renderer is stuck, and hands the rest on once it is not', async () => {
    const server = await startReadyServer({ port: 3297 })
    servers.push(server)
    const renderer = rendererOf(server)
    // Every thread of the renderer yields to the front (RENDERER_NICE, default 10).
    expect(new Set(threadNiceness(renderer))).toEqual(new Set([10]))
    expect(new Set(threadNiceness(server.process.pid!))).toEqual(new Set([0]))
    // The page is kept once compressed, a moment after its first answer.
    await expect
      .poll(async () => (await fetch(`${server.url}/meetings`)).headers.get('x-page-cache'))
      .toBe('HIT')

    process.kill(renderer, 'SIGSTOP')
    try {
      const uncached = fetch(`${server.url}/meetings?year=1999`)
      // A hang would time the test out: the cached page must come while the renderer is stopped.
      const cached = await fetch(`${server.url}/meetings`, { signal: AbortSignal.timeout(10_000) })
      expect(cached.status).toBe(200)
      expect(cached.headers.get('x-page-cache')).toBe('HIT')
      expect(await cached.text()).toContain('</html>')
      // What the renderer must answer waits for it.
      expect(await within(uncached, 1_000)).toBe('timed out')
      process.kill(renderer, 'SIGCONT')
      const answer = await uncached
      expect(answer.status).toBe(200)
      expect(answer.headers.get('x-page-cache')).toBe('MISS')
    } finally {
      process.kill(renderer, 'SIGCONT')
    }
  })

  it('holds its page cache within PAGE_CACHE_MB however many distinct URLs are read', async () => {
    const cacheMB = 2
    // What the front may grow by beyond the cache: its heap's garbage between collections.
    const marginMB = 40
    const server = await startReadyServer({
      port: 3299,
      // Variants per path uncapped, so that the bytes are what bounds the cache.
      env: {
        PAGE_CACHE_MB: String(cacheMB),
        PAGE_CACHE_VARIANTS: '100000',
        RATE_LIMITS: 'off',
      },
    })
    servers.push(server)
    const front = server.process.pid!
    // The first 2,000 fill the cache and let the heap settle at its working size.
    await flood(server, 0, 2_000)
    const settled = residentMB(front)
    await flood(server, 2_000, 18_000)
    const after = residentMB(front)
    // Measured: no growth at all (101.6 MB, then 100.1 MB); with PAGE_CACHE_MB=1024 instead, the
    // same reads grew it by 143 MB.
    expect(after - settled).toBeLessThan(cacheMB + marginMB)
  }, 300_000)

  it('stops when its renderer dies, and the renderer stops when the front is killed', async () => {
    const first = await startReadyServer({ port: 3298 })
    servers.push(first)
    process.kill(rendererOf(first), 'SIGKILL')
    expect(await within(first.exited, 10_000)).toBe(1)
    expect(first.log()).toContain('the renderer stopped (SIGKILL)')

    const second = await startReadyServer({ port: 3298, workDir: first.workDir })
    servers.push(second)
    const renderer = rendererOf(second)
    second.signal('SIGKILL')
    await second.exited
    const deadline = Date.now() + 10_000
    while (isAlive(renderer) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    expect(isAlive(renderer)).toBe(false)
  })
})
