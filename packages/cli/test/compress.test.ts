import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { MIN_SIZE, precompress, shouldCompress, sizeTable } from '../src/compress.js';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('precompress', () => {
  it('writes .gz and .br beside text files of 1 KiB or more, only those', async () => {
    dir = await mkdtemp(join(tmpdir(), 'lepta-compress-'));
    await mkdir(join(dir, 'assets'));
    const js = 'console.log("hello");\n'.repeat(100);
    await writeFile(join(dir, 'assets/app-AbCdEf12.js'), js);
    await writeFile(join(dir, 'small.css'), 'a{}');
    await writeFile(join(dir, 'photo.jpg'), Buffer.alloc(4096, 7));
    const rows = await precompress(dir);

    expect(rows.map((r) => r.file)).toEqual(['assets/app-AbCdEf12.js', 'photo.jpg', 'small.css']);
    const [app, photo, small] = rows;
    expect(app!.size).toBe(js.length);
    expect(app!.gzip).toBeLessThan(app!.size);
    expect(app!.brotli).toBeLessThan(app!.size);
    expect(photo!.gzip).toBeUndefined();
    expect(small!.brotli).toBeUndefined();
    expect(gunzipSync(await readFile(join(dir, 'assets/app-AbCdEf12.js.gz'))).toString()).toBe(js);
    expect(brotliDecompressSync(await readFile(join(dir, 'assets/app-AbCdEf12.js.br'))).toString()).toBe(js);
    expect((await readdir(dir)).sort()).toEqual(['assets', 'photo.jpg', 'small.css']);

    // Run again (a rebuild into the same directory): variants are not compressed themselves.
    const again = await precompress(dir);
    expect(again.map((r) => r.file)).toEqual(['assets/app-AbCdEf12.js', 'photo.jpg', 'small.css']);
  });

  it('skips small files, compressed formats and variants', () => {
    expect(shouldCompress('a.js', MIN_SIZE - 1)).toBe(false);
    expect(shouldCompress('a.js', MIN_SIZE)).toBe(true);
    expect(shouldCompress('a.svg', 5000)).toBe(true);
    expect(shouldCompress('a.woff2', 5000)).toBe(false);
    expect(shouldCompress('a.js.br', 5000)).toBe(false);
    expect(shouldCompress('a.js.gz', 5000)).toBe(false);
  });

  it('prints one row per file and a total', () => {
    const table = sizeTable([
      { file: 'assets/app.js', size: 4096, gzip: 1024, brotli: 900 },
      { file: 'logo.png', size: 100 },
    ]).split('\n');
    expect(table[0]).toMatch(/^file\s+size\s+gzip\s+brotli$/);
    expect(table[2]).toMatch(/^assets\/app\.js\s+4\.00 kB\s+1\.00 kB\s+900 B$/);
    expect(table[3]).toMatch(/^logo\.png\s+100 B\s+-\s+-$/);
    expect(table.at(-1)).toMatch(/^total\s+4\.10 kB\s+1\.10 kB\s+1000 B$/);
  });
});
