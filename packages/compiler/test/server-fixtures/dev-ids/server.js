import { registerServerFunction as _$registerServerFunction } from "lepta/server";
// @ts-nocheck
export async function ping(n?: number) {
  'use server';
  return n;
}
_$registerServerFunction("src/api/ping.ts#ping", ping, {
  name: "ping",
  params: ["n"],
  fieldTypes: { "n": "number" },
  validate: (args) => {
    try {
      if (!Array.isArray(args)) return "args: expected array";
      if (args.length > 1) return "args: expected at most 1 argument";
      const a0 = args[0];
      if (a0 !== undefined) {
        if (!(Number.isFinite(a0))) return "args[0]: expected finite number";
      }
      return null;
    } catch {
      return "args: invalid value";
    }
  },
});
