import { serverReference as _$serverReference } from "lepta/server-functions";
// @ts-nocheck
export const ping = /*#__PURE__*/ _$serverReference("src/api/ping.ts#ping", { params: ["n"] });
