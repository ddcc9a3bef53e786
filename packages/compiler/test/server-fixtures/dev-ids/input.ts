// @ts-nocheck
export async function ping(n?: number) {
  'use server';
  return n;
}
