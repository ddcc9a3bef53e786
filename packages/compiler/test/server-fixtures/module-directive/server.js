// @ts-nocheck

import { registerServerFunction as _$registerServerFunction } from "lepta/server";
import { hash } from 'node:crypto';
import { users } from './db';

export async function login(name: string, password: string) {
  return users.check(name, hash('sha256', password));
}
_$registerServerFunction("53uol0mza28a", login, {
  name: "login",
  params: ["name", "password"],
  fieldTypes: { "name": "string", "password": "string" },
  validate: (args) => {
    try {
      if (!Array.isArray(args)) return "args: expected array";
      if (args.length > 2) return "args: expected at most 2 arguments";
      const a0 = args[0];
      if (!(typeof a0 === "string")) return "args[0]: expected string";
      const a1 = args[1];
      if (!(typeof a1 === "string")) return "args[1]: expected string";
      return null;
    } catch {
      return "args: invalid value";
    }
  },
});

export const logout = async () => {
  await users.logout();
};
_$registerServerFunction("2k39bptd75vk", logout, {
  name: "logout",
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

async function whoAmI(): Promise<string> {
  return users.current();
}
_$registerServerFunction("42z0nfei9ga7", whoAmI, {
  name: "whoAmI",
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

async function internal() {
  return users.count();
}

export function version() {
  return 3;
}

export default async function remove(id: number) {
  'use get';
  return users.remove(id);
}
_$registerServerFunction("1kil6pajw5md", remove, {
  name: "default",
  params: ["id"],
  get: true,
  fieldTypes: { "id": "number" },
  validate: (args) => {
    try {
      if (!Array.isArray(args)) return "args: expected array";
      if (args.length > 1) return "args: expected at most 1 argument";
      const a0 = args[0];
      if (!(Number.isFinite(a0))) return "args[0]: expected finite number";
      return null;
    } catch {
      return "args: invalid value";
    }
  },
});

export { whoAmI };
