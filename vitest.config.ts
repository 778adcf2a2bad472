import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // PGlite takes seconds to start; one instance per worker file is shared by its tests.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
