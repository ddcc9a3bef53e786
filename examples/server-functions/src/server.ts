/**
 * `npm start` here (after `npm run build`): serves the built app on http://127.0.0.1:3000.
 * LEPTA_ADDR=host:port changes the address; LEPTA_ORIGIN the origin server functions accept.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { serveNode } from '@lepta/server/node';
import { createApp } from './page.js';

const clientDir = fileURLToPath(new URL('../client/', import.meta.url));
const [hostname = '127.0.0.1', port = '3000'] = (process.env.LEPTA_ADDR ?? '').split(':').filter(Boolean);

const handler = createApp({
  origin: process.env.LEPTA_ORIGIN ?? `http://${hostname}:${port}`,
  async asset(path) {
    if (path !== '/client.js') return undefined;
    return new Response(await readFile(clientDir + 'client.js'), { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
  },
});
await serveNode(handler, { hostname, port: Number(port) });
