import { createComponent as _$createComponent, template as _$template, insert as _$insert, addEventListener as _$addEventListener, renderEffect as _$renderEffect, setProperty as _$setProperty, delegateEvents as _$delegateEvents } from "lepta/runtime";
import { registerServerFunction as _$registerServerFunction } from "lepta/server";
// @ts-nocheck
import { signal } from 'lepta';
import { sql } from './db';
import { Badge } from './ui';
import { renderEmail } from './email';
const _tmpl$0 = /*#__PURE__*/ _$template(`<p>Hello <!>, `);
const _tmpl$1 = /*#__PURE__*/ _$template(`<form><input>`);

export async function sendInvite(email: string, props: { name: string }) {
  'use server';
  const html = renderEmail(_$createComponent(Invite, { get name() { return props.name; } }));
  await sql`insert into invites values (${email}, ${html})`;
  return { sent: true };
}
_$registerServerFunction("3o15rxwt7yqp", sendInvite, {
  name: "sendInvite",
  params: ["email", "props"],
  fieldTypes: { "email": "string" },
  validate: (args) => {
    try {
      if (!Array.isArray(args)) return "args: expected array";
      if (args.length > 2) return "args: expected at most 2 arguments";
      const a0 = args[0];
      if (!(typeof a0 === "string")) return "args[0]: expected string";
      const a1 = args[1];
      if (!_$svObject(a1)) return "args[1]: expected object";
      for (const k2 in a1) if (k2 !== "name") return "args[1]: unexpected key " + JSON.stringify(k2);
      const v3 = _$svHas(a1, "name") ? a1.name : undefined;
      if (!(typeof v3 === "string")) return "args[1].name: expected string";
      return null;
    } catch {
      return "args: invalid value";
    }
  },
});

function Invite(props) {
  return (() => {
    const _el$0 = _tmpl$0();
    const _el$1 = _el$0.firstChild.nextSibling;
    _$insert(_el$0, () => props.name, _el$1);
    _$insert(_el$0, _$createComponent(Badge, { kind: "new" }), null);
    return _el$0;
  })();
}

export function InviteForm() {
  const [email, setEmail] = signal('');
  return (
    (() => {
      const _el$0 = _tmpl$1();
      const _el$1 = _el$0.firstChild;
      _$addEventListener(_el$0, "submit", () => sendInvite(email(), { name: 'x' }));
      _el$1.$$input = (e) => setEmail(e.currentTarget.value);
      _$insert(_el$0, _$createComponent(Badge, { kind: "invite" }), null);
      _$renderEffect((_p$) => {
        const _v$0 = email();
        _v$0 !== _p$ && _$setProperty(_el$1, "value", _v$0);
        return _v$0;
      });
      return _el$0;
    })()
  );
}

function _$svObject(v) {
  if (typeof v !== "object" || v === null) return false;
  const p = Object.getPrototypeOf(v);
  return p === Object.prototype || p === null;
}
function _$svHas(o, k) {
  return Object.prototype.hasOwnProperty.call(o, k);
}

_$delegateEvents(["input"]);
