/**
 * Precompression for `lepta build`: every text-like file of the client output gets `.gz` and
 * `.br` siblings, compressed once at the strongest levels (too slow per request, free at build
 * time), which `lepta serve` then picks by Accept-Encoding.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { walkFiles } from './files.js';
import { fileType } from './mime.js';
import { ENCODINGS } from './static.js';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** Below this, the saving is a few hundred bytes at most and a header's worth of overhead. */
export const MIN_SIZE = 1024;

export interface FileSizes {
  /** Relative to the directory, `/`-separated. */
  file: string;
  size: number;
  /** Sizes of the variants written; absent when the file was skipped or they would not be smaller. */
  gzip?: number;
  brotli?: number;
}

const VARIANT = new RegExp(`(${ENCODINGS.map((e) => e.suffix.replace('.', '\\.')).join('|')})$`);

export function shouldCompress(file: string, size: number): boolean {
  return size >= MIN_SIZE && fileType(file).compressible && !VARIANT.test(file);
}

/**
 * Compresses the files of `dir` in place and lists every file (variants excluded) with its
 * sizes. A variant is written only when it is smaller than the file: serving a larger
 * "compressed" file would cost bytes.
 */
export async function precompress(dir: string): Promise<FileSizes[]> {
  // Source maps are not served (static.ts), so not compressed either.
  const files = (await walkFiles(dir, { skipDirs: ['.vite'] })).filter((file) => !VARIANT.test(file) && !file.endsWith('.map'));
  // zlib's async calls run on libuv's thread pool: a few at a time use the cores without
  // holding every file in memory at once.
  const results: FileSizes[] = new Array(files.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < files.length; i = next++) results[i] = await compressFile(dir, files[i]!);
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return results;
}

async function compressFile(dir: string, file: string): Promise<FileSizes> {
  const path = join(dir, file);
  const { size } = await stat(path);
  if (!shouldCompress(file, size)) return { file, size };
  const data = await readFile(path);
  const text = fileType(file).type.includes('charset');
  const [gz, br] = await Promise.all([
    gzipAsync(data, { level: constants.Z_BEST_COMPRESSION }),
    brotliAsync(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: text ? constants.BROTLI_MODE_TEXT : constants.BROTLI_MODE_GENERIC,
        [constants.BROTLI_PARAM_SIZE_HINT]: size,
      },
    }),
  ]);
  const result: FileSizes = { file, size };
  if (gz.length < size) {
    await writeFile(path + '.gz', gz);
    result.gzip = gz.length;
  }
  if (br.length < size) {
    await writeFile(path + '.br', br);
    result.brotli = br.length;
  }
  return result;
}

export function formatSize(bytes: number | undefined): string {
  if (bytes === undefined) return '-';
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(2)} kB`;
}

/** The build summary: one row per file, sizes right-aligned, a total of what was measured. */
export function sizeTable(rows: readonly FileSizes[]): string {
  const header = ['file', 'size', 'gzip', 'brotli'];
  const cells = rows.map((r) => [r.file, formatSize(r.size), formatSize(r.gzip), formatSize(r.brotli)]);
  const sum = (pick: (r: FileSizes) => number | undefined) => rows.reduce((total, r) => total + (pick(r) ?? r.size), 0);
  cells.push(['total', formatSize(sum((r) => r.size)), formatSize(sum((r) => r.gzip)), formatSize(sum((r) => r.brotli))]);
  const all = [header, ...cells];
  const widths = header.map((_, col) => Math.max(...all.map((row) => row[col]!.length)));
  const line = (row: string[]) => row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]!) : cell.padStart(widths[col]!))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.slice(0, -1).map(line), line(widths.map((w) => '-'.repeat(w))), line(cells.at(-1)!)].join('\n');
}
