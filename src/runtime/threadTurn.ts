import { runtimeState } from './runtimeState.mjs'

/**
 * Runs work that keeps the server's one thread busy (parsing an imported page) in the turns that
 * `npm start` gives anonymous requests (src/server/anonymousTurns.mjs), so that it never runs
 * beside them and readers' connections keep being accepted. Without that server (next dev, the
 * tests' Payload) it runs at once.
 */
export const inThreadTurn = <T>(work: () => Promise<T>): Promise<T> => {
  const turns = runtimeState.threadTurns
  if (!turns) return work()
  // Started from the event loop, like every turn (see anonymousTurns.mjs).
  return turns(() => new Promise<void>((resolve) => setImmediate(resolve)).then(work))
}
