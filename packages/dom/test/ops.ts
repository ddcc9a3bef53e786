/**
 * Counts the DOM operations made on one parent: insertBefore, appendChild, removeChild,
 * replaceChild, and `textContent` writes. Only outermost calls count (happy-dom implements some
 * of these in terms of the others).
 */
export interface OpCounter {
  insert: number;
  remove: number;
  replace: number;
  clear: number;
  /** All operations together. */
  readonly total: number;
  reset(): void;
}

export function countOps(parent: Node): OpCounter {
  const counts = {
    insert: 0,
    remove: 0,
    replace: 0,
    clear: 0,
    get total() {
      return this.insert + this.remove + this.replace + this.clear;
    },
    reset() {
      this.insert = this.remove = this.replace = this.clear = 0;
    },
  };
  let depth = 0;
  const wrap = <A extends unknown[], R>(fn: (...args: A) => R, kind: 'insert' | 'remove' | 'replace' | 'clear') =>
    function (this: Node, ...args: A): R {
      if (depth === 0) counts[kind]++;
      depth++;
      try {
        return fn.apply(this, args);
      } finally {
        depth--;
      }
    };
  const p = parent as unknown as Record<string, unknown>;
  type Fn = (...a: unknown[]) => unknown;
  p.insertBefore = wrap(p.insertBefore as Fn, 'insert');
  p.appendChild = wrap(p.appendChild as Fn, 'insert');
  p.removeChild = wrap(p.removeChild as Fn, 'remove');
  p.replaceChild = wrap(p.replaceChild as Fn, 'replace');
  let proto: object | null = Object.getPrototypeOf(parent);
  let text: PropertyDescriptor | undefined;
  while (proto !== null && (text = Object.getOwnPropertyDescriptor(proto, 'textContent')) === undefined) {
    proto = Object.getPrototypeOf(proto);
  }
  Object.defineProperty(parent, 'textContent', {
    configurable: true,
    get() {
      return text!.get!.call(this);
    },
    set: wrap(function (this: Node, v: string) {
      text!.set!.call(this, v);
    }, 'clear'),
  });
  return counts;
}

/** `n` elements `<li>` with text `prefix + i`. */
export function items(n: number, prefix = ''): HTMLElement[] {
  const out: HTMLElement[] = [];
  for (let i = 0; i < n; i++) {
    const li = document.createElement('li');
    li.textContent = prefix + i;
    out.push(li);
  }
  return out;
}

export function children(parent: Node): Node[] {
  return Array.from(parent.childNodes);
}
