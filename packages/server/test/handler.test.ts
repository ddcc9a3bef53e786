/**
 * createHandler, functionally: values, GET, forms (with and without JavaScript), the flash
 * cookie, streams, redirects, the request event, errors.
 */
import { describe, expect, it, vi } from 'vitest';
import {
  createHandler,
  getRequestEvent,
  readFlash,
  redirect,
  registerServerFunction,
  safeError,
  ServerFunctionError,
} from '../src/index.js';
import { decoded, encodeArgs, formPost, ORIGIN, PREFIX, rpc, rpcGet } from './handler-helpers.js';

const errors: unknown[] = [];
const handler = createHandler({ origin: ORIGIN, onError: (e) => errors.push(e), app: () => new Response('page') });
const devHandler = createHandler({ origin: ORIGIN, dev: true, onError: () => {} });

registerServerFunction('fn.echo', async (...args: unknown[]) => args, { name: 'echo', params: ['a', 'b', 'c', 'd', 'e'] });

describe('values', () => {
  it('round-trips Dates, Maps, Sets, BigInts, nested objects, cycles, undefined and -0', async () => {
    const nested = { when: new Date(1_700_000_000_000), tags: new Set(['a', 'b']), index: new Map<unknown, unknown>([[1, { deep: [1n, -0, undefined, null] }]]), url: new URL('https://x.example/p?q') };
    const cyclic: { self?: unknown; n: number } = { n: 1 };
    cyclic.self = cyclic;
    const response = await handler(rpc('fn.echo', [nested, 2n ** 70n, 'a<b</script>\u2028', cyclic]));
    expect(response.status).toBe(200);
    expect(response.headers.get('x-lepta-kind')).toBe('value');
    expect(response.headers.get('content-type')).toBe('application/json');
    const [n, big, text, cycle] = (await decoded(response)) as [typeof nested, bigint, string, typeof cyclic];
    expect(n.when).toEqual(nested.when);
    expect(n.tags).toEqual(nested.tags);
    expect(n.index).toEqual(nested.index);
    expect(Object.is((n.index.get(1) as { deep: unknown[] }).deep[1], -0)).toBe(true);
    expect(n.url.href).toBe('https://x.example/p?q');
    expect(big).toBe(2n ** 70n);
    expect(text).toBe('a<b</script>\u2028');
    expect(cycle.self).toBe(cycle);
  });

  it('awaits promises inside a result', async () => {
    registerServerFunction('fn.promised', async () => ({ later: Promise.resolve(5) }), { name: 'promised', params: [] });
    const value = (await decoded(await handler(rpc('fn.promised', [])))) as { later: Promise<number> };
    expect(await value.later).toBe(5);
  });

  it('answers 500 (and tells onError) for a result seroval cannot send', async () => {
    registerServerFunction('fn.unsendable', async () => ({ f: () => 1 }), { name: 'unsendable', params: [] });
    errors.length = 0;
    const response = await handler(rpc('fn.unsendable', []));
    expect(response.status).toBe(500);
    expect(errors).toHaveLength(1);
  });
});

describe('GET ("use get")', () => {
  let calls = 0;
  registerServerFunction(
    'fn.list',
    async (filter?: string) => {
      calls++;
      return ['a', 'b', 'ab'].filter((x) => !filter || x.includes(filter));
    },
    { name: 'list', params: ['filter'], get: true },
  );

  it('takes its arguments from ?args= and gives the same answer every time', async () => {
    const first = await handler(rpcGet('fn.list', ['b']));
    const second = await handler(rpcGet('fn.list', ['b']));
    expect(first.status).toBe(200);
    expect(await decoded(first)).toEqual(['b', 'ab']);
    expect(await decoded(second)).toEqual(['b', 'ab']);
    expect(await decoded(await handler(rpcGet('fn.list', [])))).toEqual(['a', 'b', 'ab']);
  });

  it('answers HEAD without a body', async () => {
    const response = await handler(new Request(ORIGIN + PREFIX + '/fn.list', { method: 'HEAD', headers: { 'sec-fetch-site': 'same-origin' } }));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('is still callable with POST', async () => {
    const before = calls;
    expect(await decoded(await handler(rpc('fn.list', ['a'])))).toEqual(['a', 'ab']);
    expect(calls).toBe(before + 1);
  });
});

describe('forms', () => {
  const seen: unknown[][] = [];
  registerServerFunction(
    'fn.addTodo',
    async (title: string, done?: boolean, priority?: number, tags?: string[]) => {
      seen.push([title, done, priority, tags]);
      if (title === 'fail') throw safeError(Object.assign(new Error('Title taken'), { code: 'TAKEN', secret: 'db' }), ['code']);
      return { id: 7, title };
    },
    {
      name: 'addTodo',
      params: ['title', 'done', 'priority', 'tags'],
      fieldTypes: { done: 'boolean', priority: 'number', tags: 'string[]' },
      validate: (args) => (typeof args[0] === 'string' && args[0] !== '' ? null : 'title: expected a non-empty string'),
    },
  );

  it('maps fields to parameters, coercing by type (no-JS post: 303 back with the flash)', async () => {
    seen.length = 0;
    const response = await handler(formPost('fn.addTodo', { title: 'milk', done: 'on', priority: '2', tags: ['x', 'y'], extra: 'ignored' }));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(ORIGIN + '/todos?x=1');
    expect(seen).toEqual([['milk', true, 2, ['x', 'y']]]);
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^lepta-flash=fn\.addTodo\.[A-Za-z0-9_-]+; Max-Age=60; Path=\/; HttpOnly; SameSite=Lax$/);

    // The next page render reads it and clears it.
    const page = new Request(ORIGIN + '/todos', { headers: { cookie: cookie.split(';')[0]! } });
    const headers = new Headers();
    expect(readFlash(page, headers)).toEqual({ id: 'fn.addTodo', value: { id: 7, title: 'milk' } });
    expect(headers.get('set-cookie')).toBe('lepta-flash=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax');
  });

  it('leaves an unchecked box false and untyped fields as strings', async () => {
    seen.length = 0;
    await handler(formPost('fn.addTodo', { title: 'bread', priority: '' }));
    expect(seen).toEqual([['bread', false, undefined, []]]);
  });

  it('flashes a validation error and a thrown error (redacted, safe fields kept)', async () => {
    seen.length = 0;
    const invalid = await handler(formPost('fn.addTodo', { title: '' }));
    expect(invalid.status).toBe(303);
    const flash = readFlash(new Request(ORIGIN, { headers: { cookie: invalid.headers.get('set-cookie')!.split(';')[0]! } }), new Headers());
    expect(flash).toEqual({ id: 'fn.addTodo', error: { name: 'ValidationError', message: 'title: expected a non-empty string', status: 400 } });
    expect(seen).toEqual([]);

    const thrown = await handler(formPost('fn.addTodo', { title: 'fail' }));
    const flash2 = readFlash(new Request(ORIGIN, { headers: { cookie: thrown.headers.get('set-cookie')!.split(';')[0]! } }), new Headers());
    expect(flash2).toEqual({ id: 'fn.addTodo', error: { name: 'Error', message: 'Title taken', code: 'TAKEN', status: 500 } });
  });

  it('goes back to / when the Referer is missing or from another origin', async () => {
    const foreign = await handler(formPost('fn.addTodo', { title: 'x' }, { referer: 'https://evil.example/' }));
    expect(foreign.headers.get('location')).toBe('/');
    const tricky = await handler(formPost('fn.addTodo', { title: 'x' }, { referer: ORIGIN + '//evil.example/a' }));
    expect(tricky.headers.get('location')).toBe(ORIGIN + '//evil.example/a');
    const none = new Request(ORIGIN + PREFIX + '/fn.addTodo', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN }, body: 'title=y' });
    expect((await handler(none)).headers.get('location')).toBe('/');
  });

  it('with x-lepta, answers a form post with data instead', async () => {
    const response = await handler(formPost('fn.addTodo', { title: 'eggs' }, { 'x-lepta': '1' }));
    expect(response.status).toBe(200);
    expect(await decoded(response)).toEqual({ id: 7, title: 'eggs' });
    const invalid = await handler(formPost('fn.addTodo', { title: '' }, { 'x-lepta': '1' }));
    expect(invalid.status).toBe(400);
    expect(await decoded(invalid)).toEqual({ name: 'ValidationError', message: 'title: expected a non-empty string' });
  });

  it('object and FormData shapes; multipart with $args and file references', async () => {
    registerServerFunction('fn.object', async (input: unknown) => input, { name: 'object', params: ['input'], formShape: 'object', fieldTypes: { n: 'number', ok: 'boolean' } });
    const object = await handler(formPost('fn.object', { a: 'x', n: '3', $hidden: 'skip' }, { 'x-lepta': '1' }));
    expect(await decoded(object)).toEqual({ a: 'x', n: 3, ok: false });

    registerServerFunction('fn.upload', async (file: File, note: string) => `${file.name}:${await file.text()}:${note}`, { name: 'upload', params: ['file', 'note'] });
    const form = new FormData();
    form.append('$args', '{"t":{"t":9,"i":0,"a":[{"t":25,"i":1,"c":"lepta/field","s":{"value":{"t":1,"s":"$0"}}},{"t":1,"s":"hi"}],"o":0},"f":127,"m":[]}');
    form.append('$0', new File(['content'], 'a.txt'));
    const upload = await handler(new Request(ORIGIN + PREFIX + '/fn.upload', { method: 'POST', headers: { origin: ORIGIN, 'x-lepta': '1' }, body: form }));
    expect(await decoded(upload)).toBe('a.txt:content:hi');

    registerServerFunction('fn.form', async (data: FormData) => [...data.keys()], { name: 'form', params: ['data'], formShape: 'form' });
    expect(await decoded(await handler(formPost('fn.form', { a: '1', b: '2' }, { 'x-lepta': '1' })))).toEqual(['a', 'b']);
  });

  it('flashes {} when the value is too large for a cookie', async () => {
    registerServerFunction('fn.big', async () => 'x'.repeat(5000), { name: 'big', params: [] });
    const response = await handler(formPost('fn.big', {}));
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie.length).toBeLessThan(4096);
    expect(readFlash(new Request(ORIGIN, { headers: { cookie: cookie.split(';')[0]! } }), new Headers())).toEqual({ id: 'fn.big', value: undefined });
  });

  it('readFlash ignores a forged or broken cookie', () => {
    const forge = (value: string) => readFlash(new Request(ORIGIN, { headers: { cookie: `lepta-flash=${value}` } }), new Headers());
    expect(forge('x.' + btoa('{"t":{"t":18,"i":0,"s":"x"},"f":127,"m":[]}'))).toBeUndefined();
    expect(forge('x.!!!')).toBeUndefined();
    expect(forge('nodot')).toBeUndefined();
  });
});

describe('streams', () => {
  it('sends items as they are produced, and ends with $error on failure', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let finished = false;
    registerServerFunction(
      'fn.ticks',
      async () =>
        (async function* () {
          yield { n: 1, at: new Date(0) };
          await gate;
          yield { n: 2 };
          finished = true;
          throw new Error('broke after two');
        })(),
      { name: 'ticks', params: [] },
    );
    const response = await handler(rpc('fn.ticks', []));
    expect(response.headers.get('x-lepta-kind')).toBe('stream');
    expect(response.headers.get('content-type')).toBe('application/x-ndjson');
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    const first = await reader.read();
    // The first line arrived while the generator is still waiting.
    expect(finished).toBe(false);
    expect(JSON.parse(first.value!.trim()).t).toBeTruthy();
    release();
    let rest = '';
    for (let step = await reader.read(); !step.done; step = await reader.read()) rest += step.value;
    const lines = rest.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines).toHaveLength(2);
    // The second item and the error are plain JSON (`[value]`); the first held a Date (seroval).
    expect(lines[0]).toEqual([{ n: 2 }]);
    expect(lines[1]).toEqual({ $error: [{ name: 'Error', message: 'broke after two' }] });
  });

  it('cancels the source when the client goes away', async () => {
    let cleaned = false;
    registerServerFunction(
      'fn.forever',
      async () =>
        (async function* () {
          try {
            for (let i = 0; ; i++) yield i;
          } finally {
            cleaned = true;
          }
        })(),
      { name: 'forever', params: [] },
    );
    const response = await handler(rpc('fn.forever', []));
    const reader = response.body!.getReader();
    await reader.read();
    await reader.cancel();
    expect(cleaned).toBe(true);
  });

  it('streams a ReadableStream result', async () => {
    registerServerFunction('fn.readable', async () => new ReadableStream({ start: (c) => (c.enqueue('a'), c.enqueue(new Map([[1, 2]])), c.close()) }), { name: 'readable', params: [] });
    const text = await (await handler(rpc('fn.readable', []))).text();
    expect(text.trim().split('\n')).toHaveLength(2);
  });
});

describe('redirects', () => {
  registerServerFunction('fn.go', async () => redirect('/done?x=1'), { name: 'go', params: [] });

  it('fetch calls: 200 with x-lepta-redirect', async () => {
    const response = await handler(rpc('fn.go', []));
    expect(response.status).toBe(200);
    expect(response.headers.get('x-lepta-kind')).toBe('redirect');
    expect(response.headers.get('x-lepta-redirect')).toBe('/done?x=1');
  });

  it('no-JS form posts: 303 Location, no flash', async () => {
    const response = await handler(formPost('fn.go', {}));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/done?x=1');
    expect(response.headers.get('set-cookie')).toBeNull();
  });
});

describe('getRequestEvent', () => {
  it('gives the request, its cookies, response headers, status and locals to the function', async () => {
    registerServerFunction(
      'fn.event',
      async () => {
        await new Promise((r) => setTimeout(r, 1));
        const event = getRequestEvent()!;
        event.responseHeaders.append('set-cookie', 'seen=1; Path=/');
        event.responseHeaders.set('cache-control', 'private');
        event.setStatus(201);
        event.locals.user = 'u';
        return { session: event.cookies.get('session'), other: event.cookies.get('b'), method: event.request.method };
      },
      { name: 'event', params: [] },
    );
    const response = await handler(rpc('fn.event', [], { headers: { cookie: 'session=abc%20d; b="q"; session=second' } }));
    expect(response.status).toBe(201);
    expect(response.headers.get('set-cookie')).toBe('seen=1; Path=/');
    expect(response.headers.get('cache-control')).toBe('private');
    expect(await decoded(response)).toEqual({ session: 'abc d', other: 'q', method: 'POST' });
    expect(getRequestEvent()).toBeUndefined();
  });

  it('is available to the app, which can read and clear the flash', async () => {
    const app = createHandler({
      origin: ORIGIN,
      app: (request) => new Response(JSON.stringify(readFlash(request) ?? null)),
    });
    const response = await app(new Request(ORIGIN + '/page', { headers: { cookie: 'lepta-flash=f.' + btoa(encodeArgs([])).replace(/=+$/, '') } }));
    expect(response.headers.get('set-cookie')).toContain('lepta-flash=; Max-Age=0');
  });
});

describe('errors', () => {
  class Conflict extends Error {
    static safeFields = ['field'];
    override name = 'Conflict';
    field = 'email';
    internal = 'row 17';
  }
  registerServerFunction(
    'fn.throws',
    async (kind: string) => {
      if (kind === 'plain') throw Object.assign(new TypeError('bad thing'), { query: 'SELECT secret' });
      if (kind === 'sfe') throw new ServerFunctionError('Not yours', { status: 403, fields: { code: 'FORBIDDEN' } });
      if (kind === 'class') throw new Conflict('Taken');
      throw 'a string';
    },
    { name: 'throws', params: ['kind'] },
  );

  it('redacts in production: name and message only, status 500, full error to onError', async () => {
    errors.length = 0;
    const response = await handler(rpc('fn.throws', ['plain']));
    expect(response.status).toBe(500);
    expect(response.headers.get('x-lepta-kind')).toBe('error');
    const body = (await decoded(response)) as Record<string, unknown>;
    expect(body).toEqual({ name: 'TypeError', message: 'bad thing' });
    expect(JSON.stringify(body)).not.toContain('SELECT');
    expect((errors[0] as { query: string }).query).toBe('SELECT secret');
  });

  it('ServerFunctionError: its status and fields; static safeFields; thrown strings', async () => {
    const sfe = await handler(rpc('fn.throws', ['sfe']));
    expect(sfe.status).toBe(403);
    expect(await decoded(sfe)).toEqual({ name: 'ServerFunctionError', message: 'Not yours', code: 'FORBIDDEN' });
    expect(await decoded(await handler(rpc('fn.throws', ['class'])))).toEqual({ name: 'Conflict', message: 'Taken', field: 'email' });
    expect(await decoded(await handler(rpc('fn.throws', ['other'])))).toEqual({ name: 'Error', message: 'a string' });
  });

  it('sends the error whole in dev', async () => {
    const body = (await decoded(await devHandler(rpc('fn.throws', ['plain'])))) as Record<string, unknown>;
    expect(body).toMatchObject({ name: 'TypeError', message: 'bad thing', query: 'SELECT secret' });
    expect(body.stack).toContain('bad thing');
  });

  it('logs with console.error by default, and survives a throwing onError', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const quiet = createHandler({ origin: ORIGIN });
    expect((await quiet(rpc('fn.throws', ['plain']))).status).toBe(500);
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
    const loud = createHandler({ origin: ORIGIN, onError: () => { throw new Error('logger down'); } });
    expect((await loud(rpc('fn.throws', ['plain']))).status).toBe(500);
  });

  it('an app that throws gets a 500 page', async () => {
    const failing = createHandler({ origin: ORIGIN, onError: () => {}, app: () => { throw new Error('x'); } });
    expect((await failing(new Request(ORIGIN + '/'))).status).toBe(500);
    expect(await (await handler(new Request(ORIGIN + '/about'))).text()).toBe('page');
  });
});

describe('validation', () => {
  it('runs a Standard Schema (async), passes its output, refuses with the issues', async () => {
    const schema = {
      '~standard': {
        validate: async (value: unknown) =>
          typeof value === 'object' && value !== null && typeof (value as { name?: unknown }).name === 'string'
            ? { value: { name: (value as { name: string }).name.trim() } }
            : { issues: [{ message: 'expected a string', path: [{ key: 'name' }] }] },
      },
    };
    registerServerFunction('fn.schema', async (input: { name: string }) => input.name, { name: 'schema', params: ['input'], schema });
    expect(await decoded(await handler(rpc('fn.schema', [{ name: '  ann ' }])))).toBe('ann');
    const bad = await handler(rpc('fn.schema', [{ name: 1 }]));
    expect(bad.status).toBe(400);
    expect(await decoded(bad)).toEqual({ name: 'ValidationError', message: 'name: expected a string' });
    expect((await handler(rpc('fn.schema', [{ name: 'a' }, 2]))).status).toBe(400);
  });

  it('without a validator, refuses more arguments than parameters', async () => {
    registerServerFunction('fn.two', async (a: unknown, b: unknown) => [a, b], { name: 'two', params: ['a', 'b'] });
    expect((await handler(rpc('fn.two', [1, 2]))).status).toBe(200);
    expect((await handler(rpc('fn.two', [1, 2, 3]))).status).toBe(400);
  });
});
