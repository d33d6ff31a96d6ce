import type { SanitizedConfig } from 'payload'

import config from '@payload-config'

// Built from the config on the first request and kept: the config does not change while the
// server runs, and building a description reads every collection's fields.
export const describedOnce = (describe: (config: SanitizedConfig) => string) => {
  let text: Promise<string> | undefined
  return () => {
    // A failed build is not kept: the next request tries again.
    text ??= config.then(describe).catch((error: unknown) => {
      text = undefined
      throw error
    })
    return text
  }
}

// What every description answers with: public, shared by caches for five minutes (a deployment
// changes it), and readable by partners' pages on other sites.
export const descriptionHeaders = (contentType: string) => ({
  'Content-Type': contentType,
  'Cache-Control': 'public, max-age=300',
  'Access-Control-Allow-Origin': '*',
  'X-Content-Type-Options': 'nosniff',
})
