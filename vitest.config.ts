import { defineConfig } from 'vitest/config';

// Workspace packages resolve to their TypeScript sources through the `@lepta/source` export
// condition, so tests never need a prior build.
const resolve = { conditions: ['@lepta/source'] };

// In CI, also write a JSON report: .ci/run turns it into a plain "N passed, N failed" line.
const jsonReport = process.env.VITEST_JSON_REPORT;

export default defineConfig({
  resolve,
  test: {
    reporters: jsonReport ? ['default', 'json'] : ['default'],
    ...(jsonReport ? { outputFile: { json: jsonReport } } : {}),
    projects: [
      {
        resolve,
        test: {
          name: 'unit',
          include: ['packages/*/test/**/*.test.ts', 'packages/*/test/**/*.test.tsx'],
        },
      },
      {
        // Real Chromium (playwright-core), driven from Node; see test-utils/chromium.ts.
        resolve,
        test: {
          name: 'browser',
          include: ['packages/*/test-browser/**/*.test.ts', 'examples/*/test/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Each file starts a Chromium: one file at a time on a 2-core machine.
          fileParallelism: false,
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
