import { describeDatabase } from './environment'

// Runs once per `vitest run`, in the main process, before any test file.
export default function setup(): void {
  console.log(`\n${describeDatabase()}\n`)
}
