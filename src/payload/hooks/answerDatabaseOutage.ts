import type { AfterErrorHook } from 'payload'

import {
  databaseUnavailableMessage,
  isDatabaseUnavailable,
  retryAfterSeconds,
} from '@/runtime/databaseHealth.mjs'

// Payload answers any error it did not expect with 500 "Something went wrong." A database that
// cannot be reached is not the request's fault and will pass: say so, with 503 and when to retry.
export const answerDatabaseOutage: AfterErrorHook = ({ error, graphqlResult, req }) => {
  if (!isDatabaseUnavailable(error)) return
  req.responseHeaders = new Headers(req.responseHeaders)
  req.responseHeaders.set('Retry-After', String(retryAfterSeconds))
  if (graphqlResult) {
    return {
      graphqlResult: {
        ...graphqlResult,
        message: databaseUnavailableMessage,
        extensions: { ...graphqlResult.extensions, statusCode: 503 },
      },
    }
  }
  return { status: 503, response: { errors: [{ message: databaseUnavailableMessage }] } }
}
