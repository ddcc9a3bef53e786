/**
 * `lepta new <dir>`: a project from a template. `basic` lives in templates/basic; `todo` is the
 * repository's examples/todo, taken from the repository when the CLI runs inside it (always the
 * current app) and otherwise from templates/todo, which the package's prepack step copies from
 * examples/todo (scripts/prepack.js) so that the published package carries it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CliError } from './errors.js';

export const TEMPLATES = ['basic', 'todo'] as const;
export type Template = (typeof TEMPLATES)[number];

/** The package's directory (src/ or dist/ are one level below it). */
export const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));

/** Never copied from a template source: installs, build output, local databases, the repo's own tests. */
const SKIPPED = new Set(['node_modules', 'dist', 'test', '.vite']);
const SKIPPED_FILE = /\.(db|sqlite|sqlite3)(-journal|-wal|-shm)?$|\.tsbuildinfo$/;

/**
 * npm leaves `.gitignore` files out of published packages, so templates store it as
 * `_gitignore`; `toPackage` names the direction of a copy.
 */
function renamed(name: string, toPackage: boolean): string {
  if (toPackage) return name === '.gitignore' ? '_gitignore' : name;
  return name === '_gitignore' ? '.gitignore' : name;
}

/** Copies a template tree (see SKIPPED); shared by scaffolding and the prepack step. */
export async function copyTemplate(from: string, to: string, options: { toPackage?: boolean } = {}): Promise<string[]> {
  const written: string[] = [];
  const visit = async (src: string, dest: string, rel: string) => {
    await mkdir(dest, { recursive: true });
    for (const entry of await readdir(src, { withFileTypes: true })) {
      if (SKIPPED.has(entry.name) || SKIPPED_FILE.test(entry.name)) continue;
      const name = renamed(entry.name, options.toPackage === true);
      if (entry.isDirectory()) await visit(join(src, entry.name), join(dest, name), rel + name + '/');
      else if (entry.isFile()) {
        await copyFile(join(src, entry.name), join(dest, name));
        written.push(rel + name);
      }
    }
  };
  await visit(from, to, '');
  return written.sort();
}

/** examples/todo of this repository, when the CLI runs from inside it. */
export function repositoryTodo(packageDir = PACKAGE_DIR): string | undefined {
  const repo = resolve(packageDir, '../..');
  const dir = join(repo, 'examples/todo');
  try {
    const rootPackage = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { name?: string };
    if (rootPackage.name === 'lepta-monorepo' && existsSync(join(dir, 'package.json'))) return dir;
  } catch {
    /* not inside the repository */
  }
  return undefined;
}

export function templateDir(template: Template, packageDir = PACKAGE_DIR): string {
  if (template === 'todo') return repositoryTodo(packageDir) ?? join(packageDir, 'templates/todo');
  return join(packageDir, 'templates', template);
}

export interface NewOptions {
  dir: string;
  template?: Template;
  /** Lines of output (default `console.log`); `false` for none. */
  log?: ((line: string) => void) | false;
}

export interface NewResult {
  dir: string;
  files: string[];
}

export async function newProject(options: NewOptions): Promise<NewResult> {
  const template = options.template ?? 'basic';
  if (!(TEMPLATES as readonly string[]).includes(template)) throw new CliError(`unknown template "${template}" (available: ${TEMPLATES.join(', ')})`);
  const dir = resolve(options.dir);
  if (existsSync(dir) && (await readdir(dir)).length > 0) throw new CliError(`${dir} is not empty: choose a new directory`);
  const source = templateDir(template);
  if (!existsSync(source)) throw new Error(`template "${template}" not found at ${source}`);

  const files = await copyTemplate(source, dir);
  await adaptPackageJson(dir, basename(dir));
  if (template !== 'basic') await standaloneTsconfig(dir);

  const log = options.log === false ? () => {} : (options.log ?? console.log);
  log(`Created ${dir} from the ${template} template. Next steps:\n\n  cd ${options.dir}\n  npm install\n  npm run dev\n`);
  return { dir, files };
}

/** The project is named after its directory; a repository example's workspace name and flags go. */
async function adaptPackageJson(dir: string, name: string): Promise<void> {
  const path = join(dir, 'package.json');
  const pkg = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
  const safeName = name.toLowerCase().replace(/[^a-z0-9._~-]+/g, '-').replace(/^[._-]+/, '') || 'lepta-app';
  const { name: _name, ...rest } = pkg;
  await writeFile(path, JSON.stringify({ name: safeName, ...rest, private: true }, null, 2) + '\n');
}

/**
 * A repository example's tsconfig extends the repository's base config, which a standalone
 * project does not have: it gets the basic template's self-contained one instead.
 */
async function standaloneTsconfig(dir: string): Promise<void> {
  const path = join(dir, 'tsconfig.json');
  const current = existsSync(path) ? await readFile(path, 'utf8') : '';
  if (!current || /"extends"\s*:\s*"\.\.?\//.test(current)) await copyFile(join(templateDir('basic'), 'tsconfig.json'), path);
}
