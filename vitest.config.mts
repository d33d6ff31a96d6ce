import tsconfigPaths from 'vite-tsconfig-paths'
import { defineConfig } from 'vitest/config'

// Integration tests boot a real Payload against a real database: each test file gets its own
// temporary SQLite file (or MongoDB database, when MONGODB_URI is set) from tests/helpers/setup.ts.
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    environment: 'node',
    include: ['tests/int/**/*.int.spec.ts'],
    globalSetup: ['./tests/helpers/globalSetup.ts'],
    // Runs inside each test file's worker before the file is imported, so the database and media
    // folder are in process.env before payload.config.ts (which reads them at import) is loaded.
    setupFiles: ['./tests/helpers/setup.ts'],
    pool: 'forks',
    isolate: true,
    fileParallelism: true,
    maxWorkers: 2,
    // Payload init and the schema push take a few seconds; uploads resize images with sharp.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    sequence: { hooks: 'stack' },
  },
})
