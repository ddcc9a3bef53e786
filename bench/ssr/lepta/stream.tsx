// The time-to-first-byte page: the benchmark table in the shell, plus a Suspense boundary around
// a resource that takes `delay` ms. Rendered with renderToStream in out-of-order mode, the shell
// (with the boundary's fallback) must reach the client before the resource settles; the
// boundary's content follows in a <template> and a swap script (packages/server/CONTRACT.md §5).
import { Suspense, resource } from 'lepta';
import { renderToStream } from 'lepta/server';
import { Page, type RowData } from './page.tsx';

export interface StreamProps {
  rows: RowData[];
  selected: number;
  /** How long the slow resource takes, in ms. */
  delay: number;
}

function Slow(props: { delay: number }) {
  const details = resource(
    () => props.delay,
    (ms) => new Promise<string>((resolve) => setTimeout(() => resolve(`details loaded after ${ms} ms`), ms)),
  );
  return <p class="details">{details()}</p>;
}

export function StreamPage(props: StreamProps) {
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

/** Starts one out-of-order stream of the page; the harness times its first chunk. */
export function stream(input: StreamProps) {
  return renderToStream(() => <StreamPage rows={input.rows} selected={input.selected} delay={input.delay} />, { mode: 'out-of-order' });
}
