import { serverReference as _$serverReference } from "lepta/server-functions";
// @ts-nocheck


export const rename = /*#__PURE__*/ _$serverReference("1rhy7mtzdwui", { params: ["input"] });

export const remove = /*#__PURE__*/ _$serverReference("1f76fl162u8c", { params: ["arg0"], get: true });
