/**
 * Writing a generated JSX root into the module with magic-string, keeping user expressions.
 *
 * A generator describes a root's output as a sequence of generated text and *kept* source ranges
 * (the user's expressions, in any order). `applyRoot` makes the module text read that sequence
 * in place of the root: kept ranges are *moved* (not copied), so their characters, the edits
 * already made inside them (nested roots, props rewrites), and their source-map positions stay
 * the original ones. The JSX syntax between them is removed.
 *
 * Mechanics: every kept range is moved, in output order, to just after the root's first
 * character; that character is overwritten with the leading text; the text following each kept
 * range is appended to it (so it moves with it); the gaps are removed. Edits keep what other
 * passes appended at the root's edges. Because the root's first
 * and last original chunks still bracket everything, an enclosing root can move this whole root
 * as part of one of its own kept ranges. Nested roots must be applied before the roots that
 * contain them.
 */
import type MagicString from 'magic-string';

/** A source range to keep (move) into the output. */
export interface Kept {
  start: number;
  end: number;
}

/** The output of one JSX root: generated text interleaved with kept source ranges. */
export class RootWriter {
  readonly parts: Array<string | Kept> = [];
  private pending = '';

  /** Appends generated text. */
  text(s: string): this {
    this.pending += s;
    return this;
  }

  /** Appends the original source range `start..end` (a user expression). */
  keep(range: Kept): this {
    if (this.pending) this.parts.push(this.pending);
    this.pending = '';
    this.parts.push({ start: range.start, end: range.end });
    return this;
  }

  /** Finishes the sequence. */
  done(): Array<string | Kept> {
    if (this.pending) this.parts.push(this.pending);
    this.pending = '';
    return this.parts;
  }
}

/**
 * Replaces the root `start..end` of `ms` by `parts`. Kept ranges must lie inside the root,
 * after its first two characters (`<x`), not overlap, and appear once.
 */
export function applyRoot(ms: MagicString, start: number, end: number, parts: Array<string | Kept>): void {
  const texts: string[] = [''];
  const kept: Kept[] = [];
  for (const p of parts) {
    if (typeof p === 'string') texts[texts.length - 1] += p;
    else {
      kept.push(p);
      texts.push('');
    }
  }
  if (kept.length === 0) {
    if (texts[0]) ms.update(start, end, texts[0]);
    else ms.remove(start, end);
    return;
  }
  const anchor = start + 1;
  for (let i = 0; i < kept.length; i++) {
    const k = kept[i]!;
    if (k.start <= anchor || k.end > end || k.start >= k.end) throw new Error(`internal: kept range ${k.start}-${k.end} outside root ${start}-${end}`);
    ms.move(k.start, k.end, anchor);
    const after = texts[i + 1]!;
    if (after) ms.appendLeft(k.end, after);
  }
  if (texts[0]) ms.update(start, anchor, texts[0]);
  else ms.remove(start, anchor);
  const sorted = kept.slice().sort((a, b) => a.start - b.start);
  let at = anchor;
  for (const k of sorted) {
    if (k.start < at) throw new Error(`internal: kept ranges overlap at ${k.start}`);
    if (k.start > at) ms.remove(at, k.start);
    at = k.end;
  }
  if (end > at) ms.remove(at, end);
}
