import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompress } from '../src/compress.js';
import { acceptedEncodings, createStaticHandler, IMMUTABLE, isHashedAsset, staticKey, type StaticHandler } from '../src/static.js';

let root: string;
let client: string;
let handle: StaticHandler;
const script = 'export const answer = 42;\n'.repeat(200);

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'lepta-static-'));
  client = join(root, 'client');
  await mkdir(join(client, 'assets'), { recursive: true });
  await mkdir(join(client, '.vite'), { recursive: true });
  await writeFile(join(client, 'assets/entry-client-B1a2_c-Z.js'), script);
  await writeFile(join(client, 'assets/style-Dx9y8z7w.css'), 'body{margin:0}');
  await writeFile(join(client, 'assets/logo.png'), Buffer.alloc(2048, 1));
  await writeFile(join(client, 'robots.txt'), 'User-agent: *\n');
  await writeFile(join(client, '.vite/manifest.json'), '{}');
  await writeFile(join(client, 'assets/entry-client-B1a2_c-Z.js.map'), '{"sources":["../src/App.tsx"]}');
  await writeFile(join(client, 'assets/entry-client-B1a2_c-Z.js.map.gz'), 'not compressed by precompress, but never served either');
  await writeFile(join(root, 'secret.txt'), 'secret');
  await symlink(join(root, 'secret.txt'), join(client, 'link.txt'));
  await precompress(client);
  handle = await createStaticHandler(client);
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const get = (path: string, headers: Record<string, string> = {}, method = 'GET') => handle(new Request(new URL(path, 'http://localhost'), { method, headers }));

describe('static files', () => {
  it('answers hashed assets with their type, immutable for a year', async () => {
    const res = (await get('/assets/entry-client-B1a2_c-Z.js'))!;
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe(IMMUTABLE);
    expect(res.headers.get('content-length')).toBe(String(script.length));
    expect(await res.text()).toBe(script);
    const css = (await get('/assets/style-Dx9y8z7w.css'))!;
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(css.headers.get('vary')).toBeNull();
  });

  it('makes every other file revalidate', async () => {
    for (const path of ['/robots.txt', '/assets/logo.png']) {
      const res = (await get(path))!;
      expect(res.headers.get('cache-control')).toBe('no-cache');
    }
    expect((await get('/assets/logo.png'))!.headers.get('content-type')).toBe('image/png');
  });

  it('tells hashed names from others', () => {
    expect(isHashedAsset('assets/index-DiwrgTda.js')).toBe(true);
    expect(isHashedAsset('assets/my-component.js')).toBe(false);
    expect(isHashedAsset('images/logo-DiwrgTda.png')).toBe(false);
  });

  it('picks the precompressed variant the client accepts, with vary', async () => {
    const br = (await get('/assets/entry-client-B1a2_c-Z.js', { 'accept-encoding': 'gzip, deflate, br' }))!;
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toBe('accept-encoding');
    expect(br.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(script);

    const gz = (await get('/assets/entry-client-B1a2_c-Z.js', { 'accept-encoding': 'gzip, br;q=0' }))!;
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(script);

    const plain = (await get('/assets/entry-client-B1a2_c-Z.js', { 'accept-encoding': 'identity' }))!;
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toBe('accept-encoding');
    expect(await plain.text()).toBe(script);
  });

  it('ranks encodings by q-value, brotli first on a tie', () => {
    expect(acceptedEncodings('gzip, br')).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('br;q=0.5, gzip;q=0.8')).toEqual(['gzip', 'br']);
    expect(acceptedEncodings('*')).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('*;q=0, gzip')).toEqual(['gzip']);
    expect(acceptedEncodings(null)).toEqual([]);
  });

  it('answers HEAD without a body and a matching ETag with 304', async () => {
    const head = (await get('/robots.txt', {}, 'HEAD'))!;
    expect(head.status).toBe(200);
    expect(head.body).toBeNull();
    const etag = head.headers.get('etag')!;
    const again = (await get('/robots.txt', { 'if-none-match': etag }))!;
    expect(again.status).toBe(304);
  });

  it('leaves other paths and methods to the app', async () => {
    expect(await get('/')).toBeUndefined();
    expect(await get('/about')).toBeUndefined();
    expect(await get('/robots.txt', {}, 'POST')).toBeUndefined();
    expect(await get('/.vite/manifest.json')).toBeUndefined();
    // Source maps stay on the server (they would hand out the app's source).
    expect(await get('/assets/entry-client-B1a2_c-Z.js.map')).toBeUndefined();
    expect(await get('/assets/entry-client-B1a2_c-Z.js.map.gz')).toBeUndefined();
  });

  it('never serves anything outside the directory', async () => {
    expect(await get('/link.txt')).toBeUndefined();
    expect(await get('/../secret.txt')).toBeUndefined();
    for (const path of ['/assets/..%2f..%2fsecret.txt', '/..%2fsecret.txt', '/assets/%2e%2e%5csecret.txt', '/a%00b', '/%E0%A4%A']) {
      const res = (await get(path))!;
      expect(res.status, path).toBe(400);
    }
    expect(staticKey('/assets/a%20b.js')).toBe('/assets/a b.js');
  });
});
