import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The heavy load runs live behind `npm run test:stress`; `npm test` keeps a reduced version.
    exclude: [...configDefaults.exclude, 'test/stress/**'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    // Files share their worker's module cache instead of loading discord.js, the engine and the fake
    // again for each: a third less CPU (86 s instead of 120 s for the whole suite), 133 s instead of 173 s
    // with both cores busy. Tests must leave no state behind (environment, timers, module singletons).
    isolate: false,
    // Three workers on a 2-core machine: the end-to-end tests spend much of their time waiting on sockets
    // and child processes (57 s instead of 61 s quiet, 92 s instead of 104 s with both cores kept busy).
    maxWorkers: 3,
  },
});
