import { registerServerFunction as _$registerServerFunction } from "lepta/server";
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
_$registerServerFunction("1aehsjdevdu0", addTodo, {
  name: "addTodo",
  params: ["title", "done"],
  fieldTypes: { "title": "string", "done": "boolean" },
  validate: (args) => {
    try {
      if (!Array.isArray(args)) return "args: expected array";
      if (args.length > 2) return "args: expected at most 2 arguments";
      const a0 = args[0];
      if (!(typeof a0 === "string")) return "args[0]: expected string";
      const a1 = args[1];
      if (a1 !== undefined) {
        if (!(typeof a1 === "boolean")) return "args[1]: expected boolean";
      }
      return null;
    } catch {
      return "args: invalid value";
    }
  },
});

export async function listTodos(): Promise<Todo[]> {
  'use server';
  'use get';
  return JSON.parse(await readFile('todos.json', 'utf8'));
}
_$registerServerFunction("290lpwkl1jj1", listTodos, {
  name: "listTodos",
  params: [],
  get: true,
  validate: (args) => {
    try {
      if (!Array.isArray(args)) return "args: expected array";
      if (args.length > 0) return "args: expected no arguments";
      return null;
    } catch {
      return "args: invalid value";
    }
  },
});

export const saveTodo = async (todo: Todo, note: string | null = null) => {
  'use server';
  await db.save(todo, note);
};
_$registerServerFunction("3d2krxq4o2m0", saveTodo, {
  name: "saveTodo",
  params: ["todo", "note"],
  fieldTypes: { "note": "string" },
  validate: (args) => {
    try {
      if (!Array.isArray(args)) return "args: expected array";
      if (args.length > 2) return "args: expected at most 2 arguments";
      const a0 = args[0];
      const r1 = _$sv$Todo(a0);
      if (r1 !== null) return "args[0]" + r1;
      const a2 = args[1];
      if (a2 !== undefined) {
        if (!(typeof a2 === "string" || a2 === null)) return "args[1]: expected string | null";
      }
      return null;
    } catch {
      return "args: invalid value";
    }
  },
});

let _$schema$rename;
export const rename = (_$schema$rename = RenameInput, async (input) => {
  'use server';
  return db.rename(input.id, format(input.title));
});
_$registerServerFunction("1rhy7mtzdwui", rename, {
  name: "rename",
  params: ["input"],
  formShape: "object",
  schema: _$schema$rename,
});

export function label(todo: Todo) {
  return format(todo.title);
}

function _$sv$Todo(v) {
  if (!_$svObject(v)) return ": expected Todo";
  for (const k0 in v) if (k0 !== "id" && k0 !== "title" && k0 !== "done" && k0 !== "tags") return ": unexpected key " + JSON.stringify(k0);
  const v1 = _$svHas(v, "id") ? v.id : undefined;
  if (!(Number.isFinite(v1))) return ".id: expected finite number";
  const v2 = _$svHas(v, "title") ? v.title : undefined;
  if (!(typeof v2 === "string")) return ".title: expected string";
  const v3 = _$svHas(v, "done") ? v.done : undefined;
  if (v3 !== undefined) {
    if (!(typeof v3 === "boolean")) return ".done: expected boolean";
  }
  const v4 = _$svHas(v, "tags") ? v.tags : undefined;
  if (!Array.isArray(v4)) return ".tags: expected array";
  for (let i5 = 0; i5 < v4.length; i5++) {
    const v6 = v4[i5];
    if (!(typeof v6 === "string")) return ".tags[" + i5 + "]: expected string";
  }
  return null;
}
function _$svObject(v) {
  if (typeof v !== "object" || v === null) return false;
  const p = Object.getPrototypeOf(v);
  return p === Object.prototype || p === null;
}
function _$svHas(o, k) {
  return Object.prototype.hasOwnProperty.call(o, k);
}
