/**
 * The page: three panels, each with a Suspense boundary around data that takes its own time to
 * load. With the default delays the last panel's data arrives first, so an out-of-order stream
 * fills the boundaries in reverse order while the shell is already on screen.
 */
import { Suspense, resource, signal } from 'lepta';

/** Everything one render needs: how long each panel's data takes, and a log of fetches. */
export interface PageProps {
  /** Milliseconds per panel. */
  delays: number[];
  /** Called once per fetcher call (the test counts them: nothing may be fetched twice). */
  onFetch?: (panel: string) => void;
}

export interface PanelData {
  panel: string;
  loadedAt: Date;
  tags: Set<string>;
}

const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });

function Panel(props: { name: string; delay: number; onFetch?: (panel: string) => void }) {
  const data = resource(
    () => props.name,
    async (panel, { signal }): Promise<PanelData> => {
      props.onFetch?.(panel);
      await sleep(props.delay, signal);
      return { panel, loadedAt: new Date(), tags: new Set([panel, 'streamed']) };
    },
  );
  const [clicks, setClicks] = signal(0);
  return (
    <section class="panel" id={`panel-${props.name}`}>
      <h2>Panel {props.name}</h2>
      <Suspense fallback={<p class="fallback">Loading {props.name}…</p>}>
        <div class="content" data-panel={data()?.panel}>
          <p>
            Loaded {data()?.panel} ({data()?.tags.size} tags, a {data()?.loadedAt instanceof Date ? 'Date' : 'string'})
          </p>
          <button type="button" onClick={() => setClicks((n) => n + 1)}>
            Clicked {clicks()} times
          </button>
        </div>
      </Suspense>
    </section>
  );
}

export function App(props: PageProps) {
  const names = ['a', 'b', 'c'];
  return (
    <main>
      <h1>Streaming</h1>
      {names.map((name, i) => (
        <Panel name={name} delay={props.delays[i] ?? 0} onFetch={props.onFetch} />
      ))}
    </main>
  );
}
