import cliProgress from 'cli-progress'

import type { ImportOutcome } from '@/import/importPage'

export type Progress = { advance: (result: ImportOutcome) => void; stop: () => void }

export const describeOutcome = (result: ImportOutcome): string => {
  if (result.outcome === 'failed') return `failed: ${result.reason}`
  const low = result.notes.filter((n) => n.confidence === 'low').length
  const medium = result.notes.length - low
  return `${result.outcome} draft "${result.title}" (${low} uncertain, ${medium} to check)`
}

// On a terminal, a bar with the count, the rate and the time left, and each failure printed above
// it as it happens; in a log (CI, a redirected run), a line per page, which a bar would garble.
export const createProgress = ({ total }: { total: number }): Progress => {
  if (!process.stdout.isTTY) {
    let done = 0
    return {
      advance: (result) => {
        done += 1
        console.log(`[${done}/${total}] ${result.source}: ${describeOutcome(result)}`)
      },
      stop: () => undefined,
    }
  }
  const bars = new cliProgress.MultiBar(
    {
      format:
        'Importing |{bar}| {value}/{total} pages · {failed} failed · {eta_formatted} left · {page}',
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 20,
    },
    cliProgress.Presets.shades_classic,
  )
  const bar = bars.create(total, 0, { failed: 0, page: '' })
  let failed = 0
  return {
    advance: (result) => {
      if (result.outcome === 'failed') {
        failed += 1
        bars.log(`${result.source}: ${describeOutcome(result)}\n`)
      }
      bar.increment({ failed, page: result.source.slice(-40) })
    },
    stop: () => bars.stop(),
  }
}
