/**
 * Source map v3 helpers: VLQ mappings decoding/encoding and composing two maps (used when types
 * are stripped after the JSX transform: stripped → transformed → original).
 */

/** A source map (v3), as a plain JSON-serializable object. */
export interface SourceMap {
  version: 3;
  file?: string;
  sources: string[];
  sourcesContent?: Array<string | null>;
  names: string[];
  mappings: string;
}

/**
 * `[generatedColumn]` or `[generatedColumn, sourceIndex, originalLine, originalColumn, nameIndex?]`
 * (all 0-based, absolute).
 */
export type Segment = number[];

const CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const CHAR_TO_INT = new Int8Array(128).fill(-1);
for (let i = 0; i < CHARS.length; i++) CHAR_TO_INT[CHARS.charCodeAt(i)] = i;

/** Decodes a `mappings` string into lines of segments with absolute values. */
export function decodeMappings(mappings: string): Segment[][] {
  const lines: Segment[][] = [];
  let line: Segment[] = [];
  let genCol = 0;
  let src = 0;
  let srcLine = 0;
  let srcCol = 0;
  let name = 0;
  const fields: number[] = [];
  let value = 0;
  let shift = 0;
  const flush = (): void => {
    if (fields.length === 0) return;
    genCol += fields[0]!;
    if (fields.length >= 4) {
      src += fields[1]!;
      srcLine += fields[2]!;
      srcCol += fields[3]!;
      if (fields.length >= 5) {
        name += fields[4]!;
        line.push([genCol, src, srcLine, srcCol, name]);
      } else line.push([genCol, src, srcLine, srcCol]);
    } else line.push([genCol]);
    fields.length = 0;
  };
  for (let i = 0; i < mappings.length; i++) {
    const c = mappings.charCodeAt(i);
    if (c === 59 /* ; */) {
      flush();
      lines.push(line);
      line = [];
      genCol = 0;
    } else if (c === 44 /* , */) {
      flush();
    } else {
      const digit = CHAR_TO_INT[c]!;
      if (digit < 0) continue;
      value += (digit & 31) << shift;
      if (digit & 32) shift += 5;
      else {
        const negative = value & 1;
        value >>>= 1;
        fields.push(negative ? -value : value);
        value = 0;
        shift = 0;
      }
    }
  }
  flush();
  lines.push(line);
  return lines;
}

function encodeValue(v: number): string {
  let n = v < 0 ? (-v << 1) | 1 : v << 1;
  let out = '';
  do {
    let digit = n & 31;
    n >>>= 5;
    if (n > 0) digit |= 32;
    out += CHARS[digit];
  } while (n > 0);
  return out;
}

/** Encodes lines of absolute segments into a `mappings` string. */
export function encodeMappings(lines: readonly Segment[][]): string {
  let out = '';
  let src = 0;
  let srcLine = 0;
  let srcCol = 0;
  let name = 0;
  for (let l = 0; l < lines.length; l++) {
    if (l > 0) out += ';';
    let genCol = 0;
    const line = lines[l]!;
    for (let s = 0; s < line.length; s++) {
      const seg = line[s]!;
      if (s > 0) out += ',';
      out += encodeValue(seg[0]! - genCol);
      genCol = seg[0]!;
      if (seg.length >= 4) {
        const [, s1, s2, s3] = seg as [number, number, number, number];
        out += encodeValue(s1 - src) + encodeValue(s2 - srcLine) + encodeValue(s3 - srcCol);
        src = s1;
        srcLine = s2;
        srcCol = s3;
        if (seg.length === 5) {
          out += encodeValue(seg[4]! - name);
          name = seg[4]!;
        }
      }
    }
  }
  return out;
}

/**
 * Composes `outer` (final code → intermediate code) with `inner` (intermediate → original):
 * each position of the final code maps to where its intermediate position maps. `inner` must
 * have a single source.
 */
export function composeMaps(outer: readonly Segment[][], inner: readonly Segment[][]): Segment[][] {
  const result: Segment[][] = [];
  for (const line of outer) {
    const out: Segment[] = [];
    for (const seg of line) {
      if (seg.length < 4) continue;
      const traced = lookup(inner, seg[2]!, seg[3]!);
      if (traced) out.push([seg[0]!, 0, traced[2]!, traced[3]!]);
    }
    result.push(out);
  }
  return result;
}

/** The segment of `lines[line]` covering `column` (the last one starting at or before it). */
function lookup(lines: readonly Segment[][], line: number, column: number): Segment | null {
  const segs = lines[line];
  if (!segs || segs.length === 0) return null;
  let lo = 0;
  let hi = segs.length - 1;
  if (segs[0]![0]! > column) return null;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segs[mid]![0]! <= column) lo = mid;
    else hi = mid - 1;
  }
  const seg = segs[lo]!;
  return seg.length >= 4 ? seg : null;
}

/**
 * The original position (0-based line and column) that a generated position maps to, or null.
 * Exported for tests and tools.
 */
export function originalPositionFor(map: SourceMap, line: number, column: number): { line: number; column: number } | null {
  const seg = lookup(decodeMappings(map.mappings), line, column);
  return seg ? { line: seg[2]!, column: seg[3]! } : null;
}
