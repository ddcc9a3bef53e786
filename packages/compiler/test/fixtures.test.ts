/**
 * Fixture pairs: each folder of fixtures/ holds an input.tsx and the expected output of each
 * mode: output.js (`dom`), ssr.js (`ssr`) and hydrate.js (`hydrate`); optionally options.json
 * with compile options (applied to every mode). These outputs are the compiler's contract with
 * the runtimes (packages/dom/CONTRACT.md, packages/server/CONTRACT.md): change them deliberately.
 *
 * UPDATE_FIXTURES=1 [FIXTURE_MODES=ssr,hydrate] npx vitest run --project unit packages/compiler
 * rewrites the outputs (of every mode, or of the modes listed);
 * review the diff by eye before committing.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compile, type CompileOptions } from '../src/index.js';

const root = fileURLToPath(new URL('./fixtures/', import.meta.url));
const update = process.env.UPDATE_FIXTURES === '1';

/** The modes and the file each one's expected output lives in. */
const MODES = [
  { mode: 'dom', file: 'output.js' },
  { mode: 'ssr', file: 'ssr.js' },
  { mode: 'hydrate', file: 'hydrate.js' },
] as const;
/** Modes whose fixtures UPDATE_FIXTURES writes for every folder (FIXTURE_MODES=dom,ssr to choose). */
const updateModes = new Set((process.env.FIXTURE_MODES ?? 'dom,ssr,hydrate').split(','));

const names = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

for (const { mode, file } of MODES) {
  describe(`fixtures (input.tsx → ${file}, ${mode} mode)`, () => {
    it('has fixtures', () => expect(names.length).toBeGreaterThan(20));
    for (const name of names) {
      const dir = join(root, name);
      const expectedFile = join(dir, file);
      const writing = update && updateModes.has(mode);
      it(name, () => {
        const input = readFileSync(join(dir, 'input.tsx'), 'utf8');
        const optionsFile = join(dir, 'options.json');
        const options: Partial<CompileOptions> = existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, 'utf8')) : {};
        const result = compile(input, { filename: 'input.tsx', sourceMap: false, ...options, mode });
        let output = result.code;
        if (result.warnings.length > 0) {
          output += '\n// warnings:\n' + result.warnings.map((w) => `// ${w.line}:${w.column} ${w.code}: ${w.message}`).join('\n') + '\n';
        }
        if (writing) writeFileSync(expectedFile, output);
        else if (!existsSync(expectedFile)) throw new Error(`${name}/${file} is missing: run with UPDATE_FIXTURES=1 FIXTURE_MODES=${mode} and review it`);
        expect(output).toBe(readFileSync(expectedFile, 'utf8'));
      });
    }
  });
}
