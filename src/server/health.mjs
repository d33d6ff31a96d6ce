// @ts-check
import { databaseHealth, retryAfterSeconds } from '../runtime/databaseHealth.mjs'

/**
 * Liveness (the process answers) and readiness (it can serve the site: the database answers) for
 * orchestrators and load balancers; Redis is reported but not required, since the site answers
 * without it.
 *
 * @param {import('node:http').IncomingMessage} request
 * @param {import('node:http').ServerResponse} response
 * @param {{ isReady: boolean } | null} redis
 * @returns {boolean} whether the request was one of them
 */
export const answeredHealthCheck = (request, response, redis) => {
  // Every request passes here: most are told apart without splitting their URL.
  if (!request.url?.startsWith('/api/health/')) return false
  const pathname = request.url.split('?')[0]
  if (pathname !== '/api/health/live' && pathname !== '/api/health/ready') return false
  const database = databaseHealth.unavailableSince === null ? 'up' : 'unavailable'
  const ready = pathname === '/api/health/live' || database === 'up'
  const body =
    pathname === '/api/health/live'
      ? { live: true }
      : {
          ready,
          database,
          redis: !redis ? 'not configured' : redis.isReady ? 'up' : 'unavailable',
        }
  response.writeHead(ready ? 200 : 503, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...(ready ? {} : { 'retry-after': String(retryAfterSeconds) }),
  })
  response.end(request.method === 'HEAD' ? undefined : JSON.stringify(body))
  return true
}
