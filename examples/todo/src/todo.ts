/**
 * The shape both sides agree on. Kept out of the `"use server"` module (whose exports are all
 * server functions) so the page can import the type without importing the functions' module
 * for it.
 */
export interface Todo {
  id: number;
  title: string;
  completed: boolean;
  /** A `Date` in the browser too: server-function results cross over with seroval. */
  createdAt: Date;
}

/** The longest title `addTodo` accepts. */
export const MAX_TITLE = 200;
