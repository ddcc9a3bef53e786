/**
 * `bench`: serves dist/, drives real Chromium, and for each operation, iteration and
 * implementation (interleaved, order rotated every iteration) loads a fresh page, runs the
 * operation's preparation steps (each checked), forces a GC, starts a trace, clicks, waits for the
 * page to go idle, stops the trace, checks the whole table against the model and reads the times
 * from the trace (see trace.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { launchChromium } from '../../../test-utils/chromium.js';
import { Model, type Op, type Step } from './ops.js';
import { canonicalPage, centreOf, quickState, readTable } from './page.js';
import { DIST_DIR, type ImplId } from './paths.js';
import type { Cell, Results, Sample } from './report.js';
import { serveStatic } from './server.js';
import { NoCommitError, analyzeTrace, type TraceEvent } from './trace.js';

export interface BenchOptions {
  impls: ImplId[];
  ops: Op[];
  iterations: number;
  /** Apply the public benchmark's CPU slow-down factors. */
  throttle: boolean;
  /** Minimum ms to leave the page idle after the click before stopping the trace. */
  idleMs: number;
  traceDir?: string;
}

export interface BenchRun {
  results: Results;
  browserVersion: string;
  failures: string[];
}

/** The implementation did something wrong (as opposed to the harness failing). */
export class ImplError extends Error {}

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'];
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const log = (msg: string): void => void process.stderr.write(msg + '\n');

async function locate(page: Page, step: Step): Promise<{ x: number; y: number }> {
  const pt = await page.evaluate(centreOf, step.selector);
  if (pt === null) throw new ImplError(`${step.what}: nothing clickable at ${step.selector}`);
  return pt;
}

/** After an untimed step: row count and first/last id must match the model (polled for 2 s). */
async function settle(page: Page, model: Model, step: Step): Promise<void> {
  const want = {
    count: model.rows.length,
    first: String(model.rows[0]?.id ?? ''),
    last: String(model.rows.at(-1)?.id ?? ''),
  };
  const deadline = Date.now() + 2000;
  for (;;) {
    const got = await page.evaluate(quickState);
    if (got.count === want.count && got.first === want.first && got.last === want.last) return;
    if (Date.now() > deadline) {
      throw new ImplError(`after ${step.what}: expected ${JSON.stringify(want)}, the page shows ${JSON.stringify(got)}`);
    }
    await sleep(10);
  }
}

/** The whole table against the model: markup of every row, ids, labels, the selected row. */
async function verify(page: Page, model: Model, after: string): Promise<void> {
  const t = await page.evaluate(readTable);
  const fail = (msg: string): never => {
    throw new ImplError(`after ${after}: ${msg}`);
  };
  if (t.problems.length) fail(`wrong markup: ${t.problems.join('; ')}`);
  if (t.ids.length !== model.rows.length) fail(`${t.ids.length} rows, expected ${model.rows.length}`);
  for (let i = 0; i < model.rows.length; i++) {
    const r = model.rows[i]!;
    if (t.ids[i] !== String(r.id)) fail(`row ${i + 1} has id ${JSON.stringify(t.ids[i])}, expected ${r.id}`);
    if (t.labels[i] !== r.label) fail(`row ${i + 1} (id ${r.id}) reads ${JSON.stringify(t.labels[i])}, expected ${JSON.stringify(r.label)}`);
  }
  const sel = model.selectedId === null ? -1 : model.rows.findIndex((r) => r.id === model.selectedId);
  const want = sel < 0 ? [] : [sel];
  if (t.danger.join() !== want.join()) {
    fail(`rows with class "danger": [${t.danger.map((i) => i + 1).join(', ')}], expected [${want.map((i) => i + 1).join(', ')}]`);
  }
}

async function openPage(context: BrowserContext, url: string): Promise<{ page: Page; cdp: CDPSession; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  const cdp = await context.newCDPSession(page);
  const res = await page.goto(url, { waitUntil: 'load' });
  if (!res?.ok()) throw new Error(`GET ${url}: ${res?.status()}`);
  await page.waitForSelector('#run', { timeout: 5000 }).catch(() => {
    throw new ImplError(`${url}: no #run button after load${errors.length ? ` (${errors.join('; ')})` : ''}`);
  });
  return { page, cdp, errors };
}

async function sampleOnce(
  browser: Browser,
  context: BrowserContext,
  url: string,
  op: Op,
  opts: BenchOptions,
  idleFactor: number,
  traceFile: string | undefined,
): Promise<Sample> {
  const { page, cdp, errors } = await openPage(context, url);
  try {
    const model = new Model();
    for (const step of op.prepare) {
      const pt = await locate(page, step);
      await page.mouse.click(pt.x, pt.y);
      step.apply(model);
      await settle(page, model, step);
    }
    await verify(page, model, `preparing ${op.id}`);
    // Rest the pointer on the target first, so hover styles settle before the trace starts.
    const pt = await locate(page, op.timed);
    await page.mouse.move(pt.x, pt.y);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await cdp.send('HeapProfiler.collectGarbage');
    const rate = opts.throttle ? op.slowdown : 1;
    if (rate !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    let buffer: Buffer;
    await browser.startTracing(page, { categories: CATEGORIES, screenshots: false });
    try {
      const t0 = performance.now();
      await page.mouse.down();
      await page.mouse.up();
      const inputMs = performance.now() - t0;
      // Leave the page alone (no evaluate: it would add script events) until its frame is drawn.
      await sleep(Math.max(opts.idleMs, 2 * inputMs) * idleFactor);
    } finally {
      buffer = await browser.stopTracing();
      if (rate !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    }
    op.timed.apply(model);
    await verify(page, model, `${op.timed.what} (${op.id})`);
    if (errors.length) throw new ImplError(`page errors: ${errors.join('; ')}`);
    if (traceFile) writeFileSync(traceFile, buffer);
    const { traceEvents } = JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] };
    return analyzeTrace(traceEvents);
  } finally {
    await page.close();
  }
}

async function sample(
  browser: Browser,
  context: BrowserContext,
  url: string,
  op: Op,
  opts: BenchOptions,
  traceFile: string | undefined,
): Promise<Sample> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await sampleOnce(browser, context, url, op, opts, 4 ** attempt, traceFile);
    } catch (err) {
      if (!(err instanceof NoCommitError) || attempt >= 2) throw err;
      log(`  (no frame committed in time: ${err.message}; retrying with a longer wait)`);
    }
  }
}

const fmt = (s: Sample): string => `${s.total.toFixed(1)}/${s.script.toFixed(1)}`;

export async function runBench(opts: BenchOptions): Promise<BenchRun> {
  const server = await serveStatic(DIST_DIR);
  const browser = await launchChromium();
  const failures: string[] = [];
  const results: Results = new Map();
  try {
    const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
    const url = (impl: ImplId): string => `${server.origin}/${impl}/index.html`;
    if (opts.traceDir) mkdirSync(opts.traceDir, { recursive: true });

    // Same page around the table in every implementation.
    let reference: { impl: ImplId; markup: string } | undefined;
    for (const impl of opts.impls) {
      const { page, errors } = await openPage(context, url(impl));
      const markup = await page.evaluate(canonicalPage);
      await page.close();
      if (errors.length) throw new ImplError(`${impl}: page errors on load: ${errors.join('; ')}`);
      if (reference === undefined) reference = { impl, markup };
      else if (markup !== reference.markup) {
        throw new ImplError(`${impl}: the page around the table differs from ${reference.impl}'s:\n  ${markup}\n  ${reference.markup}`);
      }
    }

    for (const [k, op] of opts.ops.entries()) {
      const row = new Map<ImplId, Cell>(opts.impls.map((i) => [i, { samples: [] }]));
      results.set(op.id, row);
      for (let it = 0; it < opts.iterations; it++) {
        const order = opts.impls.map((_, j) => opts.impls[(j + it) % opts.impls.length]!);
        const parts: string[] = [];
        for (const impl of order) {
          const cell = row.get(impl)!;
          if (cell.failure !== undefined) continue;
          const traceFile = opts.traceDir ? join(opts.traceDir, `${op.id}_${impl}_${it}.json`) : undefined;
          try {
            const s = await sample(browser, context, url(impl), op, opts, traceFile);
            cell.samples.push(s);
            parts.push(`${impl} ${fmt(s)}`);
          } catch (err) {
            if (!(err instanceof ImplError)) throw err;
            cell.failure = err.message;
            failures.push(`${op.id} ${impl}: ${err.message}`);
            log(`FAIL ${op.id} ${impl}: ${err.message}`);
            parts.push(`${impl} FAILED`);
          }
        }
        log(`[${k + 1}/${opts.ops.length} ${it + 1}/${opts.iterations}] ${op.id} ${parts.join('  ')} (ms total/script)`);
      }
    }
    return { results, browserVersion: browser.version(), failures };
  } finally {
    await browser.close();
    await server.close();
  }
}
