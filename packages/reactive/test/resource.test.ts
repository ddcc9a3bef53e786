import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import {
  batch,
  catchError,
  memo,
  provideContext,
  renderEffect,
  root,
  signal,
  useContext,
  createContext,
  onCleanup,
} from '../src/index.js';
import { isServer, setServer } from '../src/env.js';
import { resource, type InitializedResource, type Resource, type FetcherInfo } from '../src/resource.js';
import {
  HydrationContext,
  SuspenseContext,
  suspenseBoundary,
  type HydrationEntry,
  type HydrationHandle,
  type SuspenseBoundary,
} from '../src/suspense.js';
import { deferred, inRoot, tick, type Deferred } from './helpers.js';


/** A fetcher whose calls are recorded with their own deferred, resolved by the test. */
function controlledFetcher<S, T>() {
  const calls: { source: S; info: FetcherInfo<T>; deferred: Deferred<T> }[] = [];
  const fetcher = vi.fn((source: S, info: FetcherInfo<T>): Promise<T> => {
    const d = deferred<T>();
    calls.push({ source, info, deferred: d });
    return d.promise;
  });
  return { fetcher, calls };
}


describe('resource: basics', () => {
  it('fetches for the source and exposes loading, value and state', async () => {
    const [id] = signal(1);
    const { fetcher, calls } = controlledFetcher<number, string>();
    const user = inRoot(() => resource(id, fetcher));
    expect(fetcher).toHaveBeenCalledTimes(1);
    expect(calls[0]!.source).toBe(1);
    expect(calls[0]!.info.refetching).toBe(false);
    expect(calls[0]!.info.value).toBeUndefined();
    expect(user.state()).toBe('pending');
    expect(user.loading()).toBe(true);
    expect(user()).toBeUndefined();
    calls[0]!.deferred.resolve('ada');
    await tick();
    expect(user()).toBe('ada');
    expect(user.latest()).toBe('ada');
    expect(user.state()).toBe('ready');
    expect(user.loading()).toBe(false);
    expect(user.error()).toBeUndefined();
  });

  it('refetches when the source changes, as refreshing, keeping the old value meanwhile', async () => {
    const [id, setId] = signal(1);
    const { fetcher, calls } = controlledFetcher<number, string>();
    const user = inRoot(() => resource(id, fetcher));
    calls[0]!.deferred.resolve('one');
    await tick();
    setId(2);
    expect(fetcher).toHaveBeenCalledTimes(2);
    expect(calls[1]!.source).toBe(2);
    expect(calls[1]!.info.value).toBe('one');
    expect(user.state()).toBe('refreshing');
    expect(user()).toBe('one');
    calls[1]!.deferred.resolve('two');
    await tick();
    expect(user()).toBe('two');
    expect(user.state()).toBe('ready');
  });

  it('does not refetch when the source recomputes to the same value', () => {
    const [n, setN] = signal(1);
    const fetcher = vi.fn((parity: number) => parity);
    inRoot(() => resource(() => n() % 2, fetcher));
    setN(3);
    expect(fetcher).toHaveBeenCalledTimes(1);
    setN(4);
    expect(fetcher).toHaveBeenCalledTimes(2);
  });

  it('the overload without a source fetches once, with `true`', async () => {
    const fetcher = vi.fn(async (source: true) => (source ? 'data' : 'no'));
    const data = inRoot(() => resource(fetcher));
    expect(fetcher).toHaveBeenCalledTimes(1);
    expect(fetcher.mock.calls[0]![0]).toBe(true);
    await tick();
    expect(data()).toBe('data');
  });

  it.each([false, null, undefined])('a source returning %s is not ready: no fetch', (notReady) => {
    const [id, setId] = signal<number | false | null | undefined>(notReady as false | null | undefined);
    const fetcher = vi.fn((n: number) => n * 10);
    const r = inRoot(() => resource(id, fetcher));
    expect(fetcher).not.toHaveBeenCalled();
    expect(r.state()).toBe('unresolved');
    expect(r.loading()).toBe(false);
    expect(r()).toBeUndefined();
    setId(0); // 0 is a ready value
    expect(fetcher).toHaveBeenCalledWith(0, expect.anything());
    expect(r()).toBe(0);
  });

  it('a source going not ready keeps the value and cancels the fetch in flight', async () => {
    const [id, setId] = signal<number | null>(1);
    const { fetcher, calls } = controlledFetcher<number, string>();
    const r = inRoot(() => resource(id, fetcher));
    calls[0]!.deferred.resolve('one');
    await tick();
    setId(2);
    expect(r.loading()).toBe(true);
    setId(null);
    expect(fetcher).toHaveBeenCalledTimes(2);
    expect(calls[1]!.info.signal.aborted).toBe(true);
    expect(r.loading()).toBe(false);
    expect(r.state()).toBe('ready');
    expect(r()).toBe('one');
    calls[1]!.deferred.resolve('two');
    await tick();
    expect(r()).toBe('one');
  });

  it('a fetcher returning a plain value resolves synchronously, never loading', () => {
    const [id, setId] = signal(1);
    const states: string[] = [];
    const r = inRoot(() => {
      const r = resource(id, (n) => `v${n}`);
      renderEffect(() => states.push(r.state()));
      return r;
    });
    expect(r()).toBe('v1');
    expect(r.state()).toBe('ready');
    setId(2);
    expect(r()).toBe('v2');
    expect(states).toEqual(['ready']);
  });

  it('a fetcher throwing synchronously errors synchronously', () => {
    const boom = new Error('boom');
    const r = inRoot(() =>
      resource(() => {
        throw boom;
      }),
    );
    expect(r.state()).toBe('errored');
    expect(r.error()).toBe(boom);
    expect(() => r()).toThrow(boom);
  });

  it('initialValue: starts ready, fetches, refreshes; types never undefined', async () => {
    const { fetcher, calls } = controlledFetcher<true, string[]>();
    const r = inRoot(() => resource(fetcher, { initialValue: [] as string[] }));
    expect(r()).toEqual([]);
    expect(r.state()).toBe('refreshing');
    expect(calls[0]!.info.value).toEqual([]);
    calls[0]!.deferred.resolve(['a']);
    await tick();
    expect(r()).toEqual(['a']);
    expectTypeOf(r).toEqualTypeOf<InitializedResource<string[]>>();
    expectTypeOf(r()).toEqualTypeOf<string[]>();
    expectTypeOf(r.latest()).toEqualTypeOf<string[]>();
  });

  it('infers precise types from source and fetcher', () => {
    inRoot(() => {
      const [id] = signal<number | undefined>(1);
      const user = resource(id, async (n, info): Promise<{ name: string }> => {
        expectTypeOf(n).toEqualTypeOf<number>();
        expectTypeOf(info.value).toEqualTypeOf<{ name: string } | undefined>();
        return { name: String(n) };
      });
      // Destructuring `info` without a return annotation: T is still inferred from the return.
      const byId = resource(id, async (n, { signal, refetching }) => ({ n, signal, refetching }));
      expectTypeOf(byId()).toEqualTypeOf<{ n: number; signal: AbortSignal; refetching: boolean } | undefined>();
      const noInfo = resource(id, (n) => [n]);
      expectTypeOf(noInfo.latest()).toEqualTypeOf<number[] | undefined>();
      const explicit = resource<string, number>(id, (n, { value }) => {
        expectTypeOf(value).toEqualTypeOf<string | undefined>();
        return String(n);
      });
      expectTypeOf(explicit).toEqualTypeOf<Resource<string>>();
      // @ts-expect-error the fetcher must accept what the source yields
      resource(id, (n: string) => n);
      // @ts-expect-error mutate takes the value type
      user.mutate(42);
      expectTypeOf(user).toEqualTypeOf<Resource<{ name: string }>>();
      expectTypeOf(user()).toEqualTypeOf<{ name: string } | undefined>();
      expectTypeOf(user.refetch()).toEqualTypeOf<Promise<{ name: string } | undefined>>();
      const flag = resource(
        () => id() !== undefined,
        (ready) => {
          expectTypeOf(ready).toEqualTypeOf<true>();
          return 1;
        },
      );
      expectTypeOf(flag()).toEqualTypeOf<number | undefined>();
    });
  });
});

describe('resource: races and aborts', () => {
  it('ignores a stale response that resolves after a newer one', async () => {
    const [id, setId] = signal(1);
    const { fetcher, calls } = controlledFetcher<number, string>();
    const r = inRoot(() => resource(id, fetcher));
    setId(2);
    calls[1]!.deferred.resolve('fast two');
    await tick();
    expect(r()).toBe('fast two');
    expect(r.state()).toBe('ready');
    calls[0]!.deferred.resolve('slow one');
    await tick();
    expect(r()).toBe('fast two');
  });

  it('stays loading until the latest fetch settles, even if an older one settles first', async () => {
    const [id, setId] = signal(1);
    const { fetcher, calls } = controlledFetcher<number, string>();
    const r = inRoot(() => resource(id, fetcher));
    setId(2);
    calls[0]!.deferred.resolve('one');
    await tick();
    expect(r.loading()).toBe(true);
    expect(r()).toBeUndefined();
    calls[1]!.deferred.reject(new Error('late'));
    calls[0]!.deferred.reject(new Error('ignored'));
    await tick();
    expect(r.state()).toBe('errored');
    expect((r.error() as Error).message).toBe('late');
  });

  it('aborts the superseded fetch, not the current one', () => {
    const [id, setId] = signal(1);
    const { fetcher, calls } = controlledFetcher<number, string>();
    inRoot(() => resource(id, fetcher));
    const first = calls[0]!.info.signal;
    setId(2);
    expect(first.aborted).toBe(true);
    expect(calls[1]!.info.signal.aborted).toBe(false);
  });

  it('does not abort a fetch that already completed', async () => {
    const [id, setId] = signal(1);
    const { fetcher, calls } = controlledFetcher<number, string>();
    inRoot(() => resource(id, fetcher));
    calls[0]!.deferred.resolve('one');
    await tick();
    setId(2);
    expect(calls[0]!.info.signal.aborted).toBe(false);
  });

  it('runs the fetcher’s onCleanup when the next fetch starts', () => {
    const [id, setId] = signal(1);
    const log: string[] = [];
    inRoot(() =>
      resource(id, (n) => {
        onCleanup(() => log.push(`cleanup ${n}`));
        return n;
      }),
    );
    setId(2);
    expect(log).toEqual(['cleanup 1']);
  });

  it('a superseded rejection does not surface', async () => {
    const [id, setId] = signal(1);
    const { fetcher, calls } = controlledFetcher<number, string>();
    const r = inRoot(() => resource(id, fetcher));
    setId(2);
    calls[0]!.deferred.reject(new Error('stale'));
    calls[1]!.deferred.resolve('two');
    await tick();
    expect(r.error()).toBeUndefined();
    expect(r()).toBe('two');
  });
});

describe('resource: ownership', () => {
  it('disposing the owner aborts the fetch in flight and stops all updates', async () => {
    const [id, setId] = signal(1);
    const { fetcher, calls } = controlledFetcher<number, string>();
    let dispose!: () => void;
    const r = root((d) => {
      dispose = d;
      return resource(id, fetcher);
    });
    const seen: (string | undefined)[] = [];
    inRoot(() => renderEffect(() => seen.push(r.latest())));
    dispose();
    expect(calls[0]!.info.signal.aborted).toBe(true);
    calls[0]!.deferred.resolve('late');
    await tick();
    expect(r.latest()).toBeUndefined();
    setId(2);
    expect(fetcher).toHaveBeenCalledTimes(1);
    r.mutate('x');
    await r.refetch();
    expect(fetcher).toHaveBeenCalledTimes(1);
    expect(seen).toEqual([undefined]);
  });

  it('is disposed with the computation that created it', async () => {
    const [outer, setOuter] = signal(0);
    const { fetcher, calls } = controlledFetcher<true, string>();
    inRoot(() =>
      renderEffect(() => {
        outer();
        resource(fetcher);
      }),
    );
    setOuter(1);
    expect(calls).toHaveLength(2);
    expect(calls[0]!.info.signal.aborted).toBe(true);
    expect(calls[1]!.info.signal.aborted).toBe(false);
  });

  it('the fetcher runs untracked, but sees the context of the resource', () => {
    const [id, setId] = signal(1);
    const [other, setOther] = signal('a');
    const Ctx = createContext('default');
    const fetcher = vi.fn((n: number) => `${n}${other()}${useContext(Ctx)}`);
    let outerRuns = 0;
    const r = inRoot(() => {
      provideContext(Ctx, 'provided');
      let res!: Resource<string>;
      renderEffect(() => {
        outerRuns++;
        res ??= resource(id, fetcher);
      });
      return res;
    });
    expect(r()).toBe('1aprovided');
    setOther('b');
    expect(fetcher).toHaveBeenCalledTimes(1);
    setId(2);
    expect(fetcher).toHaveBeenCalledTimes(2);
    expect(outerRuns).toBe(1); // creating the resource did not subscribe the creator to the source
    expect(r()).toBe('2bprovided');
  });
});

describe('resource: errors', () => {
  it('reading an errored resource throws to catchError; error() and latest() never throw', async () => {
    const [id, setId] = signal(1);
    const { fetcher, calls } = controlledFetcher<number, string>();
    const caught: unknown[] = [];
    const r = inRoot(() => {
      const r = resource(id, fetcher);
      catchError(
        () => renderEffect(() => r()),
        (e) => caught.push(e),
      );
      return r;
    });
    calls[0]!.deferred.resolve('one');
    await tick();
    setId(2);
    const boom = new Error('boom');
    calls[1]!.deferred.reject(boom);
    await tick();
    expect(caught).toEqual([boom]);
    expect(r.state()).toBe('errored');
    expect(r.error()).toBe(boom);
    expect(r.latest()).toBe('one');
    expect(r.loading()).toBe(false);
  });

  it('while retrying after an error, reads do not throw and error() keeps the last error', async () => {
    const { fetcher, calls } = controlledFetcher<true, string>();
    const r = inRoot(() => resource(fetcher));
    const boom = new Error('boom');
    calls[0]!.deferred.reject(boom);
    await tick();
    expect(() => r()).toThrow(boom);
    const done = r.refetch();
    expect(calls[1]!.info.refetching).toBe(true);
    expect(r.state()).toBe('pending');
    expect(r()).toBeUndefined();
    expect(r.error()).toBe(boom);
    calls[1]!.deferred.resolve('ok');
    await expect(done).resolves.toBe('ok');
    expect(r.error()).toBeUndefined();
    expect(r()).toBe('ok');
  });

  it('refetch never rejects: it resolves with latest()', async () => {
    const { fetcher, calls } = controlledFetcher<true, string>();
    const r = inRoot(() => resource(fetcher, { initialValue: 'init' }));
    calls[0]!.deferred.resolve('first');
    await tick();
    const done = r.refetch();
    calls[1]!.deferred.reject(new Error('nope'));
    await expect(done).resolves.toBe('first');
  });
});

describe('resource: refetch and mutate', () => {
  it('refetch re-runs with the current source value and resolves with the new value', async () => {
    const [id] = signal(7);
    const { fetcher, calls } = controlledFetcher<number, string>();
    const r = inRoot(() => resource(id, fetcher));
    calls[0]!.deferred.resolve('a');
    await tick();
    const done = r.refetch();
    expect(calls[1]!.source).toBe(7);
    expect(r.state()).toBe('refreshing');
    calls[1]!.deferred.resolve('b');
    await expect(done).resolves.toBe('b');
  });

  it('refetch does nothing while the source is not ready', async () => {
    const fetcher = vi.fn((n: number) => n);
    const r = inRoot(() => resource(() => null as number | null, fetcher));
    await expect(r.refetch()).resolves.toBeUndefined();
    expect(fetcher).not.toHaveBeenCalled();
  });

  it('mutate sets the value locally without fetching, clears an error, accepts an updater', async () => {
    const { fetcher, calls } = controlledFetcher<true, number[]>();
    const r = inRoot(() => resource(fetcher));
    calls[0]!.deferred.reject(new Error('x'));
    await tick();
    r.mutate([1]);
    expect(r()).toEqual([1]);
    expect(r.state()).toBe('ready');
    expect(r.error()).toBeUndefined();
    r.mutate((prev) => [...(prev ?? []), 2]);
    expect(r.latest()).toEqual([1, 2]);
    expect(fetcher).toHaveBeenCalledTimes(1);
  });

  it('mutate during a fetch: the fetch still lands afterwards', async () => {
    const { fetcher, calls } = controlledFetcher<true, string>();
    const r = inRoot(() => resource(fetcher));
    r.mutate('optimistic');
    expect(r()).toBe('optimistic');
    expect(r.state()).toBe('refreshing');
    calls[0]!.deferred.resolve('server');
    await tick();
    expect(r()).toBe('server');
  });
});

describe('resource: consistency', () => {
  it('inside a batch, readers see the loading state right after the source write', () => {
    const [id, setId] = signal(1);
    const { fetcher } = controlledFetcher<number, string>();
    const r = inRoot(() => resource(id, fetcher, { initialValue: 'x' }));
    batch(() => {
      setId(2);
      expect(r.loading()).toBe(true);
      expect(fetcher).toHaveBeenCalledTimes(2);
    });
    expect(fetcher).toHaveBeenCalledTimes(2);
  });

  it('a memo over the resource recomputes when the value lands', async () => {
    const { fetcher, calls } = controlledFetcher<true, number>();
    const r = inRoot(() => resource(fetcher));
    const doubled = memo(() => (r.latest() ?? 0) * 2);
    expect(doubled()).toBe(0);
    calls[0]!.deferred.resolve(21);
    await tick();
    expect(doubled()).toBe(42);
  });

  it('tells readers of state() each transition once', async () => {
    const [id, setId] = signal(1);
    const { fetcher, calls } = controlledFetcher<number, string>();
    const states: string[] = [];
    inRoot(() => {
      const r = resource(id, fetcher);
      renderEffect(() => states.push(r.state()));
    });
    calls[0]!.deferred.resolve('a');
    await tick();
    setId(2);
    calls[1]!.deferred.resolve('b');
    await tick();
    expect(states).toEqual(['pending', 'ready', 'refreshing', 'ready']);
  });
});

describe('resource: Suspense hook', () => {
  function fakeBoundary() {
    const tracked: Promise<unknown>[] = [];
    const boundary: SuspenseBoundary = { track: (p) => void tracked.push(p) };
    return { boundary, tracked };
  }

  it('a read while loading registers the pending work once per loading period per boundary', async () => {
    const [id, setId] = signal(1);
    const { fetcher, calls } = controlledFetcher<number, string>();
    const { boundary, tracked } = fakeBoundary();
    const caught: unknown[] = [];
    const r = inRoot(() => {
      provideContext(SuspenseContext, boundary);
      const r = resource(id, fetcher);
      catchError(
        () => {
          renderEffect(() => r());
          renderEffect(() => r()); // second reader, same boundary
        },
        (e) => caught.push(e),
      );
      return r;
    });
    expect(tracked).toHaveLength(1);
    let settled = false;
    void tracked[0]!.then(() => (settled = true));
    calls[0]!.deferred.resolve('a');
    await tick();
    expect(settled).toBe(true);
    expect(r()).toBe('a');
    setId(2); // readers re-run on the state change and register the new fetch
    expect(tracked).toHaveLength(2);
    calls[1]!.deferred.reject(new Error('x'));
    await expect(tracked[1]).resolves.toBeUndefined(); // boundary promises never reject
    expect(caught).toHaveLength(2);
  });

  it('a reader that throws on the error without a handler does not leave the boundary waiting', async () => {
    const { fetcher, calls } = controlledFetcher<true, string>();
    const { boundary, tracked } = fakeBoundary();
    inRoot(() => {
      provideContext(SuspenseContext, boundary);
      const r = resource(fetcher);
      renderEffect(() => r());
    });
    const onUnhandled = vi.fn();
    process.on('unhandledRejection', onUnhandled);
    try {
      calls[0]!.deferred.reject(new Error('unhandled'));
      await expect(tracked[0]).resolves.toBeUndefined();
      await tick();
      // the reader's error surfaces (there is nowhere else for it to go), the bookkeeping is intact
      expect(onUnhandled).toHaveBeenCalledTimes(1);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('latest(), loading() and reads outside a boundary do not register', () => {
    const { fetcher } = controlledFetcher<true, string>();
    const { boundary, tracked } = fakeBoundary();
    const r = inRoot(() => resource(fetcher));
    r();
    inRoot(() => {
      provideContext(SuspenseContext, boundary);
      renderEffect(() => {
        r.latest();
        r.loading();
        r.state();
      });
    });
    expect(tracked).toHaveLength(0);
  });

  it('registers with the nearest boundary of each reader', () => {
    const { fetcher } = controlledFetcher<true, string>();
    const outer = fakeBoundary();
    const inner = fakeBoundary();
    inRoot(() => {
      provideContext(SuspenseContext, outer.boundary);
      const r = resource(fetcher);
      renderEffect(() => r());
      root(() => {
        provideContext(SuspenseContext, inner.boundary);
        renderEffect(() => r());
      });
    });
    expect(outer.tracked).toHaveLength(1);
    expect(inner.tracked).toHaveLength(1);
    expect(inner.tracked[0]).toBe(outer.tracked[0]);
  });

  it('a superseding fetch keeps the boundary pending until the latest one settles', async () => {
    const [id, setId] = signal(1);
    const { fetcher, calls } = controlledFetcher<number, string>();
    const { boundary, tracked } = fakeBoundary();
    inRoot(() => {
      provideContext(SuspenseContext, boundary);
      const r = resource(id, fetcher);
      renderEffect(() => r());
    });
    setId(2);
    expect(tracked).toHaveLength(1); // same loading period
    let settled = false;
    void tracked[0]!.then(() => (settled = true));
    calls[0]!.deferred.resolve('stale');
    await tick();
    expect(settled).toBe(false);
    calls[1]!.deferred.resolve('two');
    await tick();
    expect(settled).toBe(true);
  });

  it('disposal settles the registered work, so a boundary never hangs', async () => {
    const { fetcher } = controlledFetcher<true, string>();
    const { boundary, tracked } = fakeBoundary();
    let dispose!: () => void;
    root((d) => {
      dispose = d;
      provideContext(SuspenseContext, boundary);
      const r = resource(fetcher);
      renderEffect(() => r());
    });
    dispose();
    await expect(tracked[0]).resolves.toBeUndefined();
  });

  it('suspenseBoundary() counts pending work (tracked) and resolves settled()', async () => {
    const { fetcher, calls } = controlledFetcher<number, string>();
    const boundary = suspenseBoundary();
    const counts: number[] = [];
    inRoot(() => {
      provideContext(SuspenseContext, boundary);
      renderEffect(() => counts.push(boundary.pending()));
      const a = resource(() => 1, fetcher);
      const b = resource(() => 2, fetcher);
      renderEffect(() => [a(), b()]);
    });
    expect(boundary.pending()).toBe(2);
    let settled = false;
    void boundary.settled().then(() => (settled = true));
    calls[0]!.deferred.resolve('a');
    await tick();
    expect(boundary.pending()).toBe(1);
    expect(settled).toBe(false);
    calls[1]!.deferred.resolve('b');
    await tick();
    expect(settled).toBe(true);
    // Both reads register during one effect run; writes made while a computation runs flush once
    // it is done, so the counter goes 0 → 2 in one step (no intermediate state).
    expect(counts).toEqual([0, 2, 1, 0]);
    await expect(boundary.settled()).resolves.toBeUndefined();
  });
});

describe('resource: SSR serialization and hydration', () => {
  const wasServer = isServer();
  afterEach(() => setServer(wasServer));

  function serverHandle() {
    let n = 0;
    const entries = new Map<string, HydrationEntry | undefined | Promise<HydrationEntry | undefined>>();
    const handle: HydrationHandle = {
      nextId: () => `r${n++}`,
      serialize: (id, entry) => void entries.set(id, entry),
    };
    return { handle, entries };
  }

  function clientHandle(data: Record<string, HydrationEntry>): HydrationHandle {
    let n = 0;
    return { nextId: () => `r${n++}`, take: (id) => data[id] };
  }

  /** Stands in for the wire: entries → JSON → entries. */
  async function transfer(entries: Map<string, HydrationEntry | undefined | Promise<HydrationEntry | undefined>>) {
    const data: Record<string, HydrationEntry> = {};
    for (const [id, entry] of entries) {
      const settled = await entry;
      if (settled === undefined) continue;
      data[id] = 'error' in settled ? { error: String((settled.error as Error).message) } : settled;
    }
    return JSON.parse(JSON.stringify(data)) as Record<string, HydrationEntry>;
  }

  it('server → serialized data → client: the fetcher runs once in total', async () => {
    const calls: string[] = [];
    const fetchUser = async (id: number) => {
      calls.push(isServer() ? `server ${id}` : `client ${id}`);
      return { id, name: `user ${id}` };
    };
    const app = () => {
      const [id, setId] = signal(1);
      const user = resource(id, fetchUser);
      return { user, setId };
    };

    setServer(true);
    const server = serverHandle();
    const serverApp = inRoot(() => {
      provideContext(HydrationContext, server.handle);
      return app();
    });
    expect(serverApp.user.state()).toBe('pending');
    const data = await transfer(server.entries);
    expect(data).toEqual({ r0: { value: { id: 1, name: 'user 1' } } });

    setServer(false);
    const client = inRoot(() => {
      provideContext(HydrationContext, clientHandle(data));
      return app();
    });
    expect(client.user.state()).toBe('ready');
    expect(client.user()).toEqual({ id: 1, name: 'user 1' });
    expect(calls).toEqual(['server 1']);

    client.setId(2); // later source changes fetch normally
    await tick();
    expect(calls).toEqual(['server 1', 'client 2']);
    expect(client.user()).toEqual({ id: 2, name: 'user 2' });
  });

  it('a server error hydrates as errored; refetch recovers', async () => {
    let attempt = 0;
    const fetcher = vi.fn(async () => {
      if (attempt++ === 0) throw new Error('db down');
      return 'ok';
    });
    setServer(true);
    const server = serverHandle();
    inRoot(() => {
      provideContext(HydrationContext, server.handle);
      resource(fetcher);
    });
    const data = await transfer(server.entries);
    setServer(false);
    const r = inRoot(() => {
      provideContext(HydrationContext, clientHandle(data));
      return resource(fetcher);
    });
    expect(fetcher).toHaveBeenCalledTimes(1);
    expect(r.state()).toBe('errored');
    expect(r.error()).toBe('db down');
    await expect(r.refetch()).resolves.toBe('ok');
  });

  it('keys override allocated ids; ssr: "client" is neither fetched on the server nor taken', async () => {
    setServer(true);
    const server = serverHandle();
    const serverFetch = vi.fn(() => 'server value');
    let clientOnly!: Resource<string>;
    inRoot(() => {
      provideContext(HydrationContext, server.handle);
      resource(() => 'keyed', { key: 'profile' });
      clientOnly = resource(serverFetch, { ssr: 'client' });
      resource(() => 'third');
    });
    expect(serverFetch).not.toHaveBeenCalled();
    expect(clientOnly.state()).toBe('unresolved');
    await expect(clientOnly.refetch()).resolves.toBeUndefined();
    expect(serverFetch).not.toHaveBeenCalled();
    const data = await transfer(server.entries);
    // ids in creation order: the keyed resource takes none, the client-only one still takes one
    expect(data).toEqual({ profile: { value: 'keyed' }, r1: { value: 'third' } });

    setServer(false);
    const clientFetch = vi.fn(() => 'client value');
    const take = vi.fn(clientHandle(data).take!);
    const values = inRoot(() => {
      provideContext(HydrationContext, { ...clientHandle(data), take });
      return [resource(() => 'x', { key: 'profile' }), resource(clientFetch, { ssr: 'client' }), resource(() => 'y')];
    });
    expect(values.map((r) => r())).toEqual(['keyed', 'client value', 'third']);
    expect(clientFetch).toHaveBeenCalledTimes(1);
    expect(take.mock.calls.map((c) => c[0])).toEqual(['profile', 'r1']);
  });

  it('ssr: "client", hydrating: the first load does not suspend (the server rendered without it); a refetch does', async () => {
    setServer(false);
    const tracked: Promise<unknown>[] = [];
    const boundary: SuspenseBoundary = { track: (p) => void tracked.push(p) };
    let answer!: (value: string) => void;
    const r = inRoot(() => {
      provideContext(HydrationContext, clientHandle({}));
      provideContext(SuspenseContext, boundary);
      const r = resource(() => new Promise<string>((resolve) => (answer = resolve)), { ssr: 'client' });
      renderEffect(() => r());
      return r;
    });
    expect(r.state()).toBe('pending');
    expect(tracked).toHaveLength(0);
    answer('first');
    await Promise.resolve();
    await Promise.resolve();
    expect(r()).toBe('first');
    void r.refetch();
    inRoot(() => {
      provideContext(SuspenseContext, boundary);
      renderEffect(() => r());
    });
    expect(tracked).toHaveLength(1);
  });

  it('ssr: "client": a load once hydration is over suspends, first or not (the handle is still provided)', async () => {
    setServer(false);
    const tracked: Promise<unknown>[] = [];
    const boundary: SuspenseBoundary = { track: (p) => void tracked.push(p) };
    let hydrating = true;
    const handle: HydrationHandle = { ...clientHandle({}), hydrating: () => hydrating };
    const [ready, setReady] = signal(false);
    // Hydrating: the first load is quiet; hydration then ends with it still in flight.
    const quiet = inRoot(() => {
      provideContext(HydrationContext, handle);
      return resource(() => new Promise<string>(() => {}), { ssr: 'client' });
    });
    // Created during hydration, its first load starting after it.
    const late = inRoot(() => {
      provideContext(HydrationContext, handle);
      return resource(ready, () => new Promise<string>(() => {}), { ssr: 'client' });
    });
    hydrating = false;
    const read = (r: () => unknown) =>
      inRoot(() => {
        provideContext(SuspenseContext, boundary);
        renderEffect(() => r());
      });
    read(quiet);
    expect(tracked).toHaveLength(0);
    // A refetch joining the quiet load's period is not quiet.
    void quiet.refetch();
    read(quiet);
    expect(tracked).toHaveLength(1);
    setReady(true);
    read(late);
    expect(tracked).toHaveLength(2);
  });

  it('concurrent server renders do not share ids or data', async () => {
    setServer(true);
    const a = serverHandle();
    const b = serverHandle();
    const d1 = deferred<string>();
    const d2 = deferred<string>();
    inRoot(() => {
      provideContext(HydrationContext, a.handle);
      resource(() => d1.promise);
    });
    inRoot(() => {
      provideContext(HydrationContext, b.handle);
      resource(() => d2.promise);
    });
    d2.resolve('b');
    d1.resolve('a');
    expect(await transfer(a.entries)).toEqual({ r0: { value: 'a' } });
    expect(await transfer(b.entries)).toEqual({ r0: { value: 'b' } });
  });

  it('a synchronous fetcher on the server is serialized too', async () => {
    setServer(true);
    const server = serverHandle();
    inRoot(() => {
      provideContext(HydrationContext, server.handle);
      resource(() => 42);
    });
    expect(await transfer(server.entries)).toEqual({ r0: { value: 42 } });
  });

  it('without a HydrationContext the server just fetches', async () => {
    setServer(true);
    const r = inRoot(() => resource(async () => 'plain'));
    await tick();
    expect(r()).toBe('plain');
  });
});
