import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts'],
    // Browser tests need the built web app and Chromium: `npm run test:e2e` runs them.
    exclude: [...configDefaults.exclude, 'test/e2e/**'],
    // PGlite takes seconds to start; one instance per worker file is shared by its tests.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Tests that start `concord` processes run the built CLI (dist/): build it when stale. And one
    // migrated database, copied by every test file (test/helpers/test-database.ts).
    globalSetup: ['test/helpers/build-cli.global-setup.ts', 'test/global-setup.ts'],
  },
});
