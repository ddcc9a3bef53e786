/** Walking a build's output directory: shared by the precompression step and the static file index. */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

export interface WalkOptions {
  /** Directory names not entered (relative to nothing: matched by name at any depth). */
  skipDirs?: readonly string[];
}

/**
 * Every regular file below `root`, as a path relative to it with `/` separators (URL-shaped, on
 * every platform). Symbolic links are not followed: what is listed is only what physically lives
 * inside `root`, which is what makes the static index safe against links pointing elsewhere.
 */
export async function walkFiles(root: string, options: WalkOptions = {}): Promise<string[]> {
  const skip = new Set(options.skipDirs ?? []);
  const out: string[] = [];
  const visit = async (dir: string, prefix: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    for (const entry of entries) {
      const rel = prefix + entry.name;
      if (entry.isDirectory()) {
        if (!skip.has(entry.name)) await visit(join(dir, entry.name), rel + '/');
      } else if (entry.isFile()) out.push(rel);
    }
  };
  await visit(root, '');
  return out.sort();
}
