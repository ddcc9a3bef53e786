import { defineConfig } from 'vite';
import { lepta } from '@lepta/vite';

// `vite build --app` builds both halves: the browser bundle (components compiled in `hydrate`
// mode) into dist/client, and the server (`ssr` mode) into dist/server.
export default defineConfig({
  plugins: [lepta({ ssr: true })],
  // Inside this repository, workspace packages are used from source.
  resolve: { conditions: ['@lepta/source'] },
  builder: {},
  environments: {
    client: {
      build: {
        outDir: 'dist/client',
        target: 'es2022',
        rollupOptions: { input: 'src/entry-client.tsx', output: { entryFileNames: 'client.js' } },
      },
    },
    ssr: {
      resolve: { noExternal: true, conditions: ['@lepta/source', 'module', 'node'] },
      build: {
        outDir: 'dist/server',
        target: 'node20',
        rollupOptions: { input: { server: 'src/server.ts', page: 'src/page.tsx' } },
      },
    },
  },
});
