/**
 * The hooks the renderers build Suspense boundaries and server re-renders on: scoped hydration
 * handles, a server handle's `take`/`adopt` (a boundary rendered again neither fetches twice nor
 * serializes twice), and blocking reads.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { provideContext, renderEffect } from '../src/index.js';
import { isServer, setServer } from '../src/env.js';
import { resource } from '../src/resource.js';
import {
  HydrationContext,
  SuspenseContext,
  scopedHandle,
  type HydrationEntry,
  type HydrationHandle,
  type SuspenseBoundary,
} from '../src/suspense.js';
import { deferred, inRoot, tick } from './helpers.js';

describe('scopedHandle', () => {
  it('counts <id>.<n> afresh for each handle and shares the parent’s take, adopt and serialize', () => {
    const calls: string[] = [];
    const parent: HydrationHandle = {
      nextId: () => 'unused',
      take(id) {
        calls.push(`take ${id}`);
        return undefined;
      },
      adopt(id) {
        calls.push(`adopt ${id}`);
        return undefined;
      },
      serialize(id) {
        calls.push(`serialize ${id}`);
      },
    };
    const first = scopedHandle(parent, '3');
    expect([first.nextId(), first.nextId()]).toEqual(['3.0', '3.1']);
    const again = scopedHandle(parent, '3');
    expect(again.nextId()).toBe('3.0');
    expect(scopedHandle(again, '3.0').nextId()).toBe('3.0.0');
    again.take!('a');
    again.adopt!('b');
    again.serialize!('c', undefined);
    expect(calls).toEqual(['take a', 'adopt b', 'serialize c']);
    const clientOnly = scopedHandle({ nextId: () => 'x', take: () => undefined }, '1');
    expect(clientOnly.serialize).toBeUndefined();
    expect(clientOnly.adopt).toBeUndefined();
  });
});

describe('resource on the server: renders of the same boundary', () => {
  const wasServer = isServer();
  afterEach(() => setServer(wasServer));

  /** A server handle like the renderer's: caches settled entries, hands over loads in flight. */
  function serverHandle() {
    let n = 0;
    const settled = new Map<string, HydrationEntry>();
    const inflight = new Map<string, Promise<HydrationEntry | undefined>>();
    const serialized: string[] = [];
    const handle: HydrationHandle = {
      nextId: () => `${n++}`,
      take: (id) => settled.get(id),
      adopt: (id) => inflight.get(id),
      serialize(id, entry) {
        serialized.push(id);
        void Promise.resolve(entry).then((e) => {
          if (e !== undefined) settled.set(id, e);
        });
        if (entry instanceof Promise) inflight.set(id, entry);
      },
    };
    return { handle, serialized, restart: () => (n = 0) };
  }

  it('a settled load is taken, not fetched again nor serialized again', async () => {
    setServer(true);
    const server = serverHandle();
    const fetcher = vi.fn(async () => ({ when: new Date(0) }));
    inRoot(() => {
      provideContext(HydrationContext, server.handle);
      resource(fetcher);
    });
    await tick();
    server.restart();
    const again = inRoot(() => {
      provideContext(HydrationContext, server.handle);
      return resource(fetcher);
    });
    expect(fetcher).toHaveBeenCalledTimes(1);
    expect(again.state()).toBe('ready');
    expect(again()).toEqual({ when: new Date(0) });
    expect(server.serialized).toEqual(['0']);
  });

  it('a load still in flight is adopted: one fetch, both renders get its value (or its error)', async () => {
    setServer(true);
    const server = serverHandle();
    const d = deferred<string>();
    const fetcher = vi.fn(() => d.promise);
    const first = inRoot(() => {
      provideContext(HydrationContext, server.handle);
      return resource(fetcher);
    });
    server.restart();
    const second = inRoot(() => {
      provideContext(HydrationContext, server.handle);
      return resource(fetcher);
    });
    expect(fetcher).toHaveBeenCalledTimes(1);
    expect(second.state()).toBe('pending');
    d.resolve('v');
    await tick();
    expect([first(), second()]).toEqual(['v', 'v']);

    const e = deferred<string>();
    const failing = vi.fn(() => e.promise);
    server.restart();
    inRoot(() => {
      provideContext(HydrationContext, server.handle);
      resource(() => 1, failing, { key: 'k' });
    });
    const adopted = inRoot(() => {
      provideContext(HydrationContext, server.handle);
      return resource(() => 1, failing, { key: 'k' });
    });
    e.reject(new Error('down'));
    await tick();
    expect(failing).toHaveBeenCalledTimes(1);
    expect(adopted.error()).toEqual(new Error('down'));
  });

  it('an adopted load that ends with nothing (it was cancelled) leaves the adopter to fetch', async () => {
    setServer(true);
    const fetcher = vi.fn(async () => 'fresh');
    const cancelled = deferred<HydrationEntry | undefined>();
    const r = inRoot(() => {
      provideContext(HydrationContext, { nextId: () => '0', adopt: () => cancelled.promise, serialize() {} });
      return resource(fetcher);
    });
    expect(fetcher).not.toHaveBeenCalled();
    expect(r.state()).toBe('pending');
    cancelled.resolve(undefined);
    await tick();
    expect(fetcher).toHaveBeenCalledTimes(1);
    expect(r()).toBe('fresh');
  });

  it('a read registers as blocking when the resource is', () => {
    const tracked: boolean[] = [];
    const boundary: SuspenseBoundary = { track: (_, blocking) => void tracked.push(blocking === true) };
    inRoot(() => {
      provideContext(SuspenseContext, boundary);
      const plain = resource(() => new Promise<number>(() => {}));
      const blocking = resource(() => new Promise<number>(() => {}), { blocking: true });
      renderEffect(() => plain());
      renderEffect(() => blocking());
    });
    expect(tracked).toEqual([false, true]);
  });
});
