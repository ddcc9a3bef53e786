// @vitest-environment happy-dom
/**
 * Hydration's edges around page data and captured events: server data is looked up by own key
 * only; replayed handlers that throw are reported without breaking `hydrate()`; an event fired
 * while the app is being hydrated is handled once.
 */
import { describe, expect, it, vi } from 'vitest';
import { resource } from '@lepta/reactive';
import { claim, delegateEvents, hydrate, template } from '../src/index.js';
import { serverPage } from './hydration-page.js';

delegateEvents(['click']);
const tButton = template('<button></button>');

type Page = { d: Record<string, unknown>; e: Event[] | null };
const setPage = (page: Page): Page => ((globalThis as unknown as { $lepta: Page }).$lepta = page);

describe('hydration data and replay', () => {
  it('take() looks at own keys only: a resource keyed "constructor" with no server data still loads', () => {
    setPage({ d: {}, e: null });
    let state = '';
    let fetched = 0;
    const dispose = hydrate(() => {
      const r = resource(
        () => {
          fetched++;
          return new Promise<never>(() => {});
        },
        { key: 'constructor' },
      );
      state = r.state();
      return null;
    }, serverPage(''));
    dispose();
    expect({ state, fetched }).toEqual({ state: 'pending', fetched: 1 });
  });

  it('a replayed handler that throws is reported; the other events replay and hydrate() returns', async () => {
    const c = serverPage('<button>a</button><button>b</button>');
    const [a, b] = Array.from(c.querySelectorAll('button'));
    const events = [new MouseEvent('click', { bubbles: true }), new MouseEvent('click', { bubbles: true })];
    a!.dispatchEvent(events[0]!);
    b!.dispatchEvent(events[1]!);
    setPage({ d: {}, e: events });
    const reported = vi.fn();
    vi.stubGlobal('reportError', reported);
    const seen: string[] = [];
    const dispose = hydrate(() => {
      const x = claim(tButton) as HTMLElement & { $$click: () => void };
      x.$$click = () => {
        throw new Error('handler bug');
      };
      const y = claim(tButton) as HTMLElement & { $$click: () => void };
      y.$$click = () => seen.push('b');
      return [x, y];
    }, c);
    vi.unstubAllGlobals();
    expect(seen).toEqual(['b']);
    expect(reported).toHaveBeenCalledWith(expect.objectContaining({ message: 'handler bug' }));
    expect(typeof dispose).toBe('function');
    dispose();
  });

  it('an event fired while the app hydrates is handled once (live), not replayed again', () => {
    const page = setPage({ d: {}, e: [] });
    // What the hydration script installs: capture into $lepta.e while it is an array.
    const capture = (e: Event): void => void page.e?.push(e);
    document.addEventListener('click', capture, true);
    const c = serverPage('<button>a</button>');
    let clicks = 0;
    const dispose = hydrate(() => {
      const x = claim(tButton) as HTMLElement & { $$click: () => void };
      x.$$click = () => clicks++;
      x.click(); // a ref or an effect clicking during creation
      return x;
    }, c);
    document.removeEventListener('click', capture, true);
    dispose();
    expect(clicks).toBe(1);
  });
});
