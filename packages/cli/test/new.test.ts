import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newProject, repositoryTodo } from '../src/new.js';

const repo = new URL('../../../', import.meta.url);
const versionOf = (dir: string) => (JSON.parse(readFileSync(new URL(`${dir}/package.json`, repo), 'utf8')) as { version: string }).version;

let parent: string;
beforeEach(async () => {
  parent = await mkdtemp(join(tmpdir(), 'lepta-new-'));
});
afterEach(async () => {
  await rm(parent, { recursive: true, force: true });
});

describe('lepta new', () => {
  it('writes the basic template, named after the directory', async () => {
    const lines: string[] = [];
    const { dir, files } = await newProject({ dir: join(parent, 'My App'), log: (line) => lines.push(line) });
    expect(files).toEqual(['.gitignore', 'README.md', 'package.json', 'src/App.tsx', 'src/api.ts', 'src/entry-client.tsx', 'src/entry-server.tsx', 'tsconfig.json']);
    const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'));
    expect(pkg.name).toBe('my-app');
    expect(pkg.scripts).toEqual({ dev: 'lepta dev', build: 'lepta build', start: 'lepta serve' });
    expect(await readFile(join(dir, 'src/entry-server.tsx'), 'utf8')).toContain("import { createApp } from 'lepta/server'");
    expect(await readFile(join(dir, 'src/api.ts'), 'utf8')).toContain("'use server'");
    expect(lines.join('\n')).toMatch(/cd .*My App\n\s+npm install\n\s+npm run dev/);
  });

  it("depends on this repository's versions", async () => {
    const pkg = JSON.parse(readFileSync(new URL('../templates/basic/package.json', import.meta.url), 'utf8'));
    const cli = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(pkg.dependencies.lepta).toBe(versionOf('packages/lepta'));
    expect(pkg.devDependencies['@lepta/cli']).toBe(cli.version);
    expect(pkg.devDependencies['@lepta/vite']).toBe(versionOf('packages/vite'));
    expect(pkg.devDependencies.vite).toBe(cli.dependencies.vite);
  });

  it('refuses a directory that is not empty, and an unknown template', async () => {
    await mkdir(join(parent, 'taken'));
    await writeFile(join(parent, 'taken/file'), '');
    await expect(newProject({ dir: join(parent, 'taken'), log: false })).rejects.toThrow(/is not empty/);
    await mkdir(join(parent, 'empty'));
    await expect(newProject({ dir: join(parent, 'empty'), log: false })).resolves.toBeDefined();
    // @ts-expect-error: checked at run time too (the template comes from the command line)
    await expect(newProject({ dir: join(parent, 'x'), template: 'blog', log: false })).rejects.toThrow(/unknown template "blog"/);
  });

  it('takes the todo template from examples/todo inside the repository', async () => {
    const source = repositoryTodo();
    expect(source).toBe(new URL('examples/todo', repo).pathname);
    const { dir, files } = await newProject({ dir: join(parent, 'todo'), template: 'todo', log: false });
    expect(files).toContain('package.json');
    expect(files.some((file) => file.startsWith('node_modules/') || file.startsWith('dist/') || file.startsWith('test/'))).toBe(false);
    const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'));
    expect(pkg.name).toBe('todo');
    // The example's tsconfig extends the repository's; the project gets a standalone one.
    expect(await readFile(join(dir, 'tsconfig.json'), 'utf8')).not.toMatch(/"extends"/);
    expect(existsSync(join(dir, 'dist'))).toBe(false);
  });
});
