/**
 * `virtual:lepta/assets` (APP.md §2): what `createApp` links into the page. `lepta/app-assets`
 * (the module `createApp` imports, an empty list outside Vite) resolves here too.
 *
 * - Dev: Vite's client and the client entry, as the dev server serves them, and one stylesheet
 *   that imports the CSS the client entry pulls in (dev-styles.ts).
 * - Build: the hashed client entry and every stylesheet it pulls in, from the client build's
 *   manifest; the ssr environment is built after the client (see `buildApp` in build.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';
import type { Resolved } from './options.js';
import { DEV_STYLES } from './dev-styles.js';

export const ASSETS_ID = 'virtual:lepta/assets';
const RESOLVED_ID = '\0' + ASSETS_ID;
const ALIASES = new Set([ASSETS_ID, 'lepta/app-assets']);

interface ManifestChunk {
  file: string;
  css?: string[];
  imports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface Assets {
  scripts: string[];
  styles: string[];
  dev: boolean;
  config: Resolved['appConfig'];
}

export function assetsPlugin(resolved: () => Resolved): Plugin {
  return {
    name: 'lepta:assets',
    enforce: 'pre',
    resolveId(id) {
      return ALIASES.has(id) && resolved().app ? RESOLVED_ID : null;
    },
    load(id) {
      if (id !== RESOLVED_ID) return null;
      const r = resolved();
      const config = this.environment.config;
      const assets: Assets =
        config.command === 'serve'
          ? { scripts: [config.base + '@vite/client', config.base + r.clientEntry], styles: [config.base + DEV_STYLES], dev: true, config: r.appConfig }
          : { ...builtAssets(config, r), dev: false, config: r.appConfig };
      return `export default ${JSON.stringify(assets)};`;
    },
  };
}

/** The client entry's files, from the manifest of the client build (which ran first). */
function builtAssets(config: ResolvedConfig, r: Resolved): { scripts: string[]; styles: string[] } {
  // The browser's bundle: the server's own environment may ask too (nothing to link there).
  const client = config.environments.client;
  if (!client) return { scripts: [], styles: [] };
  const file = path.resolve(config.root, client.build.outDir, '.vite/manifest.json');
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  } catch (error) {
    throw new Error(`lepta: cannot read the client manifest ${file} (build the client first: \`vite build\` builds both, client then server)`, { cause: error });
  }
  const entry = manifest[r.clientEntry];
  if (!entry) throw new Error(`lepta: the client manifest ${file} has no entry "${r.clientEntry}"`);
  return { scripts: [config.base + entry.file], styles: collectCss(manifest, r.clientEntry).map((css) => config.base + css) };
}

/** The stylesheets of a chunk and of every chunk it imports statically, each once, in order. */
function collectCss(manifest: Manifest, key: string, seen = new Set<string>(), out: string[] = []): string[] {
  if (seen.has(key)) return out;
  seen.add(key);
  const chunk = manifest[key];
  if (!chunk) return out;
  for (const imported of chunk.imports ?? []) collectCss(manifest, imported, seen, out);
  for (const css of chunk.css ?? []) if (!out.includes(css)) out.push(css);
  return out;
}
