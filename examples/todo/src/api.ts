/**
 * The server functions. In the browser build each export is a reference calling its endpoint
 * (`/_server/<id>`); the database import is not there at all. Their parameter types are checked
 * before they run (a string title, a numeric id), and form fields are coerced by them, which is
 * how the `<ActionForm>`s' hidden `id` inputs arrive as numbers.
 */
'use server';
import { ServerFunctionError } from 'lepta/server';
import { COLUMNS, db, toTodo } from './db.js';
import { MAX_TITLE, type Todo } from './todo.js';

/**
 * `LEPTA_TODO_DELAY_MS`: an artificial delay before listing and adding, so the demo (and the
 * test) can see the list stream in after the page's shell and the pending additions shown before
 * the server answers. Read on each call, so it can be set without a rebuild.
 */
async function delay(): Promise<void> {
  const ms = Number(process.env.LEPTA_TODO_DELAY_MS ?? 0);
  if (Number.isFinite(ms) && ms > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(ms, 10_000)));
}

export async function listTodos(): Promise<Todo[]> {
  'use get';
  await delay();
  const client = await db();
  const result = await client.execute(`SELECT ${COLUMNS} FROM todos ORDER BY id`);
  return result.rows.map(toTodo);
}

/** Adds a todo; a blank or overlong title is refused with 400 and a message the page shows. */
export async function addTodo(title: string): Promise<Todo> {
  await delay();
  const clean = title.trim();
  if (clean === '') throw new ServerFunctionError('A title is required', { status: 400 });
  // Counted in code points, as a reader would count the characters.
  if ([...clean].length > MAX_TITLE) throw new ServerFunctionError(`A title is at most ${MAX_TITLE} characters`, { status: 400 });
  const client = await db();
  const result = await client.execute({
    sql: `INSERT INTO todos (title, completed, created_at) VALUES (?, 0, ?) RETURNING ${COLUMNS}`,
    args: [clean, Date.now()],
  });
  return toTodo(result.rows[0]!);
}

/** Flips a todo's `completed`; an unknown id is a 404 (it may have been deleted meanwhile). */
export async function toggleTodo(id: number): Promise<Todo> {
  const client = await db();
  const result = await client.execute({
    sql: `UPDATE todos SET completed = 1 - completed WHERE id = ? RETURNING ${COLUMNS}`,
    args: [id],
  });
  if (result.rows.length === 0) throw new ServerFunctionError('No such todo', { status: 404 });
  return toTodo(result.rows[0]!);
}

/** Deletes a todo; deleting one already gone is not an error (the outcome is the same). */
export async function deleteTodo(id: number): Promise<void> {
  const client = await db();
  await client.execute({ sql: 'DELETE FROM todos WHERE id = ?', args: [id] });
}
