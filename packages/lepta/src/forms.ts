/**
 * `<ActionForm>` and `<MultiActionForm>`: forms that call a server function, with and without
 * JavaScript (packages/server/SERVER-FUNCTIONS.md §4).
 *
 * Both render `<form method="post" action="{prefix}/{id}">` through `Dynamic`, so the server
 * writes it as HTML and the browser creates or hydrates it. Then:
 *
 * - Without JavaScript the browser posts the form itself; the handler runs the function and
 *   answers `303` back to the page with the outcome in a flash cookie. The page handler reads it
 *   (`readFlash` from `@lepta/server`) and provides it through `FlashContext`; the form whose
 *   function it is seeds its action with it (`action.seed`), so whatever reads `act.value()` or
 *   `act.error()` shows the result. The flash also goes to the browser in the page's hydration
 *   data (key `lepta-flash:<id>`), so the hydrating page seeds the same action and matches the
 *   server's HTML.
 * - With JavaScript, `submit` is intercepted: the form's own fields (with the submitter's) are
 *   dispatched to the action as one `FormData`, which the server function stub sends as the body
 *   (`x-lepta: 1`); pending/value/error follow the action as for any dispatch.
 */
import { createContext, mergeProps, splitProps, untrack, useContext, type Action, type Context, type MultiAction, type Outcome } from '@lepta/reactive';
import { HydrationContext } from '@lepta/reactive/internal';
import { createComponent } from '@lepta/dom';
import { Dynamic } from './dom-components.js';
import type { Component, JSX } from './jsx.js';
import { serverFunctionUrl, toServerFunctionError } from './server-functions.js';

/** The outcome of a form posted without JavaScript: what `readFlash(request)` returns. */
export interface FormFlash {
  /** The server function's id. */
  readonly id: string;
  /** Its result, when it succeeded. */
  readonly value?: unknown;
  /** Its public error (`{ name, message, status, …safe fields }`), when it failed. */
  readonly error?: Record<string, unknown>;
}

/**
 * The flash of the request being rendered, for the `<ActionForm>` of its function. Provide it
 * where the page is rendered on the server.
 *
 * @example renderToStream(() => { provideContext(FlashContext, readFlash(request)); return <App />; });
 */
export const FlashContext: Context<FormFlash | undefined> = createContext<FormFlash | undefined>(undefined, 'FlashContext');

type FormAttributes = Omit<JSX.IntrinsicElements['form'], 'action' | 'method' | 'onSubmit' | 'on:submit' | 'children'>;

interface FormProps extends FormAttributes {
  /**
   * Called first on submit; `event.preventDefault()` there cancels the submission (client-side
   * validation, a confirmation).
   */
  onSubmit?: (event: SubmitEvent & { currentTarget: HTMLFormElement }) => void;
  children?: JSX.Element;
}

export interface ActionFormProps<O> extends FormProps {
  /** `action(serverFn)`: its value/error/pending follow the form's submissions. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a form dispatches its FormData whatever the input type says
  action: Action<any, O>;
  /** Reset the form after a successful submission (default `true`). */
  reset?: boolean;
}

export interface MultiActionFormProps<O> extends FormProps {
  /** `multiAction(serverFn)`: every submission is one of its submissions. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
  action: MultiAction<any, O>;
  /** Reset the form as soon as it is submitted, ready for the next one (default `true`). */
  reset?: boolean;
}

/**
 * A form calling a server function through an action. It posts to the function's endpoint, so it
 * works before (or without) JavaScript; with it, submissions go through `action.dispatch`.
 * `enctype="multipart/form-data"` is added when the children hold a file input (or pass it).
 *
 * @example
 * const add = action(addTodo);
 * <ActionForm action={add}>
 *   <input name="title" /> <button disabled={add.pending()}>Add</button>
 *   <Show when={add.error()}>{(e) => <p>{(e() as Error).message}</p>}</Show>
 * </ActionForm>
 */
export function ActionForm<O>(props: ActionFormProps<O>): JSX.Element {
  return form(props, false);
}

/**
 * `ActionForm` over a multi-action: each submission is independent (several may be in flight),
 * with its own pending/value/error in `action.submissions()`.
 *
 * @example
 * const add = multiAction(addTodo);
 * <MultiActionForm action={add}><input name="title" /></MultiActionForm>
 * <For each={add.submissions()}>{(s) => <li>{String(s.input?.get('title'))}{s.pending() ? '…' : ''}</li>}</For>
 */
export function MultiActionForm<O>(props: MultiActionFormProps<O>): JSX.Element {
  return form(props, true);
}

const FORM_KEYS = ['action', 'reset', 'enctype', 'onSubmit', 'children'] as const;
const MULTIPART = 'multipart/form-data';

function form(props: ActionFormProps<unknown> | MultiActionFormProps<unknown>, multi: boolean): JSX.Element {
  const act = untrack(() => props.action);
  const { id, url } = endpointOf(act.fn);
  seedFromFlash(id, act.seed);
  const [local, others] = splitProps(props as ActionFormProps<unknown>, FORM_KEYS);
  /** The children as last read (what the file-input test looks at). */
  let rendered: unknown;

  const onSubmit = (event: SubmitEvent): void => {
    const el = event.currentTarget as HTMLFormElement;
    local.onSubmit?.(event as SubmitEvent & { currentTarget: HTMLFormElement });
    if (event.defaultPrevented) return;
    event.preventDefault();
    const data = new FormData(el, event.submitter);
    const reset = local.reset !== false;
    const done = act.dispatch(data);
    if (reset && multi) el.reset();
    // The outcome is in the action's signals: a failure needs no handler here.
    done.then(() => reset && !multi && el.reset(), noop);
  };

  // Key order matters to both renderers: `children` is read before `enctype`.
  const formProps = mergeProps(
    {
      component: 'form',
      method: 'post',
      action: url,
      get children() {
        return (rendered = local.children);
      },
      get enctype() {
        return local.enctype ?? (hasFileInput(rendered) ? MULTIPART : undefined);
      },
    },
    others,
    { onSubmit },
  );
  return createComponent(Dynamic as Component<Record<string, unknown>>, formProps);
}

function noop(): void {}

/** The server function behind an action: its id and endpoint. */
function endpointOf(fn: unknown): { id: string; url: string } {
  const { id, url } = fn as { id?: unknown; url?: unknown };
  if (typeof id !== 'string') {
    throw new TypeError('<ActionForm>/<MultiActionForm>: `action` must run a server function: action(serverFn) or multiAction(serverFn).');
  }
  return { id, url: typeof url === 'string' ? url : serverFunctionUrl(id) };
}

/** The shape of the flash carried in hydration data. */
type FlashPayload = { value: unknown } | { error: Record<string, unknown> };

/**
 * Seeds the action with the flash of its function, if the page has one: on the server from
 * `FlashContext` (and hands it to the hydration data), in the hydrating browser from that data.
 */
function seedFromFlash(id: string, seed: (outcome: Outcome<unknown>) => void): void {
  const key = `lepta-flash:${id}`;
  const hydration = useContext(HydrationContext);
  const flash = useContext(FlashContext);
  let payload: FlashPayload | undefined;
  if (flash !== undefined && flash.id === id) {
    payload = flash.error !== undefined ? { error: flash.error } : { value: flash.value };
  } else {
    const entry = hydration?.take?.(key);
    if (entry !== undefined && 'value' in entry) payload = entry.value as FlashPayload;
  }
  if (payload === undefined) return;
  hydration?.serialize?.(key, { value: payload });
  seed('error' in payload ? { error: toServerFunctionError(payload.error, 500) } : { value: payload.value });
}

const FILE_INPUT = 'input[type=file]';
/** An `<input … type=file>` in server markup (attribute values never hold a raw `<`). */
const FILE_INPUT_MARKUP = /<input\b[^>]*?\stype\s*=\s*["']?file\b/i;

/**
 * Whether rendered children hold a file input: DOM nodes are queried; anything else that is an
 * object is taken as server markup (its string is HTML). Functions (reactive children) are not
 * called: a file input behind one is not seen (pass `enctype`).
 */
function hasFileInput(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasFileInput);
  if (typeof value !== 'object' || value === null) return false;
  const node = value as Partial<Element>;
  if (typeof node.querySelector === 'function') {
    return (typeof node.matches === 'function' && node.matches(FILE_INPUT)) || node.querySelector(FILE_INPUT) !== null;
  }
  if (typeof (value as Partial<Node>).nodeType === 'number') return false; // text, comments
  return FILE_INPUT_MARKUP.test(String(value));
}
