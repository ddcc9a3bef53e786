import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, type Harness } from './harness.js';

type Result = {
  insertBefore: number;
  appendChild: number;
  removeChild: number;
  textContent: number;
  records: number;
  added: number;
  removed: number;
  ok: boolean;
  sameNodes: boolean;
};

let h: Harness;
beforeAll(async () => {
  h = await openPage(new URL('./lists-entry.ts', import.meta.url).pathname);
});
afterAll(() => h?.close());

const N = 1000;
/** Expected DOM method calls on the parent, for 1,000 rows alone in their <tbody>. */
const expected: Record<string, Partial<Result>> = {
  append: { insertBefore: 10, removeChild: 0, textContent: 0 },
  prepend: { insertBefore: 10, removeChild: 0, textContent: 0 },
  removeOne: { insertBefore: 0, removeChild: 1, textContent: 0 },
  swap: { insertBefore: 2, removeChild: 0, textContent: 0 },
  reverse: { insertBefore: N - 1, removeChild: 0, textContent: 0 },
  replaceAll: { insertBefore: N, removeChild: 0, textContent: 1 },
  clear: { insertBefore: 0, removeChild: 0, textContent: 1 },
  moveOne: { insertBefore: 1, removeChild: 0, textContent: 0 },
};

describe('keyed lists in Chromium', () => {
  for (const [name, want] of Object.entries(expected)) {
    it(`${name}: minimal DOM operations, same nodes`, async () => {
      await h.call('setup', N);
      const r = await h.call<Result>('run', name);
      console.log(`${name.padEnd(10)} calls: insertBefore ${r.insertBefore}, removeChild ${r.removeChild}, textContent ${r.textContent}; ` +
        `MutationObserver: ${r.records} records, +${r.added} −${r.removed} nodes`);
      expect(r.ok).toBe(true);
      expect(r.sameNodes).toBe(true);
      expect(r).toMatchObject({ ...want, appendChild: 0 });
    });
  }

  it('MutationObserver sees exactly the moves: a swap is 2 removals + 2 additions of the same rows', async () => {
    await h.call('setup', N);
    const r = await h.call<Result>('run', 'swap');
    expect(r).toMatchObject({ records: 4, added: 2, removed: 2 });
  });

  it('clear is one MutationObserver record removing every row', async () => {
    await h.call('setup', N);
    const r = await h.call<Result>('run', 'clear');
    expect(r).toMatchObject({ records: 1, added: 0, removed: N });
  });

  it('after a swap, the two rows are the same element objects', async () => {
    await h.call('setup', N);
    expect(await h.call('swapIdentity')).toBe(true);
  });

  it('next to a static sibling: clear removes row by row, the sibling stays', async () => {
    await h.call('setup', 50, true);
    const r = await h.call<Result>('run', 'clear');
    expect(r).toMatchObject({ ok: true, removeChild: 50, textContent: 0 });
    expect(await h.page.locator('#static').count()).toBe(1);
  });
});
