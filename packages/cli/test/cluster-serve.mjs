// `lepta serve` on every core of one machine: node:cluster forks workers that each run the
// programmatic `serve()`; they share the primary's listening socket (the primary accepts and
// hands connections out round-robin), so no SO_REUSEPORT is needed and the app stays stateless.
//
//   node cluster-serve.mjs <built app root> [workers=2]
//
// Used by cluster.test.ts. Imports the CLI's dist/ (run `tsc -b` first), as an installed app
// would import `@lepta/cli`. A worker prints `worker <pid> listening on <url>`; the primary, on
// SIGTERM, passes it to every worker (each finishes its requests in flight and exits 0: that is
// `serve()`'s own signal handling) and exits 0 once all have, 1 otherwise.
import cluster from 'node:cluster';
import { createServer } from 'node:net';
import { serve } from '../dist/index.js';

const root = process.argv[2] ?? '.';
const count = Number(process.argv[3] ?? 2);

if (cluster.isPrimary) {
  // Every worker must ask for the same port: port 0 would give each its own, so the primary
  // picks a free one first (LEPTA_ADDR, else 127.0.0.1 and a free port).
  const addr = process.env.LEPTA_ADDR || `127.0.0.1:${await freePort()}`;
  const codes = new Map();
  for (let i = 0; i < count; i++) cluster.fork({ LEPTA_ADDR: addr });
  cluster.on('exit', (worker, code, signal) => {
    codes.set(worker.process.pid, code ?? signal);
    console.log(`worker ${worker.process.pid} exited ${code ?? signal}`);
    if (codes.size === count) process.exit([...codes.values()].every((c) => c === 0) ? 0 : 1);
  });
  // A process manager signals the primary alone: it passes SIGTERM on. Ctrl-C in a terminal
  // sends SIGINT to the whole process group, workers included: passing it on as well would be a
  // second signal, which stops a worker at once (serve() handles the first one only).
  process.once('SIGTERM', () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
  });
  process.on('SIGINT', () => {});
} else {
  // serve() reads the address from LEPTA_ADDR; the primary holds the socket, the workers share it.
  const running = await serve({ root, log: (line) => console.log(`worker ${process.pid}: ${line}`) });
  // For the test only: which worker answered (added before srvx writes its own headers).
  running.server.node.server.prependListener('request', (_req, res) => res.setHeader('x-worker-pid', String(process.pid)));
  console.log(`worker ${process.pid} listening on ${running.url}`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}
