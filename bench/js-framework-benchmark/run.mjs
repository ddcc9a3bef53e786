#!/usr/bin/env node
// Runs src/cli.ts (TypeScript) under Node 20 through Vite's module runner, which transforms the
// harness's own .ts files and the workspace packages it imports (from source, through the
// '@lepta/source' export condition); other packages load natively from node_modules.
// Usage: node run.mjs <build|bench|size> [options]   (see README.md)
import { runnerImport } from 'vite';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
try {
  await runnerImport(fileURLToPath(new URL('./src/cli.ts', import.meta.url)), {
    root: here,
    logLevel: 'warn',
    environments: {
      inline: {
        resolve: { conditions: ['@lepta/source'], noExternal: ['lepta', /^@lepta\//] },
      },
    },
  });
} catch (err) {
  // src/cli.ts sets the exit code itself; reaching this means the harness could not even load.
  console.error(err);
  process.exitCode = 2;
}
