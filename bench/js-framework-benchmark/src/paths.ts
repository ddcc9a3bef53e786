/** Where things are, and the implementations this benchmark knows. */
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';

export const BENCH_DIR = fileURLToPath(new URL('..', import.meta.url));
export const REPO_DIR = resolve(BENCH_DIR, '../..');
export const DIST_DIR = join(BENCH_DIR, 'dist');

export const IMPLS = ['vanilla', 'solid', 'lepta'] as const;
export type ImplId = (typeof IMPLS)[number];

export function parseImpls(value: string | undefined): ImplId[] {
  if (!value) return [...IMPLS];
  const out: ImplId[] = [];
  for (const raw of value.split(',')) {
    const id = raw.trim();
    if (!id) continue;
    if (!(IMPLS as readonly string[]).includes(id)) throw new UsageError(`unknown implementation "${id}"; known: ${IMPLS.join(', ')}`);
    if (!out.includes(id as ImplId)) out.push(id as ImplId);
  }
  if (out.length === 0) throw new UsageError('no implementation selected');
  // Keep the canonical order (vanilla first: it is the reference).
  return IMPLS.filter((i) => out.includes(i));
}

/** A bad command line or environment: exit code 2, no stack trace. */
export class UsageError extends Error {}
