// @ts-nocheck

import { serverReference as _$serverReference } from "lepta/server-functions";
import { format } from './format';

// Server-only helpers (one using another): gone from the client build, and their imports too.

// Used by client code too: kept.
function label(n: number) {
  return format(n);
}
export const summary = (n: number) => label(n);

export const list = /*#__PURE__*/ _$serverReference("1al42g44prl8", { params: [] });
