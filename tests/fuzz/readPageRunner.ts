import type { ChildProcess } from 'node:child_process'

import { fork } from 'node:child_process'
import path from 'node:path'

// `milliseconds` is the reading budget. Requests cross to the child as JSON, where Infinity
// arrives as null, a budget of 0: a lifted budget is sent as an hour.
export type PageRequest = { name: string; size: number; seed: number; milliseconds?: number }
export const liftedBudget = 3_600_000
export type PageReading = { ms: number; cpuMs: number; bytes: number; outcome: string }

const childPath = path.resolve(process.cwd(), 'tests/fuzz/readPageChild.ts')

const startChild = (): Promise<ChildProcess> =>
  new Promise((resolve, reject) => {
    const child = fork(childPath, [], { execArgv: ['--import', 'tsx'] })
    child.once('message', () => resolve(child))
    child.once('error', reject)
    child.once('exit', (code) => reject(new Error(`The page reader exited with ${code}`)))
  })

// One reader process, replaced when a page overruns or kills it: `read` gives up after
// `timeoutMs`, since a runaway pattern would never hand the process back, and reports the page
// as taking forever.
export const pageReader = () => {
  let child: Promise<ChildProcess> | undefined
  const read = async ({
    timeoutMs,
    ...request
  }: PageRequest & { timeoutMs: number }): Promise<PageReading> => {
    child ??= startChild()
    const current = await child
    return new Promise((resolve) => {
      const finish = (reading: PageReading) => {
        clearTimeout(timer)
        current.removeAllListeners('message').removeAllListeners('exit')
        resolve(reading)
      }
      const stop = (outcome: string) => {
        current.kill('SIGKILL')
        child = undefined
        finish({ ms: Infinity, cpuMs: Infinity, bytes: request.size, outcome })
      }
      const timer = setTimeout(
        () => stop(`did not finish within ${timeoutMs / 1000} s (stopped)`),
        timeoutMs,
      )
      current.once('message', finish)
      current.once('exit', (code, signal) => stop(`the reader died (${signal ?? code})`))
      current.send(request)
    })
  }
  const close = async () => {
    if (child) (await child).kill('SIGKILL')
    child = undefined
  }
  return { read, close }
}
