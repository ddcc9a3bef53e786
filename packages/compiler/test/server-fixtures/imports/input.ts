// @ts-nocheck
import fs, { readFileSync as read, existsSync } from 'node:fs';
import * as path from 'node:path';
import { db, type Row } from './db';
import { Client } from './client';
import type { Config } from './config';
import './polyfill';
import { unused } from './unused';

export async function load(name: string): Promise<Row[]> {
  'use server';
  const file = path.join('data', name);
  if (!existsSync(file)) return db.query(fs.readFileSync('x'));
  return JSON.parse(read(file, 'utf8'));
}

// Client code: a local `db` shadows the import (so the import is still server-only); `Client`
// is only a type here, but used outside server code, so it stays.
export function preview(rows: Row[], client: Client, config: Config) {
  const db = rows.length;
  return { db, read: config.read };
}

export const show = (existsSync: boolean) => existsSync;
