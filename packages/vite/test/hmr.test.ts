/** The dev footer (src/hmr.ts): which components it registers, when it self-accepts. */
import { describe, expect, it } from 'vitest';
import { addHmrFooter } from '../src/hmr.js';

describe('addHmrFooter', () => {
  it('registers top-level components and self-accepts when only components are exported', () => {
    const code = 'export function App() { return 1; }\nexport const Item = (props) => props.x;\nfunction helper() {}\n';
    const out = addHmrFooter(code, '/src/App.tsx')!;
    // `const` → `let  `: same length, so the source map still fits.
    expect(out.startsWith('export function App() { return 1; }\nexport let   Item = (props) => props.x;\n')).toBe(true);
    expect(out).toContain('({ App, Item } = __leptaHot("/src/App.tsx", { App, Item }));');
    expect(out).toContain('import.meta.hot.accept()');
  });

  it('does not self-accept when something else is exported', () => {
    expect(addHmrFooter('export function App() {}\nexport const count = 1;\n', '/a.tsx')).not.toContain('accept');
    expect(addHmrFooter('function App() {}\nconst value = 1;\nexport default value;\n', '/a.tsx')).not.toContain('accept');
    expect(addHmrFooter('function App() {}\nmount(App);\n', '/a.tsx')).not.toContain('accept');
    expect(addHmrFooter('export function App() {}\nexport * from "./b";\n', '/a.tsx')).not.toContain('accept');
  });

  it('accepts `export { X as Y }` and `export default function X`', () => {
    expect(addHmrFooter('function A() {}\nexport { A as B };\n', '/a.tsx')).toContain('accept');
    expect(addHmrFooter('export default function App() {}\n', '/a.tsx')).toContain('accept');
  });

  it('turns `export default App;` into a live binding, so importers see the rebound wrapper', () => {
    const out = addHmrFooter('function App() {}\nexport default App;\n', '/a.tsx')!;
    expect(out.startsWith('function App() {}\nexport { App as default };\n')).toBe(true);
    expect(out).toContain('import.meta.hot.accept()');
  });

  it('leaves modules without components alone', () => {
    expect(addHmrFooter('export const x = 1;\nexport function lower() {}\nexport async function Async() {}\n', '/a.tsx')).toBeNull();
  });
});
