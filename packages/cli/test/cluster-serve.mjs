// `lepta serve --workers N` as a script, for cluster.test.ts: the primary is the CLI's own
// `runWorkers` (it forks this script again for each worker); a worker runs the programmatic
// `serve()` and, for the test only, names itself in an `x-worker-pid` header.
//
//   node cluster-serve.mjs <built app root> [workers=2]
//
// Imports the CLI's dist/ (run `tsc -b` first), as an installed app would import `@lepta/cli`.
import cluster from 'node:cluster';
import { serve } from '../dist/index.js';
import { runWorkers } from '../dist/workers.js';

const root = process.argv[2] ?? '.';
const count = Number(process.argv[3] ?? 2);

if (cluster.isPrimary) {
  process.exit(await runWorkers({ root, count }));
} else {
  // serve() reads the address from LEPTA_ADDR; the primary holds the socket, the workers share it.
  const running = await serve({ root, log: (line) => console.log(`worker ${process.pid}: ${line}`) });
  running.server.node.server.prependListener('request', (_req, res) => res.setHeader('x-worker-pid', String(process.pid)));
  console.log(`worker ${process.pid} listening on ${running.url}`);
}
