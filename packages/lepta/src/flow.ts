/**
 * Control flow components: `Show`, `For`, `Index`, `Switch`/`Match`, `ErrorBoundary`.
 *
 * Written once for every renderer: each returns a value — usually a memo of what to render —
 * that the renderer's `insert` places and keeps up to date. What a branch renders is created
 * while the memo computes, so it belongs to the memo: when the memo switches branches, it
 * disposes the old branch (its effects, its nested lists) before creating the new one. Lists
 * get one owner per row (see `mapArray` in @lepta/reactive).
 *
 * Children and fallbacks arrive as getters (`get children() { return <p/>; }` in compiled code),
 * so reading one creates it: each is read exactly when that branch is rendered.
 */
import { catchError, getOwner, indexArray, mapArray, memo, renderEffect, signal, untrack, useContext, type Accessor } from '@lepta/reactive';
import {
  HydrationContext,
  RendererContext,
  disposeOwner,
  scopedHandle,
  errorBoundaryChildrenScope,
  setContextValue,
  type HydrationHandle,
  type Owner,
} from '@lepta/reactive/internal';
import { restoreCursor, saveCursor } from '@lepta/dom';
import type { JSX, NonFunctionElement } from './jsx.js';

/** Children that may be a render function taking the value a condition matched. */
type ConditionalChildren<T> = NonFunctionElement | ((value: T) => JSX.Element);

/**
 * Renders a branch: a function child with parameters is called (untracked) with `value`;
 * anything else (including a zero-argument function, which `insert` tracks) is returned as is.
 */
function renderBranch<T>(children: ConditionalChildren<T> | undefined, value: () => T): JSX.Element {
  if (typeof children === 'function' && children.length > 0) {
    const render = children as (value: T) => JSX.Element;
    return untrack(() => render(value()));
  }
  return children as JSX.Element;
}

function staleRead(component: string): Error {
  return new Error(
    `Stale read from <${component}>: its value was read after its condition stopped matching. ` +
      'Read it while the branch is shown (in effects or handlers the branch owns).',
  );
}

// ---------------------------------------------------------------------------------------------
// Show

interface ShowBase<T> {
  /** Shows the children while truthy. */
  when: T | undefined | null | false;
  /** Shown while `when` is falsy. */
  fallback?: JSX.Element;
}

/**
 * Unkeyed: the branch is created when `when` becomes truthy and kept while it stays truthy; a
 * render function gets an accessor to the current value.
 */
export interface ShowProps<T> extends ShowBase<T> {
  keyed?: false;
  children: ConditionalChildren<Accessor<NonNullable<T>>>;
}

/** Keyed: every new value (by `Object.is`) re-creates the branch; a render function gets the value. */
export interface KeyedShowProps<T> extends ShowBase<T> {
  keyed: true;
  children: ConditionalChildren<NonNullable<T>>;
}

/**
 * Renders `children` while `when` is truthy, else `fallback`.
 *
 * @example
 * <Show when={user()} fallback={<Login />}>{(user) => <p>Hello {user().name}</p>}</Show>
 * <Show when={user()} keyed>{(user) => <Profile user={user} />}</Show>
 */
export function Show<T>(props: ShowProps<T> | KeyedShowProps<T>): JSX.Element {
  const keyed = props.keyed === true;
  // Unkeyed, only truthiness matters: a new truthy value does not re-create the branch.
  const condition = memo<T | undefined | null | false>(() => props.when, keyed ? undefined : { equals: (a, b) => !a === !b });
  const value = (): NonNullable<T> => {
    if (!untrack(condition)) throw staleRead('Show');
    return props.when as NonNullable<T>;
  };
  return memo(() => {
    const c = condition();
    if (!c) return props.fallback;
    return keyed
      ? renderBranch(props.children as ConditionalChildren<NonNullable<T>>, () => c as NonNullable<T>)
      : renderBranch(props.children as ConditionalChildren<Accessor<NonNullable<T>>>, () => value);
  });
}

// ---------------------------------------------------------------------------------------------
// For, Index

export interface ForProps<T, U extends JSX.Element> {
  each: readonly T[] | undefined | null | false;
  /** The identity of an item (default: the item itself); read once. See `mapArray`. */
  key?: (item: T) => unknown;
  /** Shown while the list is empty. */
  fallback?: JSX.Element;
  /** Renders one item; called once per row, untracked. `index()` follows the row's position. */
  children: (item: T, index: Accessor<number>) => U;
}

/**
 * Renders a list by key: a row is created once per item and moved, not re-created, when the
 * list is reordered; removed rows are disposed.
 *
 * @example
 * <For each={todos()} key={(t) => t.id} fallback={<p>Nothing to do</p>}>
 *   {(todo, index) => <li>{index() + 1}. {todo.title}</li>}
 * </For>
 */
export function For<T, U extends JSX.Element>(props: ForProps<T, U>): JSX.Element {
  return mapArray<T, JSX.Element>(() => props.each, props.children, {
    key: props.key,
    fallback: 'fallback' in props ? () => props.fallback : undefined,
  });
}

export interface IndexProps<T, U extends JSX.Element> {
  each: readonly T[] | undefined | null | false;
  /** Shown while the list is empty. */
  fallback?: JSX.Element;
  /** Renders the row at position `index`; `item()` is the element there now. */
  children: (item: Accessor<T>, index: number) => U;
}

/**
 * Renders a list by position: row `i` is created once, and when the element at `i` changes,
 * only its `item()` readers update. For primitives and values without identity.
 *
 * @example
 * <Index each={names()}>{(name, i) => <input value={name()} data-row={i} />}</Index>
 */
export function Index<T, U extends JSX.Element>(props: IndexProps<T, U>): JSX.Element {
  return indexArray<T, JSX.Element>(() => props.each, props.children, {
    fallback: 'fallback' in props ? () => props.fallback : undefined,
  });
}

// ---------------------------------------------------------------------------------------------
// Switch, Match

interface MatchBase<T> {
  when: T | undefined | null | false;
}
/** As `ShowProps`: a render function gets an accessor to the value. */
export interface MatchProps<T> extends MatchBase<T> {
  keyed?: false;
  children: ConditionalChildren<Accessor<NonNullable<T>>>;
}
/** As `KeyedShowProps`: a render function gets the value; a new value re-creates the branch. */
export interface KeyedMatchProps<T> extends MatchBase<T> {
  keyed: true;
  children: ConditionalChildren<NonNullable<T>>;
}
type AnyMatchProps = (MatchProps<unknown> | KeyedMatchProps<unknown>) & { when: unknown };

/** What `Match` returns: its props, for the enclosing `Switch` to read. */
const MATCH = Symbol('lepta.match');
interface MatchMarker {
  [MATCH]: AnyMatchProps;
}

/**
 * One case of a `Switch`. It renders nothing by itself: it hands its props to the `Switch`.
 *
 * @example see Switch
 */
export function Match<T>(props: MatchProps<T> | KeyedMatchProps<T>): JSX.Element {
  const marker: MatchMarker = { [MATCH]: props as AnyMatchProps };
  return marker as unknown as JSX.Element;
}

export interface SwitchProps {
  /** Shown when no `Match` matches. */
  fallback?: JSX.Element;
  /** `Match` elements. */
  children: JSX.Element;
}

type Selection = { match: AnyMatchProps | null; value: unknown };
const NO_MATCH: Selection = { match: null, value: undefined };

/**
 * Renders the first `Match` whose `when` is truthy, else `fallback`. Only the conditions up to
 * the first truthy one are read, so only those are tracked.
 *
 * @example
 * <Switch fallback={<p>Not found</p>}>
 *   <Match when={route() === 'home'}><Home /></Match>
 *   <Match when={user()}>{(user) => <Profile user={user()} />}</Match>
 * </Switch>
 */
export function Switch(props: SwitchProps): JSX.Element {
  const matches = memo(() => {
    const found: AnyMatchProps[] = [];
    collectMatches(props.children, found);
    return found;
  });
  const selected = memo<Selection>(
    () => {
      const list = matches();
      for (let i = 0; i < list.length; i++) {
        const value = list[i]!.when;
        if (value) return { match: list[i]!, value };
      }
      return NO_MATCH;
    },
    {
      // The same case keeps its branch, unless it is keyed and its value changed. (`a` is
      // undefined on the first run.)
      equals: (a, b) =>
        a !== undefined && a.match === b.match && (a.match === null || !a.match.keyed || Object.is(a.value, b.value)),
    },
  );
  return memo(() => {
    const { match, value } = selected();
    if (match === null) return props.fallback;
    if (match.keyed) return renderBranch(match.children as ConditionalChildren<unknown>, () => value);
    const current = (): unknown => {
      if (untrack(selected).match !== match) throw staleRead('Match');
      return match.when;
    };
    return renderBranch(match.children as ConditionalChildren<Accessor<unknown>>, () => current);
  });
}

function collectMatches(children: unknown, into: AnyMatchProps[]): void {
  if (Array.isArray(children)) {
    for (const child of children) collectMatches(child, into);
  } else if (typeof children === 'object' && children !== null && MATCH in children) {
    into.push((children as MatchMarker)[MATCH]);
  }
}

// ---------------------------------------------------------------------------------------------
// ErrorBoundary

export interface ErrorBoundaryProps {
  /**
   * Rendered in place of the children once an error was caught; `reset()` renders the children
   * again. A plain element is shown as is.
   */
  fallback: JSX.Element | ((error: unknown, reset: () => void) => JSX.Element);
  children: JSX.Element;
}

const NO_ERROR: unique symbol = Symbol('no error');

/**
 * Catches errors thrown while rendering its children and by the effects and memos below it, and
 * renders `fallback` instead (disposing the children). Errors thrown by the fallback go to the
 * next boundary up. A renderer that renders boundaries its own way (the server, through
 * `RendererContext`) gets the children and the fallback and does the same in its terms;
 * there `reset` does nothing.
 *
 * @example
 * <ErrorBoundary fallback={(err, reset) => <p onClick={reset}>Failed: {String(err)}</p>}>
 *   <Dashboard />
 * </ErrorBoundary>
 */
export function ErrorBoundary(props: ErrorBoundaryProps): JSX.Element {
  // Its fallback's ids are in a scope of its own, reserved now: the server may render the fallback
  // in the shell or stream it later in a failed boundary's place, after the ids that follow the
  // ErrorBoundary were taken, while the hydrating client renders it in order; both give it the
  // same ids.
  const parent = useContext(HydrationContext);
  const id = parent === undefined ? undefined : errorBoundaryId(parent);
  const renderer = useContext(RendererContext);
  if (renderer !== undefined) {
    return renderer.errorBoundary({
      id,
      parent,
      children: () => props.children,
      fallback: (error) => renderFallback(props.fallback, error, noReset),
    }) as JSX.Element;
  }
  // Every write re-renders: an error after a reset that equals the previous error still counts.
  const [caught, setCaught] = signal<unknown>(NO_ERROR, { equals: false });
  const reset = (): void => setCaught(() => NO_ERROR);
  /** Set while the children are being created: their errors are handled in that same run. */
  let creating = false;
  let creationError: unknown = NO_ERROR;
  const onError = (error: unknown): void => {
    if (creating) {
      if (creationError === NO_ERROR) creationError = error;
    } else setCaught(() => error);
  };

  return memo(() => {
    let error = caught();
    if (error === NO_ERROR) {
      let owner = null as Owner | null;
      creating = true;
      creationError = NO_ERROR;
      // While hydrating, a throw can leave the cursor anywhere inside the children's server
      // nodes, and a region entered (`at`) that its insert never left: the fallback must be
      // claimed from where the children started, and whatever follows from where it would be.
      const cursor = saveCursor();
      let view: JSX.Element;
      try {
        view = catchError(() => {
          owner = getOwner();
          // The children's own scope, not the fallback's that an earlier run set on this memo.
          if (id !== undefined) setContextValue(owner!, HydrationContext.id, errorBoundaryChildrenScope(parent!, id));
          // The children are created once, in this memo (it re-runs only if the children getter
          // itself read something that changed: `{count()}` as the only child).
          const children = memo(() => props.children);
          // What they render may hold memos (a <Show>, a <For>) that compute when read. Read
          // here, in an effect under the handler, their errors reach this boundary; read by the
          // inserting effect, outside it, they would not. Resolved values go out via a signal.
          const [resolved, setResolved] = signal<unknown>(undefined);
          renderEffect(() => {
            const value = resolveChildren(children());
            setResolved(() => value);
          });
          return resolved as JSX.Element;
        }, onError);
      } finally {
        creating = false;
      }
      if (creationError === NO_ERROR) return view;
      error = creationError;
      creationError = NO_ERROR;
      disposeOwner(owner!);
      restoreCursor(cursor);
    }
    // Set on the memo itself (as the browser's Suspense does for its fallback), so that the
    // fallback's reads stay tracked by it.
    if (id !== undefined) setContextValue(getOwner()!, HydrationContext.id, scopedHandle(parent!, id));
    return renderFallback(props.fallback, error, reset);
  });
}

/** How many ErrorBoundaries were numbered in each hydration scope. */
const errorBoundaries = new WeakMap<HydrationHandle, number>();

/**
 * The id of an ErrorBoundary created in `parent`'s scope: `<scope prefix>e<n>` for the n-th one
 * (in creation order, as on the other side). Counted apart from `nextId`, so that an ErrorBoundary
 * takes none of the ids of the resources and boundaries around it.
 */
function errorBoundaryId(parent: HydrationHandle): string {
  const n = errorBoundaries.get(parent) ?? 0;
  errorBoundaries.set(parent, n + 1);
  return (parent.prefix ?? '') + 'e' + n;
}

function renderFallback(fallback: ErrorBoundaryProps['fallback'], error: unknown, reset: () => void): JSX.Element {
  if (typeof fallback === 'function') {
    const render = fallback as (error: unknown, reset: () => void) => JSX.Element;
    return untrack(() => render(error, reset));
  }
  return fallback;
}

function noReset(): void {}

/**
 * Calls every function in `value` (nested in arrays too), as `insert` would; arrays are copied
 * only if they held one. (Also used by the browser's Suspense, for the same reason.)
 */
export function resolveChildren(value: unknown): unknown {
  while (typeof value === 'function') value = value();
  if (!Array.isArray(value)) return value;
  let out: unknown[] | null = null;
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i];
    const resolved = typeof item === 'function' || Array.isArray(item) ? resolveChildren(item) : item;
    if (out === null && resolved !== item) out = value.slice(0, i);
    if (out !== null) out.push(resolved);
  }
  return out ?? value;
}
