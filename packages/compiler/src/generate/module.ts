/**
 * Module-level output shared by the generators of one file: the runtime import (helpers aliased
 * `_$name`), the hoisted templates, and the events to delegate.
 */

/** Collects what one compiled module needs at its top and bottom. */
export class ModuleOutput {
  private readonly helpers: string[] = [];
  private readonly helperSet = new Set<string>();
  private readonly templates = new Map<string, string>();
  private readonly templateDecls: string[] = [];
  private readonly delegated: string[] = [];
  private readonly delegatedSet = new Set<string>();

  constructor(
    readonly moduleName: string,
    /** Development output: diagnostics (JSX locations for hydration mismatch warnings) included. */
    readonly dev = false,
  ) {}

  /**
   * `ssr` mode: components (local names) whose props stay getters, because reading a prop there
   * starts work — `<Await future={load()}>` (imported from `lepta`): evaluated at the call, the
   * future would start again each time its boundary re-renders.
   */
  readonly lazyPropsComponents = new Set<string>();

  /** The local name of runtime helper `name` (`_$name`), importing it once. */
  helper(name: string): string {
    if (!this.helperSet.has(name)) {
      this.helperSet.add(name);
      this.helpers.push(name);
    }
    return `_$${name}`;
  }

  /** The variable holding the template for `html` (one per distinct html + flags). */
  template(html: string, flags: number): string {
    const key = `${flags}:${html}`;
    let name = this.templates.get(key);
    if (name === undefined) {
      name = `_tmpl$${this.templates.size}`;
      this.templates.set(key, name);
      const args = flags ? `${templateLiteral(html)}, ${flags}` : templateLiteral(html);
      this.templateDecls.push(`const ${name} = /*#__PURE__*/ ${this.helper('template')}(${args});`);
    }
    return name;
  }

  /** Records an event for the module's `delegateEvents([...])` call. */
  delegate(event: string): void {
    if (!this.delegatedSet.has(event)) {
      this.delegatedSet.add(event);
      this.delegated.push(event);
    }
  }

  /** True if nothing was generated. */
  isEmpty(): boolean {
    return this.helpers.length === 0;
  }

  /** `import { a as _$a, … } from "moduleName";` or '' when no helper is used. */
  importStatement(): string {
    if (this.helpers.length === 0) return '';
    const specifiers = this.helpers.map((h) => `${h} as _$${h}`).join(', ');
    return `import { ${specifiers} } from ${JSON.stringify(this.moduleName)};`;
  }

  /** The template declarations, one per line. */
  templateDeclarations(): string {
    return this.templateDecls.join('\n');
  }

  /** `_$delegateEvents([...]);` or ''. */
  delegateStatement(): string {
    if (this.delegated.length === 0) return '';
    return `${this.helper('delegateEvents')}([${this.delegated.map((e) => JSON.stringify(e)).join(', ')}]);`;
  }
}

const INVISIBLE = /[\u00a0\u00ad\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060\ufeff]/g;
const NEEDS_ESCAPE = /[\\`$\u00a0\u00ad\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060\ufeff]/;
const spell = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** A JavaScript string literal for `value` (JSON, with invisible characters spelled out). */
export function stringLiteral(value: string): string {
  return JSON.stringify(value).replace(INVISIBLE, spell);
}

/** A JavaScript literal for a JSX literal value. */
export function literal(value: string | number | boolean | null): string {
  return typeof value === 'string' ? stringLiteral(value) : String(value);
}

/** `html` as a JavaScript template literal. */
function templateLiteral(html: string): string {
  if (!NEEDS_ESCAPE.test(html)) return '`' + html + '`';
  const escaped = html
    .replace(/\\/g, '\\\\')
    .replace(/`/g, '\\`')
    .replace(/\$\{/g, '\\${')
    // Invisible characters are spelled out so the output (and its fixtures) can be read.
    .replace(INVISIBLE, spell);
  return '`' + escaped + '`';
}
