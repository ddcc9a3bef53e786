import { registerServerFunction as _$registerServerFunction } from "lepta/server";
// @ts-nocheck
import { validated as v } from 'lepta';
import { z } from 'zod';
import { store } from './store';

const Input = z.object({ id: z.string() });

let _$schema$rename;
export const rename = (_$schema$rename = Input, async (input) => {
  'use server';
  return store.rename(input.id);
});
_$registerServerFunction("1rhy7mtzdwui", rename, {
  name: "rename",
  params: ["input"],
  formShape: "object",
  schema: _$schema$rename,
});

let _$schema$remove;
export const remove = (_$schema$remove = z.object({ id: z.string() }),
  async ({ id }) => {
    'use server';
    'use get';
    return store.remove(id);
  });
_$registerServerFunction("1f76fl162u8c", remove, {
  name: "remove",
  params: ["arg0"],
  get: true,
  formShape: "object",
  schema: _$schema$remove,
});
