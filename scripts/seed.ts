// `npm run seed`: loads the demo content into the configured database (DATABASE_URI, MEDIA_DIR).
// Safe to run again: what already exists is left alone.

// Must be set before payload.config.ts is evaluated, or onInit would seed first on an empty
// database. Static imports are hoisted above this line, hence the dynamic imports below.
process.env.SEED_ON_INIT = 'false'

// Under `payload run` (tsx loader hooks, Node 20) Lexical's `node` entry points choose their
// build with a top-level `await import()` that is sometimes never settled; Node then finds
// nothing left to do and exits 0 having done nothing. package.json runs the payload CLI with
// `--conditions=development`, which loads Lexical's build directly. Should a stall happen all
// the same, 'beforeExit' fires while the config is still loading (an explicit process.exit never
// emits it): say so and fail instead of reporting success.
const failIfStalled = () => {
  console.error('Seed failed: loading the Payload config stalled. Run `npm run seed` again.')
  process.exit(1)
}

const loadModules = async () => {
  process.once('beforeExit', failIfStalled)
  const { default: config } = await import('@payload-config')
  const { getPayload } = await import('payload')
  const { seed, describeStep } = await import('@/seed')
  process.off('beforeExit', failIfStalled)
  return { config, getPayload, seed, describeStep }
}

const main = async (): Promise<number> => {
  const { config, getPayload, seed, describeStep } = await loadModules()
  const payload = await getPayload({ config })
  try {
    const report = await seed({ payload })
    console.log('\nSeed finished:')
    for (const step of report.steps) console.log(`  ${describeStep({ step })}`)
    console.log(
      `  totals: ${Object.entries(report.totals)
        .map(([collection, count]) => `${collection} ${count}`)
        .join(', ')}`,
    )
    return 0
  } catch (error) {
    console.error(`\nSeed failed: ${error instanceof Error ? error.message : String(error)}`)
    if (error instanceof Error && error.cause) console.error(error.cause)
    console.error(
      'Nothing already written is lost; fix the cause and run `npm run seed` again to finish.',
    )
    return 1
  } finally {
    await payload.destroy()
  }
}

// Awaited at the top level: `payload run` exits as soon as this module has been imported.
try {
  process.exit(await main())
} catch (error) {
  // Reached when Payload itself cannot start: bad DATABASE_URI, missing PAYLOAD_SECRET…
  console.error('Seed could not start:', error)
  process.exit(1)
}

export {}
