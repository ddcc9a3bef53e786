/**
 * SERVER-FUNCTIONS.md §5 as a hostile client: each gate answers with its status, nothing runs
 * (the side-effect counter stays 0), no body is read before the gates that come first,
 * Object.prototype is untouched, and the handler keeps answering.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createHandler, registerServerFunction } from '../src/index.js';
import { encodeArgs, ORIGIN, PREFIX, prototypeKeys, rpc } from './handler-helpers.js';

let sideEffects = 0;
registerServerFunction('sec.mutate', async (value: unknown) => (sideEffects++, value), {
  name: 'mutate',
  params: ['value'],
  validate: (args) => (args.length <= 1 ? null : 'too many arguments'),
});
registerServerFunction('sec.read', async () => (sideEffects++, 'ok'), { name: 'read', params: [], get: true });

const logged: unknown[] = [];
const handler = createHandler({ origin: [ORIGIN, 'http://localhost:5173'], bodyLimit: 1024, readTimeoutMs: 100, onError: (e) => logged.push(e) });

/** A body that records whether anyone read it (highWaterMark 0: nothing is pulled unasked). */
function watchedBody(chunks: Uint8Array[] = [new TextEncoder().encode(encodeArgs([1]))], keepOpen = false) {
  const state = { pulled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        state.pulled = true;
        const next = chunks.shift();
        if (next) controller.enqueue(next);
        else if (!keepOpen) controller.close();
        else return new Promise(() => {}); // a client that stops sending
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, state };
}

function post(path: string, headers: Record<string, string>, body?: BodyInit | null, method = 'POST'): Request {
  return new Request(ORIGIN + path, { method, headers, body, duplex: 'half' } as RequestInit);
}

const json = { 'content-type': 'application/json', 'x-lepta': '1', origin: ORIGIN };

afterEach(async () => {
  expect(sideEffects).toBe(0);
  expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  expect(prototypeKeys()).toEqual([]);
  expect(logged).toEqual([]);
  // Still answering.
  registerServerFunction('sec.alive', async () => 'alive', { name: 'alive', params: [] });
  const alive = await handler(rpc('sec.alive', []));
  expect(alive.status).toBe(200);
});

describe('1. path', () => {
  it('404 outside the prefix (no app), for unknown ids, prototype names and broken escapes', async () => {
    for (const path of ['/', '/about', PREFIX, PREFIX + '/', PREFIX + 'x/sec.mutate', PREFIX + '/nope', PREFIX + '/__proto__', PREFIX + '/constructor', PREFIX + '/toString', PREFIX + '/hasOwnProperty', PREFIX + '/%E0%A4%A', PREFIX + '/sec.mutate/extra']) {
      const { stream, state } = watchedBody();
      const response = await handler(post(path, json, stream));
      expect(response.status, path).toBe(404);
      expect(response.headers.get('x-lepta-kind')).toBe('error');
      expect(state.pulled).toBe(false);
    }
  });
});

describe('2. method', () => {
  it('405 with allow for anything but POST (GET/HEAD only for "use get")', async () => {
    for (const method of ['GET', 'HEAD', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const response = await handler(new Request(ORIGIN + PREFIX + '/sec.mutate', { method, headers: { origin: ORIGIN } }));
      expect(response.status, method).toBe(405);
      expect(response.headers.get('allow')).toBe('POST');
    }
    const put = await handler(new Request(ORIGIN + PREFIX + '/sec.read', { method: 'PUT', headers: { origin: ORIGIN } }));
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, HEAD, POST');
  });
});

describe('3. cross-site', () => {
  const cases: [string, Record<string, string>][] = [
    ['Sec-Fetch-Site: cross-site (even with a good Origin)', { ...json, 'sec-fetch-site': 'cross-site' }],
    ['a foreign Origin', { ...json, origin: 'https://evil.example' }],
    ['Origin: null', { ...json, origin: 'null' }],
    ['another scheme', { ...json, origin: 'http://app.example' }],
    ['another port', { ...json, origin: 'https://app.example:8443' }],
    ['a suffix', { ...json, origin: 'https://app.example.evil.example' }],
    ['Origin from Host', { ...json, origin: 'https://evil.example', host: 'evil.example' }],
    ['neither Origin nor Sec-Fetch-Site', { 'content-type': 'application/json', 'x-lepta': '1' }],
  ];
  for (const [name, headers] of cases) {
    it(`403: ${name}, before the body is read`, async () => {
      const { stream, state } = watchedBody();
      const response = await handler(post(PREFIX + '/sec.mutate', headers, stream));
      expect(response.status).toBe(403);
      expect(state.pulled).toBe(false);
    });
  }

  it('403 for a cross-site GET; a configured second origin is allowed', async () => {
    const get = await handler(new Request(ORIGIN + PREFIX + '/sec.read', { headers: { 'sec-fetch-site': 'cross-site' } }));
    expect(get.status).toBe(403);
    const other = await handler(post(PREFIX + '/sec.alive', { ...json, origin: 'http://localhost:5173' }, encodeArgs([])));
    expect(other.status).toBe(200);
  });

  it('createHandler refuses a missing or opaque origin at startup', () => {
    expect(() => createHandler({} as never)).toThrow(/origin/);
    expect(() => createHandler({ origin: [] })).toThrow(/origin/);
    expect(() => createHandler({ origin: 'data:text/plain,x' })).toThrow(/origin/);
  });
});

describe('4. content type', () => {
  const refused = ['', 'text/plain', 'text/plain; charset=utf-8', 'application/jsonx', 'application/xml', 'application/x-www-form-urlencodedx', 'multipart/mixed'];
  for (const type of refused) {
    it(`415: ${JSON.stringify(type)}, before the body is read`, async () => {
      const { stream, state } = watchedBody();
      const headers: Record<string, string> = { 'x-lepta': '1', origin: ORIGIN };
      if (type) headers['content-type'] = type;
      const response = await handler(post(PREFIX + '/sec.mutate', headers, stream));
      expect(response.status).toBe(415);
      expect(state.pulled).toBe(false);
    });
  }

  it('415: JSON without x-lepta (a plain cross-origin-style request)', async () => {
    const response = await handler(post(PREFIX + '/sec.mutate', { 'content-type': 'application/json', origin: ORIGIN }, encodeArgs([1])));
    expect(response.status).toBe(415);
  });

  it('parses the type case-insensitively with parameters', async () => {
    const response = await handler(post(PREFIX + '/sec.alive', { ...json, 'content-type': ' Application/JSON ; charset=UTF-8' }, encodeArgs([])));
    expect(response.status).toBe(200);
  });
});

describe('5. body', () => {
  const big = new TextEncoder().encode('[' + '1,'.repeat(600) + '1]');

  it('413 when the declared length is over the cap, without reading', async () => {
    const { stream, state } = watchedBody();
    const response = await handler(post(PREFIX + '/sec.mutate', { ...json, 'content-length': '999999999' }, stream));
    expect(response.status).toBe(413);
    expect(state.pulled).toBe(false);
  });

  it('413 when the body is larger than it claims, or claims nothing (chunked)', async () => {
    for (const headers of [{ ...json, 'content-length': '10' }, json]) {
      const { stream } = watchedBody([big.slice(0, 700), big.slice(700), new Uint8Array(10_000)]);
      const response = await handler(post(PREFIX + '/sec.mutate', headers, stream));
      expect(response.status).toBe(413);
    }
  });

  it('408 when the body does not arrive in time', async () => {
    const { stream } = watchedBody([new TextEncoder().encode('[')], true);
    const started = performance.now();
    const response = await handler(post(PREFIX + '/sec.mutate', json, stream));
    expect(response.status).toBe(408);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('400 for a body stream that errors', async () => {
    const stream = new ReadableStream({ pull: (c) => c.error(new Error('reset')) });
    expect((await handler(post(PREFIX + '/sec.mutate', json, stream))).status).toBe(400);
  });
});

describe('6–7. decoding and validation', () => {
  it('400 for malformed bodies of every kind', async () => {
    const cases: [Record<string, string>, BodyInit][] = [
      [json, '{'],
      [json, ''],
      [json, '"just a string"'],
      [json, new Uint8Array([0x5b, 0xff, 0x5d])],
      [json, JSON.stringify({ t: { t: 1, s: 'x' }, f: 127, m: [] })], // not an argument list
      [{ 'content-type': 'multipart/form-data; boundary=x', origin: ORIGIN }, '--x\r\nbroken'],
      [{ 'content-type': 'multipart/form-data', origin: ORIGIN }, 'no boundary'],
    ];
    for (const [headers, body] of cases) {
      const response = await handler(post(PREFIX + '/sec.mutate', headers, body));
      expect(response.status, String(body)).toBe(400);
      expect(response.headers.get('x-lepta-kind')).toBe('error');
    }
  });

  it('400 for a forbidden form field name, and for arguments the validator refuses', async () => {
    expect((await handler(post(PREFIX + '/sec.mutate', { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN }, '__proto__=1&value=2'))).status).toBe(400);
    expect((await handler(post(PREFIX + '/sec.mutate', { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN }, 'constructor=1'))).status).toBe(400);
    const refused = await handler(rpc('sec.mutate', [1, 2]));
    expect(refused.status).toBe(400);
  });
});
