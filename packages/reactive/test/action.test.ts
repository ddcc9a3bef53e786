import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import { createContext, provideContext, renderEffect, root, signal, useContext } from '../src/index.js';
import { action, multiAction, type Action, type MultiAction } from '../src/action.js';
import { resource } from '../src/resource.js';
import { deferred, inRoot, tick, type Deferred } from './helpers.js';




/** An action whose dispatches each wait on a deferred the test settles. */
function controlledAction<I, O>() {
  const calls: { input: I; deferred: Deferred<O> }[] = [];
  const act = action((input: I) => {
    const d = deferred<O>();
    calls.push({ input, deferred: d });
    return d.promise;
  });
  return { act, calls };
}


describe('action', () => {
  it('dispatch runs the function and resolves with its output', async () => {
    const save = inRoot(() => action(async (n: number) => n * 2));
    expect(save.value()).toBeUndefined();
    expect(save.version()).toBe(0);
    await expect(save.dispatch(21)).resolves.toBe(42);
    expect(save.value()).toBe(42);
    expect(save.version()).toBe(1);
    expectTypeOf(save).toEqualTypeOf<Action<number, number>>();
  });

  it('pending toggles and input() is visible while in flight (tracked)', async () => {
    const { act, calls } = inRoot(() => controlledAction<string, number>());
    const seen: [boolean, string | undefined][] = [];
    inRoot(() => renderEffect(() => seen.push([act.pending(), act.input()])));
    const done = act.dispatch('todo');
    expect(act.pending()).toBe(true);
    expect(act.input()).toBe('todo');
    calls[0]!.deferred.resolve(1);
    await done;
    expect(act.pending()).toBe(false);
    expect(act.input()).toBeUndefined();
    expect(seen).toEqual([
      [false, undefined],
      [true, 'todo'],
      [false, undefined],
    ]);
  });

  it('the latest dispatch wins; a superseded result is ignored but still counts in version', async () => {
    const { act, calls } = inRoot(() => controlledAction<string, string>());
    const first = act.dispatch('a');
    const second = act.dispatch('b');
    expect(act.input()).toBe('b');
    calls[1]!.deferred.resolve('B');
    await second;
    expect(act.value()).toBe('B');
    expect(act.input()).toBeUndefined();
    expect(act.pending()).toBe(true); // 'a' is still running
    expect(act.version()).toBe(1);
    calls[0]!.deferred.resolve('A');
    await expect(first).resolves.toBe('A'); // each caller gets its own result
    expect(act.value()).toBe('B');
    expect(act.pending()).toBe(false);
    expect(act.version()).toBe(2);
  });

  it('a superseded dispatch settling first does not land either', async () => {
    const { act, calls } = inRoot(() => controlledAction<string, string>());
    void act.dispatch('a');
    const second = act.dispatch('b');
    calls[0]!.deferred.resolve('A');
    await tick();
    expect(act.value()).toBeUndefined();
    expect(act.input()).toBe('b');
    calls[1]!.deferred.resolve('B');
    await second;
    expect(act.value()).toBe('B');
  });

  it('errors surface in error() and reject the dispatch; the next dispatch clears them', async () => {
    const { act, calls } = inRoot(() => controlledAction<number, string>());
    const ok = act.dispatch(1);
    calls[0]!.deferred.resolve('one');
    await ok;
    const boom = new Error('boom');
    const failing = act.dispatch(2);
    calls[1]!.deferred.reject(boom);
    await expect(failing).rejects.toBe(boom);
    expect(act.error()).toBe(boom);
    expect(act.value()).toBe('one'); // the last settled output is kept
    expect(act.version()).toBe(1); // failures do not count
    expect(act.pending()).toBe(false);
    const retry = act.dispatch(3);
    expect(act.error()).toBeUndefined();
    calls[2]!.deferred.resolve('three');
    await retry;
    expect(act.value()).toBe('three');
  });

  it('a superseded failure does not set error()', async () => {
    const { act, calls } = inRoot(() => controlledAction<number, string>());
    const first = act.dispatch(1);
    const second = act.dispatch(2);
    calls[0]!.deferred.reject(new Error('old'));
    await expect(first).rejects.toThrow('old');
    expect(act.error()).toBeUndefined();
    calls[1]!.deferred.resolve('two');
    await second;
    expect(act.error()).toBeUndefined();
  });

  it('synchronous functions settle synchronously; a synchronous throw rejects', async () => {
    const act = inRoot(() =>
      action((n: number) => {
        if (n < 0) throw new Error('negative');
        return n + 1;
      }),
    );
    const result = act.dispatch(1);
    expect(act.value()).toBe(2);
    expect(act.version()).toBe(1);
    expect(act.pending()).toBe(false);
    await expect(result).resolves.toBe(2);
    await expect(act.dispatch(-1)).rejects.toThrow('negative');
    expect((act.error() as Error).message).toBe('negative');
  });

  it('clear() resets value and error', async () => {
    const act = inRoot(() => action(async (n: number) => n));
    await act.dispatch(5);
    act.clear();
    expect(act.value()).toBeUndefined();
    expect(act.error()).toBeUndefined();
    expect(act.version()).toBe(1);
  });

  it('runs the function untracked, with the creator’s context', async () => {
    const Ctx = createContext('none');
    const [other, setOther] = signal(0);
    let runs = 0;
    const act = inRoot(() => {
      provideContext(Ctx, 'ctx');
      return action((n: number) => `${n}:${other()}:${useContext(Ctx)}`);
    });
    inRoot(() =>
      renderEffect(() => {
        runs++;
        void act.dispatch(1);
      }),
    );
    expect(act.value()).toBe('1:0:ctx');
    setOther(1);
    expect(runs).toBe(1);
  });

  it('after its owner is disposed, dispatches still run but nothing is written', async () => {
    const { calls, act, dispose } = root((dispose) => ({ ...controlledAction<number, number>(), dispose }));
    const pending = act.dispatch(1);
    dispose();
    calls[0]!.deferred.resolve(10);
    await expect(pending).resolves.toBe(10);
    expect(act.value()).toBeUndefined();
    expect(act.version()).toBe(0);
    const later = act.dispatch(2);
    expect(calls).toHaveLength(2);
    calls[1]!.deferred.resolve(20);
    await expect(later).resolves.toBe(20);
    expect(act.value()).toBeUndefined();
    expect(act.pending()).toBe(true); // frozen at the moment of disposal
  });

  it('a zero-argument action dispatches without an argument', async () => {
    const refresh = inRoot(() => action(async () => 'done'));
    expectTypeOf(refresh).toEqualTypeOf<Action<void, string>>();
    await expect(refresh.dispatch()).resolves.toBe('done');
    // @ts-expect-error the input type is checked
    void inRoot(() => action(async (n: number) => n)).dispatch('x');
  });

  it('a resource keyed on version() refetches after each successful dispatch', async () => {
    const server = ['a'];
    const addTodo = inRoot(() => action(async (title: string) => void server.push(title)));
    const fetchTodos = vi.fn(async () => [...server]);
    const todos = inRoot(() => resource(() => addTodo.version() + 1, fetchTodos)); // +1: 0 is ready anyway
    await tick();
    expect(todos()).toEqual(['a']);
    expect(fetchTodos).toHaveBeenCalledTimes(1);
    const added = addTodo.dispatch('b');
    await tick();
    expect(fetchTodos).toHaveBeenCalledTimes(2);
    await added;
    expect(todos()).toEqual(['a', 'b']);
    await addTodo.dispatch('c').catch(() => {});
    await tick();
    expect(todos()).toEqual(['a', 'b', 'c']);
    expect(fetchTodos).toHaveBeenCalledTimes(3);
  });

  it('optimistic UI: input() while pending, then the refetched list', async () => {
    const server: string[] = [];
    const gate = deferred<void>();
    const addTodo = inRoot(() =>
      action(async (title: string) => {
        await gate.promise;
        server.push(title);
      }),
    );
    const todos = inRoot(() => resource(() => addTodo.version() + 1, async () => [...server]));
    const view = (): string[] => [...(todos.latest() ?? []), ...(addTodo.pending() ? [`${addTodo.input()}…`] : [])];
    await tick();
    const done = addTodo.dispatch('milk');
    expect(view()).toEqual(['milk…']);
    gate.resolve();
    await done;
    await tick();
    expect(view()).toEqual(['milk']);
  });
});

describe('action: seed and fn', () => {
  it('seed() sets value or error without running the function or counting a version', () => {
    const fn = vi.fn(async (n: number) => n);
    const act = inRoot(() => action(fn));
    expect(act.fn).toBe(fn);
    act.seed({ value: 7 });
    expect(act.value()).toBe(7);
    expect(act.version()).toBe(0);
    const boom = new Error('boom');
    act.seed({ error: boom });
    expect(act.error()).toBe(boom);
    expect(act.value()).toBe(7);
    expect(fn).not.toHaveBeenCalled();
  });
});

describe('multiAction', () => {
  function controlledMulti<I, O>() {
    const calls: { input: I; deferred: Deferred<O> }[] = [];
    const act = inRoot(() =>
      multiAction((input: I) => {
        const d = deferred<O>();
        calls.push({ input, deferred: d });
        return d.promise;
      }),
    );
    return { act, calls };
  }

  it('each dispatch is its own submission with its own pending/value/error', async () => {
    const { act, calls } = controlledMulti<string, string>();
    expectTypeOf(act).toEqualTypeOf<MultiAction<string, string>>();
    const a = act.dispatch('a');
    const b = act.dispatch('b');
    const [sa, sb] = act.submissions();
    expect(act.submissions()).toHaveLength(2);
    expect([sa!.input, sb!.input]).toEqual(['a', 'b']);
    expect([sa!.pending(), sb!.pending(), act.pending()]).toEqual([true, true, true]);
    calls[1]!.deferred.resolve('B');
    await b;
    expect([sa!.pending(), sb!.pending(), act.pending()]).toEqual([true, false, true]);
    expect(sb!.value()).toBe('B');
    expect(act.version()).toBe(1);
    const boom = new Error('A failed');
    calls[0]!.deferred.reject(boom);
    await expect(a).rejects.toBe(boom);
    expect(sa!.error()).toBe(boom);
    expect(sa!.value()).toBeUndefined();
    expect(act.pending()).toBe(false);
    expect(act.version()).toBe(1);
  });

  it('submissions() is tracked; clear() drops settled ones, a submission clears itself', async () => {
    const { act, calls } = controlledMulti<number, number>();
    const seen: number[] = [];
    inRoot(() => renderEffect(() => seen.push(act.submissions().length)));
    void act.dispatch(1);
    const second = act.dispatch(2);
    calls[1]!.deferred.resolve(2);
    await second;
    act.clear(); // the first is still in flight: kept
    expect(act.submissions().map((s) => s.input)).toEqual([1]);
    act.submissions()[0]!.clear();
    expect(act.submissions()).toEqual([]);
    expect(seen).toEqual([0, 1, 2, 1, 0]);
  });

  it('synchronous functions settle at once; seed() adds a settled submission', () => {
    const act = inRoot(() => multiAction((n: number) => n * 2));
    void act.dispatch(2);
    expect(act.submissions()[0]!.value()).toBe(4);
    expect(act.submissions()[0]!.pending()).toBe(false);
    expect(act.version()).toBe(1);
    act.seed({ error: 'nope' });
    const seeded = act.submissions()[1]!;
    expect([seeded.input, seeded.error(), act.version()]).toEqual([undefined, 'nope', 1]);
  });

  it('after its owner is disposed, dispatches run but nothing is written', async () => {
    const { act, dispose } = root((dispose) => ({ act: multiAction(async (n: number) => n), dispose }));
    dispose();
    await expect(act.dispatch(1)).resolves.toBe(1);
    expect(act.submissions()).toEqual([]);
    expect(act.version()).toBe(0);
  });

  it('a resource keyed on version() refetches after each successful submission', async () => {
    const server: string[] = [];
    const add = inRoot(() => multiAction(async (title: string) => void server.push(title)));
    const list = inRoot(() => resource(() => add.version() + 1, async () => [...server]));
    await Promise.all([add.dispatch('a'), add.dispatch('b')]);
    await tick();
    expect(list()).toEqual(['a', 'b']);
  });
});
