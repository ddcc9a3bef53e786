/**
 * One contestant's server, in its own process: `node src/server.mjs lepta|bare`. Prints
 * `{"port": N}` once listening; answers `cpu` messages (IPC) with its CPU time so far, so the
 * harness can tell how busy it was.
 */
import { createServer } from 'node:http';
import { check, quote } from './logic.mjs';

const kind = process.argv[2];
const LIMIT = 1024 * 1024;

async function lepta() {
  const { createHandler, registerServerFunction } = await import('@lepta/server');
  const { serveNode } = await import('@lepta/server/node');
  registerServerFunction('bench.quote', async (input) => quote(input), {
    name: 'quote',
    params: ['input'],
    validate: (args) => (args.length === 1 ? check(args[0]) : 'expected one argument'),
  });
  // The origin is checked per request; the load client sends this one.
  const server = await serveNode(createHandler({ origin: 'http://127.0.0.1' }), { port: 0, hostname: '127.0.0.1', log: false });
  return server.node.server.address().port;
}

/** The same endpoint written by hand: method, path, origin, size cap, JSON, validation. */
function bare() {
  const server = createServer((req, res) => {
    if (req.method !== 'POST' || req.url !== '/quote') return end(res, 404, { error: 'not found' });
    if (req.headers.origin !== 'http://127.0.0.1') return end(res, 403, { error: 'forbidden' });
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) return end(res, 415, { error: 'unsupported' });
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > LIMIT) {
        end(res, 413, { error: 'too large' });
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => {
      if (res.headersSent) return;
      let input;
      try {
        input = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return end(res, 400, { error: 'malformed' });
      }
      const problem = check(input);
      if (problem) return end(res, 400, { error: problem });
      Promise.resolve(quote(input)).then(
        (value) => end(res, 200, value),
        () => end(res, 500, { error: 'internal' }),
      );
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
}

function end(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

const port = kind === 'lepta' ? await lepta() : kind === 'bare' ? await bare() : process.exit(2);
process.on('message', (message) => {
  if (message === 'cpu') {
    const { user, system } = process.cpuUsage();
    process.send({ cpu: user + system });
  }
});
process.stdout.write(JSON.stringify({ port }) + '\n');
