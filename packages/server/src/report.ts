/**
 * Where the safety layer reports what it refused to emit. Nothing here throws: an unsafe value
 * is replaced or dropped and the render goes on; a report tells the developer why.
 */

/** One value the safety layer replaced or dropped. */
export interface SafetyIssue {
  kind: 'invalid-attribute-name' | 'blocked-url' | 'invalid-style-property';
  /** The attribute (or CSS property) name involved. */
  name: string;
  /** The value that was refused, for `blocked-url`; otherwise the attribute's value. */
  value: unknown;
}

export type SafetyReporter = (issue: SafetyIssue) => void;

const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;

/** Development unless `NODE_ENV` is `production` (bundlers may replace this expression). */
const isDev = env?.NODE_ENV !== 'production';

function warn(issue: SafetyIssue): void {
  const what =
    issue.kind === 'blocked-url'
      ? `blocked an unsafe URL in attribute "${issue.name}"`
      : issue.kind === 'invalid-attribute-name'
        ? 'dropped an attribute with an invalid name'
        : 'dropped a style property with an invalid name';
  console.warn(`[lepta/server] ${what}:`, issue.kind === 'blocked-url' ? issue.value : issue.name);
}

let reporter: SafetyReporter | undefined = isDev ? warn : undefined;

/**
 * Replaces the reporter and returns the previous one. The default is a `console.warn` in
 * development and nothing in production; pass `undefined` to silence reports.
 */
export function setSafetyReporter(next: SafetyReporter | undefined): SafetyReporter | undefined {
  const prev = reporter;
  reporter = next;
  return prev;
}

/** @internal */
export function report(kind: SafetyIssue['kind'], name: string, value: unknown): void {
  if (reporter !== undefined) reporter({ kind, name, value });
}
