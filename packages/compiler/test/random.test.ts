// @vitest-environment happy-dom
/**
 * Random JSX trees — elements, text, static and reactive expressions, attributes, class
 * toggles, components, fragments, conditionals — compiled, mounted with the real runtime and
 * compared with a reference renderer, before and after random signal writes. This is what keeps
 * template walks and insertion markers honest.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { batch, signal, type Accessor, type Setter } from '@lepta/reactive';
import { createComponent, mount } from '@lepta/dom';
import { compile } from '../src/index.js';

const tmp = join(dirname(fileURLToPath(import.meta.url)), '.tmp');
mkdirSync(tmp, { recursive: true });
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const SIGNALS = 4;
type Value = string | number | null | false;

type T =
  | { k: 'el'; tag: string; attrs: A[]; children: T[] }
  | { k: 'text'; value: string }
  | { k: 'dyn'; i: number }
  | { k: 'const'; i: number }
  | { k: 'box'; children: T[] }
  | { k: 'frag'; children: T[] }
  | { k: 'if'; i: number; then: T };
type A = { k: 'static'; name: string; value: string } | { k: 'dyn'; name: string; i: number } | { k: 'toggle'; name: string; i: number };

const CONSTS: Value[] = ['c0', 7, null, 'c3'];
const tags = fc.constantFrom('div', 'span', 'b', 'i', 'em', 'section');
const text = fc.stringMatching(/^[a-z !.]{1,6}$/);
const attr: fc.Arbitrary<A> = fc.oneof(
  fc.record({ k: fc.constant('static' as const), name: fc.constantFrom('id', 'data-a', 'lang'), value: fc.stringMatching(/^[a-z]{1,4}$/) }),
  fc.record({ k: fc.constant('dyn' as const), name: fc.constantFrom('title', 'data-b', 'dir'), i: fc.nat(SIGNALS - 1) }),
  fc.record({ k: fc.constant('toggle' as const), name: fc.constantFrom('on', 'off'), i: fc.nat(SIGNALS - 1) }),
);
const tree = fc.letrec<{ node: T; el: T }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ k: fc.constant('text' as const), value: text }),
    fc.record({ k: fc.constant('dyn' as const), i: fc.nat(SIGNALS - 1) }),
    fc.record({ k: fc.constant('const' as const), i: fc.nat(CONSTS.length - 1) }),
    tie('el'),
    fc.record({ k: fc.constant('box' as const), children: fc.array(tie('node'), { maxLength: 3 }) }),
    fc.record({ k: fc.constant('frag' as const), children: fc.array(tie('node'), { maxLength: 3 }) }),
    fc.record({ k: fc.constant('if' as const), i: fc.nat(SIGNALS - 1), then: tie('el') }),
  ),
  el: fc.record({
    k: fc.constant('el' as const),
    tag: tags,
    attrs: fc.uniqueArray(attr, { maxLength: 3, selector: (a) => a.name }),
    children: fc.array(tie('node'), { maxLength: 4 }),
  }),
})).el;

/** Source text of a tree (adjacent JSX texts merge: keep them apart with an empty expression). */
function jsx(t: T): string {
  switch (t.k) {
    case 'el': {
      const attrs = t.attrs.map((a) => (a.k === 'static' ? ` ${a.name}="${a.value}"` : a.k === 'dyn' ? ` ${a.name}={s[${a.i}]()}` : ` class:${a.name}={!!s[${a.i}]()}`)).join('');
      return `<${t.tag}${attrs}>${children(t.children)}</${t.tag}>`;
    }
    case 'text':
      return t.value;
    case 'dyn':
      return `{s[${t.i}]()}`;
    case 'const':
      return `{c${t.i}}`;
    case 'box':
      return `<Box>${children(t.children)}</Box>`;
    case 'frag':
      return `<>${children(t.children)}</>`;
    case 'if':
      return `{s[${t.i}]() ? ${jsx(t.then)} : null}`;
  }
}
function children(list: T[]): string {
  let out = '';
  list.forEach((c, i) => {
    if (c.k === 'text' && i > 0 && list[i - 1]!.k === 'text') out += '{/**/}';
    out += jsx(c);
  });
  return out;
}

/** What the tree should look like, in the normalized form of `normalize`. */
function expected(t: T, values: Value[], out: string[]): void {
  const value = (v: Value): void => {
    if (v !== null && v !== false) out.push(`#${v}`);
  };
  switch (t.k) {
    case 'el': {
      const attrs: string[] = [];
      const classes: string[] = [];
      for (const a of t.attrs) {
        if (a.k === 'static') attrs.push(`${a.name}=${a.value}`);
        else if (a.k === 'dyn') {
          const v = values[a.i]!;
          if (v !== null && v !== false) attrs.push(`${a.name}=${v}`);
        } else if (values[a.i]) classes.push(a.name);
      }
      if (classes.length) attrs.push(`class=${classes.sort().join(' ')}`);
      out.push(`<${t.tag} ${attrs.sort().join(' ')}>`);
      for (const c of t.children) expected(c, values, out);
      out.push(`</${t.tag}>`);
      return;
    }
    case 'text':
      out.push(`#${t.value}`);
      return;
    case 'dyn':
      value(values[t.i]!);
      return;
    case 'const':
      value(CONSTS[t.i]!);
      return;
    case 'box':
      out.push('<span class=box>');
      for (const c of t.children) expected(c, values, out);
      out.push('</span>');
      return;
    case 'frag':
      for (const c of t.children) expected(c, values, out);
      return;
    case 'if':
      if (values[t.i]) expected(t.then, values, out);
      return;
  }
}

/** The DOM as a token list: elements with sorted attributes, text runs merged, comments dropped. */
function normalize(node: Node, out: string[]): void {
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 3) {
      if (!(c as Text).data) continue;
      const last = out[out.length - 1];
      if (last !== undefined && last.startsWith('#')) out[out.length - 1] = last + (c as Text).data;
      else out.push(`#${(c as Text).data}`);
    } else if (c.nodeType === 1) {
      const el = c as Element;
      const attrs = [...el.attributes]
        .filter((a) => !(a.name === 'class' && a.value.trim() === ''))
        .map((a) => `${a.name}=${a.name === 'class' ? a.value.trim().split(/\s+/).sort().join(' ') : a.value}`)
        .sort();
      out.push(`<${el.tagName.toLowerCase()} ${attrs.join(' ')}>`);
      normalize(el, out);
      out.push(`</${el.tagName.toLowerCase()}>`);
    }
  }
}
function mergeText(tokens: string[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    const last = out[out.length - 1];
    if (t.startsWith('#') && last !== undefined && last.startsWith('#')) out[out.length - 1] = last + t.slice(1);
    else out.push(t);
  }
  return out;
}

let counter = 0;
async function load(root: T): Promise<(props: object) => unknown> {
  const source = `
    const Box = (props: { children?: unknown }) => <span class="box">{props.children}</span>;
    export function App(props: { s: Array<() => unknown> }) {
      const s = props.s;
      ${CONSTS.map((v, i) => `const c${i} = ${JSON.stringify(v)};`).join(' ')}
      return ${jsx(root)};
    }
  `;
  const { code } = compile(source, { filename: `random-${counter}.tsx`, moduleName: '@lepta/dom', typescript: 'strip' });
  const file = join(tmp, `random-${process.pid}-${counter++}.js`);
  writeFileSync(file, code);
  return (await import(/* @vite-ignore */ pathToFileURL(file).href)).App;
}

const VALUES: Value[] = ['x', 'yy', 0, 3, null, false, ''];

describe('random JSX trees render like the reference', () => {
  it('initially and after signal writes', async () => {
    await fc.assert(
      fc.asyncProperty(
        tree,
        fc.array(fc.constantFrom(...VALUES), { minLength: SIGNALS, maxLength: SIGNALS }),
        fc.array(fc.array(fc.tuple(fc.nat(SIGNALS - 1), fc.constantFrom(...VALUES)), { minLength: 1, maxLength: 3 }), { maxLength: 4 }),
        async (root, initial, writes) => {
          const App = await load(root);
          const signals = initial.map((v) => signal<Value>(v)) as Array<[Accessor<Value>, Setter<Value>]>;
          const values = [...initial];
          const container = document.body.appendChild(document.createElement('div'));
          const dispose = mount(() => createComponent(App, { s: signals.map((s) => s[0]) }), container);
          try {
            const check = (): void => {
              const want: string[] = [];
              expected(root, values, want);
              const got: string[] = [];
              normalize(container, got);
              expect(got).toEqual(mergeText(want).filter((t) => t !== '#'));
            };
            check();
            for (const step of writes) {
              batch(() => {
                for (const [i, v] of step) {
                  values[i] = v;
                  signals[i]![1](() => v);
                }
              });
              check();
            }
          } finally {
            dispose();
            container.remove();
          }
        },
      ),
      { numRuns: 60, seed: 1312 },
    );
  }, 60_000);
});
