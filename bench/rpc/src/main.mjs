/**
 * Server-function round trips per second (DESIGN.md §5: ≥ 0.8× the same function on bare
 * node:http). Both servers run the same function (logic.mjs: a small object in, a small object
 * out, the same validation), each in its own process:
 *
 * - `lepta`: `createHandler` + `registerServerFunction`, served by `@lepta/server/node` (srvx);
 *   the client stub's request (POST, wire text — here the plain-JSON form, as the stub sends a
 *   small object of strings and numbers —, `x-lepta`, `Origin`).
 * - `bare`: `node:http` by hand — method, path, origin, content type, a size cap, JSON.parse,
 *   validation, JSON.stringify.
 *
 * Load comes from a third process (load.mjs: N keep-alive connections, one request at a time
 * each), loopback only. Rounds alternate which server goes first; each round measures each
 * server once. Medians over rounds, with the median absolute deviation as ±%. Besides requests
 * per second, the servers' own CPU time per request is reported: if the load generator is the
 * bottleneck (it shares the 2 cores), requests/s understate the difference and CPU/request
 * shows it.
 *
 * Ends with `RESULT rpc <median over rounds of lepta req/s ÷ bare req/s>`. Exit 0 with a RESULT line; 1 when a server
 * fails its check or a round has errors; 2 on bad usage.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { fromJSON, toJSON } from 'seroval';
import { isPlainText, plainText } from '@lepta/server/wire';
import { median, spread } from '@lepta/bench-stats';
import { EXPECTED, INPUT } from './logic.mjs';

const HELP = `usage: node src/main.mjs [options]   (npm run bench:rpc [-- -- options])
  --quick             BENCH_QUICK=1          2 rounds of 1 s, 300 ms warm-up
  --rounds=N          BENCH_ROUNDS           rounds (default 6)
  --duration=MS       BENCH_DURATION         measured time per server per round (default 3000)
  --warmup=MS         BENCH_WARMUP           unmeasured load before each measurement (default 1000)
  --connections=N     BENCH_CONNECTIONS      concurrent keep-alive connections (default 32)
  --load=wrk|node     BENCH_LOAD             load generator (default: wrk when installed, else node;
                                             the node client caps both servers near its own speed)`;

/** Flags win over environment variables, which win over the defaults (quick or full). */
function options() {
  const { values } = parseArgs({
    options: {
      help: { type: 'boolean', short: 'h' },
      quick: { type: 'boolean' },
      rounds: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string' },
      load: { type: 'string' },
    },
  });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  const quick = values.quick || process.env.BENCH_QUICK === '1';
  const pick = (flag, env, full, short) => {
    const value = Number(values[flag] ?? process.env[env] ?? (quick ? short : full));
    if (Number.isFinite(value) && value > 0) return value;
    console.error(`--${flag} / ${env}: not a number > 0\n\n${HELP}`);
    process.exit(2);
  };
  return {
    rounds: pick('rounds', 'BENCH_ROUNDS', 6, 2),
    durationMs: pick('duration', 'BENCH_DURATION', 3000, 1000),
    warmupMs: pick('warmup', 'BENCH_WARMUP', 1000, 300),
    connections: pick('connections', 'BENCH_CONNECTIONS', 32, 32),
    load: loadGenerator(values.load ?? process.env.BENCH_LOAD),
  };
}

/** `wrk` when asked for or (by default) installed; the Node client otherwise. */
function loadGenerator(choice) {
  const hasWrk = spawnSync('wrk', ['--version']).error === undefined;
  if (choice === undefined || choice === '') return hasWrk ? 'wrk' : 'node';
  if (choice === 'node') return 'node';
  if (choice === 'wrk' && hasWrk) return 'wrk';
  console.error(choice === 'wrk' ? '--load=wrk: wrk is not installed (Debian: apt install wrk)' : `--load: "${choice}" is neither wrk nor node\n\n${HELP}`);
  process.exit(2);
}

const here = (file) => fileURLToPath(new URL(file, import.meta.url));
const ORIGIN = 'http://127.0.0.1';

const CONTESTANTS = {
  lepta: {
    path: '/_server/bench.quote',
    headers: { 'content-type': 'application/json', 'x-lepta': '1', accept: 'application/json', origin: ORIGIN },
    // What the client stub sends: the plain form when JSON carries the arguments exactly.
    body: plainText([INPUT]) ?? JSON.stringify(toJSON([INPUT])),
    decode: (text) => (isPlainText(text) ? JSON.parse(text)[0] : fromJSON(JSON.parse(text))),
  },
  bare: {
    path: '/quote',
    headers: { 'content-type': 'application/json', accept: 'application/json', origin: ORIGIN },
    body: JSON.stringify(INPUT),
    decode: (text) => JSON.parse(text),
  },
};

async function startServer(kind) {
  const child = spawn(process.execPath, [here('./server.mjs'), kind], {
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  child.stdout.setEncoding('utf8');
  const [line] = await once(child.stdout, 'data');
  const { port } = JSON.parse(line);
  const cpu = async () => {
    child.send('cpu');
    const [message] = await once(child, 'message');
    return message.cpu;
  };
  return { kind, port, child, cpu };
}

/** One request from this process: the server must answer EXPECTED. */
async function checkServer(server) {
  const c = CONTESTANTS[server.kind];
  const response = await fetch(`http://127.0.0.1:${server.port}${c.path}`, { method: 'POST', headers: c.headers, body: c.body });
  const value = c.decode(await response.text());
  if (response.status !== 200 || JSON.stringify(value) !== JSON.stringify(EXPECTED)) {
    throw new Error(`${server.kind}: unexpected answer ${response.status} ${JSON.stringify(value)}`);
  }
}

/**
 * `wrk` (one thread, `connections` keep-alive connections) for `warmupMs` unmeasured, then for
 * `durationMs`: requests, elapsed ms and failed requests (non-2xx, socket errors, timeouts).
 */
async function wrk(server, c, opts, seconds) {
  const dir = mkdtempSync(join(tmpdir(), 'lepta-rpc-'));
  const script = join(dir, 'post.lua');
  const headers = Object.entries(c.headers).map(([name, value]) => `wrk.headers[${JSON.stringify(name)}] = ${JSON.stringify(value)}`);
  writeFileSync(script, [`wrk.method = "POST"`, `wrk.body = ${JSON.stringify(c.body)}`, ...headers].join('\n') + '\n');
  try {
    const child = spawn('wrk', ['-t1', `-c${opts.connections}`, `-d${seconds}s`, '-s', script, `http://127.0.0.1:${server.port}${c.path}`], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d) => (out += d));
    await once(child, 'exit');
    // "123456 requests in 3.00s, …"
    const [, count, amount, unit] = /(\d+) requests in ([\d.]+)(ms|s|m)\b/.exec(out) ?? [];
    const requests = Number(count);
    const elapsedMs = Number(amount) * (unit === 'ms' ? 1 : unit === 's' ? 1000 : 60_000);
    const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0);
    const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
    const errors = non2xx + (socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0);
    if (!Number.isFinite(requests) || !Number.isFinite(elapsedMs)) throw new Error(`could not read wrk's output:\n${out}`);
    return { requests, elapsedMs, errors };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measure(server, opts) {
  const c = CONTESTANTS[server.kind];
  if (opts.load === 'wrk') {
    // wrk has no warm-up option: a first run warms up, the second is measured.
    await wrk(server, c, opts, Math.max(1, Math.round(opts.warmupMs / 1000)));
    const before = await server.cpu();
    const { requests, elapsedMs, errors } = await wrk(server, c, opts, Math.max(1, Math.round(opts.durationMs / 1000)));
    const after = await server.cpu();
    return { rps: requests / (elapsedMs / 1000), errors, cpuPerRequestUs: (after - before) / requests, busy: (after - before) / 1000 / elapsedMs };
  }
  const before = await server.cpu();
  const load = spawn(process.execPath, [here('./load.mjs'), JSON.stringify({ port: server.port, path: c.path, headers: c.headers, body: c.body, connections: opts.connections, warmupMs: opts.warmupMs, durationMs: opts.durationMs })], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  load.stdout.setEncoding('utf8');
  load.stdout.on('data', (d) => (out += d));
  await once(load, 'exit');
  const after = await server.cpu();
  const { requests, elapsedMs, errors } = JSON.parse(out);
  // CPU time covers warm-up too: scale by the share of time measured (the load is steady).
  const cpuPerRequestUs = ((after - before) * (opts.durationMs / (opts.durationMs + opts.warmupMs))) / requests;
  return { rps: requests / (elapsedMs / 1000), errors, cpuPerRequestUs, busy: (after - before) / 1000 / (opts.durationMs + opts.warmupMs) };
}

const opts = options();
console.log(`rpc round trips: ${opts.rounds} rounds × ${opts.durationMs} ms per server (+${opts.warmupMs} ms warm-up), ${opts.connections} keep-alive connections, loopback, node ${process.version}, load from ${opts.load === 'wrk' ? 'wrk (1 thread)' : 'the Node client (src/load.mjs)'}`);
if (opts.load === 'node') console.log('(no wrk: the Node client is slower than either server, so both are capped near its speed and the ratio is an upper bound; compare CPU per request)');
const servers = { lepta: await startServer('lepta'), bare: await startServer('bare') };
let exitCode = 0;
try {
  for (const server of Object.values(servers)) await checkServer(server);
  const results = { lepta: [], bare: [] };
  for (let round = 0; round < opts.rounds; round++) {
    const order = round % 2 === 0 ? ['lepta', 'bare'] : ['bare', 'lepta'];
    for (const kind of order) {
      const r = await measure(servers[kind], opts);
      if (r.errors > 0) {
        console.error(`${kind}: ${r.errors} failed requests in round ${round + 1}`);
        exitCode = 1;
      }
      results[kind].push(r);
      console.log(`  round ${round + 1} ${kind.padEnd(5)} ${r.rps.toFixed(0).padStart(7)} req/s  ${r.cpuPerRequestUs.toFixed(1).padStart(6)} µs CPU/req  server busy ${(r.busy * 100).toFixed(0)}%`);
    }
  }
  const row = (kind) => {
    const rps = results[kind].map((r) => r.rps);
    const cpu = results[kind].map((r) => r.cpuPerRequestUs);
    return { kind, rps: median(rps), rpsSpread: spread(rps), cpu: median(cpu), cpuSpread: spread(cpu) };
  };
  const lepta = row('lepta');
  const bare = row('bare');
  console.log('\n| server | req/s (median ± MAD) | server CPU µs/req | vs bare (req/s) |');
  console.log('|---|---:|---:|---:|');
  for (const r of [lepta, bare]) {
    console.log(`| ${r.kind === 'lepta' ? 'lepta (createHandler + srvx)' : 'bare node:http + JSON'} | ${r.rps.toFixed(0)} ± ${(r.rpsSpread * 100).toFixed(1)}% | ${r.cpu.toFixed(1)} ± ${(r.cpuSpread * 100).toFixed(1)}% | ${(r.rps / bare.rps).toFixed(2)}× |`);
  }
  console.log(`\nserver CPU per request, bare ÷ lepta: ${(bare.cpu / lepta.cpu).toFixed(2)} (the same ratio without the load generator's share of the cores)`);
  // Each round measured both servers back to back: the ratio within a round cancels the shared
  // machine's drift between rounds, so the result is the median of the rounds' ratios.
  const ratios = results.lepta.map((r, i) => r.rps / results.bare[i].rps);
  console.log(`lepta ÷ bare per round: ${ratios.map((r) => r.toFixed(2)).join(', ')}`);
  if (exitCode === 0) console.log(`RESULT rpc ${median(ratios).toFixed(3)}`);
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  for (const server of Object.values(servers)) server.child.kill();
}
process.exit(exitCode);
