import { defineConfig } from 'vite';
import { lepta } from '@lepta/vite';

// The plugin's defaults do the rest (packages/vite/APP.md §3): `vite build` builds the browser
// bundle into dist/client and the server entry into dist/server/entry-server.js; `lepta dev`
// runs the app in Vite's dev server. Outside this repository `plugins: [lepta()]` is all it takes
// (or no config file at all).
export default defineConfig({
  plugins: [lepta()],
  // Inside this repository, workspace packages are used from source (both environments).
  resolve: { conditions: ['@lepta/source', 'module', 'browser', 'development|production'] },
  environments: { ssr: { resolve: { conditions: ['@lepta/source', 'module', 'node', 'development|production'] } } },
});
