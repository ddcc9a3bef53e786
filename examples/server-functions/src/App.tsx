/**
 * One page using every kind of server function: data with rich values (a resource), a form that
 * adds an item (an ActionForm: works with and without JavaScript), a streamed result, and an
 * error caught by an ErrorBoundary.
 */
import { ActionForm, ErrorBoundary, For, Show, Suspense, action, resource, signal } from 'lepta';
import { addItem, countdown, failing, getStats, listItems } from './api.js';

function Stats() {
  const stats = resource(() => getStats());
  return (
    <Suspense fallback={<p>Loading stats…</p>}>
      <p id="stats">
        {stats()?.at instanceof Date ? `Date ${stats()!.at.toISOString().slice(0, 10)}` : 'no date'},{' '}
        {stats()?.counts instanceof Map ? `Map of ${stats()!.counts.size}` : 'no map'}
      </p>
    </Suspense>
  );
}

function Items() {
  const add = action(addItem);
  // Refetched after every successful add.
  const items = resource(() => add.version() + 1, () => listItems());
  return (
    <section id="items">
      <ActionForm action={add}>
        <input name="title" placeholder="New item" />
        <button type="submit" disabled={add.pending()}>Add</button>
      </ActionForm>
      <Show when={add.error()}>{(error) => <p class="error">{(error() as Error).message}</p>}</Show>
      <Show when={add.value()}>{(value) => <p class="added">Added {String(value())}</p>}</Show>
      <Suspense fallback={<p>Loading items…</p>}>
        <ul id="list">
          <For each={items()}>{(item) => <li>{item}</li>}</For>
        </ul>
      </Suspense>
    </section>
  );
}

function Streamed() {
  const [lines, setLines] = signal<string[]>([]);
  const [done, setDone] = signal(false);
  const start = async (): Promise<void> => {
    for await (const line of await countdown(3)) setLines((all) => [...all, line]);
    setDone(true);
  };
  return (
    <section id="stream">
      <button type="button" id="start" onClick={() => void start()}>Count down</button>
      <ul id="lines">
        <For each={lines()}>{(line) => <li>{line}</li>}</For>
      </ul>
      <Show when={done()}><p id="done">done</p></Show>
    </section>
  );
}

function Failing() {
  const message = resource(() => failing());
  return <p>{message()}</p>;
}

export function App() {
  return (
    <main>
      <h1>Server functions</h1>
      <Stats />
      <Items />
      <Streamed />
      <section id="errors">
        {/* The ErrorBoundary inside the Suspense: on the server, a load failing after the page
            started streaming replaces exactly the boundary's content with the fallback. */}
        <Suspense fallback={<p>Loading…</p>}>
          <ErrorBoundary fallback={(error) => <p class="boundary">Caught: {(error as Error).message}</p>}>
            <Failing />
          </ErrorBoundary>
        </Suspense>
      </section>
    </main>
  );
}
