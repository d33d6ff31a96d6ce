// @ts-check

// The header the job runner of `npm start` (src/server/jobRunner.mjs) sends with its token, which
// Payload's jobs access (src/payload/jobs.ts) compares with runtimeState.jobRunnerToken.
export const jobRunnerHeader = 'x-cifcc-job-runner'
