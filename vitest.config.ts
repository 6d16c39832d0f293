import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // E2E specs start Chromium; two cores do not run several at once well.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
