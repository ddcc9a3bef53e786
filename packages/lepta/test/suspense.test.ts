// @vitest-environment happy-dom
/**
 * Suspense, Transition and Await in the browser (mount), driven the way compiled code drives
 * them: `createComponent` with getter props, templates and `insert`.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  Await,
  ErrorBoundary,
  Show,
  Suspense,
  Transition,
  onCleanup,
  provideContext,
  resource,
  signal,
  type JSX,
} from '../src/index.js';
import { HydrationContext, type HydrationEntry } from '@lepta/reactive/internal';
import { createComponent, insert, mount, template } from '../src/runtime.js';
import { deferred, tick, type Deferred } from '../../reactive/test/helpers.js';

const disposers: (() => void)[] = [];
afterEach(() => {
  while (disposers.length) disposers.pop()!();
  document.body.innerHTML = '';
});

function render(fn: () => JSX.Element): HTMLElement {
  const container = document.createElement('div');
  document.body.appendChild(container);
  disposers.push(mount(fn, container));
  return container;
}

const pTemplate = template('<p></p>');
function p(value: unknown): HTMLElement {
  const el = pTemplate() as HTMLElement;
  insert(el, value);
  return el;
}

/** A fetcher whose calls wait for the test: `next()` settles the oldest pending call. */
function controlled<T>() {
  const pending: Deferred<T>[] = [];
  const fetcher = vi.fn(() => {
    const d = deferred<T>();
    pending.push(d);
    return d.promise;
  });
  return { fetcher, resolve: (v: T) => pending.shift()!.resolve(v), reject: (e: unknown) => pending.shift()!.reject(e) };
}

describe('Suspense (browser)', () => {
  it('shows the fallback while a resource read inside loads, then the children', async () => {
    const data = controlled<string>();
    const c = render(() => {
      const user = resource(data.fetcher);
      return createComponent(Suspense, {
        get fallback() {
          return p('loading');
        },
        get children() {
          return p(() => user());
        },
      });
    });
    expect(c.innerHTML).toBe('<p>loading</p>');
    data.resolve('Ada');
    await tick();
    expect(c.innerHTML).toBe('<p>Ada</p>');
  });

  it('shows the fallback again while refetching; the children are kept, not re-created', async () => {
    const data = controlled<string>();
    const [id, setId] = signal(1);
    let created = 0;
    const c = render(() => {
      const user = resource(id, data.fetcher);
      return createComponent(Suspense, {
        fallback: 'loading',
        get children() {
          created++;
          return p(() => user());
        },
      });
    });
    data.resolve('one');
    await tick();
    expect(c.textContent).toBe('one');
    setId(2);
    expect(c.textContent).toBe('loading');
    data.resolve('two');
    await tick();
    expect(c.textContent).toBe('two');
    expect(created).toBe(1);
  });

  it('registers reads in memos its children render (a Show), and only its own: nested boundaries are separate', async () => {
    const outer = controlled<string>();
    const inner = controlled<string>();
    const c = render(() => {
      const a = resource(outer.fetcher);
      const b = resource(inner.fetcher);
      return createComponent(Suspense, {
        fallback: 'outer…',
        get children() {
          return [
            createComponent(Show, {
              when: true,
              get children() {
                return p(() => a());
              },
            }),
            createComponent(Suspense, {
              fallback: 'inner…',
              get children() {
                return p(() => b());
              },
            }),
          ];
        },
      });
    });
    expect(c.textContent).toBe('outer…');
    outer.resolve('A');
    await tick();
    expect(c.textContent).toBe('Ainner…');
    inner.resolve('B');
    await tick();
    expect(c.textContent).toBe('AB');
  });

  it('a function child (read by the inserting effect, outside the boundary) still suspends it', async () => {
    const data = controlled<string>();
    const c = render(() => {
      const value = resource(data.fetcher);
      return createComponent(Suspense, {
        fallback: 'loading',
        get children() {
          return () => value();
        },
      });
    });
    expect(c.textContent).toBe('loading');
    data.resolve('ready');
    await tick();
    expect(c.textContent).toBe('ready');
  });

  it('an error while loading goes to the ErrorBoundary around it', async () => {
    const data = controlled<string>();
    const c = render(() => {
      const value = resource(data.fetcher);
      return createComponent(ErrorBoundary, {
        fallback: (error: unknown) => p(`failed: ${(error as Error).message}`),
        get children() {
          return createComponent(Suspense, {
            fallback: 'loading',
            get children() {
              return p(() => value());
            },
          });
        },
      });
    });
    data.reject(new Error('down'));
    await tick();
    expect(c.innerHTML).toBe('<p>failed: down</p>');
  });

  it('disposing the app aborts the fetch in flight and runs the children’s cleanups', () => {
    let aborted = false;
    const log: string[] = [];
    const dispose = mount(() => {
      const value = resource((_: true, { signal }) => {
        signal.addEventListener('abort', () => (aborted = true));
        return new Promise<string>(() => {});
      });
      return createComponent(Suspense, {
        fallback: 'loading',
        get children() {
          onCleanup(() => log.push('children'));
          return p(() => value());
        },
      });
    }, document.body);
    dispose();
    expect(aborted).toBe(true);
    expect(log).toEqual(['children']);
  });

  it('scopes hydration ids: the boundary takes one id, its children <id>.<n>', () => {
    const taken: string[] = [];
    const data: Record<string, HydrationEntry> = { '0': { value: 'root' }, '1.0': { value: 'inner' } };
    let n = 0;
    const fetcher = vi.fn(async () => 'fetched');
    const c = render(() => {
      provideContext(HydrationContext, {
        nextId: () => `${n++}`,
        take: (id) => (taken.push(id), data[id]),
      });
      const top = resource(fetcher);
      return [
        p(() => top()),
        createComponent(Suspense, {
          fallback: 'loading',
          get children() {
            const inner = resource(fetcher);
            return p(() => inner());
          },
        }),
      ];
    });
    expect(taken).toEqual(['0', '1.0']);
    expect(fetcher).not.toHaveBeenCalled();
    expect(c.innerHTML).toBe('<p>root</p><p>inner</p>');
  });
});

describe('Transition (browser)', () => {
  it('shows the fallback on the first load only; later loads keep the previous content', async () => {
    const data = controlled<string>();
    const [id, setId] = signal(1);
    const c = render(() => {
      const user = resource(id, data.fetcher);
      return createComponent(Transition, {
        fallback: 'loading',
        get children() {
          return p(() => user());
        },
      });
    });
    expect(c.textContent).toBe('loading');
    data.resolve('one');
    await tick();
    expect(c.textContent).toBe('one');
    setId(2);
    expect(c.textContent).toBe('one');
    data.resolve('two');
    await tick();
    expect(c.textContent).toBe('two');
  });
});

describe('Await (browser)', () => {
  it('renders its children with the resolved value, suspending the nearest boundary meanwhile', async () => {
    const d = deferred<{ visits: number }>();
    const children = vi.fn((stats: { visits: number }) => p(`${stats.visits} visits`));
    const c = render(() =>
      createComponent(Suspense, {
        fallback: 'loading',
        get children() {
          return createComponent(Await<{ visits: number }>, {
            get future() {
              return d.promise;
            },
            children,
          });
        },
      }),
    );
    expect(c.textContent).toBe('loading');
    d.resolve({ visits: 3 });
    await tick();
    expect(c.innerHTML).toBe('<p>3 visits</p>');
    expect(children).toHaveBeenCalledTimes(1);
  });

  it('a plain value renders at once; a rejection reaches the ErrorBoundary', async () => {
    const now = render(() => createComponent(Await<number>, { future: 7, children: (v: number) => p(v) }));
    expect(now.innerHTML).toBe('<p>7</p>');

    const d = deferred<number>();
    const c = render(() =>
      createComponent(ErrorBoundary, {
        fallback: 'failed',
        get children() {
          return createComponent(Suspense, {
            fallback: 'loading',
            get children() {
              return createComponent(Await<number>, { future: d.promise, children: (v: number) => p(v) });
            },
          });
        },
      }),
    );
    d.reject(new Error('no'));
    await tick();
    expect(c.textContent).toBe('failed');
  });
});
