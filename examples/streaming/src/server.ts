/**
 * `npm start` (after `npm run build`): serves the built app on http://127.0.0.1:3000 with srvx.
 * LEPTA_ADDR=host:port changes the address.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { serve } from 'srvx';
import { createHandler } from './page.js';

const clientDir = fileURLToPath(new URL('../client/', import.meta.url));
const [hostname = '127.0.0.1', port = '3000'] = (process.env.LEPTA_ADDR ?? '').split(':').filter(Boolean);

const handler = createHandler({
  async asset(path) {
    if (path !== '/client.js') return undefined;
    const body = await readFile(clientDir + 'client.js');
    return new Response(body, { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
  },
});

// srvx prints the address it listens on.
await serve({ fetch: handler, hostname, port: Number(port) }).ready();
