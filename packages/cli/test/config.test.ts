import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, exportConfig, loadConfig, originFor, parseAddr, resolveConfig } from '../src/config.js';

describe('resolveConfig', () => {
  it('uses the defaults of APP.md §4', () => {
    expect(resolveConfig({})).toEqual({
      addr: '127.0.0.1:3000',
      host: '127.0.0.1',
      port: 3000,
      origin: undefined,
      ssrMode: 'out-of-order',
      bodyLimit: 1048576,
      prefix: '/_server',
    });
  });

  it('takes flags over the environment over the file over the defaults, per setting', () => {
    const config = resolveConfig({
      flags: { addr: '0.0.0.0:8080' },
      env: { LEPTA_ADDR: '127.0.0.1:1', LEPTA_SSR_MODE: 'in-order', LEPTA_BODY_LIMIT: '' },
      file: { path: 'lepta.config.ts', config: { addr: '127.0.0.1:2', ssrMode: 'async', bodyLimit: 10, prefix: '/rpc/' } },
    });
    expect(config).toMatchObject({ addr: '0.0.0.0:8080', port: 8080, ssrMode: 'in-order', bodyLimit: 10, prefix: '/rpc' });
  });

  it('names the source of a bad value', () => {
    expect(() => resolveConfig({ flags: { 'ssr-mode': 'fast' } })).toThrow(/--ssr-mode: expected one of/);
    expect(() => resolveConfig({ env: { LEPTA_BODY_LIMIT: '1k' } })).toThrow(/LEPTA_BODY_LIMIT: expected a positive whole number/);
    expect(() => resolveConfig({ env: { LEPTA_ORIGIN: 'example.com' } })).toThrow(ConfigError);
    expect(() => resolveConfig({ file: { path: 'c.ts', config: { prefix: 'rpc' } } })).toThrow(/c\.ts \(prefix\)/);
    expect(() => resolveConfig({ file: { path: 'c.ts', config: { adr: ':1' } } })).toThrow(/unknown setting adr/);
  });

  it('normalizes an origin to its origin part', () => {
    expect(resolveConfig({ flags: { origin: 'https://example.com/app/' } }).origin).toBe('https://example.com');
  });
});

describe('addresses and origins', () => {
  it('parses host:port, [ipv6]:port, :port and port', () => {
    expect(parseAddr('localhost:80')).toEqual({ host: 'localhost', port: 80 });
    expect(parseAddr('[::1]:8080')).toEqual({ host: '::1', port: 8080 });
    expect(parseAddr(':0')).toEqual({ host: '127.0.0.1', port: 0 });
    expect(parseAddr('4000')).toEqual({ host: '127.0.0.1', port: 4000 });
    expect(() => parseAddr('localhost')).toThrow(ConfigError);
    expect(() => parseAddr('a:70000')).toThrow(ConfigError);
  });

  it('derives the origin from the bound address unless one is given', () => {
    expect(originFor(resolveConfig({ flags: { addr: '0.0.0.0:0' } }), 4321)).toBe('http://localhost:4321');
    expect(originFor(resolveConfig({ flags: { addr: '[::1]:9' } }))).toBe('http://[::1]:9');
    expect(originFor(resolveConfig({ flags: { origin: 'https://a.example' } }), 1)).toBe('https://a.example');
  });

  it('exports every setting as LEPTA_*', () => {
    const env: Record<string, string | undefined> = {};
    exportConfig(resolveConfig({ flags: { addr: '127.0.0.1:0', prefix: '/api' } }), env, 5555);
    expect(env).toEqual({
      LEPTA_ADDR: '127.0.0.1:0',
      LEPTA_ORIGIN: 'http://127.0.0.1:5555',
      LEPTA_SSR_MODE: 'out-of-order',
      LEPTA_BODY_LIMIT: '1048576',
      LEPTA_PREFIX: '/api',
    });
  });
});

describe('lepta.config.ts', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('is loaded as TypeScript, below flags and the environment', async () => {
    dir = await mkdtemp(join(tmpdir(), 'lepta-config-'));
    await writeFile(
      join(dir, 'lepta.config.ts'),
      `const limit: number = 2 * 1024;\nexport default { addr: '127.0.0.1:4000', bodyLimit: limit, ssrMode: 'async' as const };\n`,
    );
    const config = await loadConfig({ root: dir, flags: { 'ssr-mode': 'in-order' }, env: { LEPTA_ADDR: ':5000' } });
    expect(config).toMatchObject({ port: 5000, bodyLimit: 2048, ssrMode: 'in-order' });
  });

  it('may be a function of the command', async () => {
    dir = await mkdtemp(join(tmpdir(), 'lepta-config-'));
    await writeFile(join(dir, 'lepta.config.mjs'), `export default ({ command }) => ({ prefix: '/' + command });\n`);
    expect((await loadConfig({ root: dir, env: {}, command: 'serve' })).prefix).toBe('/serve');
  });
});
