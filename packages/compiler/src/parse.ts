/**
 * Parsing: oxc-parser → ESTree (with TS and JSX). Parser errors become `LeptaCompileError`s in
 * the same format as the compiler's own, with a hint where we can tell what was meant.
 */
import { parseSync } from 'oxc-parser';
import type { Node } from './ast.js';
import type { SourceFile } from './errors.js';

/** The language a file is parsed as, from its extension (`.tsx` when unknown). */
export function languageOf(filename: string): 'js' | 'jsx' | 'ts' | 'tsx' {
  const m = /\.([cm]?[jt]sx?)$/.exec(filename);
  const ext = m ? m[1]! : 'tsx';
  if (ext === 'tsx') return 'tsx';
  if (ext.endsWith('ts')) return 'ts';
  return 'jsx'; // .js files may contain JSX
}

/** Parses `file` as a module. Throws `LeptaCompileError` for the first syntax error. */
export function parse(file: SourceFile): { program: Node } {
  const result = parseSync(file.filename, file.code, {
    lang: languageOf(file.filename),
    sourceType: 'module',
    preserveParens: true,
    // Type annotations are never needed (TS expression wrappers like `as` are still there) and
    // skipping them makes the AST ~20% smaller to deserialize.
    astType: 'js',
  });
  const errors = result.errors.filter((e) => e.severity === 'Error');
  if (errors.length > 0) {
    const e = errors[0]!;
    const label = e.labels[0];
    const start = label ? label.start : 0;
    const end = label ? Math.max(label.end, start + 1) : start + 1;
    throw file.error('LEPTA_PARSE', start, end, e.message, hintFor(file.code, start, e.helpMessage));
  }
  return { program: result.program as unknown as Node };
}

/** What to write instead, for the syntax errors whose cause we can recognize. */
function hintFor(code: string, at: number, help: string | null): string {
  // `on:click:capture={…}`: JSX attribute names have at most one colon.
  if (code[at] === ':') {
    const before = code.slice(Math.max(0, at - 60), at);
    const m = /([A-Za-z_$][\w$-]*):([\w$-]+)$/.exec(before);
    if (m) {
      const [, ns, name] = m;
      const modifier = /^[\w$-]+/.exec(code.slice(at + 1))?.[0] ?? '';
      if (ns === 'on') {
        return (
          `JSX attribute names have at most one colon, so on:${name}:${modifier} cannot be written. ` +
          `Pass listener options with the handler instead: on:${name}={[handler, { ${modifier || 'capture'}: true }]}.`
        );
      }
      return `JSX attribute names have at most one colon: ${ns}:${name}:${modifier} cannot be written.`;
    }
  }
  return help ?? '';
}
