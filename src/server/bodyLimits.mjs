// @ts-check

const MB = 1024 * 1024

// The largest body each kind of request may send, checked from Content-Length before a byte of
// it is read: Payload and Next read a body whole into memory, so without this one client could
// make the server hold gigabytes. Uploads go up to the 25 MB photo limit (payload.config.ts);
// the admin's saves are multipart forms too, and its server actions carry a whole form's state.
const limits = [
  { test: /^\/api\/graphql(?:[/?]|$)/, bytes: 256 * 1024, what: 'a GraphQL request' },
  { test: /^\/api\/form-submissions(?:[/?]|$)/, bytes: 64 * 1024, what: 'a form submission' },
  { test: /^\/api\/meetings\/import(?:[/?]|$)/, bytes: 3 * MB, what: 'an imported page' },
  { test: /^\/api\//, multipart: true, bytes: 26 * MB, what: 'an upload' },
  { test: /^\/api\//, bytes: 4 * MB, what: 'an API request' },
  { test: /^\/admin(?:[/?]|$)/, bytes: 8 * MB, what: 'a request from the admin panel' },
  { test: /^\//, bytes: 64 * 1024, what: 'a form sent from the site' },
]

/**
 * Why a request's body cannot be taken, or null if it can.
 *
 * @param {import('node:http').IncomingMessage} request
 * @returns {{ status: 411 | 413, message: string } | null}
 */
export const bodyProblem = (request) => {
  const length = request.headers['content-length']
  const chunked = /chunked/i.test(String(request.headers['transfer-encoding'] ?? ''))
  if (length === undefined && !chunked) return null
  if (length === undefined) {
    // A body of unknown length could only be limited while Next reads it; Payload's clients,
    // browsers and fetch() always say how long theirs is.
    return {
      status: 411,
      message:
        'Send the length of the body (Content-Length); bodies of unknown length are not accepted.',
    }
  }
  const url = request.url ?? '/'
  const multipart = /^multipart\//i.test(String(request.headers['content-type'] ?? ''))
  const limit = limits.find((entry) => entry.test.test(url) && (!entry.multipart || multipart))
  if (!limit || Number(length) <= limit.bytes) return null
  return {
    status: 413,
    message: `The body is ${formatSize(Number(length))}; ${limit.what} may be at most ${formatSize(limit.bytes)}.`,
  }
}

/** @param {number} bytes */
const formatSize = (bytes) =>
  bytes >= MB ? `${Math.round((bytes / MB) * 10) / 10} MB` : `${Math.ceil(bytes / 1024)} KB`
