/**
 * The static half of `lepta serve`: files of `dist/client`, with their content type, cache policy
 * and precompressed variants. Anything it does not answer (a path with no file, a method other
 * than GET/HEAD) is left to the app.
 *
 * The directory is indexed once, at startup: a request is a map lookup, never a path joined from
 * the URL, so nothing outside the directory can be reached however the URL is spelled (symbolic
 * links are not followed either; see walkFiles). A build's output does not change while it is
 * being served; a file added later is not served until the next start.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { walkFiles } from './files.js';
import { fileType } from './mime.js';

export type StaticHandler = (request: Request) => Promise<Response | undefined>;

/** The encodings `lepta build` writes, in order of preference when the client accepts both equally. */
export const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;
type Encoding = (typeof ENCODINGS)[number]['name'];

interface Stored {
  path: string;
  size: number;
  etag: string;
}
interface Entry extends Stored {
  type: string;
  cacheControl: string;
  variants: Partial<Record<Encoding, Stored>>;
}

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/**
 * Vite writes the build's own files as `assets/[name]-[hash].[ext]` (an 8-character base64url
 * hash): their content can never change under that name. Files from `public/` keep their names,
 * even under a `public/assets/` folder, so the name must carry a hash too.
 */
export function isHashedAsset(relativePath: string): boolean {
  return relativePath.startsWith('assets/') && /-[\w-]{8}\.[a-z0-9]+$/i.test(relativePath);
}

/** Vite's manifest and other build metadata: not for the browser. */
const HIDDEN_DIRS = ['.vite'];
/** A source map, or a precompressed copy of one. */
const SOURCE_MAP = /\.map(\.br|\.gz)?$/;

async function stored(path: string): Promise<Stored> {
  const info = await stat(path);
  return { path, size: info.size, etag: `W/"${info.size.toString(36)}-${Math.trunc(info.mtimeMs).toString(36)}"` };
}

export async function indexStaticFiles(root: string): Promise<Map<string, Entry>> {
  // Source maps are built for error tracking ('hidden': not referenced by the scripts) and are
  // not served: they would hand out the app's source.
  const files = (await walkFiles(root, { skipDirs: HIDDEN_DIRS })).filter((rel) => !SOURCE_MAP.test(rel));
  const present = new Set(files);
  const index = new Map<string, Entry>();
  await Promise.all(
    files.map(async (rel) => {
      const variants: Entry['variants'] = {};
      for (const { name, suffix } of ENCODINGS) {
        if (present.has(rel + suffix)) variants[name] = await stored(join(root, rel + suffix));
      }
      index.set('/' + rel, {
        ...(await stored(join(root, rel))),
        type: fileType(rel).type,
        cacheControl: isHashedAsset(rel) ? IMMUTABLE : REVALIDATE,
        variants,
      });
    }),
  );
  return index;
}

/**
 * The encodings an `Accept-Encoding` header allows, best first (by q-value; on a tie, brotli
 * before gzip because it is smaller). `identity` is always acceptable as the fallback.
 */
export function acceptedEncodings(header: string | null): Encoding[] {
  if (!header) return [];
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    if (name) q.set(name, Number.isFinite(value) ? value : 0);
  }
  const weight = (name: Encoding) => q.get(name) ?? q.get('*') ?? 0;
  return ENCODINGS.map((e) => e.name)
    .filter((name) => weight(name) > 0)
    .sort((a, b) => weight(b) - weight(a));
}

/** A URL path as a key of the index, or `null` when it cannot name a file inside the directory. */
export function staticKey(pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  // URL parsing already removed literal `..` segments; an encoded slash or backslash can still
  // bring one back once decoded. The index could not match such a path anyway; it is refused
  // explicitly so that it never reaches the app as a file-looking path either.
  if (decoded.includes('\0') || decoded.includes('\\') || decoded.split('/').some((s) => s === '..' || s === '.')) return null;
  return decoded;
}

export async function createStaticHandler(root: string): Promise<StaticHandler> {
  const index = await indexStaticFiles(root);
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
    const key = staticKey(new URL(request.url).pathname);
    if (key === null) return new Response('Bad Request', { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } });
    const entry = index.get(key);
    if (!entry) return undefined;

    const encoding = acceptedEncodings(request.headers.get('accept-encoding')).find((name) => entry.variants[name]);
    const file = encoding ? entry.variants[encoding]! : entry;
    const headers = new Headers({
      'content-type': entry.type,
      'cache-control': entry.cacheControl,
      etag: file.etag,
      'x-content-type-options': 'nosniff',
    });
    // Caches must key on Accept-Encoding whenever the answer could differ with it, including
    // when this client got the uncompressed file.
    if (Object.keys(entry.variants).length > 0) headers.set('vary', 'accept-encoding');
    if (encoding) headers.set('content-encoding', encoding);

    if (request.headers.get('if-none-match')?.split(',').some((tag) => tag.trim() === file.etag)) {
      return new Response(null, { status: 304, headers });
    }
    headers.set('content-length', String(file.size));
    const body = request.method === 'HEAD' ? null : (Readable.toWeb(createReadStream(file.path)) as unknown as ReadableStream<Uint8Array>);
    return new Response(body, { status: 200, headers });
  };
}
