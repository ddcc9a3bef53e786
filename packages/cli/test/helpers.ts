import { rm } from 'node:fs/promises';
import type { RunningServer } from '../src/serve.js';

/**
 * For tests that start `serve` against a temporary project: it writes the LEPTA_* settings into
 * process.env (where apps read them), so the environment is snapshotted now and put back by the
 * returned teardown, which also stops the server and removes the directory.
 */
export function serverTeardown(): (server: RunningServer | undefined, dir: string) => Promise<void> {
  const saved = { ...process.env };
  return async (server, dir) => {
    await server?.close();
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
    await rm(dir, { recursive: true, force: true });
  };
}
