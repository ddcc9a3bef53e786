// @vitest-environment happy-dom
/**
 * The control flow components, driven the way compiled code drives them: components called with
 * `createComponent` and props objects whose dynamic values are getters, results placed with
 * `insert` (through `mount`), elements cloned from templates.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  ErrorBoundary,
  For,
  Index,
  Match,
  Show,
  Switch,
  createContext,
  effect,
  onCleanup,
  provideContext,
  renderEffect,
  signal,
  useContext,
  type Accessor,
  type JSX,
} from '../src/index.js';
import { createComponent, insert, mount, template } from '../src/runtime.js';

const disposers: (() => void)[] = [];
afterEach(() => {
  while (disposers.length) disposers.pop()!();
  document.body.innerHTML = '';
});

/** Mounts `fn` into a fresh container; returns the container. */
function render(fn: () => JSX.Element): HTMLElement {
  const container = document.createElement('div');
  document.body.appendChild(container);
  disposers.push(mount(fn, container));
  return container;
}

const pTemplate = template('<p></p>');
/** `<p>{value}</p>` as compiled: a cloned template and an insert. */
function p(value: unknown): HTMLElement {
  const el = pTemplate() as HTMLElement;
  insert(el, value);
  return el;
}

/** A child that logs its creation and disposal. */
function tracked(name: string, log: string[]): HTMLElement {
  log.push(`+${name}`);
  onCleanup(() => log.push(`-${name}`));
  return p(name);
}

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('Show', () => {
  it('switches between children and fallback, disposing what it removes', () => {
    const [on, setOn] = signal(false);
    const log: string[] = [];
    const c = render(() =>
      createComponent(Show, {
        get when() {
          return on();
        },
        get fallback() {
          return tracked('off', log);
        },
        get children() {
          return tracked('on', log);
        },
      }),
    );
    expect(c.innerHTML).toBe('<p>off</p>');
    setOn(true);
    expect(c.innerHTML).toBe('<p>on</p>');
    setOn(false);
    expect(c.innerHTML).toBe('<p>off</p>');
    expect(log).toEqual(['+off', '-off', '+on', '-on', '+off']);
  });

  it('unkeyed: a new truthy value keeps the branch; the render function reads it through an accessor', () => {
    const [user, setUser] = signal<{ name: string } | null>({ name: 'Ada' });
    let renders = 0;
    const c = render(() =>
      createComponent(Show, {
        get when() {
          return user();
        },
        children: (u: Accessor<{ name: string }>) => (renders++, p(() => u().name)),
      }),
    );
    expect(c.textContent).toBe('Ada');
    setUser({ name: 'Grace' });
    expect(c.textContent).toBe('Grace');
    expect(renders).toBe(1);
    setUser(null);
    expect(c.textContent).toBe('');
    setUser({ name: 'Alan' });
    expect(c.textContent).toBe('Alan');
    expect(renders).toBe(2);
  });

  it('keyed: each new value re-creates the branch with the value itself', () => {
    const [user, setUser] = signal<{ name: string } | null>({ name: 'Ada' });
    const log: string[] = [];
    const c = render(() =>
      createComponent(Show, {
        keyed: true,
        get when() {
          return user();
        },
        children: (u: { name: string }) => tracked(u.name, log),
      }),
    );
    setUser({ name: 'Grace' });
    expect(c.textContent).toBe('Grace');
    expect(log).toEqual(['+Ada', '-Ada', '+Grace']);
  });

  it('a truthy value changing truthiness-preserving (1 → 2) does not re-render an unkeyed branch', () => {
    const [n, setN] = signal(1);
    const log: string[] = [];
    render(() =>
      createComponent(Show, {
        get when() {
          return n();
        },
        get children() {
          return tracked('x', log);
        },
      }),
    );
    setN(2);
    expect(log).toEqual(['+x']);
  });

  it('the accessor throws once the condition is falsy (a stale read)', () => {
    const [user, setUser] = signal<{ name: string } | null>({ name: 'Ada' });
    let read!: Accessor<{ name: string }>;
    render(() =>
      createComponent(Show, {
        get when() {
          return user();
        },
        children: (u: Accessor<{ name: string }>) => ((read = u), null),
      }),
    );
    expect(read().name).toBe('Ada');
    setUser(null);
    expect(() => read()).toThrow(/Stale read from <Show>/);
  });

  it('a zero-argument function child is inserted as a reactive child', () => {
    const [count, setCount] = signal(1);
    const c = render(() =>
      createComponent(Show, {
        when: true,
        children: () => count(),
      }),
    );
    setCount(2);
    expect(c.textContent).toBe('2');
  });

  it('a dynamic expression as children stays reactive', () => {
    const [count, setCount] = signal(1);
    const c = render(() =>
      createComponent(Show, {
        when: true,
        get children() {
          return count();
        },
      }),
    );
    setCount(2);
    expect(c.textContent).toBe('2');
  });

  it("a branch's effects do not run against the state that hides it", () => {
    const [user, setUser] = signal<{ name: string } | null>({ name: 'Ada' });
    const seen: string[] = [];
    render(() =>
      createComponent(Show, {
        get when() {
          return user();
        },
        get children() {
          renderEffect(() => void seen.push(user()!.name));
          return null;
        },
      }),
    );
    expect(() => setUser(null)).not.toThrow();
    expect(seen).toEqual(['Ada']);
  });
});

describe('For', () => {
  interface Todo {
    id: number;
    title: string;
  }
  const todo = (id: number): Todo => ({ id, title: `t${id}` });

  it('renders rows, moves their nodes on reorder, disposes removed rows', () => {
    const a = todo(1),
      b = todo(2),
      c = todo(3);
    const [list, setList] = signal([a, b, c]);
    const log: string[] = [];
    const container = render(() =>
      createComponent(For<Todo, HTMLElement>, {
        get each() {
          return list();
        },
        children: (t: Todo) => tracked(t.title, log),
      }),
    );
    const [pa, pb, pc] = Array.from(container.children);
    expect(container.textContent).toBe('t1t2t3');
    setList([c, a]);
    expect(container.textContent).toBe('t3t1');
    expect(Array.from(container.children)).toEqual([pc, pa]);
    expect(pb!.isConnected).toBe(false);
    expect(log).toEqual(['+t1', '+t2', '+t3', '-t2']);
  });

  it('keys rows by `key`, updates index(), and shows the fallback while empty', () => {
    const [list, setList] = signal<Todo[]>([todo(1), todo(2)]);
    const container = render(() =>
      createComponent(For<Todo, HTMLElement>, {
        get each() {
          return list();
        },
        key: (t: Todo) => t.id,
        get fallback() {
          return p('empty');
        },
        children: (t: Todo, i: Accessor<number>) => p(() => `${i()}:${t.title}`),
      }),
    );
    const first = container.children[0];
    setList([todo(2), todo(1)]);
    expect(container.textContent).toBe('0:t21:t1');
    expect(container.children[1]).toBe(first);
    setList([]);
    expect(container.innerHTML).toBe('<p>empty</p>');
    setList([todo(5)]);
    expect(container.textContent).toBe('0:t5');
  });

  it('rows see the context of where the list is rendered', () => {
    const Theme = createContext('light');
    const container = render(() => {
      provideContext(Theme, 'dark');
      return createComponent(For<number, HTMLElement>, {
        each: [1, 2],
        children: (n: number) => p(`${n}${useContext(Theme)}`),
      });
    });
    expect(container.textContent).toBe('1dark2dark');
  });
});

describe('Index', () => {
  it('keeps rows by position; a changed element updates only its row', () => {
    const [list, setList] = signal(['a', 'b']);
    let created = 0;
    const container = render(() =>
      createComponent(Index<string, HTMLElement>, {
        get each() {
          return list();
        },
        children: (item: Accessor<string>, i: number) => (created++, p(() => `${i}${item()}`)),
      }),
    );
    const rows = Array.from(container.children);
    setList(['b', 'a', 'c']);
    expect(container.textContent).toBe('0b1a2c');
    expect(Array.from(container.children).slice(0, 2)).toEqual(rows);
    expect(created).toBe(3);
    setList(['z']);
    expect(container.textContent).toBe('0z');
  });
});

describe('Switch / Match', () => {
  it('renders the first truthy match, else the fallback; switching disposes the old branch', () => {
    const [n, setN] = signal(0);
    const log: string[] = [];
    const container = render(() =>
      createComponent(Switch, {
        get fallback() {
          return tracked('none', log);
        },
        get children() {
          return [
            createComponent(Match, {
              get when() {
                return n() > 5;
              },
              get children() {
                return tracked('big', log);
              },
            }),
            createComponent(Match, {
              get when() {
                return n() > 0;
              },
              get children() {
                return tracked('small', log);
              },
            }),
          ];
        },
      }),
    );
    expect(container.textContent).toBe('none');
    setN(1);
    expect(container.textContent).toBe('small');
    setN(2);
    setN(10);
    expect(container.textContent).toBe('big');
    setN(0);
    expect(container.textContent).toBe('none');
    expect(log).toEqual(['+none', '-none', '+small', '-small', '+big', '-big', '+none']);
  });

  it('reads conditions only up to the first truthy one', () => {
    const [first, setFirst] = signal(true);
    const [second, setSecond] = signal(false);
    let secondReads = 0;
    render(() =>
      createComponent(Switch, {
        children: [
          createComponent(Match, {
            get when() {
              return first();
            },
            children: 'first',
          }),
          createComponent(Match, {
            get when() {
              secondReads++;
              return second();
            },
            children: 'second',
          }),
        ],
      }),
    );
    setSecond(true);
    expect(secondReads).toBe(0);
    setFirst(false);
    expect(secondReads).toBe(1);
  });

  it('passes the matched value: an accessor unkeyed, the value keyed', () => {
    const [user, setUser] = signal<{ name: string } | null>({ name: 'Ada' });
    const container = render(() =>
      createComponent(Switch, {
        get children() {
          return [
            createComponent(Match, {
              get when() {
                return user();
              },
              children: (u: Accessor<{ name: string }>) => p(() => u().name),
            }),
          ];
        },
      }),
    );
    setUser({ name: 'Grace' });
    expect(container.textContent).toBe('Grace');

    const [id, setId] = signal(1);
    const log: string[] = [];
    render(() =>
      createComponent(Switch, {
        children: createComponent(Match, {
          keyed: true as const,
          get when() {
            return id();
          },
          children: (v: number) => tracked(`id${v}`, log),
        }),
      }),
    );
    setId(2);
    expect(log).toEqual(['+id1', '-id1', '+id2']);
  });
});

describe('ErrorBoundary', () => {
  function Boom(props: { fail: boolean }): JSX.Element {
    if (props.fail) throw new Error('boom');
    return p('fine');
  }

  it('renders the fallback for an error thrown while rendering; reset renders the children again', () => {
    let fail = true;
    let reset!: () => void;
    const container = render(() =>
      createComponent(ErrorBoundary, {
        fallback: (err: unknown, r: () => void) => ((reset = r), p(`caught ${(err as Error).message}`)),
        get children() {
          return createComponent(Boom, { fail });
        },
      }),
    );
    expect(container.textContent).toBe('caught boom');
    fail = false;
    reset();
    expect(container.textContent).toBe('fine');
  });

  it('catches errors from effects below it, later, and disposes the children', async () => {
    const [bad, setBad] = signal(false);
    const log: string[] = [];
    const container = render(() =>
      createComponent(ErrorBoundary, {
        fallback: (err: unknown) => p(`caught ${(err as Error).message}`),
        get children() {
          effect(() => {
            if (bad()) throw new Error('in effect');
          });
          return tracked('child', log);
        },
      }),
    );
    await tick();
    expect(container.textContent).toBe('child');
    setBad(true);
    await tick();
    expect(container.textContent).toBe('caught in effect');
    expect(log).toEqual(['+child', '-child']);
  });

  it('catches errors from render effects created in the first render', () => {
    const container = render(() =>
      createComponent(ErrorBoundary, {
        fallback: p('caught'),
        get children() {
          const el = p('child');
          renderEffect(() => {
            throw new Error('x');
          });
          return el;
        },
      }),
    );
    expect(container.textContent).toBe('caught');
  });

  it('catches an error from a dynamic child expression that throws on update', () => {
    const [n, setN] = signal(1);
    const container = render(() =>
      createComponent(ErrorBoundary, {
        fallback: (err: unknown) => p(String((err as Error).message)),
        get children() {
          if (n() > 1) throw new Error(`too big: ${n()}`);
          return n();
        },
      }),
    );
    expect(container.textContent).toBe('1');
    setN(2);
    expect(container.textContent).toBe('too big: 2');
  });

  it('catches errors from control flow inside it, at creation and on later updates', () => {
    const [on, setOn] = signal(false);
    const container = render(() =>
      createComponent(ErrorBoundary, {
        fallback: (err: unknown) => p(`caught ${(err as Error).message}`),
        get children() {
          return createComponent(Show, {
            get when() {
              return on();
            },
            fallback: 'off',
            get children() {
              return createComponent(Boom, { fail: true });
            },
          });
        },
      }),
    );
    expect(container.textContent).toBe('off');
    setOn(true);
    expect(container.textContent).toBe('caught boom');

    const immediate = render(() =>
      createComponent(ErrorBoundary, {
        fallback: p('caught at once'),
        get children() {
          return createComponent(Show, {
            when: true,
            get children() {
              return createComponent(Boom, { fail: true });
            },
          });
        },
      }),
    );
    expect(immediate.textContent).toBe('caught at once');
  });

  it('children keep their nodes while nested control flow updates', () => {
    const [items, setItems] = signal([1, 2]);
    let created = 0;
    const container = render(() =>
      createComponent(ErrorBoundary, {
        fallback: 'failed',
        get children() {
          created++;
          return [
            p('head'),
            createComponent(For<number, HTMLElement>, {
              get each() {
                return items();
              },
              children: (n: number) => p(n),
            }),
          ];
        },
      }),
    );
    const head = container.firstChild;
    setItems([1, 2, 3]);
    expect(container.textContent).toBe('head123');
    expect(container.firstChild).toBe(head);
    expect(created).toBe(1);
  });

  it('an error in the fallback goes to the boundary above', () => {
    const container = render(() =>
      createComponent(ErrorBoundary, {
        fallback: (err: unknown) => p(`outer: ${(err as Error).message}`),
        get children() {
          return createComponent(ErrorBoundary, {
            fallback: () => {
              throw new Error('fallback failed');
            },
            get children() {
              return createComponent(Boom, { fail: true });
            },
          });
        },
      }),
    );
    expect(container.textContent).toBe('outer: fallback failed');
  });
});
