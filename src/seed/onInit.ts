import type { Payload } from 'payload'

import { seed } from './index'

// Demo content appears on a newcomer's first `npm run dev`; a production database stays empty
// unless its operator asks for the demo with SEED_ON_INIT=true.
const shouldSeedOnInit = () => {
  const setting = process.env.SEED_ON_INIT
  if (setting === 'true') return true
  if (setting === 'false') return false
  return process.env.NODE_ENV !== 'production'
}

export const seedOnFirstStart = async (payload: Payload): Promise<void> => {
  if (!shouldSeedOnInit()) return
  // `next build` loads the config while prerendering; seeding then would write to the build machine.
  if (process.env.NEXT_PHASE === 'phase-production-build') return
  const { totalDocs } = await payload.count({ collection: 'meetings', overrideAccess: true })
  if (totalDocs > 0) return
  payload.logger.info({
    msg: 'Empty database: loading the demo content (SEED_ON_INIT=false to skip)',
  })
  await seed({ payload })
}
