import { describe, expect, it } from 'vitest';
import { batch, memo, renderEffect, root, selector, signal } from '../src/index.js';

describe('selector', () => {
  it('notifies only the old and the new key', () => {
    const [selected, setSelected] = signal(1);
    const isSelected = selector(selected);
    const runs = new Array(100).fill(0);
    const state: boolean[] = [];
    for (let i = 0; i < 100; i++) {
      renderEffect(() => {
        runs[i]++;
        state[i] = isSelected(i);
      });
    }
    setSelected(42);
    expect(runs.reduce((a, b) => a + b)).toBe(100 + 2);
    expect(runs[1]).toBe(2);
    expect(runs[42]).toBe(2);
    expect(state.flatMap((s, i) => (s ? [i] : []))).toEqual([42]);
  });

  it('is current inside a batch, before the flush', () => {
    const [selected, setSelected] = signal('a');
    const isSelected = selector(selected);
    batch(() => {
      setSelected('b');
      expect(isSelected('b')).toBe(true);
      expect(isSelected('a')).toBe(false);
    });
  });

  it('supports a custom comparison', () => {
    const [range, setRange] = signal(10);
    const below = selector(range, (key: number, limit: number) => key < limit);
    const runs = [0, 0, 0];
    const keys = [5, 15, 25];
    keys.forEach((k, i) => renderEffect(() => (below(k), runs[i]++)));
    setRange(20);
    expect(runs).toEqual([1, 2, 1]);
  });

  it('drops a key when its last reader is disposed', () => {
    const [selected, setSelected] = signal(0);
    const isSelected = selector(selected);
    let runs = 0;
    root((dispose) => {
      renderEffect(() => (isSelected(3), runs++));
      dispose();
    });
    setSelected(3);
    expect(runs).toBe(1);
  });
});

describe('selector inside a batch', () => {
  it('a reader that subscribes while its key is marked does not re-run for nothing', () => {
    const [sel, setSel] = signal(0);
    const isSel = selector(sel);
    const [n, setN] = signal(1);
    const parity = memo(() => n() % 2);
    renderEffect(() => isSel(1));
    let runs = 0;
    batch(() => {
      setSel(1);
      isSel(1);
      renderEffect(() => {
        isSel(1);
        parity();
        runs++;
      });
      setN(3);
    });
    expect(runs).toBe(1);
  });
});
