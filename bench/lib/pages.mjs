// Reading pages as an anonymous reader, for the benches.

// As a browser would ask, but without compression, so that the bytes compared are the page itself.
export const readPage = (url) => fetch(url, { headers: { 'accept-encoding': 'identity' } })

// The page cache stores a render once it is compressed, a moment after the first reader got it.
export const readUntilCached = async (url) => {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const response = await readPage(url)
    if (response.headers.get('x-page-cache') === 'HIT') return response
    await response.arrayBuffer()
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  throw new Error(`${url} was not served from the page cache`)
}
