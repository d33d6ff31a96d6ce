// `npm run seed`: loads the demo content into the configured database (DATABASE_URI, MEDIA_DIR).
// Safe to run again: what already exists is left alone.
import { runPayloadScript } from './payloadScript'

const main = (): Promise<number> =>
  runPayloadScript({
    name: 'seed',
    access: 'write',
    run: async ({ payload }) => {
      // After the environment: the seed imports collections/Photos, which reads MEDIA_DIR.
      const { seed, describeStep } = await import('@/seed')
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
      }
    },
  })

process.exit(await main())
