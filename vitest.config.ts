import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Each test file's temporary folders live under one folder, removed when the file is done.
    setupFiles: ['test/setup-temp.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // End-to-end tests spawn the built CLI; two cores here, so keep the pool small.
    maxWorkers: 2,
  },
});
