import { defineConfig } from 'vitest/config';

// Unit, property and claim tests run in Node; the browser tests (tests/e2e) have their own runner.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/property/**/*.test.ts', 'tests/claims/**/*.test.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
