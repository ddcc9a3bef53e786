/**
 * The todo page. Everything it changes goes through server functions, in forms that post to
 * them, so the page works before and without JavaScript; with it, the same forms submit in the
 * background and the list refetches.
 *
 * - The list is a `resource` read inside a `<Transition>`: on the first load the page's shell
 *   (heading, add form) is sent at once and the list streams in when the database answered; after
 *   that, refetches keep showing the current list until the new one is there (no flash of the
 *   fallback after every click).
 * - Adding is a `<MultiActionForm>`: each submission is independent, and the ones in flight are
 *   shown in the list right away, marked pending.
 * - Toggling and deleting are one `<ActionForm>` per row, carrying the row's id in a hidden input.
 */
import { ActionForm, ErrorBoundary, For, MultiActionForm, Show, Transition, action, effect, multiAction, resource, type Action, type Submission } from 'lepta';
import { addTodo, deleteTodo, listTodos, toggleTodo } from './api.js';
import type { Todo } from './todo.js';

export function App() {
  const add = multiAction(addTodo);
  const toggle = action(toggleTodo);
  const remove = action(deleteTodo);
  // Every successful change bumps a version: the sum is a source that changes after each one, so
  // the list is loaded again (never negative, never 0: a falsy source would mean "not ready").
  const todos = resource(
    () => 1 + add.version() + toggle.version() + remove.version(),
    () => listTodos(),
  );

  /** The list, read inside the Transition (reading it there is what suspends the boundary). */
  const list = (): Todo[] => todos() ?? [];

  /**
   * Additions not in the list yet: those in flight, and those the server accepted whose refetched
   * list has not arrived (without them an entry would vanish between "added" and "listed").
   * Failed ones are shown with the errors instead.
   */
  const optimistic = (): Submission<unknown, Todo>[] => {
    const listed = new Set((todos.latest() ?? []).map((todo) => todo.id));
    return add.submissions().filter((s) => s.pending() || (s.value() !== undefined && !listed.has(s.value()!.id)));
  };
  const failed = (): Submission<unknown, Todo>[] => add.submissions().filter((s) => s.error() !== undefined);

  // Once an addition is in the list, its submission has served its purpose: drop it, so the
  // submissions do not grow with every todo ever added in this tab. (Effects run only in the
  // browser; on the server the page is rendered once.)
  effect(() => {
    const listed = new Set((todos.latest() ?? []).map((todo) => todo.id));
    for (const s of add.submissions()) if (s.value() !== undefined && listed.has(s.value()!.id)) s.clear();
  });

  return (
    <main>
      <h1>Todos</h1>
      <MultiActionForm
        action={add}
        id="add"
        // A new attempt replaces the message of the last failed one.
        onSubmit={() => failed().forEach((s) => s.clear())}
      >
        {/* No `required`/`maxlength`: the server's validation is the one that counts, and this
            way its message is what the user sees. */}
        <input name="title" placeholder="What needs to be done?" autocomplete="off" aria-label="New todo" />
        <button type="submit">Add</button>
      </MultiActionForm>
      {/* A failed add (an empty title, refused by the server's validation) surfaces as an error
          thrown inside an ErrorBoundary, one per failed submission. */}
      <For each={failed()}>
        {(s) => (
          <ErrorBoundary fallback={(error) => <p class="error add-error" role="alert">{messageOf(error)}</p>}>
            <FailedAdd submission={s} />
          </ErrorBoundary>
        )}
      </For>
      <Show when={toggle.error() ?? remove.error()}>{(error) => <p class="error" role="alert">{messageOf(error())}</p>}</Show>

      <Transition fallback={<p class="loading">Loading todos…</p>}>
        {/* Inside the Transition: a failed load replaces just the list, also when it fails after
            the shell was streamed. */}
        <ErrorBoundary fallback={(error) => <p class="error load-error">Could not load the todos: {messageOf(error)}</p>}>
          <ul id="todos">
            <For each={list()} key={rowKey}>
              {(todo) => <TodoItem todo={todo} toggle={toggle} remove={remove} />}
            </For>
            <For each={optimistic()}>
              {(s) => (
                <li class="todo pending" aria-busy="true">
                  <span class="title">{titleOf(s)}</span> <small>saving…</small>
                </li>
              )}
            </For>
          </ul>
          <Show when={list().length === 0 && optimistic().length === 0}>
            <p class="empty">Nothing to do.</p>
          </Show>
          <p class="count">{remaining(list())} left</p>
        </ErrorBoundary>
      </Transition>
    </main>
  );
}

function TodoItem(props: { todo: Todo; toggle: Action<number, Todo>; remove: Action<number, void> }) {
  const todo = props.todo;
  return (
    <li class={todo.completed ? 'todo done' : 'todo'} data-id={String(todo.id)}>
      <ActionForm action={props.toggle} class="toggle">
        <input type="hidden" name="id" value={String(todo.id)} />
        <button type="submit" aria-pressed={todo.completed ? 'true' : 'false'} title={todo.completed ? 'Mark as not done' : 'Mark as done'}>
          {todo.completed ? '☑' : '☐'}
        </button>
      </ActionForm>
      <span class="title">{todo.title}</span>
      <ActionForm action={props.remove} class="delete">
        <input type="hidden" name="id" value={String(todo.id)} />
        <button type="submit" title="Delete">Delete</button>
      </ActionForm>
    </li>
  );
}

/**
 * Rows are keyed by what can change about a todo: a toggled todo gets a new row (a `For` row
 * keeps the object it was created with), an unchanged one keeps its row and DOM across refetches.
 */
const rowKey = (todo: Todo): string => `${todo.id}:${todo.completed}`;

const remaining = (list: Todo[]): number => list.filter((todo) => !todo.completed).length;

/** What a pending addition shows: the title typed (or, once accepted, the stored one). */
function titleOf(s: Submission<unknown, Todo>): string {
  // A form dispatches its FormData, whatever the function's parameter type says.
  const typed = s.input instanceof FormData ? s.input.get('title') : s.input;
  return s.value()?.title ?? (typeof typed === 'string' ? typed.trim() : '');
}

/** Throws the submission's error, for the ErrorBoundary around it to show. */
function FailedAdd(props: { submission: Submission<unknown, Todo> }): never {
  throw props.submission.error();
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
