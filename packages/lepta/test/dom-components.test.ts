// @vitest-environment happy-dom
/** Dynamic and Portal, driven the way compiled code drives them. */
import { afterEach, describe, expect, it } from 'vitest';
import {
  Dynamic,
  Portal,
  Show,
  createContext,
  onCleanup,
  provideContext,
  signal,
  useContext,
  type JSX,
} from '../src/index.js';
import { createComponent, delegateEvents, insert, mount, template } from '../src/runtime.js';

const disposers: (() => void)[] = [];
afterEach(() => {
  while (disposers.length) disposers.pop()!();
  document.body.innerHTML = '';
});

function render(fn: () => JSX.Element): { container: HTMLElement; dispose: () => void } {
  const container = document.createElement('div');
  document.body.appendChild(container);
  const dispose = mount(fn, container);
  disposers.push(dispose);
  return { container, dispose };
}

const pTemplate = template('<p></p>');
function p(value: unknown): HTMLElement {
  const el = pTemplate() as HTMLElement;
  insert(el, value);
  return el;
}

describe('Dynamic', () => {
  it('creates an element for a tag name, with reactive props and children', () => {
    const [tag, setTag] = signal<string>('h1');
    const [title, setTitle] = signal('a');
    const { container } = render(() =>
      createComponent(Dynamic, {
        get component() {
          return tag();
        },
        get title() {
          return title();
        },
        class: 'heading',
        children: 'Hello',
      }),
    );
    expect(container.innerHTML).toBe('<h1 title="a" class="heading">Hello</h1>');
    setTitle('b');
    expect(container.firstElementChild!.getAttribute('title')).toBe('b');
    setTag('h2');
    expect(container.innerHTML).toBe('<h2 title="b" class="heading">Hello</h2>');
  });

  it('creates SVG-only tags in the SVG namespace', () => {
    const { container } = render(() => createComponent(Dynamic, { component: 'circle', r: 3 }));
    const circle = container.firstChild as Element;
    expect(circle.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(circle.getAttribute('r')).toBe('3');
  });

  it('calls a component with the other props; switching disposes the previous one', () => {
    const log: string[] = [];
    function A(props: { name: string }): JSX.Element {
      onCleanup(() => log.push('A gone'));
      return p(() => `A ${props.name}`);
    }
    function B(props: { name: string }): JSX.Element {
      return p(() => `B ${props.name}`);
    }
    const [which, setWhich] = signal<typeof A | null>(A);
    const [name, setName] = signal('x');
    const { container } = render(() =>
      createComponent(Dynamic, {
        get component() {
          return which();
        },
        get name() {
          return name();
        },
      }),
    );
    expect(container.textContent).toBe('A x');
    setName('y');
    expect(container.textContent).toBe('A y');
    setWhich(() => B);
    expect(container.textContent).toBe('B y');
    expect(log).toEqual(['A gone']);
    setWhich(null);
    expect(container.innerHTML).toBe('');
  });
});

describe('Portal', () => {
  it('renders its children at the end of document.body and removes them when disposed', () => {
    const { container, dispose } = render(() => [
      p('before'),
      createComponent(Portal, {
        get children() {
          return p('in portal');
        },
      }),
    ]);
    expect(container.textContent).toBe('before');
    const portal = document.body.lastElementChild as HTMLElement;
    expect(portal).not.toBe(container);
    expect(portal.innerHTML).toBe('<p>in portal</p>');
    dispose();
    expect(portal.isConnected).toBe(false);
  });

  it('renders into `mount`, inside a shadow root with useShadow; content sees context', () => {
    const Theme = createContext('light');
    const target = document.createElement('section');
    document.body.appendChild(target);
    let containerEl!: HTMLDivElement | SVGGElement;
    render(() => {
      provideContext(Theme, 'dark');
      return createComponent(Portal, {
        mount: target,
        useShadow: true,
        ref: (el) => (containerEl = el),
        get children() {
          return p(useContext(Theme));
        },
      });
    });
    expect(target.firstChild).toBe(containerEl);
    expect(containerEl.shadowRoot!.innerHTML).toBe('<p>dark</p>');
  });

  it('is disposed with its owner (a Show branch)', () => {
    const [on, setOn] = signal(true);
    const log: string[] = [];
    render(() =>
      createComponent(Show, {
        get when() {
          return on();
        },
        get children() {
          return createComponent(Portal, {
            get children() {
              onCleanup(() => log.push('content gone'));
              return p('modal');
            },
          });
        },
      }),
    );
    expect(document.body.textContent).toContain('modal');
    setOn(false);
    expect(document.body.textContent).not.toContain('modal');
    expect(log).toEqual(['content gone']);
  });

  it('moves the same content when `mount` changes', () => {
    const a = document.createElement('div');
    const b = document.createElement('div');
    document.body.append(a, b);
    const [target, setTarget] = signal<Node>(a);
    let created = 0;
    render(() =>
      createComponent(Portal, {
        get mount() {
          return target();
        },
        get children() {
          created++;
          return p('content');
        },
      }),
    );
    const content = a.querySelector('p');
    setTarget(b);
    expect(a.innerHTML).toBe('');
    expect(b.querySelector('p')).toBe(content);
    expect(created).toBe(1);
  });

  it('delegated events inside the portal reach handlers in its logical parent', () => {
    delegateEvents(['click']);
    const clicks: string[] = [];
    let button!: HTMLButtonElement;
    render(() => {
      const parent = document.createElement('div') as HTMLDivElement & { $$click?: unknown };
      parent.$$click = () => clicks.push('parent');
      insert(
        parent,
        createComponent(Portal, {
          get children() {
            button = document.createElement('button') as HTMLButtonElement & { $$click?: unknown };
            (button as HTMLButtonElement & { $$click?: unknown }).$$click = () => clicks.push('button');
            return button;
          },
        }),
      );
      return parent;
    });
    button.click();
    expect(clicks).toEqual(['button', 'parent']);
  });
});
