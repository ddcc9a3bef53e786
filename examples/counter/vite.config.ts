import { defineConfig } from 'vite';
import { lepta } from '@lepta/vite';

export default defineConfig({
  plugins: [lepta()],
  // Inside this repository, workspace packages are used from source.
  resolve: { conditions: ['@lepta/source'] },
  build: { target: 'es2022' },
});
