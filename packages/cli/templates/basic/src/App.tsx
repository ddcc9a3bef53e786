import { Suspense, resource, signal } from 'lepta';
import { greeting } from './api.js';

function Counter() {
  const [count, setCount] = signal(0);
  return (
    <button type="button" id="counter" onClick={() => setCount((n) => n + 1)}>
      Clicked {count()} {count() === 1 ? 'time' : 'times'}
    </button>
  );
}

export function App() {
  // Rendered on the server (its data travels with the page); called over HTTP when refetched.
  const message = resource(() => greeting('Lepta'));
  return (
    <main>
      <h1>Lepta</h1>
      <Counter />
      <Suspense fallback={<p>Asking the server…</p>}>
        <p id="greeting">{message()}</p>
      </Suspense>
      <button type="button" onClick={() => void message.refetch()}>Ask again</button>
    </main>
  );
}
