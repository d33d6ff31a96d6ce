import tsconfigPaths from 'vite-tsconfig-paths'
import { defineConfig } from 'vitest/config'

// Browser tests: Debian's Chromium driven by playwright-core against `next start` on a fresh,
// seeded SQLite database (tests/e2e/helpers/globalSetup.ts). Run after `npm run build`.
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.spec.ts'],
    globalSetup: ['./tests/e2e/helpers/globalSetup.ts'],
    pool: 'forks',
    // One server and one database for the whole run: files run one after another.
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 180_000,
  },
})
