/**
 * Builds an example app as `vite build --app` would (client and server environments), into a
 * fresh directory of its own, so tests never share or leave build output in the project.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Builds the app at `root` into `<parent>/<prefix>XXXXXX/{client,server}` (default parent: the OS
 * temp dir; pass the project when the server bundle must resolve packages from its node_modules
 * at run time). Returns the output directory.
 */
export async function buildApp(root: string, prefix: string, parent: string = tmpdir()): Promise<string> {
  const { createBuilder } = await import('vite');
  const out = await mkdtemp(join(parent, prefix));
  const builder = await createBuilder({
    root,
    logLevel: 'silent',
    environments: {
      client: { build: { outDir: join(out, 'client') } },
      ssr: { build: { outDir: join(out, 'server') } },
    },
  });
  await builder.buildApp();
  return out;
}
