import { serverReference as _$serverReference } from "lepta/server-functions";
// @ts-nocheck
import type { Row } from './db';
import { Client } from './client';
import type { Config } from './config';
import './polyfill';
import { unused } from './unused';

export const load = /*#__PURE__*/ _$serverReference("3akr9ia9kpo7", { params: ["name"] });

// Client code: a local `db` shadows the import (so the import is still server-only); `Client`
// is only a type here, but used outside server code, so it stays.
export function preview(rows: Row[], client: Client, config: Config) {
  const db = rows.length;
  return { db, read: config.read };
}

export const show = (existsSync: boolean) => existsSync;
