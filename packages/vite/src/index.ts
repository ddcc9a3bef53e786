/**
 * @lepta/vite — the Vite plugin (packages/vite/APP.md §2–§3, README.md):
 * - compile.ts: every `.tsx` / `.jsx` module (and `"use server"` modules) compiled ahead of time
 *   by @lepta/compiler, in the mode its environment needs;
 * - for apps (a server entry exists): build.ts (client then server builds), assets.ts
 *   (`virtual:lepta/assets`), dev.ts (the SSR middleware).
 */
import path from 'node:path';
import type { Plugin } from 'vite';
import { assetsPlugin } from './assets.js';
import { appConfig, buildAppPlugin } from './build.js';
import { compilePlugin } from './compile.js';
import { devPlugin } from './dev.js';
import { resolveOptions, type LeptaPluginOptions, type Resolved } from './options.js';

export type { LeptaPluginOptions, SsrMode } from './options.js';
export { ASSETS_ID, type Assets } from './assets.js';

/** The Lepta plugin for `vite.config.ts`: `plugins: [lepta()]`. */
export function lepta(options: LeptaPluginOptions = {}): Plugin[] {
  let resolved: Resolved | undefined;
  // The root is known from the `config` hook on; hooks that run later read it through this.
  const get = (): Resolved => (resolved ??= resolveOptions(options, process.cwd()));
  const setup: Plugin = {
    name: 'lepta',
    enforce: 'pre',
    config(user) {
      resolved = resolveOptions(options, path.resolve(user.root ?? process.cwd()));
      return resolved.app ? appConfig(user, resolved) : undefined;
    },
    configResolved(config) {
      if (resolved?.root !== config.root) resolved = resolveOptions(options, config.root);
    },
  };
  return [setup, compilePlugin(options, get), assetsPlugin(get), buildAppPlugin(get), devPlugin(get)];
}

export default lepta;
