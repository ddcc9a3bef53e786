/**
 * Reading an untrusted request body (SERVER-FUNCTIONS.md §5 steps 4–5): the content type is
 * allow-listed, then the body is read under a byte cap and a deadline. A declared length over
 * the cap is refused unread (413); a body without one (chunked) is read as a stream, counting
 * bytes, and stopped as soon as it outgrows the cap (413), so the rest is never buffered; a body
 * not complete after `timeoutMs` (a client trickling bytes) is given up (408).
 */

export type BodyKind = 'json' | 'urlencoded' | 'multipart';

/** The allowed kind of a `content-type` value (ASCII case-insensitive, parameters ignored). */
export function bodyKind(contentType: string | null): BodyKind | undefined {
  if (!contentType) return undefined;
  const semi = contentType.indexOf(';');
  const essence = (semi === -1 ? contentType : contentType.slice(0, semi)).trim().toLowerCase();
  switch (essence) {
    case 'application/json':
      return 'json';
    case 'application/x-www-form-urlencoded':
      return 'urlencoded';
    case 'multipart/form-data':
      return 'multipart';
    default:
      return undefined;
  }
}

/**
 * The body as text (`json`: decoded as UTF-8, invalid sequences replaced) or bytes (forms), or
 * the status that refuses it (413 too large, 408 too slow, 400 broken stream).
 */
export function readBody<As extends 'text' | 'bytes'>(
  request: Request,
  as: As,
  limit: number,
  timeoutMs: number,
): Promise<(As extends 'text' ? string : Uint8Array) | 400 | 408 | 413> {
  type Result = (As extends 'text' ? string : Uint8Array) | 400 | 408 | 413;
  const declared = request.headers.get('content-length');
  const length = declared === null ? NaN : Number(declared);
  // A declared length over the cap is refused unread.
  if (length > limit) return Promise.resolve(cancel(request.body, 413));
  const declaredOk = Number.isSafeInteger(length) && length >= 0;
  // (`request.body` is only touched on the stream path: some adapters build the stream lazily.)
  const reader = declaredOk ? undefined : request.body?.getReader();
  if (!declaredOk && !reader) return Promise.resolve((as === 'text' ? '' : new Uint8Array(0)) as Result);
  const read = reader ? counted(reader, limit).then((bytes) => (typeof bytes === 'number' || as === 'bytes' ? bytes : decoder.decode(bytes))) : whole(request, as, limit);
  // One promise settled by whichever comes first, the body or the deadline (every call goes
  // through here: no `async` wrapper, `Promise.race` or second timer promise to allocate).
  return new Promise<Result>((resolve) => {
    const timer = setTimeout(() => resolve(reader ? cancel(reader, 408) : 408), timeoutMs);
    const settle = (result: Result) => {
      clearTimeout(timer);
      resolve(result);
    };
    read.then(settle as (result: string | Uint8Array | 400 | 413) => void, () => settle(400));
  });
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/**
 * A body with a declared length within the cap, read at once with the platform's buffered
 * readers (no stream objects: on Node, srvx reads `text()` straight from the socket). HTTP
 * framing (HTTP/1.1 and HTTP/2 alike) ends a body at its declared length, so the read cannot
 * outgrow it; the size is still checked, for a `Request` built by hand.
 */
function whole(request: Request, as: 'text' | 'bytes', limit: number): Promise<string | Uint8Array | 400 | 413> {
  let read: Promise<string | Uint8Array | 400 | 413>;
  try {
    read =
      as === 'bytes'
        ? request.arrayBuffer().then((buffer) => (buffer.byteLength > limit ? 413 : new Uint8Array(buffer)))
        : // A UTF-16 unit comes from 1–3 bytes: count exactly only when it could matter.
          request.text().then((text) => (text.length * 3 > limit && encoder.encode(text).byteLength > limit ? 413 : text));
  } catch {
    // A body reader that throws instead of rejecting (a used body, on some adapter).
    return Promise.resolve(400);
  }
  return read.catch(() => 400 as const);
}

/** A body of unknown length (chunked), read chunk by chunk and stopped as soon as it outgrows the cap. */
async function counted(reader: ReadableStreamDefaultReader<Uint8Array>, limit: number): Promise<Uint8Array | 400 | 413> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const step = await reader.read();
      if (step.done) break;
      const chunk: unknown = step.value;
      if (!(chunk instanceof Uint8Array)) return cancel(reader, 400);
      size += chunk.byteLength;
      if (size > limit) return cancel(reader, 413);
      chunks.push(chunk);
    }
  } catch {
    return cancel(reader, 400);
  }
  return concat(chunks, size);
}

function cancel<S extends number>(source: ReadableStream | ReadableStreamDefaultReader | null, status: S): S {
  // Cancelling tells the adapter to stop reading; its rejection (an already-errored stream)
  // says nothing we need.
  source?.cancel().catch(() => {});
  return status;
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
