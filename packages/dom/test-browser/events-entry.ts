/**
 * Delegated events in real Chromium: apps built with the runtime the way compiled code does,
 * clicked and typed into by Playwright (trusted input events).
 */
import { signal } from '@lepta/reactive';
import { delegateEvents, insert, mount, template } from '@lepta/dom';

type El = HTMLElement & Record<string, unknown>;

const entries: string[] = [];
const disposers: (() => void)[] = [];

function logger(name: string) {
  return function (this: Element, e: Event) {
    const target = e.target as Element | null;
    const current = e.currentTarget as Element | null;
    entries.push(`${name} this=${this.id} current=${current?.id} target=${target?.id || target?.nodeName}`);
  };
}

/** What was logged since the last call; `withFocus` keeps focusin/focusout entries. */
export function log(withFocus = false): string[] {
  return entries.splice(0).filter((e) => withFocus || !e.startsWith('focus'));
}

export function disposeAll(): void {
  while (disposers.length) disposers.pop()!();
  document.body.innerHTML = '';
  entries.length = 0;
}

const appTemplate = template(
  '<div id="outer"><button id="btn"><span id="label">Go</span></button><button id="stop">Stop</button>' +
    '<button id="cancel">Cancel</button><button id="data">Data</button><input id="field"><input id="other">' +
    '<p id="count"></p></div>',
);

export function setupBasic(): void {
  const app = document.body.appendChild(document.createElement('div'));
  app.id = 'app';
  disposers.push(
    mount(() => {
      const outer = appTemplate() as El;
      const [btn, stop, cancel, data, field, other, count] = Array.from(outer.children) as El[];
      const [clicks, setClicks] = signal(0);
      outer.$$click = logger('outer');
      btn!.$$click = function (this: Element, e: Event) {
        logger('btn').call(this, e);
        setClicks((c) => c + 1);
      };
      stop!.$$click = (e: Event) => {
        entries.push('stop');
        e.stopPropagation();
      };
      cancel!.$$click = (e: Event) => {
        entries.push('cancel');
        e.cancelBubble = true;
      };
      data!.$$click = [(d: unknown, e: Event) => entries.push(`data ${JSON.stringify(d)} ${(e.currentTarget as Element).id}`), { row: 7 }];
      outer.$$focusin = logger('focusin');
      outer.$$focusout = logger('focusout');
      field!.$$keydown = (e: KeyboardEvent) => entries.push(`keydown ${e.key}`);
      field!.$$input = (e: Event) => entries.push(`input ${(e.target as HTMLInputElement).value}`);
      void other;
      insert(count!, () => clicks());
      return outer;
    }, app),
  );
}

const shadowTemplate = template('<div id="host-wrap"><div id="host"></div></div>');
const innerTemplate = template('<button id="inner"><b id="inner-label">Inner</b></button>');

/** An open shadow root inside a mounted app: handlers inside and outside it. */
export function setupShadow(): void {
  const app = document.body.appendChild(document.createElement('div'));
  disposers.push(
    mount(() => {
      const wrap = shadowTemplate() as El;
      const host = wrap.firstChild as El;
      const shadow = host.attachShadow({ mode: 'open' });
      const inner = innerTemplate() as El;
      shadow.appendChild(inner);
      inner.$$click = logger('inner');
      host.$$click = logger('host');
      wrap.$$click = logger('wrap');
      return wrap;
    }, app),
  );
}

/** An app mounted inside a closed shadow root; returns the button's centre. */
export function setupClosedShadow(): { x: number; y: number } {
  const host = document.body.appendChild(document.createElement('div'));
  host.id = 'closed-host';
  const shadow = host.attachShadow({ mode: 'closed' });
  const container = shadow.appendChild(document.createElement('div'));
  let button!: El;
  disposers.push(
    mount(() => {
      button = innerTemplate() as El;
      button.id = 'closed-inner';
      button.$$click = logger('closed');
      return button;
    }, container),
  );
  const r = button.getBoundingClientRect();
  return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
}

/** A portal: content in a container appended to <body>, logically inside #slot. */
export function setupPortal(): void {
  const app = document.body.appendChild(document.createElement('div'));
  disposers.push(
    mount(() => {
      const outer = template('<section id="logical"><div id="slot"></div></section>')() as El;
      outer.$$click = logger('logical');
      const slot = outer.firstChild as El;
      slot.$$click = logger('slot');
      const container = document.createElement('div') as unknown as El;
      container.id = 'portal';
      container.$$host = slot;
      const content = template('<button id="in-portal">In portal</button>')() as El;
      content.$$click = logger('in-portal');
      container.appendChild(content);
      document.body.appendChild(container);
      return outer;
    }, app),
  );
}

delegateEvents(['click', 'focusin', 'focusout', 'keydown', 'input']);
