/**
 * The `lepta` command line: parses arguments (node:util parseArgs, no dependency) and calls the
 * programmatic API (src/index.ts). src/cli.ts runs it; it is apart so that tests can call it.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { build } from './build.js';
import { isServeWorker, runWorkers } from './workers.js';
import { SETTINGS } from './config.js';
import { CliError } from './errors.js';
import { dev } from './dev.js';
import { newProject, PACKAGE_DIR, type Template } from './new.js';
import { serve } from './serve.js';

type Options = NonNullable<ParseArgsConfig['options']>;

const HELP_FLAG: Options = { help: { type: 'boolean', short: 'h' } };
const ROOT_FLAG: Options = { root: { type: 'string' } };
/** The APP.md §4 settings, one flag each. */
const SETTING_FLAGS: Options = Object.fromEntries(SETTINGS.map((s) => [s.flag, { type: 'string' as const }]));

interface Command {
  usage: string;
  summary: string;
  options: Options;
  details: string;
  run(values: Record<string, string | boolean | undefined>, positionals: string[]): Promise<void>;
}

const settingsHelp = () =>
  SETTINGS.map((s) => `  --${s.flag.padEnd(12)} ${s.env.padEnd(17)} ${s.key.padEnd(10)} ${s.description}${s.default !== undefined ? ` (default ${s.default})` : ''}`).join('\n');

const SETTINGS_DETAILS = () => `Settings (flag, environment variable, lepta.config.ts key):
${settingsHelp()}

Precedence: flags > environment > lepta.config.ts > defaults. The merged values are put in the
environment (LEPTA_*) before the app is loaded: createApp reads them from there.
lepta.config.ts (or .mts/.js/.mjs) in the project directory: export default { addr: '0.0.0.0:8080' }
(or a function of { command, mode }); TypeScript works without a build step.`;

const flags = (values: Record<string, string | boolean | undefined>) =>
  Object.fromEntries(SETTINGS.map((s) => [s.flag, values[s.flag] as string | undefined]));

const COMMANDS: Record<string, Command> = {
  new: {
    usage: 'lepta new <dir> [--template basic|todo]',
    summary: 'create a project in a new (or empty) directory',
    options: { template: { type: 'string', short: 't', default: 'basic' } },
    details: `Templates:
  basic   a counter and one server function
  todo    the todo app (SQLite, forms that work without JavaScript, streaming)`,
    async run(values, positionals) {
      const [dir, ...extra] = positionals;
      if (!dir || extra.length) throw new CliError('expected one directory: lepta new <dir>');
      // newProject checks the name (and lists the templates when it is wrong).
      await newProject({ dir, template: values.template as Template });
    },
  },
  dev: {
    usage: 'lepta dev [--addr host:port] [settings]',
    summary: 'start the development server (Vite, with the project\'s vite.config.ts or plugins: [lepta()])',
    options: { ...ROOT_FLAG, ...SETTING_FLAGS },
    details: SETTINGS_DETAILS(),
    async run(values) {
      await dev({ root: values.root as string | undefined, flags: flags(values) });
    },
  },
  build: {
    usage: 'lepta build [--mode production]',
    summary: 'build dist/client and dist/server, precompress the client files (gzip, brotli)',
    options: { ...ROOT_FLAG, mode: { type: 'string' } },
    details: `Runs Vite's app build (client → dist/client, server → dist/server/entry-server.js), then writes
.gz and .br beside every text file of dist/client of 1 KiB or more, and prints their sizes.`,
    async run(values) {
      await build({ root: values.root as string | undefined, mode: values.mode as string | undefined });
    },
  },
  serve: {
    usage: 'lepta serve [--addr host:port] [--workers N] [settings]',
    summary: 'serve the built app (dist/) in production',
    options: { ...ROOT_FLAG, ...SETTING_FLAGS, workers: { type: 'string' } },
    details: `Serves dist/client (files under assets/ with a hash in their name: cached for a year, immutable;
others: no-cache; .br/.gz variants chosen by Accept-Encoding) and passes every other request to
the app (the default export of dist/server/entry-server.js). SIGTERM/SIGINT: stops accepting
connections, lets requests in flight finish (10 s at most), exits 0.
--workers N (or LEPTA_WORKERS): N processes sharing the address (node:cluster), for N cores.

${SETTINGS_DETAILS()}`,
    async run(values) {
      const count = Number(values.workers ?? process.env.LEPTA_WORKERS ?? 1);
      if (!Number.isInteger(count) || count < 1) throw new CliError(`--workers: expected a whole number ≥ 1, got ${String(values.workers ?? process.env.LEPTA_WORKERS)}`);
      if (count > 1 && !isServeWorker()) {
        process.exitCode = await runWorkers({ root: resolve((values.root as string | undefined) ?? '.'), count, flags: flags(values) });
        return;
      }
      await serve({ root: values.root as string | undefined, flags: flags(values) });
    },
  },
};

function version(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8')) as { version: string }).version;
}

function mainHelp(): string {
  const rows = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(7)} ${c.summary}`);
  return `lepta ${version()}: the Lepta framework's command line

Usage: lepta <command> [options]

Commands:
${rows.join('\n')}

Options for every command:
  -h, --help     this help, or a command's (lepta serve --help)
  --root <dir>   the project directory (dev, build, serve; default: the current one)
  -v, --version  the version

${SETTINGS_DETAILS()}`;
}

function commandHelp(command: Command): string {
  return `Usage: ${command.usage}\n\n${command.summary}\n\n${command.details}\n`;
}

export async function main(argv: string[], out: (text: string) => void = (t) => process.stdout.write(t + '\n')): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    const topic = name === 'help' ? rest[0] : undefined;
    out(topic && COMMANDS[topic] ? commandHelp(COMMANDS[topic]) : mainHelp());
    return 0;
  }
  if (name === '-v' || name === '--version') {
    out(version());
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) throw new CliError(`unknown command "${name}" (lepta --help lists them)`);
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: { ...HELP_FLAG, ...command.options }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  if (parsed.values.help) {
    out(commandHelp(command));
    return 0;
  }
  if (name !== 'new' && parsed.positionals.length) throw new CliError(`unexpected argument "${parsed.positionals[0]}" (lepta ${name} --help)`);
  await command.run(parsed.values as Record<string, string | boolean | undefined>, parsed.positionals);
  return 0;
}
