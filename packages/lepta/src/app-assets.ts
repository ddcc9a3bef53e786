/**
 * `lepta/app-assets`: the client assets `createApp` links into the page (packages/vite/APP.md §2).
 * Under `@lepta/vite` this module is replaced by the plugin's `virtual:lepta/assets` (the dev
 * server's URLs, or the hashed files of the client build); anywhere else (an app bundled without
 * the plugin, tests) it is this empty list, so `lepta/server` never depends on Vite.
 */
export interface AppAssets {
  /** Module scripts, in order: linked early with `modulepreload`, run with `<script type="module">`. */
  scripts: string[];
  /** Stylesheets, linked in the head. */
  styles: string[];
  /** Set by the plugin: `true` under the dev server, `false` in a build. */
  dev?: boolean;
  /** The plugin's options for `createApp` (below options and `LEPTA_*`, above the defaults). */
  config?: { prefix?: string; ssrMode?: string; origin?: string | string[]; bodyLimit?: number };
}

const assets: AppAssets = { scripts: [], styles: [] };
export default assets;
