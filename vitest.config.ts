import { configDefaults, defineConfig } from 'vitest/config';

/** The reduced load runs measure answers against Discord's 3-second deadline: they run alone, after the rest. */
const TIMED = ['test/reliability/load.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    // Both cores: the end-to-end tests mostly wait on sockets (51 s instead of 87 s on a 2-core machine).
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'tests',
          include: ['test/**/*.test.ts'],
          // The heavy load runs live behind `npm run test:stress`; `npm test` keeps a reduced version.
          exclude: [...configDefaults.exclude, 'test/stress/**', ...TIMED],
          sequence: { groupOrder: 0 },
        },
      },
      {
        // Beside the other files' child processes (bots started as npm start does, git, tsx), a
        // 2-core machine made them lose interactions past the deadline.
        extends: true,
        test: { name: 'timed', include: TIMED, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
