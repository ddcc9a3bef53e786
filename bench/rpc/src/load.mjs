/**
 * The load generator, in its own process: `node src/load.mjs <json options>`. `connections`
 * loops, each on its own keep-alive socket, send one request after another for
 * `warmupMs + durationMs`; responses completed after the warm-up are counted. Prints
 * `{"requests", "elapsedMs", "errors"}`.
 */
import { Agent, request } from 'node:http';

const { port, path, headers, body, connections, warmupMs, durationMs } = JSON.parse(process.argv[2]);
const agent = new Agent({ keepAlive: true, maxSockets: connections });
const payload = Buffer.from(body);
const allHeaders = { ...headers, 'content-length': payload.length };

let counting = false;
let stopped = false;
let requests = 0;
let errors = 0;

function once() {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers: allHeaders, agent }, (res) => {
      res.resume();
      res.on('end', () => {
        if (counting) res.statusCode === 200 ? requests++ : errors++;
        resolve();
      });
    });
    req.on('error', () => {
      if (counting) errors++;
      resolve();
    });
    req.end(payload);
  });
}

async function loop() {
  while (!stopped) await once();
}

const loops = Array.from({ length: connections }, loop);
await new Promise((r) => setTimeout(r, warmupMs));
counting = true;
const started = performance.now();
await new Promise((r) => setTimeout(r, durationMs));
counting = false;
const elapsedMs = performance.now() - started;
stopped = true;
await Promise.all(loops);
agent.destroy();
process.stdout.write(JSON.stringify({ requests, elapsedMs, errors }) + '\n');
