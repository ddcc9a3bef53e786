/**
 * Generators: one per compile mode, each turning the same analyzed JSX roots (analyze/) into
 * code. `dom` creates DOM from cloned templates; `ssr` concatenates HTML strings; `hydrate`
 * adopts the DOM the server rendered (packages/dom/CONTRACT.md and packages/server/CONTRACT.md
 * describe each output).
 */
import type { Node } from '../ast.js';
import type { JsxRoot } from '../analyze/ir.js';
import type { SourceFile } from '../errors.js';
import { DomGenerator } from './dom.js';
import type { Kept } from './emit.js';
import { HydrateGenerator } from './hydrate.js';
import type { ModuleOutput } from './module.js';
import { SsrGenerator } from './ssr.js';

/** The compile modes. */
export const MODES = ['dom', 'ssr', 'hydrate'] as const;
export type Mode = (typeof MODES)[number];

/** What every generator provides: the output of one root, as text and kept source ranges. */
export interface Generator {
  root(root: JsxRoot): Array<string | Kept>;
}

/** The generator for `mode`. `tagText` maps JSX tag identifiers rewritten by the props pass to their text. */
export function createGenerator(mode: Mode, out: ModuleOutput, file: SourceFile, tagText: ReadonlyMap<Node, string>): Generator {
  switch (mode) {
    case 'dom':
      return new DomGenerator(out, file, tagText);
    case 'ssr':
      return new SsrGenerator(out, file, tagText);
    case 'hydrate':
      return new HydrateGenerator(out, file, tagText);
  }
}
