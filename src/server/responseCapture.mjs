// @ts-check

// What the page cache may keep: pages, RSC payloads, JSON, feeds, calendars and text.
export const storableTypes =
  /^(?:text\/html|text\/x-component|application\/(?:json|xml|rss\+xml|atom\+xml)|text\/(?:xml|calendar|plain))/

/**
 * A copy of what was passed to write or end, as bytes: a string in its encoding, or a Buffer or
 * Uint8Array; null for anything else (a callback in the chunk's place).
 *
 * @param {unknown} chunk
 * @param {unknown} encoding
 */
export const bufferOf = (chunk, encoding) => {
  if (typeof chunk === 'string') {
    const charset = typeof encoding === 'string' ? /** @type {BufferEncoding} */ (encoding) : 'utf8'
    return Buffer.from(chunk, charset)
  }
  return chunk instanceof Uint8Array ? Buffer.from(chunk) : null
}

/**
 * Lets Next write the response as usual and keeps a copy of what it wrote, as long as it may be
 * stored: an answer that cannot be (a photo's original, an error, a page larger than the cache) is
 * streamed through without a copy, so one download never holds its whole file in memory.
 *
 * @param {import('node:http').ServerResponse} response
 * @param {number} largestKept bytes beyond which nothing is kept
 * @param {(page: import('./pageCache.mjs').RenderedPage) => void} onComplete
 */
export const recordResponse = (response, largestKept, onComplete) => {
  /** @type {Buffer[]} */
  let chunks = []
  let keptBytes = 0
  let keeping = true
  /** @type {Record<string, string | string[] | number>} */
  let headHeaders = {}
  const { writeHead, write, end } = response
  const stopKeeping = () => {
    keeping = false
    chunks = []
  }
  /** @param {unknown} chunk @param {unknown} encoding */
  const keep = (chunk, encoding) => {
    if (!keeping) return
    const bytes = bufferOf(chunk, encoding)
    if (!bytes) return
    chunks.push(bytes)
    keptBytes += bytes.length
    if (keptBytes > largestKept) stopKeeping()
  }
  response.writeHead = /** @type {typeof writeHead} */ (
    function (/** @type {any[]} */ ...writeHeadArgs) {
      const headers = writeHeadArgs.find((arg) => arg && typeof arg === 'object')
      if (headers && !Array.isArray(headers)) headHeaders = headers
      const type =
        Object.entries(headHeaders).find(([name]) => name.toLowerCase() === 'content-type')?.[1] ??
        response.getHeader('content-type')
      if (writeHeadArgs[0] !== 200 || !storableTypes.test(String(type ?? ''))) stopKeeping()
      return writeHead.apply(response, /** @type {any} */ (writeHeadArgs))
    }
  )
  response.write = /** @type {typeof write} */ (
    function (/** @type {any[]} */ ...writeArgs) {
      keep(writeArgs[0], writeArgs[1])
      return write.apply(response, /** @type {any} */ (writeArgs))
    }
  )
  response.end = /** @type {typeof end} */ (
    function (/** @type {any[]} */ ...endArgs) {
      if (typeof endArgs[0] !== 'function') keep(endArgs[0], endArgs[1])
      return end.apply(response, /** @type {any} */ (endArgs))
    }
  )
  // 'finish' only fires once the whole response went out; an aborted one is never kept.
  response.once('finish', () => {
    if (!keeping) return
    /** @type {Record<string, string | string[] | number | undefined>} */
    const headers = { ...response.getHeaders() }
    for (const [name, value] of Object.entries(headHeaders)) headers[name.toLowerCase()] = value
    onComplete({ status: response.statusCode, headers, body: Buffer.concat(chunks) })
  })
}
