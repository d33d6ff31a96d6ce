// @ts-check
import crypto from 'node:crypto'
import http from 'node:http'

import { jobRunnerHeader } from '../runtime/jobRunner.mjs'
import { runtimeState } from '../runtime/runtimeState.mjs'

// Runs Payload's due jobs (scheduled publications of news releases) every few seconds, for as long
// as the renderer runs. Payload's own `jobs.autoRun` would start its timer only on the first API
// request after a start, and would run the jobs outside any request, where Next refuses to expire
// its data cache (revalidateTag needs a request) and nothing expires the page cache once the
// publication is committed. So the runner asks Next, through the renderer's own socket, as a
// request: GET /api/payload-jobs/run, which Payload answers by running what is due. The
// publication is then saved like an editor's (hooks, revalidation, page cache, Redis), outages
// answer it 503 like any request, and a shutdown waits for it.
//
// Every instance runs one; a job is claimed by one of them only (src/payload/jobClaims.ts).

export const jobRunIntervalMs = Math.max(1, Number(process.env.JOB_RUN_SECONDS ?? 10) || 10) * 1000

/** @param {string} line */
const log = (line) => process.stderr.write(`cifcc-site jobs: ${line}\n`)

/**
 * @param {{ socketPath: string, token: string }} options
 * @returns {Promise<number>} the status of the answer, or 0 when the renderer could not be reached
 */
const runDueJobs = ({ socketPath, token }) =>
  new Promise((resolve) => {
    const request = http.get(
      {
        socketPath,
        path: '/api/payload-jobs/run?limit=10',
        // Any Authorization makes it a signed-in request to the rate limits and turns (none of
        // Payload's schemes, so Payload finds no user in it); the token is in its own header.
        headers: { authorization: 'CIFCC-Job-Runner', [jobRunnerHeader]: token },
      },
      (response) => {
        response.resume()
        response.on('end', () => resolve(response.statusCode ?? 0))
        response.on('error', () => resolve(0))
      },
    )
    request.on('error', () => resolve(0))
  })

/**
 * @param {{ socketPath: string, intervalMs?: number }} options
 * @returns {{ stop: () => void }}
 */
export const startJobRunner = ({ socketPath, intervalMs = jobRunIntervalMs }) => {
  const token = crypto.randomBytes(32).toString('hex')
  runtimeState.jobRunnerToken = token
  let running = false
  let stopped = false
  let failing = false
  const tick = async () => {
    // A run still going (a long batch) is not joined by a second one.
    if (running || stopped) return
    running = true
    const status = await runDueJobs({ socketPath, token })
    running = false
    // 503: the database is out, which the server logs already; the next tick tries again.
    const failed = status !== 200 && status !== 503
    if (failed && !failing) log(`running the due jobs failed (${status || 'no answer'}); retrying`)
    if (!failed && failing) log('running the due jobs works again')
    failing = failed
  }
  void tick()
  const timer = setInterval(() => void tick(), intervalMs)
  return {
    stop: () => {
      stopped = true
      clearInterval(timer)
    },
  }
}
