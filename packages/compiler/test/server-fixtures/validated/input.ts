// @ts-nocheck
import { validated as v } from 'lepta';
import { z } from 'zod';
import { store } from './store';

const Input = z.object({ id: z.string() });

export const rename = v(Input, async (input) => {
  'use server';
  return store.rename(input.id);
});

export const remove = v<{ id: string }>(
  z.object({ id: z.string() }),
  async ({ id }) => {
    'use server';
    'use get';
    return store.remove(id);
  },
);
