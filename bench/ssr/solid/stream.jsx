// The time-to-first-byte page in Solid, the same as lepta/stream.tsx: the benchmark table in the
// shell plus a Suspense boundary around a resource that takes `delay` ms. Solid's renderToStream
// streams out of order by default.
import { Suspense, createResource } from 'solid-js';
import { renderToStream } from 'solid-js/web';
import { Page } from './page.jsx';

function Slow(props) {
  const [details] = createResource(
    () => props.delay,
    (ms) => new Promise((resolve) => setTimeout(() => resolve(`details loaded after ${ms} ms`), ms)),
  );
  return <p class="details">{details()}</p>;
}

export function StreamPage(props) {
  return (
    <main>
      <h1>Rows</h1>
      <Suspense fallback={<p class="details">Loading details…</p>}>
        <Slow delay={props.delay} />
      </Suspense>
      <Page rows={props.rows} selected={props.selected} />
    </main>
  );
}

/** Starts one stream of the page (`{ pipe, pipeTo }`); the harness times its first write. */
export function stream(input) {
  return renderToStream(() => <StreamPage rows={input.rows} selected={input.selected} delay={input.delay} />);
}
