// @ts-check
import { createClient } from '@libsql/client'
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads'

// Whether an SQLite file can be read, asked from a worker thread: libsql runs statements
// synchronously, and a database held by another process keeps a reader waiting for seconds,
// which in the server's own thread would stop every other request too.

/**
 * @param {string} file
 * @param {{ timeoutMs?: number }} [options]
 * @returns {Promise<boolean>}
 */
export const canReadSQLite = (file, { timeoutMs = 3_000 } = {}) =>
  new Promise((resolve) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: { file } })
    const timer = setTimeout(() => finish(false), timeoutMs)
    /** @param {boolean} readable */
    const finish = (readable) => {
      clearTimeout(timer)
      void worker.terminate()
      resolve(readable)
    }
    worker.once('message', (message) => finish(message === 'readable'))
    worker.once('error', () => finish(false))
    worker.once('exit', () => finish(false))
  })

if (!isMainThread && parentPort && workerData?.file) {
  const client = createClient({ url: `file:${workerData.file}` })
  try {
    await client.execute('SELECT count(*) FROM sqlite_master')
    parentPort.postMessage('readable')
  } catch {
    parentPort.postMessage('unreadable')
  } finally {
    client.close()
  }
}
