// @ts-check

// What the server shares with the code Next compiled (the pages, Payload's hooks, the data cache
// handler). Next's bundles each load their own copy of every module, so a variable of a module is
// not the server's; everything the two sides share is kept in this one object on globalThis, and
// nothing else reaches into globalThis for it.

/**
 * @typedef {{
 *   requestContext?: import('node:async_hooks').AsyncLocalStorage<import('./requestContext.mjs').RequestContext>
 *   pageCache?: { invalidate: (tags: Iterable<string>) => void }
 *   databaseHealth?: import('./databaseHealth.mjs').DatabaseHealth
 *   threadTurns?: import('p-limit').LimitFunction
 *   sharedCache?: import('../server/sharedCache.mjs').SharedCache
 *   rateLimiters?: Record<import('./rateLimits.mjs').LimitName, import('./rateLimits.mjs').Limiter>
 *   jobRunnerToken?: string
 * }} RuntimeState
 *   requestContext: what the request being answered did (src/runtime/requestContext.mjs)
 *   pageCache: where expiries go (the renderer's view of the front's page cache)
 *   databaseHealth: whether the database answers (src/runtime/databaseHealth.mjs)
 *   threadTurns: the turns anonymous requests take (src/server/anonymousTurns.mjs)
 *   sharedCache: the Redis tag expiries, for the data cache handler (src/server/sharedCache.mjs)
 *   rateLimiters: the limits' counters, for Payload's login hooks (src/runtime/rateLimits.mjs)
 *   jobRunnerToken: what the job runner sends to run the due jobs (src/server/jobRunner.mjs)
 */

const key = Symbol.for('cifcc-site.runtimeState')
const slots = /** @type {Record<symbol, RuntimeState | undefined>} */ (
  /** @type {unknown} */ (globalThis)
)

/** @type {RuntimeState} */
export const runtimeState = (slots[key] ??= {})
