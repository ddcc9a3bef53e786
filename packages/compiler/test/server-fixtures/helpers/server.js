// @ts-nocheck

import { registerServerFunction as _$registerServerFunction } from "lepta/server";
import { db } from './db';
import { readFileSync } from 'node:fs';
import { format } from './format';

// Server-only helpers (one using another): gone from the client build, and their imports too.
const TABLE = 'todos';
function query(sql: string) {
  return db.run(sql + ' FROM ' + TABLE + load());
}
function load() {
  return readFileSync('schema.sql', 'utf8');
}
function recursive(n: number): number {
  return n <= 0 ? 0 : recursive(n - 1) + query('x').length;
}

// Used by client code too: kept.
function label(n: number) {
  return format(n);
}
export const summary = (n: number) => label(n);

export async function list(): Promise<string[]> {
  return query('SELECT *').concat(String(recursive(2)), label(1));
}
_$registerServerFunction("1al42g44prl8", list, {
  name: "list",
  params: [],
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
