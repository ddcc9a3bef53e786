/**
 * The server functions. This module runs only on the server: in the browser build each export is
 * a reference that calls its endpoint, and the store below is not there at all.
 */
'use server';
import { createHash } from 'node:crypto';

/** The items, in memory (one process; a database in a real app). */
const items: string[] = ['milk'];
/** Fingerprints of what was added. */
const seen = new Set<string>();
/** A server-only helper: with its `node:crypto` import, it is not in the browser build. */
const fingerprint = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 8);

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Rich values cross over as they are: a Date and a Map. */
export async function getStats(): Promise<{ at: Date; counts: Map<string, number> }> {
  'use get';
  return { at: new Date(Date.UTC(2026, 10, 25)), counts: new Map([['items', items.length]]) };
}

export async function listItems(): Promise<string[]> {
  'use get';
  return items.slice();
}

/** Validated from its signature: anything but a string is refused with 400 before it runs. */
export async function addItem(title: string): Promise<string> {
  const clean = title.trim();
  if (clean === '') throw new Error('A title is required');
  items.push(clean);
  seen.add(fingerprint(clean));
  return clean;
}

/** A streamed result: each item reaches the browser as it is produced. */
export async function* countdown(from: number): AsyncGenerator<string> {
  for (let n = from; n > 0; n--) {
    yield `item ${n}`;
    await sleep(150);
  }
}

/** Always fails: its error is shown by an ErrorBoundary. */
export async function failing(): Promise<string> {
  throw new Error('The server said no');
}
