// @vitest-environment happy-dom
/**
 * `<ActionForm>` and `<MultiActionForm>`: in happy-dom (built the way compiled code builds
 * components), submitting through a server function stub whose `fetch` the test answers; and on
 * the server (`renderToString`), the plain form with the flash of a no-JS post shown.
 */
import { afterEach, beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { toJSON } from 'seroval';
import { renderToString, type Flash } from '@lepta/server';
import { escape, ssr } from '@lepta/server/runtime';
import { HydrationContext } from '@lepta/reactive/internal';
import {
  ActionForm,
  FlashContext,
  MultiActionForm,
  ServerFunctionError,
  action,
  multiAction,
  provideContext,
  resource,
  type FormFlash,
  type JSX,
} from '../src/index.js';
import { serverReference } from '../src/server-functions.js';
import { createComponent, insert, mount, template } from '../src/runtime.js';

interface Pending {
  body: URLSearchParams | FormData;
  headers: Headers;
  url: string;
  respond: (response: Response) => void;
}

let requests: Pending[];
beforeEach(() => {
  requests = [];
  vi.stubGlobal(
    'fetch',
    (url: string, init: RequestInit) =>
      new Promise<Response>((respond) => requests.push({ url, body: init.body as Pending['body'], headers: new Headers(init.headers), respond })),
  );
});

const disposers: (() => void)[] = [];
afterEach(() => {
  vi.unstubAllGlobals();
  while (disposers.length) disposers.pop()!();
  document.body.innerHTML = '';
});

const reply = (kind: 'value' | 'error', value: unknown, status = 200): Response =>
  new Response(JSON.stringify(toJSON(value)), { status, headers: { 'x-lepta-kind': kind } });

/** Resolves once every pending promise callback (the stub's, the action's) has run. */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function render(fn: () => JSX.Element): HTMLElement {
  const container = document.createElement('div');
  document.body.appendChild(container);
  disposers.push(mount(fn, container));
  return container;
}

const fieldsTemplate = template('<input name="title">');
const buttonTemplate = template('<button name="intent" value="save">Save</button>');
const statusTemplate = template('<p class="status"></p>');
const fileTemplate = template('<label><input type="file" name="photo"></label>');

/** Props with the children compiled `<input name="title" /><button …>` would give (a getter). */
function withFields<P extends object>(props: P): P & { readonly children: JSX.Element } {
  return Object.defineProperty(props, 'children', { get: () => [fieldsTemplate(), buttonTemplate()], enumerable: true }) as P & {
    readonly children: JSX.Element;
  };
}

function statusLine(text: () => unknown): Node {
  const p = statusTemplate();
  insert(p, text);
  return p;
}

function submit(container: HTMLElement, title: string): void {
  const form = container.querySelector('form')!;
  form.querySelector('input')!.value = title;
  form.requestSubmit(form.querySelector('button')!);
}

const addTodo = serverReference<[FormData], { title: string }>('add', { params: ['title', 'intent'] });

describe('ActionForm', () => {
  it('renders a post form to the endpoint; submit dispatches the form (with its submitter): pending → value, then resets', async () => {
    const act = action(addTodo);
    const container = render(() =>
      createComponent(ActionForm, {
        action: act,
        class: 'add',
        get children() {
          return [fieldsTemplate(), buttonTemplate(), statusLine(() => (act.pending() ? 'saving' : (act.value()?.title ?? '')))];
        },
      }),
    );
    const form = container.querySelector('form')!;
    expect(form.getAttribute('method')).toBe('post');
    expect(form.getAttribute('action')).toBe('/_server/add');
    expect(form.getAttribute('class')).toBe('add');
    expect(form.hasAttribute('enctype')).toBe(false);

    submit(container, 'milk');
    expect(act.pending()).toBe(true);
    expect(container.querySelector('.status')!.textContent).toBe('saving');
    const [request] = requests;
    expect(request!.url).toBe('/_server/add');
    expect(request!.headers.get('x-lepta')).toBe('1');
    expect(String(request!.body)).toBe('title=milk&intent=save'); // the submitter's name=value too
    expect(act.input()).toBeInstanceOf(FormData);
    expect(form.querySelector('input')!.value).toBe('milk'); // kept while in flight

    request!.respond(reply('value', { title: 'milk' }));
    await settle();
    expect(act.pending()).toBe(false);
    expect(act.value()).toEqual({ title: 'milk' });
    expect(container.querySelector('.status')!.textContent).toBe('milk');
    expect(form.querySelector('input')!.value).toBe(''); // reset on success
    expect(act.version()).toBe(1);
  });

  it('an error lands in action.error() as a ServerFunctionError; the form is not reset; reset={false} keeps it after success', async () => {
    const act = action(addTodo);
    const container = render(() =>
      createComponent(ActionForm, withFields({ action: act, reset: false })),
    );
    submit(container, '');
    requests[0]!.respond(reply('error', { name: 'ValidationError', message: 'title is required', field: 'title' }, 400));
    await settle();
    expect(act.error()).toBeInstanceOf(ServerFunctionError);
    expect(act.error()).toMatchObject({ name: 'ValidationError', status: 400, field: 'title' });
    expect(act.pending()).toBe(false);

    submit(container, 'eggs');
    expect(act.error()).toBeUndefined();
    requests[1]!.respond(reply('value', { title: 'eggs' }));
    await settle();
    expect(container.querySelector('input')!.value).toBe('eggs');
  });

  it('a user onSubmit runs first and can cancel with preventDefault()', () => {
    const act = action(addTodo);
    const seen: string[] = [];
    const container = render(() =>
      createComponent(ActionForm, withFields({
        action: act,
        onSubmit: (event: SubmitEvent & { currentTarget: HTMLFormElement }) => {
          seen.push(event.currentTarget.tagName);
          if (event.currentTarget.querySelector('input')!.value === '') event.preventDefault();
        },
      })),
    );
    submit(container, '');
    expect(requests).toHaveLength(0);
    submit(container, 'x');
    expect(requests).toHaveLength(1);
    expect(seen).toEqual(['FORM', 'FORM']);
  });

  it('a file input makes it multipart; the files go in the multipart body', () => {
    const upload = action(serverReference<[FormData], void>('upload', { params: ['photo'] }));
    const container = render(() =>
      createComponent(ActionForm, {
        action: upload,
        get children() {
          return [fileTemplate(), buttonTemplate()];
        },
      }),
    );
    const form = container.querySelector('form')!;
    expect(form.getAttribute('enctype')).toBe('multipart/form-data');
    form.requestSubmit(form.querySelector('button')!);
    // An empty file input still sends a (nameless, empty) file part: the body stays multipart.
    const body = requests[0]!.body as FormData;
    expect(body).toBeInstanceOf(FormData);
    expect(body.get('photo')).toBeInstanceOf(File);
    expect(body.get('intent')).toBe('save');
  });

  it('refuses an action that does not run a server function', () => {
    const plain = action(async (form: FormData) => form);
    expect(() => render(() => createComponent(ActionForm, { action: plain }))).toThrow(/must run a server function/);
  });

  it('a resource reading action.version() refetches after a successful submission', async () => {
    const act = action(addTodo);
    const list = vi.fn(async () => ['a']);
    const container = render(() => {
      resource(() => act.version() + 1, list);
      return createComponent(ActionForm, withFields({ action: act }));
    });
    expect(list).toHaveBeenCalledTimes(1);
    submit(container, 'x');
    requests[0]!.respond(reply('value', { title: 'x' }));
    await settle();
    expect(list).toHaveBeenCalledTimes(2);
  });

  it('hydrating, takes the flash from the page data (the server sent it) and seeds the action', () => {
    const act = action(addTodo);
    const data: Record<string, unknown> = { 'lepta-flash:add': { value: { error: { name: 'ValidationError', message: 'too long', status: 400 } } } };
    render(() => {
      provideContext(HydrationContext, {
        nextId: () => '0',
        take: (id: string) => data[id] as never,
      });
      return createComponent(ActionForm, { action: act });
    });
    expect(act.error()).toMatchObject({ name: 'ValidationError', message: 'too long', status: 400 });
    expect(act.error()).toBeInstanceOf(ServerFunctionError);
  });
});

describe('MultiActionForm', () => {
  it('two concurrent submissions, each with its own pending and value; the form resets on submit', async () => {
    const add = multiAction(addTodo);
    const container = render(() =>
      createComponent(MultiActionForm, withFields({ action: add })),
    );
    submit(container, 'milk');
    expect(container.querySelector('input')!.value).toBe('');
    submit(container, 'eggs');
    const [first, second] = add.submissions();
    expect([first!.pending(), second!.pending(), add.pending()]).toEqual([true, true, true]);
    expect((first!.input as FormData).get('title')).toBe('milk');
    expect((second!.input as FormData).get('title')).toBe('eggs');
    expect(requests.map((r) => String(r.body))).toEqual(['title=milk&intent=save', 'title=eggs&intent=save']);

    requests[1]!.respond(reply('value', { title: 'eggs' }));
    await settle();
    expect([first!.pending(), second!.pending(), add.pending()]).toEqual([true, false, true]);
    expect(second!.value()).toEqual({ title: 'eggs' });
    requests[0]!.respond(reply('error', { name: 'Error', message: 'duplicate' }, 409));
    await settle();
    expect(first!.error()).toMatchObject({ message: 'duplicate', status: 409 });
    expect(add.pending()).toBe(false);
    expect(add.version()).toBe(1);
  });
});

describe('on the server', () => {
  /** What the compiled `ssr` children of the form would be: the fields and the result line. */
  function page(act: ReturnType<typeof action<FormData, { title: string }>>) {
    return createComponent(ActionForm, {
      action: act,
      get children() {
        return [
          ssr('<input name="title"><button>Add</button>'),
          () => ssr(`<p class="status">${escape(act.error() ? (act.error() as Error).message : (act.value()?.title ?? ''))}</p>`),
        ] as unknown as JSX.Element;
      },
    });
  }

  it('renders <form method="post" action="/_server/id"> with the flash of a no-JS post shown, and sends it in the page data', () => {
    const html = renderToString(() => {
      provideContext(FlashContext, { id: 'add', value: { title: 'milk' } });
      return page(action(addTodo));
    });
    expect(html).toContain('<form method="post" action="/_server/add"><input name="title"><button>Add</button><p class="status">milk</p></form>');
    expectTypeOf<Flash | undefined>().toExtend<FormFlash | undefined>(); // readFlash(request) provides it as is
    expect(html).toContain('$lepta.d["lepta-flash:add"]=({value:{value:{title:"milk"}}})');
  });

  it('renders the flashed error; a flash for another function is ignored; files make it multipart', () => {
    const failed = renderToString(
      () => {
        provideContext(FlashContext, { id: 'add', error: { name: 'ValidationError', message: 'title is required', status: 400 } });
        return page(action(addTodo));
      },
      { hydrationScript: false },
    );
    expect(failed).toContain('<p class="status">title is required</p>');
    const other = renderToString(
      () => {
        provideContext(FlashContext, { id: 'other', value: { title: 'nope' } });
        return page(action(addTodo));
      },
      { hydrationScript: false },
    );
    expect(other).toContain('<p class="status"></p>');
    expect(other).not.toContain('lepta-flash');
    const multipart = renderToString(
      () =>
        createComponent(ActionForm, {
          action: action(addTodo),
          children: ssr('<input type="file" name="photo">') as unknown as JSX.Element,
        }),
      { hydrationScript: false },
    );
    expect(multipart).toContain('<form method="post" action="/_server/add" enctype="multipart/form-data"><input type="file" name="photo"></form>');
  });
});
