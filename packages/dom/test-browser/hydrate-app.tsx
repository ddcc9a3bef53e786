/**
 * The app of the hydration test (hydrate.test.ts): rendered in Node by its `ssr`-compiled form,
 * hydrated in Chromium by its `hydrate`-compiled form.
 */
import { For, signal } from 'lepta';

export function App() {
  const [count, setCount] = signal(0);
  const [items, setItems] = signal(['a', 'b']);
  return (
    <main>
      <h1>Hydration</h1>
      <button id="inc" onClick={() => setCount((c) => c + 1)}>
        <span>+1</span>
      </button>
      <p id="count">Count: {count()}</p>
      <ul>
        <For each={items()}>{(item) => <li>{item}</li>}</For>
      </ul>
      <button id="add" on:click={() => setItems((list) => [...list, String.fromCharCode(97 + list.length)])}>add</button>
    </main>
  );
}
