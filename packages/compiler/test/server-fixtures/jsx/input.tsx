// @ts-nocheck
import { signal } from 'lepta';
import { sql } from './db';
import { Badge } from './ui';
import { renderEmail } from './email';

export async function sendInvite(email: string, props: { name: string }) {
  'use server';
  const html = renderEmail(<Invite name={props.name} />);
  await sql`insert into invites values (${email}, ${html})`;
  return { sent: true };
}

function Invite({ name }) {
  return <p>Hello {name}, <Badge kind="new" /></p>;
}

export function InviteForm() {
  const [email, setEmail] = signal('');
  return (
    <form onSubmit={() => sendInvite(email(), { name: 'x' })}>
      <input value={email()} onInput={(e) => setEmail(e.currentTarget.value)} />
      <Badge kind="invite" />
    </form>
  );
}
