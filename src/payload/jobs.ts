import type { JobsConfig, PayloadRequest } from 'payload'

import crypto from 'node:crypto'

import { isStaff } from '@/payload/access/isStaff'
import { deliverWebhookTask } from '@/payload/changes/deliver'
import { jobRunnerHeader } from '@/runtime/jobRunner.mjs'
import { runtimeState } from '@/runtime/runtimeState.mjs'

// The job runner of `npm start` (src/server/jobRunner.mjs) asks Next to run the due jobs with a
// token it made when it started, kept in this process's memory only.
const isJobRunner = (req: PayloadRequest): boolean => {
  const token = runtimeState.jobRunnerToken
  const sent = req.headers.get(jobRunnerHeader)
  if (!token || !sent || sent.length !== token.length) return false
  return crypto.timingSafeEqual(Buffer.from(sent), Buffer.from(token))
}

const staff = ({ req }: { req: PayloadRequest }) => isStaff(req.user)

// Payload lets anyone signed in queue, run and cancel jobs; here only staff do (a reader's API key
// or a disabled account may not), and the runner. The jobs collection itself stays closed to
// every API (Payload's default): the admin's Schedule Publish drawer reads it on the server.
export const jobs: JobsConfig = {
  access: {
    queue: staff,
    cancel: staff,
    run: ({ req }) => isStaff(req.user) || isJobRunner(req),
  },
  // Webhook deliveries, queued for each change event (src/payload/changes/events.ts).
  tasks: [deliverWebhookTask],
}
