/**
 * The app's runtime configuration (APP.md §4): flags > environment > lepta.config.ts > defaults.
 * The merged result is written back into `process.env` (`LEPTA_*`) before the app is loaded,
 * because that is where `createApp` reads it: the app itself never parses flags or config files.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CliError } from './errors.js';

export const SSR_MODES = ['out-of-order', 'in-order', 'async', 'partially-blocked'] as const;
export type SsrMode = (typeof SSR_MODES)[number];

/** What `lepta.config.ts` exports (as an object, or a function of Vite's `{ command, mode }`). */
export interface LeptaConfig {
  /** `host:port` the server listens on; `:port` or `port` alone keep the default host. */
  addr?: string;
  /** The site's public origin (`https://example.com`): server functions refuse calls from others. */
  origin?: string;
  ssrMode?: SsrMode;
  /** Largest request body a server function accepts, in bytes. */
  bodyLimit?: number;
  /** Where server functions are mounted. */
  prefix?: string;
}

export interface ResolvedConfig {
  addr: string;
  host: string;
  port: number;
  /** Only when given: otherwise `originFor(config, listeningPort)` once the port is known. */
  origin: string | undefined;
  ssrMode: SsrMode;
  bodyLimit: number;
  prefix: string;
}

type Key = keyof LeptaConfig;
/** One row of APP.md §4's table. */
interface Setting {
  key: Key;
  flag: string;
  env: string;
  default: string | number | undefined;
  description: string;
}

export const SETTINGS: readonly Setting[] = [
  { key: 'addr', flag: 'addr', env: 'LEPTA_ADDR', default: '127.0.0.1:3000', description: 'host:port to listen on (":3000" or "3000" keep the host; port 0 picks a free one)' },
  { key: 'origin', flag: 'origin', env: 'LEPTA_ORIGIN', default: undefined, description: 'public origin of the site, e.g. https://example.com (default http://<addr>)' },
  { key: 'ssrMode', flag: 'ssr-mode', env: 'LEPTA_SSR_MODE', default: 'out-of-order', description: `streaming mode: ${SSR_MODES.join(' | ')}` },
  { key: 'bodyLimit', flag: 'body-limit', env: 'LEPTA_BODY_LIMIT', default: 1048576, description: 'largest server-function request body, in bytes' },
  { key: 'prefix', flag: 'prefix', env: 'LEPTA_PREFIX', default: '/_server', description: 'URL prefix of server functions' },
];

export class ConfigError extends CliError {
  override name = 'ConfigError';
}

/** Each value is checked where it comes from, so an error names its source (`--addr`, `LEPTA_ADDR`, lepta.config.ts). */
function parseValue(key: Key, value: unknown, source: string): string | number {
  const fail = (why: string): never => {
    throw new ConfigError(`${source}: ${why} (got ${JSON.stringify(value)})`);
  };
  if (key === 'bodyLimit') {
    const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : NaN;
    if (!Number.isSafeInteger(n) || n <= 0) fail('expected a positive whole number of bytes');
    return n;
  }
  if (typeof value !== 'string' || value.trim() === '') return fail('expected a non-empty string');
  const text = value.trim();
  switch (key) {
    case 'addr':
      parseAddr(text, source);
      return text;
    case 'origin': {
      let url: URL | undefined;
      try {
        url = new URL(text);
      } catch {
        /* reported below */
      }
      if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) fail('expected an http(s) origin such as https://example.com');
      return url!.origin;
    }
    case 'ssrMode':
      if (!(SSR_MODES as readonly string[]).includes(text)) fail(`expected one of ${SSR_MODES.join(', ')}`);
      return text;
    case 'prefix':
      if (!text.startsWith('/')) fail('expected a path starting with "/"');
      // createHandler trims trailing slashes too; trimming here keeps the exported value canonical.
      return text.replace(/\/+$/, '') || fail('expected a path below "/"');
  }
}

const DEFAULT_HOST = '127.0.0.1';

/** `host:port`, `[ipv6]:port`, `:port` or `port`. */
export function parseAddr(addr: string, source = 'addr'): { host: string; port: number } {
  const match = /^(?:(\[[^\]]+\]|[^:\s]*):)?(\d{1,5})$/.exec(addr.trim());
  const port = match ? Number(match[2]) : NaN;
  if (!match || port > 65535) throw new ConfigError(`${source}: expected host:port, :port or port (got ${JSON.stringify(addr)})`);
  const host = match[1] ? match[1].replace(/^\[(.*)\]$/, '$1') : DEFAULT_HOST;
  return { host, port };
}

export interface ConfigSources {
  /** Flag values as parsed by the command line (`addr`, `ssr-mode`, …), unset ones omitted. */
  flags?: Partial<Record<string, string | undefined>>;
  env?: Record<string, string | undefined>;
  file?: { path: string; config: Record<string, unknown> };
}

export function resolveConfig(sources: ConfigSources): ResolvedConfig {
  const values: Partial<Record<Key, string | number>> = {};
  for (const setting of SETTINGS) {
    const flag = sources.flags?.[setting.flag];
    const env = sources.env?.[setting.env];
    const file = sources.file?.config[setting.key];
    values[setting.key] =
      flag !== undefined ? parseValue(setting.key, flag, `--${setting.flag}`)
      : env !== undefined && env !== '' ? parseValue(setting.key, env, setting.env)
      : file !== undefined ? parseValue(setting.key, file, `${sources.file!.path} (${setting.key})`)
      : setting.default;
  }
  if (sources.file) {
    const known = new Set<string>(SETTINGS.map((s) => s.key));
    const unknown = Object.keys(sources.file.config).filter((key) => !known.has(key));
    if (unknown.length) throw new ConfigError(`${sources.file.path}: unknown setting${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} (known: ${[...known].join(', ')})`);
  }
  const addr = values.addr as string;
  return {
    addr,
    ...parseAddr(addr),
    origin: values.origin as string | undefined,
    ssrMode: values.ssrMode as SsrMode,
    bodyLimit: values.bodyLimit as number,
    prefix: values.prefix as string,
  };
}

/**
 * The origin when none was configured: `http://<addr>` with the port actually bound (port 0),
 * and `localhost` for a wildcard host, which no browser can use as an origin.
 */
export function originFor(config: ResolvedConfig, port = config.port): string {
  if (config.origin) return config.origin;
  const wildcard = config.host === '' || config.host === '0.0.0.0' || config.host === '::';
  const host = wildcard ? 'localhost' : config.host.includes(':') ? `[${config.host}]` : config.host;
  return `http://${host}:${port}`;
}

/** Puts the merged settings where `createApp` reads them (APP.md §4). */
export function exportConfig(config: ResolvedConfig, env: Record<string, string | undefined>, port = config.port): void {
  const values: Record<Key, string | number> = { ...config, addr: config.addr, origin: originFor(config, port) };
  for (const setting of SETTINGS) env[setting.env] = String(values[setting.key]);
}

export const CONFIG_FILES = ['lepta.config.ts', 'lepta.config.mts', 'lepta.config.js', 'lepta.config.mjs'];

export function findConfigFile(root: string): string | undefined {
  return CONFIG_FILES.map((name) => join(root, name)).find((path) => existsSync(path));
}

/**
 * Loads `lepta.config.ts` the way Vite loads `vite.config.ts` (`loadConfigFromFile` bundles it
 * with its imports, so TypeScript works on Node 20 without a loader). Vite is imported only when
 * such a file exists: `lepta serve` without one never loads it.
 */
export async function loadConfigFile(root: string, command: 'serve' | 'build' = 'serve', mode = 'production'): Promise<ConfigSources['file']> {
  const path = findConfigFile(root);
  if (!path) return undefined;
  const { loadConfigFromFile } = await import('vite');
  const loaded = await loadConfigFromFile({ command, mode }, path, root, 'silent');
  if (!loaded) throw new ConfigError(`${path}: could not be loaded`);
  return { path, config: loaded.config as Record<string, unknown> };
}

export async function loadConfig(options: { root: string; flags?: ConfigSources['flags']; env?: ConfigSources['env']; command?: 'serve' | 'build'; mode?: string }): Promise<ResolvedConfig> {
  const file = await loadConfigFile(options.root, options.command, options.mode);
  return resolveConfig({ flags: options.flags, env: options.env ?? process.env, file });
}
