/**
 * Server-function ids (SERVER-FUNCTIONS.md §2): the client reference and the server registration
 * compute the same id from the module's path relative to the project root and the function's
 * name, so the two builds agree without sharing state.
 */
import { createHash } from 'node:crypto';
import { relative, resolve } from 'node:path';

/** The module's path relative to `root` with `/` separators; the filename as given without a root. */
export function relativePath(filename: string, root: string | undefined): string {
  const path = root === undefined ? filename : relative(resolve(root), resolve(filename));
  return path.replace(/\\/g, '/');
}

/**
 * `base36(sha256(relativePath + "#" + name)).slice(0, 12)`, or the readable
 * `relativePath#name` in development.
 */
export function serverFunctionId(path: string, name: string, dev: boolean): string {
  const key = `${path}#${name}`;
  if (dev) return key;
  const hex = createHash('sha256').update(key).digest('hex');
  return BigInt(`0x${hex}`).toString(36).slice(0, 12);
}
