import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openPage, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await openPage(new URL('./events-entry.ts', import.meta.url).pathname);
});
afterAll(() => h?.close());
afterEach(() => h.call('disposeAll'));

/** Listeners of `type` on `document`, as DevTools sees them. */
async function documentListeners(type: string): Promise<number> {
  const cdp = await h.page.context().newCDPSession(h.page);
  const { result } = await cdp.send('Runtime.evaluate', { expression: 'document' });
  const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! });
  await cdp.detach();
  return listeners.filter((l) => l.type === type).length;
}

describe('delegated events in Chromium', () => {
  it('a real click bubbles through handlers inner to outer, with this/currentTarget/target', async () => {
    await h.call('setupBasic');
    await h.page.click('#label');
    expect(await h.call('log')).toEqual([
      'btn this=btn current=btn target=label',
      'outer this=outer current=outer target=label',
    ]);
    expect(await h.page.textContent('#count')).toBe('1');
  });

  it('stopPropagation and cancelBubble stop the walk', async () => {
    await h.call('setupBasic');
    await h.page.click('#stop');
    await h.page.click('#cancel');
    expect(await h.call('log')).toEqual(['stop', 'cancel']);
  });

  it('[handler, data] handlers', async () => {
    await h.call('setupBasic');
    await h.page.click('#data');
    expect(await h.call('log')).toEqual(['data {"row":7} data', 'outer this=outer current=outer target=data']);
  });

  it('focus: focusin/focusout delegate; keyboard and input events reach the input', async () => {
    await h.call('setupBasic');
    await h.page.focus('#field');
    await h.page.keyboard.type('ab');
    await h.page.focus('#other');
    expect(await h.call('log', true)).toEqual([
      'focusin this=outer current=outer target=field',
      'keydown a',
      'input a',
      'keydown b',
      'input ab',
      'focusout this=outer current=outer target=field',
      'focusin this=outer current=outer target=other',
    ]);
  });

  it('open shadow DOM: handlers inside see the inner target, outside the host (as native listeners would)', async () => {
    await h.call('setupShadow');
    await h.page.click('#inner-label'); // Playwright CSS pierces open shadow roots
    expect(await h.call('log')).toEqual([
      'inner this=inner current=inner target=inner-label',
      'host this=host current=host target=host',
      'wrap this=host-wrap current=host-wrap target=host',
    ]);
  });

  it('an app mounted in a closed shadow root receives its events', async () => {
    const { x, y } = await h.call<{ x: number; y: number }>('setupClosedShadow');
    await h.page.mouse.click(x, y);
    expect(await h.call('log')).toEqual(['closed this=closed-inner current=closed-inner target=inner-label']);
  });

  it('portals: after the portal content, the walk continues at its host', async () => {
    await h.call('setupPortal');
    await h.page.click('#in-portal');
    expect(await h.call('log')).toEqual([
      'in-portal this=in-portal current=in-portal target=in-portal',
      'slot this=slot current=slot target=in-portal',
      'logical this=logical current=logical target=in-portal',
    ]);
  });

  it('one document listener per type, shared by mounts, removed by the last dispose', async () => {
    expect(await documentListeners('click')).toBe(0);
    await h.call('setupBasic');
    await h.call('setupShadow');
    expect(await documentListeners('click')).toBe(1);
    expect(await documentListeners('focusin')).toBe(1);
    await h.call('disposeAll');
    expect(await documentListeners('click')).toBe(0);
    expect(await documentListeners('focusin')).toBe(0);
  });
});
