/**
 * The handler behind a real server (srvx on 127.0.0.1, a free port): what only a socket can do —
 * a body that trickles, a chunked body with no length, a client that leaves mid-stream.
 */
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from 'srvx';
import { createHandler, registerServerFunction } from '../src/index.js';
import { serveNode } from '../src/handler-node.js';
import { decodeWire, encodeArgs, PREFIX } from './handler-helpers.js';

let server: Server;
let base: string;
let port: number;
let runs = 0;
let streamClosed: () => void;
const closed = new Promise<void>((resolve) => (streamClosed = resolve));

registerServerFunction('node.add', async (a: number, b: number) => (runs++, a + b), { name: 'add', params: ['a', 'b'] });
registerServerFunction(
  'node.ticks',
  async () =>
    (async function* () {
      try {
        for (let i = 0; ; i++) {
          yield i;
          await new Promise((r) => setTimeout(r, 5));
        }
      } finally {
        streamClosed();
      }
    })(),
  { name: 'ticks', params: [] },
);

// The origin is known once listening: the server calls whichever handler is current.
let handler: (request: Request) => Promise<Response>;
beforeAll(async () => {
  server = await serveNode((request) => handler(request), { port: 0, hostname: '127.0.0.1', log: false });
  port = (server.node!.server!.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
  handler = createHandler({ origin: base, bodyLimit: 4096, readTimeoutMs: 300, onError: () => {} });
});

afterAll(async () => {
  await server.close(true);
});

/** Writes `head` (and then `chunks`, spaced by `delayMs`) on a raw socket; resolves with the status code. */
function raw(head: string, chunks: string[] = [], delayMs = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.setEncoding('latin1');
    socket.on('data', (data) => {
      answer += data;
      if (answer.includes('\r\n')) {
        resolve(Number(answer.split(' ')[1]));
        socket.destroy();
      }
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(Number(answer.split(' ')[1])));
    socket.write(head);
    let i = 0;
    const next = () => {
      if (i < chunks.length && !socket.destroyed) {
        socket.write(chunks[i++]!);
        setTimeout(next, delayMs);
      }
    };
    next();
  });
}

const headers = (extra: string) =>
  `POST ${PREFIX}/node.add HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nX-Lepta: 1\r\nOrigin: http://127.0.0.1:${port}\r\n${extra}\r\n`;

describe('over a socket', () => {
  it('answers a call through fetch', async () => {
    const response = await fetch(base + PREFIX + '/node.add', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-lepta': '1', origin: base },
      body: encodeArgs([2, 3]),
    });
    expect(response.status).toBe(200);
    expect(decodeWire(await response.text())).toBe(5);
  });

  it('408 for a body that trickles (declared length never reached)', async () => {
    const before = runs;
    const started = performance.now();
    const status = await raw(headers('Content-Length: 100\r\n'), ['{"t":', '{"t":9'], 50);
    expect(status).toBe(408);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(runs).toBe(before);
  });

  it('413 for a chunked body without a length that outgrows the cap', async () => {
    const before = runs;
    const chunk = (text: string) => `${text.length.toString(16)}\r\n${text}\r\n`;
    const status = await raw(headers('Transfer-Encoding: chunked\r\n'), Array.from({ length: 10 }, () => chunk('x'.repeat(1000))), 1);
    expect(status).toBe(413);
    expect(runs).toBe(before);
  });

  it('403 for a cross-site call, without reading the body', async () => {
    const status = await raw(`POST ${PREFIX}/node.add HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nX-Lepta: 1\r\nOrigin: http://evil.example\r\nContent-Length: 1000000\r\n\r\n`);
    expect(status).toBe(403);
  });

  it('stops the generator when the client leaves mid-stream', async () => {
    const controller = new AbortController();
    const response = await fetch(base + PREFIX + '/node.ticks', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-lepta': '1', origin: base },
      body: encodeArgs([]),
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    await reader.read();
    controller.abort();
    await expect(Promise.race([closed.then(() => 'closed'), new Promise((r) => setTimeout(() => r('still running'), 2000))])).resolves.toBe('closed');
  });

  it('still answers afterwards', async () => {
    const response = await fetch(base + PREFIX + '/node.add', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-lepta': '1', origin: base },
      body: encodeArgs([20, 22]),
    });
    expect(decodeWire(await response.text())).toBe(42);
  });
});

describe('useFastResponses', () => {
  it("makes every handler in the process answer with srvx's FastResponse, however it is wrapped", async () => {
    const { FastResponse } = await import('srvx');
    const { useFastResponses } = await import('../src/handler-node.js');
    const { setResponseClass } = await import('../src/handler-response.js');
    const origin = 'https://app.example';
    const wrapped = (request: Request) => createHandler({ origin })(request);
    const call = () =>
      new Request(`${origin}${PREFIX}/node.add`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-lepta': '1', origin }, body: encodeArgs([1, 2]) });
    try {
      setResponseClass(undefined);
      expect((await wrapped(call())).constructor).toBe(Response);
      useFastResponses();
      const fast = await wrapped(call());
      expect(fast).toBeInstanceOf(FastResponse);
      expect(decodeWire(await fast.text())).toBe(3);
      // Refusals too.
      expect(await wrapped(new Request(`${origin}${PREFIX}/nope`, { method: 'POST' }))).toBeInstanceOf(FastResponse);
    } finally {
      useFastResponses(); // as serveNode left it for the tests above
    }
  });
});
