import { For, memo, signal } from 'lepta';

/** A counter with a derived value. The component runs once; only the text nodes update. */
function Counter() {
  const [count, setCount] = signal(0);
  const double = memo(() => count() * 2);
  return (
    <section class="counter">
      <button id="decrement" onClick={() => setCount((c) => c - 1)}>
        −
      </button>
      <output id="count">{count()}</output>
      <button id="increment" onClick={() => setCount((c) => c + 1)}>
        +
      </button>
      <p>
        Double: <span id="double">{double()}</span>
      </p>
    </section>
  );
}

interface Item {
  id: number;
  text: string;
}

/** A list you can add to and remove from, fed by an input bound to a signal. */
function Items() {
  const [draft, setDraft] = signal('');
  const [items, setItems] = signal<Item[]>([]);
  let nextId = 1;
  const add = () => {
    const text = draft().trim();
    if (!text) return;
    setItems((list) => [...list, { id: nextId++, text }]);
    setDraft('');
  };
  return (
    <section class="items">
      <input id="draft" placeholder="Something to remember" bind:value={[draft, setDraft]} />
      <button id="add" onClick={add} disabled={draft().trim() === ''}>
        Add
      </button>
      <p id="preview">Typing: {draft()}</p>
      <ul id="list">
        <For each={items()} key={(item) => item.id}>
          {(item) => (
            <li>
              <span class="text">{item.text}</span>
              <button class="remove" onClick={() => setItems((list) => list.filter((i) => i.id !== item.id))}>
                ×
              </button>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}

export function App() {
  return (
    <>
      <h1>Lepta counter</h1>
      <Counter />
      <Items />
    </>
  );
}
