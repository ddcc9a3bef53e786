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
export async function readBody<As extends 'text' | 'bytes'>(
  request: Request,
  as: As,
  limit: number,
  timeoutMs: number,
): Promise<(As extends 'text' ? string : Uint8Array) | 400 | 408 | 413> {
  type Body = As extends 'text' ? string : Uint8Array;
  const declared = request.headers.get('content-length');
  const length = declared === null ? NaN : Number(declared);
  // A declared length over the cap is refused unread.
  if (length > limit) return cancel(request.body, 413);
  const declaredOk = Number.isSafeInteger(length) && length >= 0;
  // (`request.body` is only touched on the stream path: some adapters build the stream lazily.)
  const reader = declaredOk ? undefined : request.body?.getReader();
  if (!declaredOk && !reader) return (as === 'text' ? '' : new Uint8Array(0)) as Body;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<408>((resolve) => {
    timer = setTimeout(() => resolve(408), timeoutMs);
  });
  try {
    const read = reader ? counted(reader, limit).then((bytes) => (typeof bytes === 'number' || as === 'bytes' ? bytes : decoder.decode(bytes))) : whole(request, as, limit);
    const result = await Promise.race([read, timeout]);
    return (result === 408 && reader ? cancel(reader, 408) : result) as Body | 400 | 408 | 413;
  } finally {
    clearTimeout(timer);
  }
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/**
 * A body with a declared length within the cap, read at once with the platform's buffered
 * readers (no stream objects: on Node, srvx reads `text()` straight from the socket). HTTP
 * framing (HTTP/1.1 and HTTP/2 alike) ends a body at its declared length, so the read cannot
 * outgrow it; the size is still checked, for a `Request` built by hand.
 */
async function whole(request: Request, as: 'text' | 'bytes', limit: number): Promise<string | Uint8Array | 400 | 413> {
  try {
    if (as === 'bytes') {
      const bytes = new Uint8Array(await request.arrayBuffer());
      return bytes.byteLength > limit ? 413 : bytes;
    }
    const text = await request.text();
    // A UTF-16 unit comes from 1–3 bytes: count exactly only when it could matter.
    return text.length * 3 > limit && encoder.encode(text).byteLength > limit ? 413 : text;
  } catch {
    return 400;
  }
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
