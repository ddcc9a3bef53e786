import { serverReference as _$serverReference } from "lepta/server-functions";
// @ts-nocheck
import { format } from './format';

interface Todo {
  id: number;
  title: string;
  done?: boolean;
  tags: string[];
}

export const addTodo = /*#__PURE__*/ _$serverReference("1aehsjdevdu0", { params: ["title", "done"] });

export const listTodos = /*#__PURE__*/ _$serverReference("290lpwkl1jj1", { params: [], get: true });

export const saveTodo = /*#__PURE__*/ _$serverReference("3d2krxq4o2m0", { params: ["todo", "note"] });

export const rename = /*#__PURE__*/ _$serverReference("1rhy7mtzdwui", { params: ["input"] });

export function label(todo: Todo) {
  return format(todo.title);
}
