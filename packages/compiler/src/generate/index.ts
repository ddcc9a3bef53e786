/**
 * Generators: one per compile mode, each turning analyzed JSX roots into code. `dom` exists;
 * `ssr` (HTML strings) and `hydrate` (walks over server HTML) will be added here, consuming the
 * same `JsxRoot` trees from analyze/.
 */
import type { Node } from '../ast.js';
import type { JsxRoot } from '../analyze/ir.js';
import type { SourceFile } from '../errors.js';
import { DomGenerator } from './dom.js';
import type { Kept } from './emit.js';
import type { ModuleOutput } from './module.js';

/** The compile modes. */
export type Mode = 'dom';

/** What every generator provides: the output of one root, as text and kept source ranges. */
export interface Generator {
  root(root: JsxRoot): Array<string | Kept>;
}

/** The generator for `mode`. `tagText` maps JSX tag identifiers rewritten by the props pass to their text. */
export function createGenerator(mode: Mode, out: ModuleOutput, file: SourceFile, tagText: ReadonlyMap<Node, string>): Generator {
  switch (mode) {
    case 'dom':
      return new DomGenerator(out, file, tagText);
  }
}
