import { describe, expect, it } from 'vitest';
import {
  catchError,
  createContext,
  getOwner,
  memo,
  onCleanup,
  provideContext,
  renderEffect,
  root,
  runWithOwner,
  signal,
  useContext,
} from '../src/index.js';

describe('ownership', () => {
  it('disposes children newest first, then the owner\'s cleanups newest first', () => {
    const log: string[] = [];
    root((dispose) => {
      onCleanup(() => log.push('root cleanup 1'));
      for (const name of ['a', 'b', 'c']) {
        renderEffect(() => {
          onCleanup(() => log.push(`${name} cleanup`));
          renderEffect(() => onCleanup(() => log.push(`${name}'s child cleanup`)));
        });
      }
      onCleanup(() => log.push('root cleanup 2'));
      dispose();
    });
    expect(log).toEqual([
      "c's child cleanup",
      'c cleanup',
      "b's child cleanup",
      'b cleanup',
      "a's child cleanup",
      'a cleanup',
      'root cleanup 2',
      'root cleanup 1',
    ]);
  });

  it('re-running a computation disposes what its last run created', () => {
    const [a, setA] = signal(1);
    const log: string[] = [];
    renderEffect(() => {
      const v = a();
      renderEffect(() => {
        log.push(`child ${v}`);
        onCleanup(() => log.push(`child ${v} gone`));
      });
    });
    setA(2);
    expect(log).toEqual(['child 1', 'child 1 gone', 'child 2']);
  });

  it('a root is not disposed with the owner it was created under', () => {
    const log: string[] = [];
    root((outer) => {
      root(() => onCleanup(() => log.push('inner')));
      outer();
    });
    expect(log).toEqual([]);
  });

  it('an effect disposed on its own leaves its siblings alone', () => {
    const [a, setA] = signal(0);
    const log: string[] = [];
    root(() => {
      renderEffect(() => log.push(`x${a()}`));
      const dispose = renderEffect(() => log.push(`y${a()}`));
      renderEffect(() => log.push(`z${a()}`));
      dispose();
    });
    setA(1);
    expect(log).toEqual(['x0', 'y0', 'z0', 'x1', 'z1']);
  });

  it('a cleanup that disposes a sibling still waiting to be disposed does not cut the teardown short', () => {
    const log: string[] = [];
    const [a, setA] = signal(0);
    let zRuns = 0;
    const dispose = root((d) => {
      renderEffect(() => {
        a();
        zRuns++;
        onCleanup(() => log.push('Z'));
      });
      const stopY = renderEffect(() => onCleanup(() => log.push('Y')));
      renderEffect(() =>
        onCleanup(() => {
          log.push('X');
          stopY();
        }),
      );
      return d;
    });
    dispose();
    expect(log).toEqual(['X', 'Y', 'Z']);
    setA(1);
    expect(zRuns).toBe(1);
  });

  it('errors thrown by cleanups do not stop the teardown', () => {
    const log: string[] = [];
    expect(() =>
      root((dispose) => {
        onCleanup(() => log.push('first'));
        onCleanup(() => {
          throw new Error('cleanup failed');
        });
        renderEffect(() => onCleanup(() => log.push('child')));
        dispose();
      }),
    ).toThrow('cleanup failed');
    expect(log).toEqual(['child', 'first']);
  });
});

describe('context', () => {
  const Theme = createContext('light');

  it('falls back to the default, and children see the nearest provided value', () => {
    const seen: string[] = [];
    root(() => {
      seen.push(useContext(Theme));
      provideContext(Theme, 'dark');
      renderEffect(() => {
        seen.push(useContext(Theme));
        provideContext(Theme, 'sepia');
        renderEffect(() => seen.push(useContext(Theme)));
      });
      seen.push(useContext(Theme));
    });
    expect(seen).toEqual(['light', 'dark', 'sepia', 'dark']);
  });

  it('runWithOwner re-enters an owner later (after an await) for context and cleanup', async () => {
    let owner!: ReturnType<typeof getOwner>;
    let dispose!: () => void;
    const log: string[] = [];
    root((d) => {
      dispose = d;
      provideContext(Theme, 'dark');
      owner = getOwner();
    });
    await Promise.resolve();
    runWithOwner(owner, () => {
      log.push(useContext(Theme));
      onCleanup(() => log.push('cleaned'));
    });
    dispose();
    expect(log).toEqual(['dark', 'cleaned']);
  });

  it('provideContext outside an owner throws a clear error', () => {
    expect(() => provideContext(Theme, 'dark')).toThrow(/outside any owner/);
  });
});

describe('errors', () => {
  it('reach the nearest catchError with the original error', () => {
    const [a, setA] = signal(0);
    const caught: unknown[] = [];
    const original = new TypeError('bad');
    catchError(
      () => {
        catchError(
          () =>
            renderEffect(() => {
              if (a() === 1) throw original;
            }),
          (err) => caught.push(['inner', err]),
        );
      },
      (err) => caught.push(['outer', err]),
    );
    setA(1);
    expect(caught).toEqual([['inner', original]]);
  });

  it('a handler that throws passes to the next handler up', () => {
    const caught: unknown[] = [];
    catchError(
      () =>
        catchError(
          () => {
            throw new Error('first');
          },
          () => {
            throw new Error('second');
          },
        ),
      (err) => caught.push((err as Error).message),
    );
    expect(caught).toEqual(['second']);
  });

  it('a memo error reaches the handler of the effect that reads it', () => {
    const [a, setA] = signal(1);
    const inverse = memo(() => {
      if (a() === 0) throw new RangeError('division by zero');
      return 1 / a();
    });
    const caught: unknown[] = [];
    catchError(() => renderEffect(() => inverse()), (e) => caught.push(e));
    setA(0);
    expect(caught).toHaveLength(1);
    expect(caught[0]).toBeInstanceOf(RangeError);
  });

  it('with no handler, rethrows to the writer and the graph stays consistent', () => {
    const [a, setA] = signal(0);
    const seen: number[] = [];
    renderEffect(() => {
      if (a() === 1) throw new Error('one');
      seen.push(a());
    });
    renderEffect(() => seen.push(a() * 100));
    expect(() => setA(1)).toThrow('one');
    expect(seen).toEqual([0, 0, 100]); // the other effect still ran
    setA(2);
    expect(seen).toEqual([0, 0, 100, 2, 200]);
  });

  it('several unhandled errors in one flush throw an AggregateError', () => {
    const [a, setA] = signal(0);
    renderEffect(() => {
      if (a()) throw new Error('x');
    });
    renderEffect(() => {
      if (a()) throw new Error('y');
    });
    try {
      setA(1);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AggregateError);
      expect((e as AggregateError).errors.map((x: Error) => x.message)).toEqual(['x', 'y']);
    }
  });

  it('a throw at creation reaches the creator when unhandled', () => {
    expect(() =>
      renderEffect(() => {
        throw new Error('at creation');
      }),
    ).toThrow('at creation');
  });
});
