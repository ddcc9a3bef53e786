/**
 * `lepta serve --workers N`: the same server in N processes on one machine (node:cluster). The
 * primary resolves the address once (a free port when 0 was asked for: every worker must listen
 * on the same one), forks the workers running this very command, and passes SIGTERM on; the
 * workers share its listening socket (it accepts and hands connections out in turn) and each
 * shuts down gracefully as `serve()` does. The app is stateless per request, so nothing else is
 * shared. One saturated Node process keeps 64 busy connections waiting unevenly (p99 ~0.6 s
 * measured); two on two cores halve the tail and double the throughput.
 */
import cluster from 'node:cluster';
import { createServer } from 'node:net';
import { loadConfig, type ConfigSources } from './config.js';

/** Forks `count` workers serving on one address; resolves when all have exited (the exit code). */
export async function runWorkers(options: { root: string; count: number; flags?: ConfigSources['flags']; log?: (line: string) => void }): Promise<number> {
  const log = options.log ?? console.log;
  const config = await loadConfig({ root: options.root, flags: options.flags, env: process.env, command: 'serve' });
  const port = config.port === 0 ? await freePort(config.host) : config.port;
  const addr = `${config.host}:${port}`;
  // Workers run this command again; the flag below makes them serve instead of forking.
  for (let i = 0; i < options.count; i++) cluster.fork({ LEPTA_ADDR: addr, LEPTA_WORKER: '1' });
  log(`lepta serve: ${options.count} workers on http://${addr}/`);
  // A process manager signals the primary alone: pass SIGTERM on. Ctrl-C in a terminal already
  // reaches every worker (the process group); a second signal would stop a worker at once.
  process.once('SIGTERM', () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
  });
  process.on('SIGINT', () => {});
  return new Promise((resolve) => {
    let exited = 0;
    let failed = false;
    cluster.on('exit', (worker, code, signal) => {
      log(`lepta serve: worker ${worker.process.pid} exited ${code ?? signal}`);
      if (code !== 0) failed = true;
      if (++exited === options.count) resolve(failed ? 1 : 0);
    });
  });
}

/** Whether this process is a worker forked by `runWorkers`. */
export function isServeWorker(): boolean {
  return cluster.isWorker && process.env.LEPTA_WORKER === '1';
}

function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, host, () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}
