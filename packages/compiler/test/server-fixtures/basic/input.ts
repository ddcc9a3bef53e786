// @ts-nocheck
import { readFile } from 'node:fs/promises';
import { db } from './db';
import { format } from './format';
import { validated } from 'lepta';
import { RenameInput } from './schemas';

interface Todo {
  id: number;
  title: string;
  done?: boolean;
  tags: string[];
}

export async function addTodo(title: string, done?: boolean): Promise<Todo> {
  'use server';
  const todo = await db.insert({ title, done: done ?? false });
  return todo;
}

export async function listTodos(): Promise<Todo[]> {
  'use server';
  'use get';
  return JSON.parse(await readFile('todos.json', 'utf8'));
}

export const saveTodo = async (todo: Todo, note: string | null = null) => {
  'use server';
  await db.save(todo, note);
};

export const rename = validated(RenameInput, async (input) => {
  'use server';
  return db.rename(input.id, format(input.title));
});

export function label(todo: Todo) {
  return format(todo.title);
}
