// @ts-check
// ACCESS_LOG: one JSON line per request, written when its answer is done.

/**
 * @param {{
 *   request: import('node:http').IncomingMessage
 *   response: import('node:http').ServerResponse
 *   startedAt: number
 *   cacheStatus: string
 *   context?: import('../runtime/requestContext.mjs').RequestContext
 * }} entry
 */
export const writeAccessLog = ({ request, response, startedAt, cacheStatus, context }) => {
  process.stdout.write(
    `${JSON.stringify({
      method: request.method,
      url: request.url,
      status: response.statusCode,
      ms: Math.round((performance.now() - startedAt) * 100) / 100,
      cache: cacheStatus,
      queries: context?.queries ?? 0,
      ...(context?.statements ? { statements: context.statements } : {}),
    })}\n`,
  )
}
