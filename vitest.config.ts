import { defineConfig } from 'vitest/config';

// Workspace packages resolve to their TypeScript sources through the `@lepta/source` export
// condition, so tests never need a prior build.
const resolve = { conditions: ['@lepta/source'] };

export default defineConfig({
  resolve,
  test: {
    projects: [
      {
        resolve,
        test: {
          name: 'unit',
          include: ['packages/*/test/**/*.test.ts', 'packages/*/test/**/*.test.tsx'],
        },
      },
      {
        // Leak tests need `gc()`: they run in forked processes started with --expose-gc.
        resolve,
        test: {
          name: 'leaks',
          include: ['packages/*/test-leak/**/*.test.ts'],
          pool: 'forks',
          execArgv: ['--expose-gc'],
        },
      },
    ],
  },
});
