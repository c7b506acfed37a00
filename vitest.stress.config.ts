import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The load runs, and the fuzz tests at their full counts (npm test runs a tenth of them).
    include: ['test/stress/**/*.stress.test.ts', 'test/reliability/**/*.fuzz.test.ts'],
    env: { FUZZ_RUNS: process.env.FUZZ_RUNS ?? '1' },
    testTimeout: 900_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
