// `npm pack` / `npm publish` of @lepta/cli: the `todo` template is the repository's
// examples/todo, which a published package cannot reach; copy it into templates/todo (same
// filtering and `.gitignore` → `_gitignore` renaming as scaffolding, so one function does both).
// Needs the compiled package (dist/): `npm run build` at the repository root first.
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
if (!existsSync(new URL('../dist/new.js', import.meta.url))) {
  console.error('prepack: dist/ is missing: run `npm run build` at the repository root first');
  process.exit(1);
}
const { copyTemplate, repositoryTodo } = await import('../dist/new.js');
const source = repositoryTodo(packageDir);
if (!source) {
  console.error('prepack: examples/todo not found (run inside the lepta repository)');
  process.exit(1);
}
const target = new URL('../templates/todo', import.meta.url);
await rm(target, { recursive: true, force: true });
const files = await copyTemplate(source, fileURLToPath(target), { toPackage: true });
console.log(`prepack: templates/todo ← examples/todo (${files.length} files)`);
