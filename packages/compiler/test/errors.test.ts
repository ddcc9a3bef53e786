/**
 * Diagnostics: every rejected construct throws LeptaCompileError pointing at the right place
 * (1-based line and column) with a code frame and what to write instead.
 */
import { describe, expect, it } from 'vitest';
import { compile, LeptaCompileError } from '../src/index.js';

/** Compiles `code` and returns the error it throws (fails if it does not throw one). */
function failure(code: string, filename = 'src/App.tsx'): LeptaCompileError {
  try {
    compile(code, { filename });
  } catch (error) {
    expect(error).toBeInstanceOf(LeptaCompileError);
    return error as LeptaCompileError;
  }
  throw new Error('expected a LeptaCompileError');
}

/** Asserts code, position, and that the hint mentions `hint`. */
function expectError(code: string, expected: { code: string; line: number; column: number; hint?: string | RegExp; reason?: string | RegExp }): LeptaCompileError {
  const e = failure(code);
  expect({ code: e.code, line: e.line, column: e.column }).toEqual({ code: expected.code, line: expected.line, column: expected.column });
  expect(e.filename).toBe('src/App.tsx');
  if (expected.hint) expect(e.hint).toMatch(expected.hint);
  if (expected.reason) expect(e.reason).toMatch(expected.reason);
  expect(e.message.startsWith(`src/App.tsx:${expected.line}:${expected.column}: `)).toBe(true);
  expect(e.frame).toContain(`> ${expected.line} |`);
  return e;
}

describe('error format', () => {
  it('message = file:line:column: reason, code frame, hint; carets under the range', () => {
    const e = failure('function A() {\n  return <p>\n    <span bind:value={v} />\n  </p>;\n}\n');
    expect(e.line).toBe(3);
    expect(e.column).toBe(11);
    expect(e.frame).toBe(
      [
        '  1 | function A() {',
        '  2 |   return <p>',
        '> 3 |     <span bind:value={v} />',
        '    |           ^^^^^^^^^^',
        '  4 |   </p>;',
        '  5 | }',
      ].join('\n'),
    );
    expect(e.message).toBe(`src/App.tsx:3:11: ${e.reason}\n\n${e.frame}\n\n${e.hint}`);
    expect(e.name).toBe('LeptaCompileError');
  });

  it('columns are 1-based and count UTF-16 code units; tabs count one', () => {
    const e = failure('const a = "😀"; const b = <div foo:bar="x" />;');
    expect(e.column).toBe('const a = "😀"; const b = <div '.length + 1);
    const t = failure('\tconst b = <div foo:bar="x" />;');
    expect(t.column).toBe(17);
    expect(t.frame).toContain('\n    | \t               ^^^^^^^');
  });

  it('reports CRLF files on the right line', () => {
    const e = failure('const a = 1;\r\nconst b = 2;\r\nconst c = <div foo:bar />;\r\n');
    expect([e.line, e.column]).toEqual([3, 16]);
  });
});

describe('parse errors from oxc', () => {
  it('mismatched closing tag', () => {
    expectError('const a = <div><span></div>;', { code: 'LEPTA_PARSE', line: 1, column: 24, reason: /closing tag for 'span'/ });
  });
  it('a plain syntax error', () => {
    expectError('const a = 1;\nconst b = 1 +;\n', { code: 'LEPTA_PARSE', line: 2, column: 14 });
  });
  it('on:click:capture suggests the [handler, options] form', () => {
    const e = expectError('const a = <div on:click:capture={x} />;', {
      code: 'LEPTA_PARSE',
      line: 1,
      column: 24,
      hint: 'on:click={[handler, { capture: true }]}',
    });
    expect(e.hint).toMatch(/at most one colon/);
  });
  it('on:keydown:passive names the modifier', () => {
    expectError('const a = <div on:keydown:passive={x} />;', { code: 'LEPTA_PARSE', line: 1, column: 26, hint: '{ passive: true }' });
  });
});

describe('attributes', () => {
  it('unknown namespace', () => {
    expectError('const a = (\n  <div foo:bar="1" />\n);', { code: 'LEPTA_UNKNOWN_NAMESPACE', line: 2, column: 8, hint: /attr:foo-bar/ });
  });
  it('use: directives point to ref', () => {
    expectError('const a = <div use:tooltip={t} />;', { code: 'LEPTA_UNKNOWN_NAMESPACE', line: 1, column: 16, hint: /ref=\{\(el\) => tooltip\(el, value\)\}/ });
  });
  it('unknown namespace on a component', () => {
    expectError('const a = <Comp foo:bar={1} />;', { code: 'LEPTA_UNKNOWN_NAMESPACE', line: 1, column: 17 });
  });
  it('bind: on a non-form element', () => {
    expectError('const a = <div bind:value={v} />;', { code: 'LEPTA_BIND_ELEMENT', line: 1, column: 16, hint: /prop:value=\{get\(\)\}/ });
  });
  it('bind:checked on a text input', () => {
    expectError('const a = <input type="text" bind:checked={v} />;', { code: 'LEPTA_BIND_ELEMENT', line: 1, column: 30, hint: /bind:value/ });
  });
  it('bind:checked on a select', () => {
    expectError('const a = <select bind:checked={v} />;', { code: 'LEPTA_BIND_ELEMENT', line: 1, column: 19 });
  });
  it('unknown bind property', () => {
    expectError('const a = <input bind:files={v} />;', { code: 'LEPTA_BIND_PROPERTY', line: 1, column: 18 });
  });
  it('bind: without an expression', () => {
    expectError('const a = <input bind:value="x" />;', { code: 'LEPTA_EXPECTED_EXPRESSION', line: 1, column: 18, hint: /\[get, set\]/ });
  });
  it('event handler given a string', () => {
    expectError('const a = <button onClick="alert(1)" />;', { code: 'LEPTA_EXPECTED_EXPRESSION', line: 1, column: 19 });
  });
  it('on: without a value', () => {
    expectError('const a = <button on:click />;', { code: 'LEPTA_EXPECTED_EXPRESSION', line: 1, column: 19 });
  });
  it('ref given a string', () => {
    expectError('const a = <div ref="main" />;', { code: 'LEPTA_EXPECTED_EXPRESSION', line: 1, column: 16 });
  });
  it('classList', () => {
    expectError('const a = <div classList={{ a: true }} />;', { code: 'LEPTA_CLASSLIST', line: 1, column: 16, hint: /class:active/ });
  });
  it('empty attribute expression (reported by the parser)', () => {
    expectError('const a = <div title={} />;', { code: 'LEPTA_PARSE', line: 1, column: 22 });
  });
  it('innerHTML and children', () => {
    expectError('const a = <div innerHTML={html}>x</div>;', { code: 'LEPTA_CONTENT_AND_CHILDREN', line: 1, column: 16 });
  });
});

describe('elements and markup', () => {
  it('namespaced tag names', () => {
    expectError('const a = <svg:rect />;', { code: 'LEPTA_NAMESPACED_TAG', line: 1, column: 12, hint: /<rect>/ });
  });
  it('block element inside <p>', () => {
    expectError('const a = (\n  <p>\n    <div>x</div>\n  </p>\n);', { code: 'LEPTA_INVALID_NESTING', line: 3, column: 6, hint: /<div>/ });
  });
  it('<tr> directly inside <table>', () => {
    expectError('const a = <table><tr><td /></tr></table>;', { code: 'LEPTA_INVALID_NESTING', line: 1, column: 19, hint: /<tbody>/ });
  });
  it('text inside <tr>', () => {
    expectError('const a = <table><tbody><tr>oops<td /></tr></tbody></table>;', { code: 'LEPTA_INVALID_NESTING', line: 1, column: 29 });
  });
  it('nested <a>', () => {
    expectError('const a = <a href="/"><span><a href="/x">x</a></span></a>;'.replace('<span>', '').replace('</span>', ''), {
      code: 'LEPTA_INVALID_NESTING',
      line: 1,
      column: 24,
    });
  });
  it('children of a void element', () => {
    expectError('const a = <input><b /></input>;', { code: 'LEPTA_INVALID_NESTING', line: 1, column: 19 });
  });
  it('<html> in dom mode', () => {
    expectError('const a = <html><body /></html>;', { code: 'LEPTA_DOCUMENT_ELEMENT', line: 1, column: 12, hint: /mount/ });
  });
  it('bindings inside <template>', () => {
    expectError('const a = <template><p>{x()}</p></template>;', { code: 'LEPTA_OPAQUE_DYNAMIC', line: 1, column: 12 });
  });
  it('elements inside <style>', () => {
    expectError('const a = <style><b /></style>;', { code: 'LEPTA_RAW_TEXT', line: 1, column: 18 });
  });
  it('</script> inside a script text', () => {
    expectError('const a = <script>{"x</script>"}</script>;', { code: 'LEPTA_RAW_TEXT', line: 1, column: 19 });
  });
  it('spread children', () => {
    expectError('const a = <div>{...items}</div>;', { code: 'LEPTA_SPREAD_CHILD', line: 1, column: 16, hint: /\{items\}/ });
  });
});

describe('expressions', () => {
  it('await inside JSX', () => {
    expectError('async function f() {\n  return <p>{await load()}</p>;\n}', { code: 'LEPTA_AWAIT_IN_JSX', line: 2, column: 14, hint: /resource/ });
  });
  it('await inside a nested async function is fine', () => {
    expect(() => compile('const a = <button onClick={async () => await save()} />;', { filename: 'a.tsx' })).not.toThrow();
  });
  it('this in a dynamic component prop', () => {
    expectError('class A {\n  render() {\n    return <Comp value={this.value} />;\n  }\n}', { code: 'LEPTA_THIS_IN_PROP', line: 3, column: 25, hint: /const self = this/ });
  });
  it('this in JSX children of a component (the children getter)', () => {
    expectError('class A {\n  render() {\n    return <Comp><p>{this.x}</p></Comp>;\n  }\n}', { code: 'LEPTA_THIS_IN_PROP', line: 3, column: 22 });
  });
  it('this in JSX passed as a prop (a getter too)', () => {
    expectError('class A {\n  render() {\n    return <Comp fallback={<p>{this.x}</p>} />;\n  }\n}', { code: 'LEPTA_THIS_IN_PROP', line: 3, column: 28 });
  });
  it('this inside a nested non-arrow function or a plain arrow prop is fine', () => {
    const code = 'class A {\n  render() {\n    return <Comp onClick={function () { return this.y; }} ok={() => <b>{this.z}</b>} />;\n  }\n}';
    expect(() => compile(code, { filename: 'a.tsx' })).not.toThrow();
  });
  it('this in an element attribute is fine (arrow IIFE)', () => {
    expect(() => compile('class A { render() { return <p title={this.value} />; } }', { filename: 'a.tsx' })).not.toThrow();
  });
});

describe('destructured props', () => {
  it('assigning a destructured prop', () => {
    expectError('function Row({ label }) {\n  label = label.trim();\n  return <p>{label}</p>;\n}', { code: 'LEPTA_PROPS_ASSIGN', line: 2, column: 3, hint: /let labelValue = label/ });
  });
  it('updating a destructured prop', () => {
    expectError('function Row({ n }) {\n  const f = () => n++;\n  return <p>{n}</p>;\n}', { code: 'LEPTA_PROPS_ASSIGN', line: 2, column: 19 });
  });
  it('assigning a shadowing local is fine', () => {
    expect(() => compile('function Row({ n }) {\n  const f = (n) => n++;\n  return <p>{n}{f}</p>;\n}', { filename: 'a.tsx' })).not.toThrow();
  });
  it('array patterns', () => {
    expectError('function Row({ pair: [a, b] }) {\n  return <p>{a}</p>;\n}', { code: 'LEPTA_PROPS_PATTERN', line: 1, column: 22 });
  });
  it('computed keys', () => {
    expectError('const k = "x";\nfunction Row({ [k]: v }) {\n  return <p>{v}</p>;\n}', { code: 'LEPTA_PROPS_COMPUTED_KEY', line: 2, column: 17 });
  });
  it('nested rest', () => {
    expectError('function Row({ item: { id, ...more } }) {\n  return <p>{id}</p>;\n}', { code: 'LEPTA_PROPS_NESTED_REST', line: 1, column: 28 });
  });
  it('redeclared in the body', () => {
    expectError('function Row({ label }) {\n  var label;\n  return <p>{label}</p>;\n}', { code: 'LEPTA_PROPS_REDECLARED', line: 2, column: 7 });
  });
  it('JSX default values', () => {
    expectError('function Row({ icon = <Default /> }) {\n  return <p>{icon}</p>;\n}', { code: 'LEPTA_PROPS_DEFAULT_JSX', line: 1, column: 23, hint: /icon \?\? <Default \/>/ });
  });
  it('a default whose variable is shadowed where the prop is read', () => {
    expectError('const size = 1;\nfunction Row({ width = size }) {\n  const f = (size) => width * size;\n  return <p>{f(2)}</p>;\n}', {
      code: 'LEPTA_PROPS_DEFAULT_CAPTURE',
      line: 3,
      column: 23,
    });
  });
  it('a default reading a variable the body declares', () => {
    expectError('function Row({ width = size }) {\n  const size = 2;\n  return <p>{width}</p>;\n}', { code: 'LEPTA_PROPS_DEFAULT_CAPTURE', line: 3, column: 14 });
  });
});
