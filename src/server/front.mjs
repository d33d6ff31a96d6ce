// @ts-check
// The front process: the public port. It answers anonymous readers from the page cache and hands
// everything else to the renderer (src/server/renderer.mjs), a child process running Next. A
// render keeps the renderer's thread busy for milliseconds at a time; cached pages are answered
// here meanwhile, on a thread that does nothing else (issue 14: readers waited behind the renders
// an attacker could still provoke within the rate limits).
import { spawn } from 'node:child_process'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { writeAccessLog } from './accessLog.mjs'
import { bodyProblem } from './bodyLimits.mjs'
import { cacheKeyOf, sendCachedPage, takeSharedRead } from './cachePolicy.mjs'
import { clientAddressHeader, clientAddressOf, trustedProxies } from '../runtime/clientAddress.mjs'
import {
  accessLog,
  hostname,
  pageCacheEnabled,
  pageCacheOptions,
  port,
  rendererNiceness,
  shutdownGraceMs,
  shutdownGraceProblem,
} from './config.mjs'
import { applyRendererMessage, generationHeader } from './frontChannel.mjs'
import { PageCache } from './pageCache.mjs'
import { rendererProxy } from './proxy.mjs'
import { sendAfterDelay, sendRefusal } from './requestLimits.mjs'
import { closableServer } from './shutdown.mjs'

if (shutdownGraceProblem) process.stderr.write(`${shutdownGraceProblem}\n`)

const pageCache = new PageCache(pageCacheOptions)
const proxies = trustedProxies(process.env.TRUSTED_PROXIES)
const socketPath = path.join(os.tmpdir(), `cifcc-site-${process.pid}.sock`)
const forward = rendererProxy(socketPath)

/**
 * @param {http.IncomingMessage} request
 * @param {http.ServerResponse} response
 */
const sendRendererUnreachable = (request, response) =>
  sendRefusal({
    request,
    response,
    status: 503,
    message: 'The site is restarting. Please try again in a few seconds.',
    headers: { 'retry-after': '5' },
  })

/** @type {http.RequestListener} */
const onRequest = (request, response) => {
  const startedAt = performance.now()
  const sharedRead = pageCacheEnabled && takeSharedRead(request)
  if (sharedRead) {
    const page = pageCache.get(cacheKeyOf(request))
    // A hit touches neither the renderer nor the database, and adds no listener unless the access
    // log wants one.
    if (page) {
      if (accessLog) {
        response.once('close', () =>
          writeAccessLog({ request, response, startedAt, cacheStatus: 'hit' }),
        )
      }
      sendCachedPage(request, response, page)
      return
    }
  }
  const refusedBody = bodyProblem(request)
  if (refusedBody) {
    // Answered without reading the body; the connection closes rather than drain it.
    sendAfterDelay(response, () =>
      sendRefusal({ request, response, ...refusedBody, headers: { connection: 'close' } }),
    )
    return
  }
  // Whose request it is, for the rate limits and Payload's login hooks in the renderer; a client's
  // own value of the header is overwritten.
  request.headers[clientAddressHeader] = clientAddressOf({
    socketAddress: request.socket.remoteAddress,
    forwardedFor: request.headers['x-forwarded-for'],
    proxies,
  })
  if (sharedRead) request.headers[generationHeader] = String(pageCache.generation)
  else delete request.headers[generationHeader]
  forward(request, response, () => sendRendererUnreachable(request, response))
}

const server = http.createServer(onRequest)
// Longer than the idle timeout of common proxies in front of it, so they never reuse a socket
// this side is closing.
server.keepAliveTimeout = 65_000
const closable = closableServer(server)
// Connections waiting to be accepted while the event loop is busy. Node's default (511) overflowed
// under bench:abuse whenever readers' browsers opened connections faster than the loop accepted
// them: the kernel dropped the rest, and each waited a second for the client to try again
// (issue 14). Linux caps this at net.core.somaxconn (4096 by default).
const listenBacklog = 4096

// The renderer yields the processor to the front: when both have work, cached readers come first
// and renders take what is left (bench/RESULTS.md, issue 14); on an idle machine this changes
// nothing. It is started through `nice` so that every thread it has gets the priority: Linux gives
// priorities per thread, and V8's and libuv's threads would keep the front's if the process were
// reniced once running.
const rendererPath = fileURLToPath(new URL('./renderer.mjs', import.meta.url))
const nodeCommand = [process.execPath, ...process.execArgv, rendererPath, ...process.argv.slice(2)]
const [command, ...commandArgs] =
  rendererNiceness > 0 ? ['nice', '-n', String(rendererNiceness), ...nodeCommand] : nodeCommand
const renderer = spawn(command, commandArgs, {
  env: { ...process.env, CIFCC_RENDERER_SOCKET: socketPath },
  // An IPC channel as fork() opens; pages travel over it as buffers (v8 serialisation), not JSON.
  stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  serialization: 'advanced',
})

const listen = () =>
  server.listen({ port, host: hostname, backlog: listenBacklog }, () => {
    process.stdout.write(
      `cifcc-site listening on http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${port}` +
        ` (page cache ${pageCacheEnabled ? 'on' : 'off'})\n`,
    )
  })

renderer.on('message', (/** @type {import('./frontChannel.mjs').RendererMessage} */ message) => {
  if (message.type === 'ready') listen()
  else applyRendererMessage(pageCache, message)
})

/** @type {number | null} */
let rendererExitCode = null
let frontClosed = false
const exitOnceBothStopped = () => {
  if (frontClosed && rendererExitCode !== null) process.exit(rendererExitCode)
}

renderer.once('error', (error) => {
  process.stderr.write(`cifcc-site: the renderer could not be started (${command}): ${error}\n`)
  process.exit(1)
})

renderer.on('exit', (code, signal) => {
  rendererExitCode = code ?? 1
  if (closable.closing) {
    // Whatever the renderer answered has been handed on by now, bar a slow client's last bytes.
    setTimeout(() => server.closeAllConnections(), 2_000).unref()
    exitOnceBothStopped()
    return
  }
  process.stderr.write(`cifcc-site: the renderer stopped (${signal ?? `exit code ${code}`})\n`)
  process.exit(rendererExitCode || 1)
})

// Shutdown: the public port closes first, then the renderer finishes what it was given (and logs
// it, src/server/renderer.mjs) and closes the database. The exit code is the renderer's.
const shutdown = (/** @type {NodeJS.Signals} */ signal) => {
  if (closable.closing) return
  closable.close(() => {
    frontClosed = true
    exitOnceBothStopped()
  })
  renderer.kill(signal)
  setTimeout(() => process.exit(1), shutdownGraceMs + 5_000).unref()
}
process.on('SIGTERM', shutdown)
process.on('SIGINT', shutdown)
