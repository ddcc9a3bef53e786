import { registerServerFunction as _$registerServerFunction } from "lepta/server";
// @ts-nocheck
import type { User } from './user';

type Id = string;
type Status = 'open' | 'closed' | 404 | -1 | true | 10n;

interface Base {
  id: Id;
  created: Date;
}

interface Task extends Base {
  title: string;
  'due-date'?: Date | null;
  status: Status;
  subtasks: readonly Task[];
  meta: { [key: string]: number | boolean };
}

type Tree = { value: number; children: Array<Tree> } | null;

export async function everything(
  task: Task,
  tree: Tree,
  pair: [x: string, y?: number],
  head: [string, ...bigint[]],
  index: Map<Id, Set<number>>,
  files: (File | Blob)[],
  form: FormData,
  scores: Record<string, number>,
  anything: unknown,
  nothing: undefined | void,
  either: { kind: 'a'; a: string } | { kind: 'b'; b: number[] },
  limit = 10,
  ...rest: boolean[]
) {
  'use server';
}
_$registerServerFunction("1mowyyugaf4t", everything, {
  name: "everything",
  params: ["task", "tree", "pair", "head", "index", "files", "form", "scores", "anything", "nothing", "either", "limit", "rest"],
  fieldTypes: { "files": "file[]", "limit": "number", "rest": "boolean[]" },
  validate: (args) => {
    try {
      if (!Array.isArray(args)) return "args: expected array";
      const a0 = args[0];
      const r1 = _$sv$Task(a0);
      if (r1 !== null) return "args[0]" + r1;
      const a2 = args[1];
      const r3 = _$sv$Tree(a2);
      if (r3 !== null) return "args[1]" + r3;
      const a4 = args[2];
      if (!Array.isArray(a4) || a4.length < 1 || a4.length > 2) return "args[2]: expected tuple of length 1 to 2";
      const v5 = a4[0];
      if (!(typeof v5 === "string")) return "args[2][0]: expected string";
      const v6 = a4[1];
      if (v6 !== undefined) {
        if (!(Number.isFinite(v6))) return "args[2][1]: expected finite number";
      }
      const a7 = args[3];
      if (!Array.isArray(a7) || a7.length < 1) return "args[3]: expected tuple of length at least 1";
      const v8 = a7[0];
      if (!(typeof v8 === "string")) return "args[3][0]: expected string";
      for (let i9 = 1; i9 < a7.length; i9++) {
        const v10 = a7[i9];
        if (!(typeof v10 === "bigint")) return "args[3][" + i9 + "]: expected bigint";
      }
      const a11 = args[4];
      if (!(a11 instanceof Map)) return "args[4]: expected Map";
      let i12 = 0;
      for (const e13 of a11) {
        const v14 = e13[0], v15 = e13[1];
        if (!(typeof v14 === "string")) return "args[4].keys()[" + i12 + "]: expected string";
        if (!(v15 instanceof Set)) return "args[4].values()[" + i12 + "]: expected Set";
        let i16 = 0;
        for (const e17 of v15) {
          if (!(Number.isFinite(e17))) return "args[4].values()[" + i12 + "].values()[" + i16 + "]: expected finite number";
          i16++;
        }
        i12++;
      }
      const a18 = args[5];
      if (!Array.isArray(a18)) return "args[5]: expected array";
      for (let i19 = 0; i19 < a18.length; i19++) {
        const v20 = a18[i19];
        if (!(typeof File === "function" && v20 instanceof File || typeof Blob === "function" && v20 instanceof Blob)) return "args[5][" + i19 + "]: expected File | Blob";
      }
      const a21 = args[6];
      if (!(typeof FormData === "function" && a21 instanceof FormData)) return "args[6]: expected FormData";
      const a22 = args[7];
      if (!_$svObject(a22)) return "args[7]: expected object";
      for (const k23 in a22) {
        const v24 = a22[k23];
        if (!(Number.isFinite(v24))) return "args[7][" + JSON.stringify(k23) + "]: expected finite number";
      }
      const a25 = args[9];
      if (!(a25 === undefined)) return "args[9]: expected undefined";
      const a26 = args[10];
      if (!(_$sv$0(a26) === null || _$sv$1(a26) === null)) return "args[10]: expected { kind, a } | { kind, b }";
      const a27 = args[11];
      if (a27 !== undefined) {
        if (!(Number.isFinite(a27))) return "args[11]: expected finite number";
      }
      for (let i28 = 12; i28 < args.length; i28++) {
        const a29 = args[i28];
        if (!(typeof a29 === "boolean")) return "args[" + i28 + "]: expected boolean";
      }
      return null;
    } catch {
      return "args: invalid value";
    }
  },
});

export async function unchecked<T>(user: User, value: T, untyped, both: Base & { x: 1 }, fn: () => void) {
  'use server';
}
_$registerServerFunction("2t5pzp91zgcw", unchecked, {
  name: "unchecked",
  params: ["user", "value", "untyped", "both", "fn"],
  validate: (args) => {
    try {
      if (!Array.isArray(args)) return "args: expected array";
      if (args.length > 5) return "args: expected at most 5 arguments";
      return null;
    } catch {
      return "args: invalid value";
    }
  },
});

interface Box<T> {
  value: T;
}
export async function generic(box: Box<string>, ok: string) {
  'use server';
}
_$registerServerFunction("3moa6qldpguf", generic, {
  name: "generic",
  params: ["box", "ok"],
  fieldTypes: { "ok": "string" },
  validate: (args) => {
    try {
      if (!Array.isArray(args)) return "args: expected array";
      if (args.length > 2) return "args: expected at most 2 arguments";
      const a0 = args[1];
      if (!(typeof a0 === "string")) return "args[1]: expected string";
      return null;
    } catch {
      return "args: invalid value";
    }
  },
});

function _$sv$Task(v) {
  if (!_$svObject(v)) return ": expected Task";
  for (const k0 in v) if (k0 !== "id" && k0 !== "created" && k0 !== "title" && k0 !== "due-date" && k0 !== "status" && k0 !== "subtasks" && k0 !== "meta") return ": unexpected key " + JSON.stringify(k0);
  const v1 = _$svHas(v, "id") ? v.id : undefined;
  if (!(typeof v1 === "string")) return ".id: expected string";
  const v2 = _$svHas(v, "created") ? v.created : undefined;
  if (!(_$svDate(v2))) return ".created: expected valid Date";
  const v3 = _$svHas(v, "title") ? v.title : undefined;
  if (!(typeof v3 === "string")) return ".title: expected string";
  const v4 = _$svHas(v, "due-date") ? v["due-date"] : undefined;
  if (v4 !== undefined) {
    if (!(_$svDate(v4) || v4 === null)) return "[\"due-date\"]: expected valid Date | null";
  }
  const v5 = _$svHas(v, "status") ? v.status : undefined;
  if (!(v5 === "open" || v5 === "closed" || v5 === 404 || v5 === -1 || v5 === true || v5 === 10n)) return ".status: expected \"open\" | \"closed\" | 404 | -1 | true | 10n";
  const v6 = _$svHas(v, "subtasks") ? v.subtasks : undefined;
  if (!Array.isArray(v6)) return ".subtasks: expected array";
  for (let i7 = 0; i7 < v6.length; i7++) {
    const v8 = v6[i7];
    const r9 = _$sv$Task(v8);
    if (r9 !== null) return ".subtasks[" + i7 + "]" + r9;
  }
  const v10 = _$svHas(v, "meta") ? v.meta : undefined;
  if (!_$svObject(v10)) return ".meta: expected object";
  for (const k11 in v10) {
    const v12 = v10[k11];
    if (!(Number.isFinite(v12) || typeof v12 === "boolean")) return ".meta[" + JSON.stringify(k11) + "]: expected finite number | boolean";
  }
  return null;
}
function _$sv$Tree(v) {
  if (!(v === null)) {
    if (!_$svObject(v)) return ": expected object";
    for (const k0 in v) if (k0 !== "value" && k0 !== "children") return ": unexpected key " + JSON.stringify(k0);
    const v1 = _$svHas(v, "value") ? v.value : undefined;
    if (!(Number.isFinite(v1))) return ".value: expected finite number";
    const v2 = _$svHas(v, "children") ? v.children : undefined;
    if (!Array.isArray(v2)) return ".children: expected array";
    for (let i3 = 0; i3 < v2.length; i3++) {
      const v4 = v2[i3];
      const r5 = _$sv$Tree(v4);
      if (r5 !== null) return ".children[" + i3 + "]" + r5;
    }
  }
  return null;
}
function _$sv$0(v) {
  if (!_$svObject(v)) return ": expected object";
  for (const k0 in v) if (k0 !== "kind" && k0 !== "a") return ": unexpected key " + JSON.stringify(k0);
  const v1 = _$svHas(v, "kind") ? v.kind : undefined;
  if (!(v1 === "a")) return ".kind: expected \"a\"";
  const v2 = _$svHas(v, "a") ? v.a : undefined;
  if (!(typeof v2 === "string")) return ".a: expected string";
  return null;
}
function _$sv$1(v) {
  if (!_$svObject(v)) return ": expected object";
  for (const k0 in v) if (k0 !== "kind" && k0 !== "b") return ": unexpected key " + JSON.stringify(k0);
  const v1 = _$svHas(v, "kind") ? v.kind : undefined;
  if (!(v1 === "b")) return ".kind: expected \"b\"";
  const v2 = _$svHas(v, "b") ? v.b : undefined;
  if (!Array.isArray(v2)) return ".b: expected array";
  for (let i3 = 0; i3 < v2.length; i3++) {
    const v4 = v2[i3];
    if (!(Number.isFinite(v4))) return ".b[" + i3 + "]: expected finite number";
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
function _$svDate(v) {
  return v instanceof Date && !Number.isNaN(Date.prototype.getTime.call(v));
}

// warnings:
// 40:42 LEPTA_SERVER_UNVALIDATED: Parameter `user` of server function `unchecked` is not validated: `User` is imported (only types declared in this module are checked). Pass a schema to check it: `validated(schema, async (user) => { 'use server'; … })`.
// 40:55 LEPTA_SERVER_UNVALIDATED: Parameter `value` of server function `unchecked` is not validated: `T` is a type parameter (generic functions cannot be checked). Pass a schema to check it: `validated(schema, async (value) => { 'use server'; … })`.
// 40:58 LEPTA_SERVER_UNVALIDATED: Parameter `untyped` of server function `unchecked` is not validated: it has no type annotation. Pass a schema to check it: `validated(schema, async (untyped) => { 'use server'; … })`.
// 40:73 LEPTA_SERVER_UNVALIDATED: Parameter `both` of server function `unchecked` is not validated: an intersection type cannot be checked. Pass a schema to check it: `validated(schema, async (both) => { 'use server'; … })`.
// 40:94 LEPTA_SERVER_UNVALIDATED: Parameter `fn` of server function `unchecked` is not validated: a function type cannot be checked. Pass a schema to check it: `validated(schema, async (fn) => { 'use server'; … })`.
// 47:36 LEPTA_SERVER_UNVALIDATED: Parameter `box` of server function `generic` is not validated: generic type `Box` cannot be checked. Pass a schema to check it: `validated(schema, async (box) => { 'use server'; … })`.
