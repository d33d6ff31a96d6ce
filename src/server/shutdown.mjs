// @ts-check

// Shutdown (SIGTERM from an orchestrator, SIGINT from a terminal): stop accepting connections, let
// the requests in flight finish, then stop. Used by the front process for the public port and by
// the renderer for its socket.

/** @param {import('node:http').ServerResponse} response */
const closeConnectionAfter = (response) => {
  // A keep-alive connection would otherwise stay open after its answer (server.close() leaves it
  // until keepAliveTimeout) and could carry the client's next request into a server that is
  // about to exit.
  if (!response.headersSent) response.setHeader('connection', 'close')
}

/** @param {string} message */
export const logShutdown = (message) => process.stdout.write(`cifcc-site shutdown: ${message}\n`)

/** @param {number} count */
export const requests = (count) => `${count} request${count === 1 ? '' : 's'}`

/**
 * Follows a server's requests in flight, so that it can be closed without cutting them off.
 *
 * @param {import('node:http').Server} server
 */
export const closableServer = (server) => {
  let closing = false
  /** @type {Set<import('node:http').ServerResponse>} */
  const inFlight = new Set()
  // Registered ahead of the request handler, so that a request arriving on an open connection
  // during shutdown is told that the connection ends with it.
  server.prependListener('request', (_request, response) => {
    inFlight.add(response)
    response.once('close', () => {
      inFlight.delete(response)
      // Answers whose headers went out before the signal still said keep-alive.
      if (closing) server.closeIdleConnections()
    })
    if (closing) closeConnectionAfter(response)
  })
  return {
    get inFlight() {
      return inFlight.size
    },
    get closing() {
      return closing
    },
    /**
     * Stops accepting connections; `onClosed` runs once every request has been answered.
     *
     * @param {() => void} onClosed
     */
    close(onClosed) {
      closing = true
      for (const response of inFlight) closeConnectionAfter(response)
      server.close(onClosed)
      server.closeIdleConnections()
    },
  }
}
