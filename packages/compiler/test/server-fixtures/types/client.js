import { serverReference as _$serverReference } from "lepta/server-functions";
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

export const everything = /*#__PURE__*/ _$serverReference("1mowyyugaf4t", { params: ["task", "tree", "pair", "head", "index", "files", "form", "scores", "anything", "nothing", "either", "limit", "rest"] });

export const unchecked = /*#__PURE__*/ _$serverReference("2t5pzp91zgcw", { params: ["user", "value", "untyped", "both", "fn"] });

interface Box<T> {
  value: T;
}
export const generic = /*#__PURE__*/ _$serverReference("3moa6qldpguf", { params: ["box", "ok"] });
