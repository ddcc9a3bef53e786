// @ts-nocheck

import { serverReference as _$serverReference } from "lepta/server-functions";
import { users } from './db';

export const login = /*#__PURE__*/ _$serverReference("53uol0mza28a", { params: ["name", "password"] });

export const logout = /*#__PURE__*/ _$serverReference("2k39bptd75vk", { params: [] });

const whoAmI = /*#__PURE__*/ _$serverReference("42z0nfei9ga7", { params: [] });

async function internal() {
  return users.count();
}

export function version() {
  return 3;
}

const remove = /*#__PURE__*/ _$serverReference("1kil6pajw5md", { params: ["id"], get: true });
export default remove;

export { whoAmI };
