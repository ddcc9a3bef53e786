import { describe, expect, expectTypeOf, it } from 'vitest';
import { mergeProps, splitProps } from '../src/props.js';
import { memo, renderEffect, signal, store } from '../src/index.js';

describe('mergeProps', () => {
  it('reads each key from the last source that defines it', () => {
    const merged = mergeProps({ a: 1, b: 1 }, { b: 2, c: 2 }, { c: 3 });
    expect(merged).toEqual({ a: 1, b: 2, c: 3 });
    expect(Object.keys(merged).sort()).toEqual(['a', 'b', 'c']);
  });

  it('keeps getters live: reads call them, so effects track them', () => {
    const [size, setSize] = signal(1);
    const props = {
      get size() {
        return size();
      },
    };
    const merged = mergeProps({ size: 0, label: 'x' }, props);
    const seen: number[] = [];
    renderEffect(() => void seen.push(merged.size));
    setSize(2);
    expect(seen).toEqual([1, 2]);
  });

  it('an undefined value does not shadow an earlier source (defaults)', () => {
    const [size, setSize] = signal<'sm' | 'lg' | undefined>(undefined);
    const props: { size?: 'sm' | 'lg'; other?: string } = {
      get size() {
        return size();
      },
      other: undefined,
    };
    const merged = mergeProps({ size: 'md' as const, other: 'default' }, props);
    expect(merged.size).toBe('md');
    expect(merged.other).toBe('default');
    setSize('lg');
    expect(merged.size).toBe('lg');
    setSize(undefined);
    expect(merged.size).toBe('md');
    expectTypeOf(merged.size).toEqualTypeOf<'md' | 'sm' | 'lg'>();
    expectTypeOf(merged.other).toEqualTypeOf<string>();
  });

  it('a key every source leaves undefined exists, with the value undefined', () => {
    const merged = mergeProps({ a: undefined }, { a: undefined });
    expect('a' in merged).toBe(true);
    expect(merged.a).toBeUndefined();
  });

  it('calls getters with their own object as `this`', () => {
    const source = {
      first: 'Ada',
      get name() {
        return this.first;
      },
    };
    expect(mergeProps({ name: 'x' }, source).name).toBe('Ada');
  });

  it('skips null, undefined and false sources; one source is returned as is', () => {
    const props = { a: 1 };
    expect(mergeProps(null, props, undefined, false)).toBe(props);
    expect(mergeProps()).toEqual({});
  });

  it('function sources are read on every access, so the key set can change', () => {
    const [extra, setExtra] = signal<{ b?: number }>({});
    const merged = mergeProps({ a: 1 }, () => extra());
    expect('b' in merged).toBe(false);
    const seen: (number | undefined)[] = [];
    renderEffect(() => void seen.push(merged.b));
    setExtra({ b: 2 });
    expect(merged.b).toBe(2);
    expect({ ...merged }).toEqual({ a: 1, b: 2 });
    expect(Object.keys(merged)).toEqual(['a', 'b']);
    expect(seen).toEqual([undefined, 2]);
  });

  it('store sources stay live: keys added later appear', () => {
    const [state, setState] = store<{ a: number; b?: number }>({ a: 1 });
    const merged = mergeProps({ b: 0 }, state);
    const keys = memo(() => Object.keys(merged).join());
    expect(keys()).toBe('b,a');
    expect(merged.b).toBe(0);
    setState({ b: 5 });
    expect(merged.b).toBe(5);
    setState('a', 2);
    expect(merged.a).toBe(2);
  });

  it('merging a dynamic result stays dynamic', () => {
    const [extra, setExtra] = signal<object>({});
    const inner = mergeProps(() => extra());
    const outer = mergeProps({ a: 1 }, inner) as Record<string, unknown>;
    setExtra({ z: 26 });
    expect(outer.z).toBe(26);
    expect('z' in outer).toBe(true);
  });

  it('the result is read-only when dynamic', () => {
    const merged = mergeProps(() => ({ a: 1 })) as Record<string, unknown>;
    expect(() => {
      merged.a = 2;
    }).toThrow(TypeError);
  });

  it('types: later sources override, optional keys fall back to earlier ones', () => {
    const props = {} as { a: string; b?: number; c?: boolean };
    const merged = mergeProps({ b: 1, d: 'x' }, props);
    expectTypeOf(merged).toEqualTypeOf<{ b: number; d: string; a: string; c?: boolean | undefined }>();
  });
});

describe('splitProps', () => {
  it('splits by key lists, the rest last, keeping getters', () => {
    const [label, setLabel] = signal('a');
    const props = {
      get label() {
        return label();
      },
      id: 'x',
      onClick: () => {},
      title: 't',
    };
    const [local, events, rest] = splitProps(props, ['label'], ['onClick']);
    expect(Object.keys(local)).toEqual(['label']);
    expect(Object.keys(events)).toEqual(['onClick']);
    expect(Object.keys(rest)).toEqual(['id', 'title']);
    const seen: string[] = [];
    renderEffect(() => void seen.push(local.label));
    setLabel('b');
    expect(seen).toEqual(['a', 'b']);
    expectTypeOf(local).toEqualTypeOf<{ readonly label: string }>(); // a getter-only property
    expectTypeOf(rest).toEqualTypeOf<{ id: string; title: string }>();
  });

  it('a key named by two lists goes to both; a listed key the props lack is absent', () => {
    const props: { a: number; b: number; c?: number } = { a: 1, b: 2 };
    const [x, y, rest] = splitProps(props, ['a', 'c'], ['a', 'b']);
    expect(x).toEqual({ a: 1 });
    expect('c' in x).toBe(false);
    expect(y).toEqual({ a: 1, b: 2 });
    expect(rest).toEqual({});
  });

  it('splits a dynamic props object into live views', () => {
    const [extra, setExtra] = signal<Record<string, number>>({ a: 1 });
    const props = mergeProps({ x: 0 }, () => extra()) as Record<string, number>;
    const [local, rest] = splitProps(props, ['a']);
    expect({ ...local }).toEqual({ a: 1 });
    expect({ ...rest }).toEqual({ x: 0 });
    setExtra({ a: 2, b: 3 });
    expect(local.a).toBe(2);
    expect('b' in local).toBe(false);
    expect(rest.b).toBe(3);
    expect(rest.a).toBeUndefined();
    expect(Object.keys(rest)).toEqual(['x', 'b']);
  });

  it('splits a store (reads stay tracked)', () => {
    const [state, setState] = store({ a: 1, b: 2 });
    const [local, rest] = splitProps(state, ['a']);
    const seen: number[] = [];
    renderEffect(() => void seen.push(local.a));
    setState('a', 5);
    expect(seen).toEqual([1, 5]);
    expect({ ...rest }).toEqual({ b: 2 });
  });
});
