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

export async function unchecked<T>(user: User, value: T, untyped, both: Base & { x: 1 }, fn: () => void) {
  'use server';
}

interface Box<T> {
  value: T;
}
export async function generic(box: Box<string>, ok: string) {
  'use server';
}
