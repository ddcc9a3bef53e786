/**
 * The Vite configuration `lepta dev` and `lepta build` start from: the project's own
 * vite.config.* when it has one (Vite loads it), else exactly `plugins: [lepta()]` (APP.md §1).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { InlineConfig, PluginOption } from 'vite';

// The names Vite looks for, in its order.
const VITE_CONFIGS = ['vite.config.js', 'vite.config.mjs', 'vite.config.ts', 'vite.config.cjs', 'vite.config.mts', 'vite.config.cts'];

export function findViteConfig(root: string): string | undefined {
  return VITE_CONFIGS.map((name) => join(root, name)).find((path) => existsSync(path));
}

export async function baseViteConfig(root: string, plugins: PluginOption[] = []): Promise<InlineConfig> {
  const configFile = findViteConfig(root);
  if (configFile) return { root, configFile, plugins };
  const { lepta } = await import('@lepta/vite');
  return { root, configFile: false, plugins: [lepta(), ...plugins] };
}
