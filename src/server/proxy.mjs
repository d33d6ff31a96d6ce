// @ts-check
import http from 'node:http'
import { pipeline } from 'node:stream'

// The front process hands every request it cannot answer from the page cache to the renderer, over
// a Unix socket on the same machine. Written on node:http rather than with a proxy package: the
// one widely used (http-proxy) has had no release since 2020, and this needs nothing beyond
// copying a request and its answer between two sockets.

// Hop-by-hop headers (RFC 9110, 7.6.1) describe one connection, not the message.
const hopByHop = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
])

/**
 * @param {import('node:http').IncomingHttpHeaders} headers
 * @returns {import('node:http').OutgoingHttpHeaders}
 */
const endToEnd = (headers) => {
  /** @type {import('node:http').OutgoingHttpHeaders} */
  const kept = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !hopByHop.has(name)) kept[name] = value
  }
  return kept
}

/**
 * @param {string} socketPath
 */
export const rendererProxy = (socketPath) => {
  // Connections to the renderer are kept open between requests. The renderer's own keep-alive
  // timeout is 65 s, so it never closes one this side is about to reuse.
  const agent = new http.Agent({ keepAlive: true, timeout: 60_000, scheduling: 'lifo' })
  /**
   * @param {import('node:http').IncomingMessage} request
   * @param {import('node:http').ServerResponse} response
   * @param {() => void} sendUnreachable answers when the renderer is not running
   */
  return (request, response, sendUnreachable) => {
    const upstream = http.request({
      socketPath,
      agent,
      method: request.method,
      path: request.url,
      headers: endToEnd(request.headers),
    })
    upstream.once('response', (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.statusMessage, endToEnd(answer.headers))
      // Ends the answer with the renderer's, or cuts the client off if the renderer's was cut off;
      // a client that leaves closes the renderer's request, which stops its work.
      pipeline(answer, response, () => {})
    })
    upstream.once('error', (/** @type {NodeJS.ErrnoException} */ error) => {
      // Not running (yet, or any more): the client is told so. A request the renderer cut off
      // (shutdown's grace ran out) is cut off here too.
      const notRunning = error.code === 'ECONNREFUSED' || error.code === 'ENOENT'
      if (notRunning && !response.headersSent) sendUnreachable()
      else response.destroy()
    })
    response.once('close', () => {
      if (!response.writableFinished) upstream.destroy()
    })
    request.pipe(upstream)
  }
}
