import { defineConfig } from 'vitest/config';

/** End-to-end tests in headless Chromium against the real server: `npm run test:e2e`. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    // Builds the web app into a folder of this run's own (see the file).
    globalSetup: ['test/e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // One browser at a time: the machine has two cores.
    fileParallelism: false,
    // A real browser on a loaded 2-core machine can miss a pointer-drag frame; a test gets two more
    // tries in CI (a failure that repeats is still a failure). Locally a failure shows at once.
    retry: process.env.CI ? 2 : 0,
  },
});
