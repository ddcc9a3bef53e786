/**
 * The database: one SQLite file through @libsql/client (embedded, no server to run). Server-only:
 * only `src/api.ts`'s server-function bodies import it, so the compiler drops it from the
 * browser build.
 *
 * The file is `LEPTA_TODO_DB`, else `todos.db` in the directory the server was started from
 * (`npm run dev` / `npm start` run in the project folder). It is created and migrated on first
 * use.
 */
import { resolve } from 'node:path';
import { createClient, type Client, type Row } from '@libsql/client';
import type { Todo } from './todo.js';

/**
 * Schema changes, in order; `PRAGMA user_version` records how many ran, so a database made by an
 * older version of the app is brought up to date and a current one is left alone.
 */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE todos (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     title TEXT NOT NULL,
     completed INTEGER NOT NULL DEFAULT 0,
     created_at INTEGER NOT NULL
   )`,
];

let ready: Promise<Client> | undefined;

/**
 * The migrated client. Requests arriving together on a fresh start share one promise, so the
 * migrations run once rather than racing each other; a failure is not cached (the next request
 * tries again).
 */
export function db(): Promise<Client> {
  ready ??= open().catch((error: unknown) => {
    ready = undefined;
    throw error;
  });
  return ready;
}

async function open(): Promise<Client> {
  const path = resolve(process.env.LEPTA_TODO_DB || 'todos.db');
  const client = createClient({ url: 'file:' + path });
  try {
    await migrate(client);
  } catch (error) {
    client.close();
    throw error;
  }
  return client;
}

async function migrate(client: Client): Promise<void> {
  // A write transaction takes SQLite's write lock first, so two processes starting on the same
  // file cannot both apply the same migration.
  const tx = await client.transaction('write');
  try {
    const version = Number((await tx.execute('PRAGMA user_version')).rows[0]?.[0] ?? 0);
    for (let i = version; i < MIGRATIONS.length; i++) await tx.execute(MIGRATIONS[i]!);
    // PRAGMA takes no bound parameters; the value is our own integer.
    if (version < MIGRATIONS.length) await tx.execute(`PRAGMA user_version = ${MIGRATIONS.length}`);
    await tx.commit();
  } finally {
    tx.close();
  }
}

/** A `todos` row as the app sees it. */
export function toTodo(row: Row): Todo {
  return {
    id: Number(row.id),
    title: String(row.title),
    completed: Number(row.completed) === 1,
    createdAt: new Date(Number(row.created_at)),
  };
}

export const COLUMNS = 'id, title, completed, created_at';
