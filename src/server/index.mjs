// @ts-check
// The production server (`npm start`). Two processes: the front (src/server/front.mjs) holds the
// public port and the page cache for anonymous readers; the renderer it starts
// (src/server/renderer.mjs) runs Next, for everything else: the admin, the API, signed-in
// editors, previews, form posts and pages not yet cached.
import { productionSecretProblem } from './secret.mjs'

const secretProblem = productionSecretProblem(process.env.PAYLOAD_SECRET)
if (secretProblem) {
  process.stderr.write(`cifcc-site will not start: ${secretProblem}\n`)
  process.exit(1)
}

try {
  await import('./front.mjs')
} catch (error) {
  // A setting that cannot be read (CACHE_PURGE_URLS, TRUSTED_PROXIES) is named in its error.
  const message = error instanceof Error ? error.message : ''
  if (!/^[A-Z][A-Z_]+: /.test(message)) throw error
  process.stderr.write(`cifcc-site will not start: ${message}\n`)
  process.exit(1)
}
