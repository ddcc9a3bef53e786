/**
 * renderToString, the server's boundaries (Suspense ids and slots, ErrorBoundary), the
 * hydration script and the data scripts: what they contain, and that what they contain
 * round-trips (evaluated as a browser would) and is safe inside `<script>`.
 */
import { describe, expect, it, vi } from 'vitest';
import { ErrorBoundary, Show, Suspense, Transition, resource, type JSX } from 'lepta';
import { isServer } from '@lepta/reactive';
import { errorDocument, hydrationScript, renderToString } from '../src/index.js';
import { HYDRATION_SCRIPT_BODY, withLeadingScript } from '../src/scripts.js';
import { createComponent, escapeChild, pageData, scriptBodies, ssr, withoutScripts } from './render-helpers.js';

/** `<Suspense fallback={…}>{children()}</Suspense>` as compiled code calls it. */
function suspense(fallback: string, children: () => unknown): JSX.Element {
  return createComponent(Suspense, {
    get fallback() {
      return ssr(fallback);
    },
    get children() {
      return children() as JSX.Element;
    },
  });
}

/** `<ErrorBoundary fallback={(e) => <p>…</p>}>{children()}</ErrorBoundary>`. */
function errorBoundary(children: () => unknown, label = 'error'): JSX.Element {
  return createComponent(ErrorBoundary, {
    fallback: (error: unknown) => ssr(`<p>${label}: ${escapeChild((error as Error).message)}</p>`),
    get children() {
      return children() as JSX.Element;
    },
  });
}

const never = () => new Promise<string>(() => {});

describe('renderToString', () => {
  it('renders the app after the hydration script, settled data in a script after it', () => {
    const html = renderToString(() => {
      const user = resource(() => ({ name: 'Ada', since: new Date(0) }));
      return ssr('<p>' + escapeChild(user()!.name) + '</p>');
    });
    expect(html.startsWith(hydrationScript())).toBe(true);
    expect(withoutScripts(html)).toBe('<p>Ada</p>');
    expect(pageData(html)).toEqual({ '0': { value: { name: 'Ada', since: new Date(0) } } });
  });

  it('a boundary whose resources are pending renders its fallback between slot markers; nothing is sent for them', () => {
    const html = renderToString(() =>
      ssr(
        '<main>' +
          escapeChild(
            suspense('<i>loading</i>', () => {
              const user = resource(never);
              return ssr('<p>' + escapeChild(user()) + '</p>');
            }),
          ) +
          '</main>',
      ),
    );
    expect(withoutScripts(html)).toBe('<main><!--$s:0--><i>loading</i><!--/$s--></main>');
    expect(pageData(html)).toEqual({});
  });

  it('a boundary with nothing pending renders its children in place, without markers', () => {
    const html = renderToString(() =>
      suspense('<i>loading</i>', () => {
        const n = resource(() => 42);
        return ssr('<b>' + escapeChild(n()) + '</b>');
      }),
    );
    expect(withoutScripts(html)).toBe('<b>42</b>');
    expect(pageData(html)).toEqual({ '0.0': { value: 42 } });
  });

  it('aborts what is still loading once the string is made; renders in server mode only while rendering', () => {
    let signal!: AbortSignal;
    let duringRender = false;
    renderToString(() =>
      suspense('…', () => {
        duringRender = isServer();
        const r = resource((_: true, info) => {
          signal = info.signal;
          return never();
        });
        return escapeChild(r());
      }),
    );
    expect(duringRender).toBe(true);
    expect(isServer()).toBe(false);
    expect(signal.aborted).toBe(true);
  });

  it('throws what the app threw when no ErrorBoundary caught it (errorDocument makes the 500 page)', () => {
    const boom = new Error('boom');
    expect(() =>
      renderToString(() => {
        throw boom;
      }),
    ).toThrow(boom);
    const page = errorDocument(boom);
    expect(page).toMatch(/^<!DOCTYPE html>.*<\/html>$/);
    expect(page).not.toContain('boom');
    expect(errorDocument(new Error('<b>boom</b>'), true)).toContain('&lt;b&gt;boom&lt;/b&gt;');
  });
});

describe('Suspense ids', () => {
  it('a boundary takes an id in its scope; its children count <id>.<n>; the fallback takes none', () => {
    const ids: string[] = [];
    const keyed = (label: string) => resource(() => label);
    const html = renderToString(() => {
      keyed('root 0');
      const out = [
        suspense('<i>…</i>', () => {
          keyed('in 1');
          const inner = suspense('<i>…</i>', () => escapeChild(keyed('in 1.1')()));
          keyed('in 1, after the inner boundary');
          return [inner];
        }),
        createComponent(Transition, {
          get fallback() {
            resource(() => 'fallback: no id');
            return '';
          },
          get children() {
            return escapeChild(keyed('in 2')());
          },
        }),
      ];
      keyed('root 3');
      return out;
    });
    for (const [id, entry] of Object.entries(pageData(html))) ids.push(`${id}=${(entry as { value: string }).value}`);
    expect(ids.sort()).toEqual(['0=root 0', '1.0=in 1', '1.1.0=in 1.1', '1.2=in 1, after the inner boundary', '2.0=in 2', '3=root 3']);
  });
});

describe('ErrorBoundary (server)', () => {
  it('renders the fallback for an error thrown while rendering its children', () => {
    const html = renderToString(() =>
      ssr(
        '<div>' +
          escapeChild(
            errorBoundary(() => {
              throw new Error('bad <input>');
            }),
          ) +
          '</div>',
      ),
    );
    expect(withoutScripts(html)).toBe('<div><p>error: bad &lt;input&gt;</p></div>');
  });

  it('catches errors of memos its children render (a Show), and of resources that failed', () => {
    const html = renderToString(() => [
      errorBoundary(() =>
        createComponent(Show, {
          when: true,
          get children(): JSX.Element {
            throw new Error('in show');
          },
        }),
      ),
      errorBoundary(() => {
        const r = resource((): string => {
          throw new Error('fetch failed');
        });
        return escapeChild(r());
      }),
    ]);
    expect(withoutScripts(html)).toBe('<p>error: in show</p><p>error: fetch failed</p>');
  });

  it('an error in the fallback goes to the next ErrorBoundary up', () => {
    const html = renderToString(() =>
      errorBoundary(
        () =>
          createComponent(ErrorBoundary, {
            fallback: (): JSX.Element => {
              throw new Error('fallback broke');
            },
            get children(): JSX.Element {
              throw new Error('first');
            },
          }),
        'outer',
      ),
    );
    expect(withoutScripts(html)).toBe('<p>outer: fallback broke</p>');
  });

  it('the failed children’s pending boundaries are dropped with them', () => {
    const html = renderToString(() =>
      errorBoundary(() => {
        const out = suspense('<i>…</i>', () => escapeChild(resource(never)()));
        throw new Error('after ' + escapeChild(out));
      }),
    );
    expect(withoutScripts(html)).toBe('<p>error: after &lt;!--$s:e0c.0--&gt;&lt;i&gt;…&lt;/i&gt;&lt;!--/$s--&gt;</p>');
  });

  it('an error thrown by a boundary’s children in the shell reaches the ErrorBoundary around the boundary', () => {
    const html = renderToString(() =>
      errorBoundary(() =>
        suspense('<i>…</i>', () => {
          throw new Error('in suspense');
        }),
      ),
    );
    expect(withoutScripts(html)).toBe('<p>error: in suspense</p>');
  });
});

describe('the hydration script', () => {
  it('goes first, or at the start of the head when the app renders the whole document', () => {
    const script = '<script>S</script>';
    expect(withLeadingScript('<div>app</div>', script)).toBe('<script>S</script><div>app</div>');
    expect(withLeadingScript('<html lang="en"><head><title>t</title></head></html>', script)).toBe(
      '<html lang="en"><head><script>S</script><title>t</title></head></html>',
    );
    expect(withLeadingScript('<!DOCTYPE html><html><body></body></html>', script)).toBe(
      '<!DOCTYPE html><html><script>S</script><body></body></html>',
    );
    expect(withLeadingScript('<!doctype html><p>x</p>', script)).toBe('<!doctype html><script>S</script><p>x</p>');
    expect(withLeadingScript('<header>not the head</header>', script)).toBe('<script>S</script><header>not the head</header>');
  });

  it('is left out with hydrationScript: false; every script carries the nonce, escaped', () => {
    const app = () => escapeChild(resource(() => 1)());
    expect(renderToString(app, { hydrationScript: false })).not.toContain('addEventListener');
    const html = renderToString(app, { nonce: 'r4nd"om' });
    const tags = html.match(/<script[^>]*>/g)!;
    expect(tags).toHaveLength(2);
    for (const tag of tags) expect(tag).toBe('<script nonce="r4nd&quot;om">');
    expect(hydrationScript({ nonce: 'n' })).toBe(`<script nonce="n">${HYDRATION_SCRIPT_BODY}</script>`);
  });

  it('is small', () => {
    expect(HYDRATION_SCRIPT_BODY.length).toBeLessThan(700);
  });
});

describe('serialized data', () => {
  it('round-trips Dates, Maps, Sets, BigInts, cycles, URLs, undefined and NaN', async () => {
    const cyclic: { self?: unknown } = {};
    cyclic.self = cyclic;
    const value = {
      when: new Date(86_400_000),
      map: new Map<string, number[]>([['a', [1, 2]]]),
      set: new Set(['x']),
      big: 2n ** 70n,
      url: new URL('https://example.com/a?b=c'),
      cyclic,
      undef: undefined,
      nan: NaN,
    };
    const html = renderToString(() => escapeChild(resource(() => value)() && ''));
    const data = pageData(html)['0'] as { value: typeof value };
    expect(data.value.when).toEqual(value.when);
    expect(data.value.map).toEqual(value.map);
    expect(data.value.set).toEqual(value.set);
    expect(data.value.big).toBe(value.big);
    expect(String(data.value.url)).toBe(String(value.url));
    expect((data.value.cyclic as { self: unknown }).self).toBe(data.value.cyclic);
    expect('undef' in data.value).toBe(true);
    expect(data.value.nan).toBeNaN();
  });

  it('errors are redacted to their name and message; dev sends them whole', () => {
    class DbError extends Error {
      override name = 'DbError';
      secret = 'password=hunter2';
    }
    const failing = () => {
      const e = new DbError('connection refused');
      throw e;
    };
    const app = () =>
      errorBoundary(() => [
        escapeChild(resource((): string => failing())()),
      ]);
    const html = renderToString(app);
    expect(html).not.toContain('hunter2');
    expect(html).not.toContain('at ');
    // The ErrorBoundary's children have ids of their own scope: `e0c.0` is the first.
    const entry = pageData(html)['e0c.0'] as { error: Error };
    expect(entry.error).toBeInstanceOf(Error);
    expect([entry.error.name, entry.error.message]).toEqual(['DbError', 'connection refused']);
    expect(Object.keys(entry.error)).toEqual(['name']);

    const typeError = renderToString(() => errorBoundary(() => escapeChild(resource((): string => { throw new TypeError('t'); })())));
    expect((pageData(typeError)['e0c.0'] as { error: Error }).error).toBeInstanceOf(TypeError);
    const plain = pageData(renderToString(() => errorBoundary(() => escapeChild(resource((): string => { throw 'plain'; })()))));
    expect((plain['e0c.0'] as { error: Error }).error.message).toBe('plain');

    const dev = renderToString(app, { dev: true });
    expect(dev).toContain('hunter2');
    expect((pageData(dev)['e0c.0'] as { error: { stack: string } }).error.stack).toContain('DbError');
  });

  it('hostile strings stay data: no script breakout, U+2028/2029 intact, hostile keys escaped', () => {
    const hostile = '</script><script>alert(1)</script><!-- \u2028\u2029 --> <\/SCRIPT >';
    const html = renderToString(() => {
      resource(() => ({ [hostile]: hostile }), { key: hostile });
      return '';
    });
    for (const body of scriptBodies(html)) {
      expect(body.toLowerCase()).not.toContain('</script');
      expect(body).not.toContain('<!--');
      expect(body).not.toMatch(/[\u2028\u2029]/);
    }
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(pageData(html)).toEqual({ [hostile]: { value: { [hostile]: hostile } } });
  });

  it('a value seroval cannot rebuild is reported and not sent (the client loads it); the render goes on', () => {
    const onError = vi.fn();
    const html = renderToString(
      () => {
        resource(() => ({ fn: () => 1 }));
        resource(() => 'fine');
        return ssr('<p>ok</p>');
      },
      { onError },
    );
    expect(withoutScripts(html)).toBe('<p>ok</p>');
    expect(pageData(html)).toEqual({ '1': { value: 'fine' } });
    expect(onError).toHaveBeenCalledTimes(1);
    expect(String(onError.mock.calls[0]![0])).toContain('Resource "0": its value cannot be sent to the client (Cannot serialize a function (fn))');
  });

  it('renderToString cannot wait for promises inside values: reported, not sent', () => {
    const onError = vi.fn();
    const html = renderToString(() => void resource(() => ({ later: Promise.resolve(1) })), { onError });
    expect(pageData(html)).toEqual({});
    expect(String(onError.mock.calls[0]![0])).toContain('use renderToStream');
  });

  it('concurrent renders share neither ids nor data', () => {
    const a = renderToString(() => escapeChild(resource(() => 'a')()));
    const b = renderToString(() => escapeChild(resource(() => 'b')()));
    expect(pageData(a)).toEqual({ '0': { value: 'a' } });
    expect(pageData(b)).toEqual({ '0': { value: 'b' } });
  });
});
