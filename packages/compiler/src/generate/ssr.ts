/** The `ssr` generator (in progress: being written now). */
import type { Node } from '../ast.js';
import type { JsxRoot } from '../analyze/ir.js';
import type { SourceFile } from '../errors.js';
import type { Kept } from './emit.js';
import type { ModuleOutput } from './module.js';

export class SsrGenerator {
  constructor(
    private readonly out: ModuleOutput,
    private readonly file: SourceFile,
    private readonly tagText: ReadonlyMap<Node, string>,
  ) {}

  root(root: JsxRoot): Array<string | Kept> {
    void this.out;
    void this.tagText;
    throw this.file.error('LEPTA_MODE', root.start, root.end, "The 'ssr' generator is not written yet", "Use mode: 'dom'.");
  }
}
