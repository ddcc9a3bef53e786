/**
 * `createApp` (packages/vite/APP.md §1, §4): the streamed document, the error document, the flash,
 * and where its configuration comes from.
 */
import { describe, expect, it, vi } from 'vitest';
import { useContext } from '@lepta/reactive';
import { ssr, escape } from '@lepta/server/runtime';
import { flashCookie } from '../../server/src/flash.js';
import { FlashContext } from '../src/forms.js';
import { createApp, resolveAppConfig } from '../src/server-app.js';
import type { JSX } from '../src/jsx.js';

const origin = 'http://127.0.0.1:3000';
const page = (text: string) => (() => ssr(`<p>${escape(text)}</p>`)) as unknown as () => JSX.Element;

describe('createApp: the page', () => {
  it('streams the whole document around the app', async () => {
    const handler = createApp(page('hi <you>'), { origin, title: 'A & B', lang: 'fr', head: '<meta name="x" content="y">' });
    const response = await handler(new Request(origin + '/any/path'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    expect(html).toMatch(/^<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="[^"]+"><title>A &amp; B<\/title><script[^>]*>/);
    expect(html).toContain('<meta name="x" content="y"></head><body><div id="app"><p>hi &lt;you&gt;</p>');
    // Outside the Vite plugin there are no assets to link.
    expect(html).toMatch(/<\/p><\/div><\/body><\/html>$/);
  });

  it('answers a failure before the shell with the complete error document (500)', async () => {
    const onError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const handler = createApp(() => {
      throw new Error('boom');
    }, { origin, dev: true });
    const response = await handler(new Request(origin + '/'));
    expect(response.status).toBe(500);
    const html = await response.text();
    expect(html).toMatch(/^<!DOCTYPE html>.*<\/html>$/s);
    expect(html).toContain('boom');
    expect(html).not.toContain('id="app"');
    onError.mockRestore();
  });

  it('provides the flash of a form posted without JavaScript, and clears its cookie', async () => {
    let seen: unknown;
    const handler = createApp((() => {
      seen = useContext(FlashContext);
      return ssr('<p></p>');
    }) as unknown as () => JSX.Element, { origin });
    const cookie = (await flashCookie('fn-id', { value: 42 })).split(';', 1)[0]!;
    const response = await handler(new Request(origin + '/', { headers: { cookie } }));
    expect(response.status).toBe(200);
    await response.text();
    expect(seen).toEqual({ id: 'fn-id', value: 42 });
    expect(response.headers.get('set-cookie')).toMatch(/^lepta-flash=; Max-Age=0/);
  });

  it('routes the prefix to server functions', async () => {
    const handler = createApp(page('x'), { origin, prefix: '/rpc' });
    expect((await handler(new Request(origin + '/rpc/nope', { method: 'POST' }))).status).toBe(404);
    expect((await handler(new Request(origin + '/_server/nope'))).status).toBe(200);
  });

  it('in dev without an origin, accepts calls from the origin it is served on', async () => {
    const handler = createApp(page('x'), { dev: true });
    const response = await handler(new Request('http://localhost:5173/_server/unknown', { method: 'POST', headers: { origin: 'http://localhost:5173' } }));
    expect(response.status).toBe(404); // got past the origin check to the lookup
  });
});

describe('createApp: configuration', () => {
  it('takes options, then LEPTA_* variables, then the defaults', () => {
    const env = { LEPTA_ORIGIN: 'https://env.example', LEPTA_SSR_MODE: 'in-order', LEPTA_BODY_LIMIT: '10', LEPTA_PREFIX: '/env' };
    expect(resolveAppConfig({}, env, { scripts: [], styles: [] })).toMatchObject({ origin: 'https://env.example', ssrMode: 'in-order', bodyLimit: 10, prefix: '/env', dev: false });
    expect(resolveAppConfig({ origin: 'https://o.example', ssrMode: 'async', bodyLimit: 5, prefix: '/o' }, env)).toMatchObject({ origin: 'https://o.example', ssrMode: 'async', bodyLimit: 5, prefix: '/o' });
    expect(resolveAppConfig({}, {}, { scripts: [], styles: [] })).toMatchObject({ origin: 'http://127.0.0.1:3000', ssrMode: 'out-of-order', bodyLimit: 1048576, prefix: '/_server', lang: 'en' });
    expect(resolveAppConfig({}, { LEPTA_ADDR: '0.0.0.0:8080' }, { scripts: [], styles: [] }).origin).toBe('http://0.0.0.0:8080');
  });

  it('in dev, leaves the origin to each request; the Vite plugin says when it is dev', () => {
    expect(resolveAppConfig({}, {}, { scripts: [], styles: [], dev: true })).toMatchObject({ dev: true, origin: undefined });
    expect(resolveAppConfig({ dev: false }, {}, { scripts: [], styles: [], dev: true }).dev).toBe(false);
  });

  it('refuses values that cannot work', () => {
    expect(() => resolveAppConfig({}, { LEPTA_SSR_MODE: 'sideways' })).toThrow(/unknown ssrMode "sideways"/);
    expect(() => resolveAppConfig({}, { LEPTA_BODY_LIMIT: 'lots' })).toThrow(/bodyLimit/);
  });
});

describe('createApp: the Vite plugin\'s options', () => {
  it('sit below options and LEPTA_* variables, above the defaults', () => {
    const assets = { scripts: [], styles: [], dev: false, config: { prefix: '/p', ssrMode: 'async', bodyLimit: 7, origin: 'https://p.example' } };
    expect(resolveAppConfig({}, {}, assets)).toMatchObject({ prefix: '/p', ssrMode: 'async', bodyLimit: 7, origin: 'https://p.example' });
    expect(resolveAppConfig({ prefix: '/o' }, { LEPTA_SSR_MODE: 'in-order' }, assets)).toMatchObject({ prefix: '/o', ssrMode: 'in-order', bodyLimit: 7 });
  });
});
