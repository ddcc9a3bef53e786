/**
 * A few semantic checks every library must pass before its timings mean anything. They pin down
 * what the workloads rely on (synchronous effects, batching, glitch-free diamonds, equality
 * cut-off, untracked reads, dynamic dependencies, disposal). Untimed; run once per library.
 */
import type { Adapter } from './adapter.js';

interface Conformance {
  name: string;
  /** Returns null when the library behaves, else what went wrong. */
  run(lib: Adapter): string | null;
}

function expectEq(what: string, expected: unknown, actual: unknown): string | null {
  return Object.is(expected, actual) ? null : `${what}: expected ${String(expected)}, got ${String(actual)}`;
}

/** First failure among the given checks (evaluated lazily, in order). */
function first(...checks: (() => string | null)[]): string | null {
  for (const c of checks) {
    const r = c();
    if (r !== null) return r;
  }
  return null;
}

const checks: Conformance[] = [
  {
    name: 'effect runs synchronously on creation and after a write',
    run(lib) {
      let seen = -1;
      let runs = 0;
      const { value: s, dispose } = lib.build(() => {
        const s = lib.signal(1);
        lib.effect(() => {
          seen = s.read();
          runs++;
        });
        return s;
      });
      const a = first(
        () => expectEq('runs after creation', 1, runs),
        () => expectEq('value seen on creation', 1, seen),
        () => (s.write(2), expectEq('runs after write(2)', 2, runs)),
        () => expectEq('value seen after write(2)', 2, seen),
        () => (s.write(2), expectEq('runs after writing the same value', 2, runs)),
      );
      dispose();
      return a;
    },
  },
  {
    name: 'batch defers effects to the end of the outermost batch',
    run(lib) {
      let seen = -1;
      let runs = 0;
      const { value: s, dispose } = lib.build(() => {
        const s = lib.signal(0);
        lib.effect(() => {
          seen = s.read();
          runs++;
        });
        return s;
      });
      let inside: string | null = null;
      lib.batch(() => {
        s.write(1);
        lib.batch(() => s.write(2));
        inside = expectEq('runs inside the outer batch', 1, runs);
        s.write(3);
      });
      const a = first(
        () => inside,
        () => expectEq('runs after the batch', 2, runs),
        () => expectEq('value seen after the batch', 3, seen),
      );
      dispose();
      return a;
    },
  },
  {
    name: 'a memo read inside a batch sees the batch\'s writes',
    run(lib) {
      const { value, dispose } = lib.build(() => {
        const s = lib.signal(1);
        const m = lib.computed(() => s.read() * 10);
        lib.effect(() => void m.read());
        return { s, m };
      });
      let got: number | undefined;
      lib.batch(() => {
        value.s.write(5);
        got = value.m.read();
      });
      dispose();
      return expectEq('memo inside batch', 50, got);
    },
  },
  {
    name: 'diamond: one effect run per write, never a mixed (glitchy) state',
    run(lib) {
      const seen: string[] = [];
      const { value: s, dispose } = lib.build(() => {
        const s = lib.signal(1);
        const a = lib.computed(() => s.read() + 1);
        const b = lib.computed(() => s.read() * 2);
        const c = lib.computed(() => a.read() + b.read());
        lib.effect(() => void seen.push(`${a.read()}/${b.read()}/${c.read()}`));
        return s;
      });
      s.write(2);
      s.write(3);
      dispose();
      return expectEq('effect history', '2/2/4 3/4/7 4/6/10', seen.join(' '));
    },
  },
  {
    name: 'equality cut-off: a memo that keeps its value does not re-run its readers',
    run(lib) {
      let memoRuns = 0;
      let effectRuns = 0;
      const { value: s, dispose } = lib.build(() => {
        const s = lib.signal(0);
        const parity = lib.computed(() => {
          memoRuns++;
          return s.read() % 2;
        });
        lib.effect(() => {
          parity.read();
          effectRuns++;
        });
        return s;
      });
      s.write(2);
      s.write(4);
      const a = first(
        () => expectEq('memo runs', 3, memoRuns),
        () => expectEq('effect runs', 1, effectRuns),
        () => (s.write(5), expectEq('effect runs after the parity changes', 2, effectRuns)),
      );
      dispose();
      return a;
    },
  },
  {
    name: 'untrack: an untracked read does not subscribe',
    run(lib) {
      let runs = 0;
      let seen = '';
      const { value, dispose } = lib.build(() => {
        const a = lib.signal(1);
        const b = lib.signal(10);
        lib.effect(() => {
          seen = `${a.read()}+${lib.untrack(() => b.read())}`;
          runs++;
        });
        return { a, b };
      });
      const r = first(
        () => (value.b.write(20), expectEq('runs after writing the untracked signal', 1, runs)),
        () => (value.a.write(2), expectEq('runs after writing the tracked signal', 2, runs)),
        () => expectEq('values seen', '2+20', seen),
      );
      dispose();
      return r;
    },
  },
  {
    name: 'dynamic dependencies: a branch no longer read no longer notifies',
    run(lib) {
      let runs = 0;
      let seen = -1;
      const { value, dispose } = lib.build(() => {
        const cond = lib.signal(true);
        const x = lib.signal(1);
        const y = lib.signal(2);
        const pick = lib.computed(() => (cond.read() ? x.read() : y.read()));
        lib.effect(() => {
          seen = pick.read();
          runs++;
        });
        return { cond, x, y };
      });
      const r = first(
        () => (value.cond.write(false), expectEq('value after switching branch', 2, seen)),
        () => (value.x.write(100), expectEq('runs after writing the dropped branch', 2, runs)),
        () => (value.y.write(3), expectEq('value after writing the live branch', 3, seen)),
        () => expectEq('runs', 3, runs),
      );
      dispose();
      return r;
    },
  },
  {
    name: 'an effect writing a signal: the dependent effect has run when the write returns',
    run(lib) {
      let seen = -1;
      const { value: s, dispose } = lib.build(() => {
        const s = lib.signal(1);
        const t = lib.signal(0);
        lib.effect(() => t.write(s.read() * 10));
        lib.effect(() => {
          seen = t.read();
        });
        return s;
      });
      const r = first(
        () => expectEq('after creation', 10, seen),
        () => (s.write(3), expectEq('after write(3)', 30, seen)),
      );
      dispose();
      return r;
    },
  },
  {
    name: 'a memo nobody watches is fresh on every read',
    run(lib) {
      const { value, dispose } = lib.build(() => {
        const s = lib.signal(1);
        const a = lib.computed(() => s.read() * 2);
        const b = lib.computed(() => a.read() + 1);
        return { s, b };
      });
      const r = first(
        () => expectEq('first read', 3, value.b.read()),
        () => (value.s.write(5), expectEq('read after write(5)', 11, value.b.read())),
        () => (lib.batch(() => value.s.write(6)), expectEq('read after a batched write(6)', 13, value.b.read())),
      );
      dispose();
      return r;
    },
  },
  {
    name: 'a memo that lost its last reader, then is read again, is fresh',
    run(lib) {
      let seen = -1;
      const { value, dispose } = lib.build(() => {
        const show = lib.signal(true);
        const s = lib.signal(1);
        const m = lib.computed(() => s.read() * 10);
        lib.effect(() => {
          seen = show.read() ? m.read() : -1;
        });
        return { show, s, m };
      });
      const r = first(
        () => expectEq('while watched', 10, seen),
        () => (value.show.write(false), value.s.write(2), expectEq('direct read while unwatched', 20, value.m.read())),
        () => (value.s.write(3), value.show.write(true), expectEq('watched again', 30, seen)),
        () => (value.s.write(4), expectEq('after a write once watched again', 40, seen)),
      );
      dispose();
      return r;
    },
  },
  {
    name: 'dispose stops every effect created in the scope',
    run(lib) {
      let runs = 0;
      const s = lib.signal(0);
      const { dispose } = lib.build(() => {
        const m = lib.computed(() => s.read() + 1);
        lib.effect(() => {
          s.read();
          runs++;
        });
        lib.effect(() => {
          m.read();
          runs++;
        });
      });
      const r = first(
        () => (s.write(1), expectEq('runs before dispose', 4, runs)),
        () => (dispose(), s.write(2), expectEq('runs after dispose', 4, runs)),
      );
      return r;
    },
  },
];

/** Runs every check against `lib`; returns the failures as `name: detail`. */
export function conformance(lib: Adapter): string[] {
  const failures: string[] = [];
  for (const c of checks) {
    let r: string | null;
    try {
      r = c.run(lib);
    } catch (err) {
      r = `threw ${err instanceof Error ? err.message : String(err)}`;
    }
    if (r !== null) failures.push(`${c.name}: ${r}`);
  }
  return failures;
}
