/**
 * The server-function stub (`lepta/server-functions`) against a mocked `fetch` answering as the
 * handler does (SERVER-FUNCTIONS.md §4): request encodings per argument kind, and each response
 * kind decoded.
 */
import { afterEach, beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { fromJSON, toJSON, type SerovalJSON } from 'seroval';
import { serverReference, setServerFunctionPrefix } from '../src/server-functions.js';
import { ServerFunctionError, validated, type StandardSchema } from '../src/index.js';

interface Call {
  url: string;
  method: string;
  headers: Headers;
  body: BodyInit | null | undefined;
}

let calls: Call[];
let answer: (call: Call) => Response | Promise<Response>;

beforeEach(() => {
  calls = [];
  answer = () => valueResponse(null);
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    const call: Call = { url, method: init.method ?? 'GET', headers: new Headers(init.headers), body: init.body };
    calls.push(call);
    return answer(call);
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
  setServerFunctionPrefix('/_server');
});

const json = (value: unknown): string => JSON.stringify(toJSON(value));

function valueResponse(value: unknown, status = 200): Response {
  return new Response(json(value), { status, headers: { 'content-type': 'application/json', 'x-lepta-kind': 'value' } });
}

function errorResponse(payload: Record<string, unknown>, status: number): Response {
  return new Response(json(payload), { status, headers: { 'content-type': 'application/json', 'x-lepta-kind': 'error' } });
}

/** A value from wire text, either form (plain `[value]` or seroval JSON). */
function fromWire(text: string): unknown {
  const tree = JSON.parse(text) as unknown;
  return Array.isArray(tree) ? tree[0] : fromJSON(tree as SerovalJSON);
}

/** The arguments a JSON call sent, decoded as the server would. */
function sentArgs(call: Call): unknown {
  return fromWire(call.body as string);
}

describe('calls', () => {
  it('POSTs the seroval JSON of the arguments with x-lepta, and decodes the value (Date, Map, Set)', async () => {
    const when = new Date('2024-05-01T10:00:00Z');
    answer = (call) => {
      const [title, meta] = sentArgs(call) as [string, { when: Date; tags: Set<string> }];
      return valueResponse({ title, at: meta.when, tags: meta.tags, index: new Map([[title, 1]]) });
    };
    const addTodo = serverReference<[string, { when: Date; tags: Set<string> }], { title: string; at: Date; tags: Set<string>; index: Map<string, number> }>(
      'k3j9x0a1b2c3',
      { params: ['title', 'meta'] },
    );
    const result = await addTodo('milk', { when, tags: new Set(['a', 'b']) });
    const [call] = calls;
    expect(call!.url).toBe('/_server/k3j9x0a1b2c3');
    expect(call!.method).toBe('POST');
    expect(call!.headers.get('x-lepta')).toBe('1');
    expect(call!.headers.get('content-type')).toBe('application/json');
    expect(call!.headers.get('accept')).toBe('application/json');
    expect(call!.body).toBe(json(['milk', { when, tags: new Set(['a', 'b']) }]));
    expect(result.at).toBeInstanceOf(Date);
    expect(result.at.getTime()).toBe(when.getTime());
    expect(result.tags).toEqual(new Set(['a', 'b']));
    expect(result.index).toEqual(new Map([['milk', 1]]));
  });

  it('has its id and endpoint; the prefix is configurable, ids are URL-encoded', async () => {
    const fn = serverReference('src/todos.ts#addTodo', { params: [] });
    expect(fn.id).toBe('src/todos.ts#addTodo');
    expect(fn.url).toBe('/_server/src%2Ftodos.ts%23addTodo');
    setServerFunctionPrefix('/api/fn/');
    expect(fn.url).toBe('/api/fn/src%2Ftodos.ts%23addTodo');
    await fn();
    expect(calls[0]!.url).toBe('/api/fn/src%2Ftodos.ts%23addTodo');
  });

  it('sends plain JSON when JSON carries the arguments exactly, seroval JSON otherwise; reads both', async () => {
    answer = () => new Response('[{"ok":true,"n":[1,2]}]', { headers: { 'x-lepta-kind': 'value' } });
    const fn = serverReference('fn', { params: ['a'] });
    await expect(fn({ title: 'x', tags: ['a', 'b'], n: 1.5, done: false, none: null })).resolves.toEqual({ ok: true, n: [1, 2] });
    expect(calls[0]!.body).toBe('[[{"title":"x","tags":["a","b"],"n":1.5,"done":false,"none":null}]]');
    const shared = { a: 1 };
    const notPlain: unknown[] = [
      { when: new Date(0) },
      { a: undefined },
      [1, , 3], // a hole
      -0,
      NaN,
      Object.create(null),
      Object.freeze({ a: 1 }),
      [shared, shared], // a shared reference
      10n,
    ];
    for (const value of notPlain) {
      calls.length = 0;
      await fn(value);
      const body = calls[0]!.body as string;
      expect(body.startsWith('{'), String(body)).toBe(true);
      expect(sentArgs(calls[0]!)).toEqual([value]);
    }
  });

  it('drops trailing undefined arguments (action(fn) always passes one)', async () => {
    const list = serverReference('list', { params: [] });
    await list(undefined);
    expect(sentArgs(calls[0]!)).toEqual([]);
    const two = serverReference('two', { params: ['a', 'b'] });
    await two(undefined, 1, undefined);
    expect(sentArgs(calls[1]!)).toEqual([undefined, 1]);
  });

  it('"use get": GET with ?args= and no body', async () => {
    answer = () => valueResponse(['a']);
    const listTodos = serverReference<[number], string[]>('list', { params: ['page'], get: true });
    await expect(listTodos(2)).resolves.toEqual(['a']);
    const call = calls[0]!;
    expect(call.method).toBe('GET');
    expect(call.body).toBeUndefined();
    expect(call.headers.get('x-lepta')).toBe('1');
    const url = new URL(call.url, 'http://x');
    expect(url.pathname).toBe('/_server/list');
    // Plain arguments take the plain form: `[[2]]`.
    expect(call.url).toBe(`/_server/list?args=${encodeURIComponent('[[2]]')}`);
    expect(fromWire(url.searchParams.get('args')!)).toEqual([2]);
    const upload = serverReference('g', { params: ['f'], get: true });
    await expect(upload(new Blob(['x']))).rejects.toThrow(/"use get"/);
  });

  it('files: multipart with $args referencing fields $0, $1/… (lepta/field nodes)', async () => {
    const upload = serverReference('upload', { params: ['name', 'file', 'extra', 'again'] });
    const file = new File(['hello'], 'a.txt', { type: 'text/plain' });
    const extra = new FormData();
    extra.append('note', 'n1');
    extra.append('note', 'n2');
    await upload('doc', file, extra, file);
    const call = calls[0]!;
    expect(call.method).toBe('POST');
    expect(call.headers.get('x-lepta')).toBe('1');
    expect(call.headers.has('content-type')).toBe(false); // fetch sets multipart with its boundary
    const body = call.body as FormData;
    expect(body).toBeInstanceOf(FormData);
    expect([...body.keys()]).toEqual(['$0', '$1/note', '$1/note', '$args']);
    expect(await (body.get('$0') as File).text()).toBe('hello');
    expect(body.getAll('$1/note')).toEqual(['n1', 'n2']);
    const tree = JSON.parse(body.get('$args') as string) as { t: { a: unknown[] } };
    const field = (name: string) => ({ t: 25, i: expect.any(Number), c: 'lepta/field', s: { value: { t: 1, s: name } } });
    expect(tree.t.a).toEqual([{ t: 1, s: 'doc' }, field('$0'), field('$1/'), { t: 4, i: expect.any(Number) }]);
  });

  it('a FormData as the only argument is the body itself: urlencoded, or multipart with a file', async () => {
    const save = serverReference('save', { params: ['form'] });
    const form = new FormData();
    form.append('title', 'milk');
    form.append('done', 'on');
    await save(form);
    const plain = calls[0]!;
    expect(plain.headers.get('x-lepta')).toBe('1');
    expect(plain.body).toBeInstanceOf(URLSearchParams);
    expect(String(plain.body)).toBe('title=milk&done=on');
    form.append('photo', new File(['x'], 'p.png'));
    await save(form);
    expect(calls[1]!.body).toBe(form);
  });
});

describe('responses', () => {
  it('error: throws a ServerFunctionError with name, message, status and safe fields', async () => {
    answer = () => errorResponse({ name: 'ValidationError', message: 'title: expected a string', code: 'E_TITLE', field: 'title' }, 400);
    const fn = serverReference('f', { params: [] });
    const error = await fn().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ServerFunctionError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'ValidationError', message: 'title: expected a string', status: 400, code: 'E_TITLE', field: 'title' });
  });

  it('a response that is not the handler’s (no x-lepta-kind) throws with its status', async () => {
    answer = () => new Response('<h1>Bad gateway</h1>', { status: 502, statusText: 'Bad Gateway' });
    await expect(serverReference('f', { params: [] })()).rejects.toMatchObject({ name: 'ServerFunctionError', status: 502 });
  });

  it('redirect: navigates with location.assign', async () => {
    const assign = vi.fn();
    vi.stubGlobal('location', { assign });
    answer = () => new Response(null, { status: 200, headers: { 'x-lepta-kind': 'redirect', 'x-lepta-redirect': '/todos?added=1' } });
    await expect(serverReference('f', { params: [] })()).resolves.toBeUndefined();
    expect(assign).toHaveBeenCalledWith('/todos?added=1');
  });

  /** A stream body whose chunks the test pushes; records whether it was cancelled. */
  function controlledStream() {
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    const state = { cancelled: false, pulls: 0 };
    const body = new ReadableStream<Uint8Array>({
      start: (c) => void (controller = c),
      pull: () => void state.pulls++,
      cancel: () => void (state.cancelled = true),
    });
    const encoder = new TextEncoder();
    return { body, state, push: (text: string) => controller.enqueue(encoder.encode(text)), close: () => controller.close() };
  }

  const streamResponse = (body: ReadableStream<Uint8Array>): Response =>
    new Response(body, { headers: { 'content-type': 'application/x-ndjson', 'x-lepta-kind': 'stream' } });

  it('stream: yields each NDJSON line as it arrives (lines split across chunks too)', async () => {
    const s = controlledStream();
    answer = () => streamResponse(s.body);
    const fn = serverReference<[], AsyncIterable<unknown>>('s', { params: [] });
    const iterator = (await fn())[Symbol.asyncIterator]();
    s.push(json({ n: 1, at: new Date(0) }) + '\n');
    await expect(iterator.next()).resolves.toEqual({ done: false, value: { n: 1, at: new Date(0) } });
    const second = json(new Set(['é']));
    s.push(second.slice(0, 5));
    const pending = iterator.next();
    let settled = false;
    void pending.then(() => (settled = true));
    await new Promise((r) => setTimeout(r, 5));
    expect(settled).toBe(false); // half a line: nothing yet
    s.push(second.slice(5) + '\n' + json(3) + '\n' + '[{"plain":[1]}]\n');
    await expect(pending).resolves.toEqual({ done: false, value: new Set(['é']) });
    await expect(iterator.next()).resolves.toEqual({ done: false, value: 3 });
    await expect(iterator.next()).resolves.toEqual({ done: false, value: { plain: [1] } });
    s.close();
    await expect(iterator.next()).resolves.toEqual({ done: true, value: undefined });
    expect(s.state.cancelled).toBe(false);
  });

  it('stream: a last {"$error": …} line (plain form) throws a ServerFunctionError', async () => {
    const s = controlledStream();
    answer = () => streamResponse(s.body);
    s.push('[1]\n{"$error":[{"name":"Error","message":"db down","code":"E_DB"}]}\n');
    s.close();
    const items: unknown[] = [];
    const error = await (async () => {
      for await (const item of (await serverReference<[], AsyncIterable<unknown>>('s', { params: [] })()) ) items.push(item);
    })().catch((e: unknown) => e);
    expect(items).toEqual([1]);
    expect(error).toMatchObject({ message: 'db down', code: 'E_DB', status: 500 });
  });

  it('stream: a last {"$error": …} line throws a ServerFunctionError', async () => {
    const s = controlledStream();
    answer = () => streamResponse(s.body);
    s.push(json(1) + '\n' + `{"$error":${json({ name: 'Error', message: 'db down', code: 'E_DB' })}}\n`);
    s.close();
    const items: unknown[] = [];
    const error = await (async () => {
      for await (const item of (await serverReference<[], AsyncIterable<unknown>>('s', { params: [] })()) ) items.push(item);
    })().catch((e: unknown) => e);
    expect(items).toEqual([1]);
    expect(error).toBeInstanceOf(ServerFunctionError);
    expect(error).toMatchObject({ message: 'db down', code: 'E_DB', status: 500 });
  });

  it('stream: stopping early cancels the body (the fetch)', async () => {
    const s = controlledStream();
    answer = () => streamResponse(s.body);
    s.push(json('a') + '\n' + json('b') + '\n');
    const seen: unknown[] = [];
    for await (const item of (await serverReference<[], AsyncIterable<unknown>>('s', { params: [] })())) {
      seen.push(item);
      break;
    }
    expect(seen).toEqual(['a']);
    await new Promise((r) => setTimeout(r, 0));
    expect(s.state.cancelled).toBe(true);
  });
});

describe('validated', () => {
  it('throws when it runs uncompiled, saying how to compile it', () => {
    const schema = { '~standard': { version: 1 as const, vendor: 'test', validate: (v: unknown) => ({ value: v }) } };
    expect(() => validated(schema, async (input) => input)).toThrow(/compiled[\s\S]*@lepta\/vite[\s\S]*serverFunctions/);
  });

  it('types: the function gets the schema’s output, callers pass its input', () => {
    type Typed = StandardSchema<string, number>;
    expectTypeOf(validated<Typed, boolean>).parameter(1).toEqualTypeOf<(input: number) => Promise<boolean>>();
    expectTypeOf(validated<Typed, boolean>).returns.toEqualTypeOf<(input: string) => Promise<boolean>>();
  });
});

describe('ServerFunctionError', () => {
  it('takes a status (400–599, else 500) and copies fields, never name/message/prototype keys', () => {
    const e = new ServerFunctionError('nope', { status: 404, fields: { code: 'E', message: 'x', ['__proto__']: { polluted: true } } });
    expect(e).toMatchObject({ name: 'ServerFunctionError', message: 'nope', status: 404, code: 'E' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(new ServerFunctionError('x', { status: 200 }).status).toBe(500);
  });
});
