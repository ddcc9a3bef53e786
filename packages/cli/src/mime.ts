/**
 * Content types of the files a Vite build writes (and what `public/` usually holds), and
 * whether a type is worth compressing. One table serves both `lepta serve` (the content-type
 * header) and `lepta build` (which files get `.br`/`.gz` variants), so they never disagree.
 */
import { extname } from 'node:path';

interface FileType {
  type: string;
  /** Text-like formats shrink under gzip/brotli; images, fonts (woff2 is brotli already), media and archives do not. */
  compressible: boolean;
}

const text = (type: string): FileType => ({ type: `${type}; charset=utf-8`, compressible: true });
const binary = (type: string, compressible = false): FileType => ({ type, compressible });

const TYPES: Record<string, FileType> = {
  '.html': text('text/html'),
  '.htm': text('text/html'),
  '.js': text('text/javascript'),
  '.mjs': text('text/javascript'),
  '.cjs': text('text/javascript'),
  '.css': text('text/css'),
  '.json': text('application/json'),
  '.map': text('application/json'),
  '.webmanifest': text('application/manifest+json'),
  '.txt': text('text/plain'),
  '.md': text('text/markdown'),
  '.csv': text('text/csv'),
  '.xml': text('application/xml'),
  '.svg': text('image/svg+xml'),
  '.wasm': binary('application/wasm', true),
  '.ico': binary('image/x-icon', true),
  '.ttf': binary('font/ttf', true),
  '.otf': binary('font/otf', true),
  '.woff': binary('font/woff'),
  '.woff2': binary('font/woff2'),
  '.png': binary('image/png'),
  '.jpg': binary('image/jpeg'),
  '.jpeg': binary('image/jpeg'),
  '.gif': binary('image/gif'),
  '.webp': binary('image/webp'),
  '.avif': binary('image/avif'),
  '.mp4': binary('video/mp4'),
  '.webm': binary('video/webm'),
  '.mp3': binary('audio/mpeg'),
  '.ogg': binary('audio/ogg'),
  '.pdf': binary('application/pdf'),
  '.zip': binary('application/zip'),
  '.gz': binary('application/gzip'),
  '.br': binary('application/octet-stream'),
};

const UNKNOWN: FileType = binary('application/octet-stream');

export function fileType(path: string): FileType {
  return TYPES[extname(path).toLowerCase()] ?? UNKNOWN;
}
