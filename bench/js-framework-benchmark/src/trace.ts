/**
 * Reading a Chrome trace (categories devtools.timeline, disabled-by-default-devtools.timeline,
 * blink.user_timing) of one timed click. Only complete events (`ph: 'X'`) on the renderer main
 * thread that dispatched the click count.
 *
 * - start: `ts` of the `EventDispatch` whose `args.data.type` is `click` (exactly one allowed);
 * - end: the end (`ts + dur`) of the first `Commit` that starts after the last of the events that
 *   can still change what is drawn: the click itself, `Layout`, `FunctionCall`, `TimerFire`,
 *   `FireAnimationFrame`, `RunMicrotasks` (so an app that defers work to a timer or an animation
 *   frame is timed until the frame that shows it); the page is left idle until the trace stops;
 * - total = end − start;
 * - script = the length of the union of the intervals of the scripting events in [start, end]:
 *   the click's `EventDispatch`, `EvaluateScript`, `v8.evaluateModule`, `FunctionCall`,
 *   `TimerFire`, `FireIdleCallback`, `FireAnimationFrame`, `RunMicrotasks`, `V8.Execute`
 *   (nested events count once);
 * - paint = the same union over `UpdateLayoutTree`, `Layout`, `PrePaint`, `Paint`, `Layerize`,
 *   `Commit` (reported for information).
 */

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { type?: string } };
}

export interface Timing {
  /** ms from the click's EventDispatch start to the end of the Commit of the frame showing it. */
  total: number;
  /** ms of scripting in that window (union of intervals). */
  script: number;
  /** ms of style, layout, pre-paint, paint, layerize and commit in that window. */
  paint: number;
  /** Commits after the click until the trace stopped (1 is usual; more is a hint, not an error). */
  commits: number;
}

/** No frame was committed after the last work: the caller waits longer and tries again. */
export class NoCommitError extends Error {}

const SCRIPT_EVENTS = new Set([
  'EvaluateScript',
  'v8.evaluateModule',
  'FunctionCall',
  'TimerFire',
  'FireIdleCallback',
  'FireAnimationFrame',
  'RunMicrotasks',
  'V8.Execute',
]);
const PAINT_EVENTS = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit']);
const WORK_EVENTS = new Set(['Layout', 'FunctionCall', 'TimerFire', 'FireAnimationFrame', 'RunMicrotasks']);

const end = (e: TraceEvent): number => e.ts + (e.dur ?? 0);

/** Total length of the union of [from, to) intervals, clipped to [lo, hi]. */
function unionLength(intervals: Array<[number, number]>, lo: number, hi: number): number {
  const xs = intervals
    .map(([a, b]): [number, number] => [Math.max(a, lo), Math.min(b, hi)])
    .filter(([a, b]) => b > a)
    .sort((p, q) => p[0] - q[0]);
  let sum = 0;
  let curA = -Infinity;
  let curB = -Infinity;
  for (const [a, b] of xs) {
    if (a > curB) {
      if (curB > curA) sum += curB - curA;
      curA = a;
      curB = b;
    } else if (b > curB) curB = b;
  }
  if (curB > curA) sum += curB - curA;
  return sum;
}

export function analyzeTrace(events: readonly TraceEvent[]): Timing {
  const clicks = events.filter((e) => e.name === 'EventDispatch' && e.ph === 'X' && e.args?.data?.type === 'click');
  if (clicks.length !== 1) throw new Error(`expected exactly one click EventDispatch in the trace, found ${clicks.length}`);
  const click = clicks[0]!;
  const main = events.filter((e) => e.ph === 'X' && e.pid === click.pid && e.tid === click.tid && e.ts >= click.ts);

  let lastWork = end(click);
  for (const e of main) if (WORK_EVENTS.has(e.name) && end(e) > lastWork) lastWork = end(e);
  const commits = main.filter((e) => e.name === 'Commit').sort((a, b) => a.ts - b.ts);
  const commit = commits.find((e) => e.ts >= lastWork);
  if (commit === undefined) {
    throw new NoCommitError(
      `no Commit after the last work (${((lastWork - click.ts) / 1000).toFixed(1)} ms after the click; ${commits.length} commits in the trace)`,
    );
  }
  const hi = end(commit);
  const script: Array<[number, number]> = [[click.ts, end(click)]];
  const paint: Array<[number, number]> = [];
  for (const e of main) {
    if (SCRIPT_EVENTS.has(e.name)) script.push([e.ts, end(e)]);
    else if (PAINT_EVENTS.has(e.name)) paint.push([e.ts, end(e)]);
  }
  return {
    total: (hi - click.ts) / 1000,
    script: unionLength(script, click.ts, hi) / 1000,
    paint: unionLength(paint, click.ts, hi) / 1000,
    commits: commits.length,
  };
}
