/**
 * Time to first byte of an out-of-order stream: lepta/stream.tsx (and solid/stream.jsx, the same
 * page) — the 1,000-row table in the shell and a Suspense boundary around a resource that takes
 * `delay` ms.
 *
 * One run: the clock starts right before the framework's renderToStream is called and stops at
 * the first non-empty chunk it delivers; we also note when the shell is complete (`</main>` has
 * arrived) and when the stream ends. The stream is always read to its end (no timer or promise
 * of one run is left to disturb the next), and checked: every row is there, and the resolved
 * content arrived; we count the runs where it came after the shell (out of order: the shell did
 * not wait for the resource; counted, see outOfOrder()).
 *
 * Runs alternate between the frameworks (the order flips every run), each after a GC.
 */
import { median, spread } from '@lepta/bench-stats';

/**
 * Reads a stream to its end, whatever shape the renderer returned: a web ReadableStream, an
 * async iterable (a Node Readable), an object with `pipe(writable)` (Solid: it calls only
 * `write` and `end`), or a promise of one of those. Chunks are handed over as they come (bytes
 * or strings), so the caller can note the time before decoding them.
 * @param {unknown} result
 * @param {(chunk: Uint8Array | string) => void} onChunk
 * @returns {Promise<void>}
 */
async function drain(result, onChunk) {
  if (result && typeof result.getReader === 'function') {
    const reader = result.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      onChunk(value);
    }
  }
  if (result && typeof result[Symbol.asyncIterator] === 'function') {
    for await (const chunk of result) onChunk(chunk);
    return;
  }
  if (result && typeof result.pipe === 'function') {
    // Checked before `then`: Solid's stream object is also a thenable (of the whole page).
    await new Promise((resolve) => {
      result.pipe({
        write(chunk) {
          onChunk(chunk);
          return true;
        },
        end: resolve,
      });
    });
    return;
  }
  if (result && typeof result.then === 'function') return drain(await result, onChunk);
  throw new TypeError(`renderToStream returned ${Object.prototype.toString.call(result)}: not a stream`);
}

/**
 * One stream, timed.
 * @param {(input: object) => unknown} stream
 * @param {object} input
 */
async function once(stream, input) {
  let html = '';
  let first = NaN;
  let shell = NaN;
  const decoder = new TextDecoder();
  const start = performance.now();
  await drain(stream(input), (chunk) => {
    if (chunk.length === 0) return;
    // The clock stops before decoding: Lepta hands over bytes, Solid strings.
    const now = performance.now();
    if (Number.isNaN(first)) first = now - start;
    html += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (Number.isNaN(shell) && html.includes('</main>')) shell = now - start;
  });
  return { first, shell, end: performance.now() - start, html };
}

/** What is wrong with one streamed page (empty when nothing). */
function problems(html, rows) {
  const out = [];
  const trs = (html.match(/<tr[\s>]/g) ?? []).length;
  if (trs !== rows) out.push(`${trs} <tr> rows, expected ${rows}`);
  if (!html.includes('</main>')) out.push('no </main> in the stream');
  if (!html.includes('details loaded after')) out.push('the resolved content never arrived');
  return out;
}

/**
 * Whether the shell went out before the resource settled: the fallback is in the stream and the
 * resolved content comes after the shell's end. A renderer may legitimately inline content that
 * settled before it flushed (Solid does, when its shell timer fires after the resource's: a
 * cold first run, a busy machine), so this is counted, not an error; a renderer that inlines in
 * every run is waiting for its resources, which the first-byte times show too.
 */
function outOfOrder(html) {
  const fallback = html.indexOf('Loading details');
  const shellEnd = html.indexOf('</main>');
  const content = html.indexOf('details loaded after');
  return fallback >= 0 && fallback < shellEnd && content > shellEnd;
}

/**
 * @param {{ id: string, stream: (input: object) => unknown }[]} streams
 * @param {object} input  page input plus `delay`
 * @param {{ runs: number, warmup: number }} options
 */
export async function measureTtfb(streams, input, options) {
  const gc = /** @type {() => void} */ (globalThis.gc);
  const rows = /** @type {{ rows: unknown[] }} */ (input).rows.length;
  const results = new Map(
    streams.map((s) => [s.id, { first: [], shell: [], end: [], bytes: 0, inlined: 0, problems: /** @type {string[]} */ ([]) }]),
  );
  for (let run = 0; run < options.warmup + options.runs; run++) {
    const order = run % 2 === 0 ? streams : [...streams].reverse();
    for (const s of order) {
      const r = results.get(s.id);
      if (r.problems.length) continue;
      gc();
      let timed;
      try {
        timed = await once(s.stream, input);
      } catch (error) {
        r.problems.push(`threw: ${error instanceof Error ? error.message : String(error)}`);
        continue;
      }
      const wrong = problems(timed.html, rows);
      if (wrong.length) {
        r.problems.push(...wrong);
        continue;
      }
      if (run < options.warmup) continue;
      if (!outOfOrder(timed.html)) r.inlined++;
      r.first.push(timed.first);
      r.shell.push(timed.shell);
      r.end.push(timed.end);
      r.bytes = Buffer.byteLength(timed.html);
    }
  }
  return [...results].map(([id, r]) => ({
    id,
    problems: r.problems,
    first: { median: median(r.first), spread: spread(r.first) },
    shell: { median: median(r.shell), spread: spread(r.shell) },
    end: { median: median(r.end), spread: spread(r.end) },
    bytes: r.bytes,
    /** Timed runs whose boundary content was not streamed after the shell (see outOfOrder). */
    inlined: r.inlined,
    runs: r.first.length,
  }));
}
