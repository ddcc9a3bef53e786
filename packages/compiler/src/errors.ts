/**
 * Diagnostics: the error the compiler throws and the warnings it returns, both pointing at a
 * place in the *original* source with a code frame.
 *
 * Positions: `line` is 1-based; `column` is 1-based and counts UTF-16 code units (JavaScript
 * string indices), the way editors that speak LSP count them. A tab counts as one column.
 */

/** Where a diagnostic points: 1-based line and 1-based column in the original source. */
export interface SourceLocation {
  line: number;
  column: number;
}

/** A problem that does not stop compilation. The output is still correct. */
export interface CompileWarning {
  /** A stable identifier, e.g. `LEPTA_CHILDREN_OVERRIDDEN`. */
  code: string;
  /** What is wrong, in one sentence. */
  message: string;
  filename: string;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
  /** The source lines around the position, with a caret line. */
  frame: string;
}

/**
 * The one error `compile()` throws: malformed JSX, syntax errors reported by the parser, and
 * constructs Lepta does not support. `message` reads
 * `file:line:column: what is wrong`, then the code frame, then `hint` (what to write instead).
 */
export class LeptaCompileError extends Error {
  override name = 'LeptaCompileError';
  /** A stable identifier, e.g. `LEPTA_BIND_ELEMENT` or `LEPTA_PARSE`. */
  readonly code: string;
  readonly filename: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based, in UTF-16 code units. */
  readonly column: number;
  /** The source lines around the position, with a caret line under the offending range. */
  readonly frame: string;
  /** What to write instead (may be empty for plain syntax errors). */
  readonly hint: string;
  /** The problem alone, without position, frame or hint. */
  readonly reason: string;

  constructor(init: {
    code: string;
    reason: string;
    filename: string;
    line: number;
    column: number;
    frame: string;
    hint: string;
  }) {
    super(
      `${init.filename}:${init.line}:${init.column}: ${init.reason}\n\n${init.frame}` +
        (init.hint ? `\n\n${init.hint}` : ''),
    );
    this.code = init.code;
    this.reason = init.reason;
    this.filename = init.filename;
    this.line = init.line;
    this.column = init.column;
    this.frame = init.frame;
    this.hint = init.hint;
  }
}

/**
 * Position bookkeeping for one source file: turns offsets into line/column and code frames, and
 * builds the diagnostics. Line starts are computed on first use (diagnostics are rare).
 */
export class SourceFile {
  private lineStarts: number[] | null = null;

  constructor(
    readonly filename: string,
    readonly code: string,
  ) {}

  /** 1-based line and 1-based column of a string offset. */
  locate(offset: number): SourceLocation {
    const starts = this.getLineStarts();
    const pos = Math.max(0, Math.min(offset, this.code.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: pos - starts[lo]! + 1 };
  }

  /** Two lines of context either side of `start`, a `>` on the line itself, carets under the range. */
  frame(start: number, end: number = start + 1): string {
    const starts = this.getLineStarts();
    const { line, column } = this.locate(start);
    const first = Math.max(1, line - 2);
    const last = Math.min(starts.length, line + 2);
    const width = String(last).length;
    const out: string[] = [];
    for (let n = first; n <= last; n++) {
      const text = this.lineText(n);
      out.push(`${n === line ? '>' : ' '} ${String(n).padStart(width)} | ${text}`);
      if (n === line) {
        const lineEnd = starts[n - 1]! + text.length;
        const caretEnd = Math.max(start + 1, Math.min(end, lineEnd));
        // Keep tabs under tabs so the caret lines up in a terminal.
        const lead = text.slice(0, column - 1).replace(/[^\t]/g, ' ');
        out.push(`  ${' '.repeat(width)} | ${lead}${'^'.repeat(Math.max(1, caretEnd - start))}`);
      }
    }
    return out.join('\n');
  }

  /** A compile error at `start..end` with what to write instead. */
  error(code: string, start: number, end: number, reason: string, hint = ''): LeptaCompileError {
    const { line, column } = this.locate(start);
    return new LeptaCompileError({
      code,
      reason,
      filename: this.filename,
      line,
      column,
      frame: this.frame(start, end),
      hint,
    });
  }

  /** A warning at `start..end`. */
  warning(code: string, start: number, end: number, message: string): CompileWarning {
    const { line, column } = this.locate(start);
    return { code, message, filename: this.filename, line, column, frame: this.frame(start, end) };
  }

  private lineText(line: number): string {
    const starts = this.getLineStarts();
    const from = starts[line - 1]!;
    const to = line < starts.length ? starts[line]! : this.code.length;
    return this.code.slice(from, to).replace(/\r?\n$|\r$|[\u2028\u2029]$/, '');
  }

  private getLineStarts(): number[] {
    if (this.lineStarts) return this.lineStarts;
    const starts = [0];
    const code = this.code;
    for (let i = 0; i < code.length; i++) {
      const c = code.charCodeAt(i);
      if (c === 10 /* \n */ || c === 0x2028 || c === 0x2029) starts.push(i + 1);
      else if (c === 13 /* \r */) {
        if (code.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
    return starts;
  }
}
