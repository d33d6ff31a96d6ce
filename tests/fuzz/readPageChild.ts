// Reads adversarial pages in a process of its own, so that a page that never finishes can be
// stopped (a regular expression cannot be interrupted from its own event loop). Started by
// readPageRunner.ts; answers each request with the time the parse stage took, on the clock and
// in CPU time (which the machine's other work does not lengthen).
import type { PageReading, PageRequest } from './readPageRunner'

import { readLegacyPage } from '../../src/import/readPage'
import { adversarialPage } from './importPages'

const read = ({ name, size, seed, milliseconds }: PageRequest): PageReading => {
  const bytes = Buffer.from(adversarialPage({ name, size, seed }), 'utf8')
  const cpu = process.cpuUsage()
  const started = performance.now()
  try {
    const result = readLegacyPage({ bytes, milliseconds })
    const { user, system } = process.cpuUsage(cpu)
    return {
      ms: performance.now() - started,
      cpuMs: (user + system) / 1000,
      bytes: bytes.length,
      outcome: 'reason' in result ? result.reason.slice(0, 160) : 'read as a meeting',
    }
  } catch (error) {
    // The endpoint would answer 500: as much a failure as taking too long.
    return { ms: Infinity, cpuMs: Infinity, bytes: bytes.length, outcome: `threw ${error}` }
  }
}

process.on('message', (request: PageRequest) => process.send!(read(request)))
process.send!('ready')
