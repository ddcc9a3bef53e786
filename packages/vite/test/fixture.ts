/**
 * A private copy of fixtures/app in a temp directory (tests build it and edit it), with
 * node_modules linked to the repository's so the app and its built server resolve packages.
 */
import { cp, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InlineConfig } from 'vite';
import { fromJSON, toJSON, type SerovalJSON } from 'seroval';
import { isPlainText, plainText } from '@lepta/server/wire';
import { lepta, type LeptaPluginOptions } from '../src/index.js';

const fixture = fileURLToPath(new URL('./fixtures/app', import.meta.url));
const repoModules = fileURLToPath(new URL('../../../node_modules', import.meta.url));

export async function copyFixture(): Promise<{ root: string; remove: () => Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'lepta-vite-app-'));
  await cp(fixture, root, { recursive: true });
  await symlink(repoModules, join(root, 'node_modules'), 'dir');
  // Retries: a dev server just closed may still be finishing writes (its dependency cache) there.
  return { root, remove: () => rm(root, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }) };
}

/** The config a project would have, inline (no config file to bundle). */
export function fixtureConfig(root: string, options?: LeptaPluginOptions): InlineConfig {
  // Inside this repository, workspace packages are used from source (both environments).
  const conditions = ['@lepta/source'];
  return {
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [lepta(options)],
    resolve: { conditions: [...conditions, 'module', 'browser', 'development|production'] },
    environments: { ssr: { resolve: { conditions: [...conditions, 'module', 'node', 'development|production'] } } },
  };
}

// The id the compiler gives a server function (the test computes it as both builds do).
export { serverFunctionId } from '../../compiler/src/server-functions/ids.js';

/** A call as the browser's stub makes it (SERVER-FUNCTIONS.md §4): the wire text of the arguments. */
export function call(origin: string, id: string, args: unknown[]): Request {
  return new Request(`${origin}/_server/${encodeURIComponent(id)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-lepta': '1', origin },
    body: plainText(args) ?? JSON.stringify(toJSON(args)),
  });
}

/** The value a server function answered with. */
export async function result(response: Response): Promise<unknown> {
  const text = await response.text();
  return isPlainText(text) ? (JSON.parse(text) as [unknown])[0] : fromJSON(JSON.parse(text) as SerovalJSON);
}
