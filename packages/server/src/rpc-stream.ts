/**
 * A server function's streamed result (an async iterable, or a `ReadableStream`) as the body of
 * a `stream` response (SERVER-FUNCTIONS.md §4): NDJSON, one seroval-JSON line per item, each
 * written as soon as the source produced it (the body pulls the source one item at a time, so a
 * slow reader slows the source down instead of buffering it). A failure mid-stream becomes a
 * last line `{"$error": <seroval JSON of the public error>}`. When the client goes away the
 * body is cancelled, and so is the source (`return()` on its iterator, which runs its `finally`
 * blocks, or `cancel()` on a stream).
 */
import { publicError } from './rpc-errors.js';
import { encodeValue } from './rpc-codec.js';

export type StreamResult = AsyncIterable<unknown> | ReadableStream<unknown>;

export function isStreamResult(value: unknown): value is StreamResult {
  return (
    (typeof value === 'object' && value !== null && typeof (value as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') ||
    (typeof ReadableStream !== 'undefined' && value instanceof ReadableStream)
  );
}

function iterate(source: StreamResult): AsyncIterator<unknown> {
  if (Symbol.asyncIterator in source) return source[Symbol.asyncIterator]();
  // A runtime whose ReadableStream is not async iterable.
  const reader = (source as ReadableStream<unknown>).getReader();
  return {
    next: () => reader.read() as Promise<IteratorResult<unknown>>,
    return: async () => {
      await reader.cancel();
      return { done: true, value: undefined };
    },
  };
}

const encoder = new TextEncoder();

/** The NDJSON body for `source`; `onError` hears of a failure mid-stream (the full error). */
export function ndjsonBody(source: StreamResult, dev: boolean, onError: (error: unknown) => void): ReadableStream<Uint8Array> {
  const iterator = iterate(source);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const step = await iterator.next();
        if (step.done) return controller.close();
        controller.enqueue(encoder.encode((await encodeValue(step.value)) + '\n'));
      } catch (error) {
        onError(error);
        // Stop the source too (if it can still run), then end with the error line.
        void Promise.resolve(iterator.return?.()).catch(() => {});
        controller.enqueue(encoder.encode(`{"$error":${await errorLine(error, dev)}}\n`));
        controller.close();
      }
    },
    async cancel() {
      await Promise.resolve(iterator.return?.()).catch(() => {});
    },
  });
}

async function errorLine(error: unknown, dev: boolean): Promise<string> {
  try {
    return await encodeValue(publicError(error, dev));
  } catch {
    // A dev error with properties seroval cannot send: the redacted form always can.
    return encodeValue(publicError(error, false));
  }
}
