/**
 * `lepta serve --workers` (runWorkers, driven by cluster-serve.mjs): a
 * built basic app, two workers each running `serve()` on the one shared port, answers from both,
 * and a SIGTERM to the primary stopping every worker gracefully (exit 0).
 *
 * Needs `tsc -b`: the script imports the CLI's dist/, and the app the workspace packages' dist/.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { get } from 'node:http';
import { mkdtemp, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { newProject } from '../src/new.js';
import { serverTeardown } from './helpers.js';

const repoModules = fileURLToPath(new URL('../../../node_modules', import.meta.url));
const script = fileURLToPath(new URL('./cluster-serve.mjs', import.meta.url));
let parent: string;
let project: string;
let primary: ChildProcess | undefined;
const teardown = serverTeardown();

beforeAll(async () => {
  parent = await mkdtemp(join(tmpdir(), 'lepta-cluster-'));
  project = join(parent, 'app');
  await newProject({ dir: project, log: false });
  await symlink(repoModules, join(project, 'node_modules'), 'dir');
  process.env.NODE_ENV = 'production';
  await build({ root: project, log: false });
}, 120_000);

afterAll(async () => {
  if (primary && primary.exitCode === null && primary.signalCode === null) {
    primary.kill('SIGKILL');
    await once(primary, 'exit');
  }
  await teardown(undefined, parent);
});

/** GET on a new connection each time (no keep-alive): the primary hands connections out round-robin. */
function getOnce(url: string): Promise<{ status: number; pid: string; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, { agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, pid: String(res.headers['x-worker-pid']), body }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

describe('node:cluster', () => {
  it('two workers serve the app on one port, and stop gracefully on SIGTERM', async () => {
    const child = spawn(process.execPath, [script, project, '2'], {
      cwd: project,
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    primary = child;
    let output = '';
    child.stdout!.setEncoding('utf8');
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (text: string) => (output += text));
    const listening = await new Promise<Map<string, string>>((resolve, reject) => {
      child.stdout!.on('data', (text: string) => {
        output += text;
        const found = new Map([...output.matchAll(/^worker (\d+) listening on (\S+)$/gm)].map((m) => [m[1]!, m[2]!]));
        if (found.size === 2) resolve(found);
        else if (/worker \d+ exited/m.test(output)) reject(new Error(`a worker exited:\n${output}`));
      });
      child.once('exit', () => reject(new Error(`exited early:\n${output}`)));
    });
    const [url, other] = [...listening.values()];
    expect(other).toBe(url);

    const answers = [];
    for (let i = 0; i < 12; i++) answers.push(await getOnce(url!));
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    expect(answers.every((a) => a.body.includes('<h1>Lepta</h1>') && /<\/html>\s*$/.test(a.body))).toBe(true);
    expect(new Set(answers.map((a) => a.pid))).toEqual(new Set(listening.keys()));

    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const [code] = await exited;
    expect(code, output).toBe(0);
    for (const pid of listening.keys()) {
      expect(output).toContain(`worker ${pid}: lepta serve: SIGTERM, finishing in-flight requests…`);
      expect(output).toContain(`lepta serve: worker ${pid} exited 0`);
    }
    await expect(getOnce(url!)).rejects.toThrow();
  }, 30_000);
});
