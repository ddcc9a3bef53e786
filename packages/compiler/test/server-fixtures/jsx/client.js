import { template as _$template, addEventListener as _$addEventListener, insert as _$insert, createComponent as _$createComponent, renderEffect as _$renderEffect, setProperty as _$setProperty, delegateEvents as _$delegateEvents } from "lepta/runtime";
import { serverReference as _$serverReference } from "lepta/server-functions";
// @ts-nocheck
import { signal } from 'lepta';
import { Badge } from './ui';

const _tmpl$0 = /*#__PURE__*/ _$template(`<form><input>`);
export const sendInvite = /*#__PURE__*/ _$serverReference("3o15rxwt7yqp", { params: ["email", "props"] });


export function InviteForm() {
  const [email, setEmail] = signal('');
  return (
    (() => {
      const _el$0 = _tmpl$0();
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

_$delegateEvents(["input"]);
