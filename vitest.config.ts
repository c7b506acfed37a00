import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The heavy load runs live behind `npm run test:stress`; `npm test` keeps a reduced version.
    exclude: [...configDefaults.exclude, 'test/stress/**'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
  },
});
