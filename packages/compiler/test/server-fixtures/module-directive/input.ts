// @ts-nocheck
'use server';
import { hash } from 'node:crypto';
import { users } from './db';

export async function login(name: string, password: string) {
  return users.check(name, hash('sha256', password));
}

export const logout = async () => {
  await users.logout();
};

async function whoAmI(): Promise<string> {
  return users.current();
}

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

export { whoAmI };
