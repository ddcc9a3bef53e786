/**
 * A deterministic corpus of realistic TSX component modules: typed props, signals, lists,
 * conditionals, events, forms, nested components, SVG icons, tables, fragments.
 *
 * Only syntax both compilers give the same meaning is used (standard attributes, `onX`
 * handlers, `class`/`style`, components, `.map` and `<For>`/`<Show>`), so the two do the same
 * work. The same seed always yields the same text.
 */

/** A small seeded PRNG (mulberry32): the corpus must be identical from run to run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOUNS = ['user', 'order', 'invoice', 'product', 'task', 'project', 'comment', 'message', 'ticket', 'report', 'team', 'event'];
const ADJECTIVES = ['recent', 'pending', 'archived', 'starred', 'shared', 'draft', 'active', 'blocked'];
const FIELDS = ['name', 'title', 'email', 'status', 'owner', 'amount', 'created', 'priority', 'city', 'phone'];
const ICON_PATHS = [
  'M12 2L2 7l10 5 10-5-10-5z',
  'M4 6h16M4 12h16M4 18h16',
  'M5 13l4 4L19 7',
  'M6 18L18 6M6 6l12 12',
  'M12 4v16m8-8H4',
];

/** One generated module. */
export interface CorpusFile {
  filename: string;
  code: string;
}

const cap = (s: string): string => s[0]!.toUpperCase() + s.slice(1);

/** Generates modules until the corpus has at least `minLines` lines. */
export function generateCorpus(minLines = 2400, seed = 20240531): CorpusFile[] {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
  const files: CorpusFile[] = [];
  let lines = 0;
  for (let i = 0; lines < minLines; i++) {
    const noun = pick(NOUNS);
    const Noun = cap(noun) + i;
    const fields = [...new Set(Array.from({ length: int(3, 6) }, () => pick(FIELDS)))];
    const parts = [header(Noun, noun, fields), icon(Noun, pick, int), list(Noun, noun, fields, pick), table(Noun, noun, fields), form(Noun, fields, pick), card(Noun, noun, fields, pick)];
    const code = parts.join('\n');
    files.push({ filename: `src/components/${Noun}.tsx`, code });
    lines += code.split('\n').length;
  }
  return files;
}

function header(Noun: string, noun: string, fields: string[]): string {
  return `import { signal, memo, Show, For } from 'lepta';
import type { Accessor } from 'lepta';
import { Avatar, Badge, Button } from '../ui';

export interface ${Noun}Item {
  id: number;
${fields.map((f) => `  ${f}: string;`).join('\n')}
  selected?: boolean;
}

export interface ${Noun}ListProps {
  items: ${Noun}Item[];
  title: string;
  onSelect?: (item: ${Noun}Item) => void;
  compact?: boolean;
}

const format${Noun} = (item: ${Noun}Item): string => \`#\${item.id} \${item.${fields[0]}}\`;
const empty${Noun}Text = 'No ${noun}s yet';
`;
}

function icon(Noun: string, pick: <T>(xs: readonly T[]) => T, int: (a: number, b: number) => number): string {
  const size = int(16, 32);
  return `export function ${Noun}Icon(props: { size?: number; color?: string; label: string }) {
  return (
    <svg width={props.size ?? ${size}} height={props.size ?? ${size}} viewBox="0 0 24 24" fill="none" aria-label={props.label} role="img">
      <title>{props.label}</title>
      <path d="${pick(ICON_PATHS)}" stroke={props.color ?? 'currentColor'} stroke-width="2" stroke-linecap="round" />
      <circle cx="12" cy="12" r="${int(2, 9)}" stroke="currentColor" />
      <g opacity="0.5"><rect x="2" y="2" width="20" height="20" rx="4" /></g>
    </svg>
  );
}

export const ${Noun}Dot = (props: { x: number; y: number }) => <circle cx={props.x} cy={props.y} r="2" class="dot" />;
`;
}

function list(Noun: string, noun: string, fields: string[], pick: <T>(xs: readonly T[]) => T): string {
  const adj = pick(ADJECTIVES);
  return `export function ${Noun}List(props: ${Noun}ListProps) {
  const [filter, setFilter] = signal('');
  const [selected, setSelected] = signal<number | null>(null);
  const visible = memo(() => props.items.filter((item) => item.${fields[0]}.includes(filter())));
  const count: Accessor<number> = () => visible().length;
  return (
    <section class={props.compact ? '${noun}-list compact' : '${noun}-list'}>
      <header class="list-header">
        <h2>{props.title} <small>({count()} ${adj})</small></h2>
        <input type="search" placeholder="Filter ${noun}s…" value={filter()} onInput={(e) => setFilter(e.currentTarget.value)} />
      </header>
      <Show when={count() > 0} fallback={<p class="empty">{empty${Noun}Text}</p>}>
        <ul class="items">
          <For each={visible()}>
            {(item) => (
              <li class={item.id === selected() ? 'item selected' : 'item'} onClick={() => { setSelected(item.id); props.onSelect?.(item); }}>
                <${Noun}Icon size={16} label={item.${fields[0]}} />
                <span class="primary">{format${Noun}(item)}</span>
${fields.slice(1).map((f) => `                <span class="field-${f}" title="${f}">{item.${f}}</span>`).join('\n')}
                <Badge tone={item.selected ? 'success' : 'neutral'}>{item.selected ? 'selected' : '${adj}'}</Badge>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <footer>
        <Button onClick={() => setFilter('')} disabled={!filter()}>Clear</Button>
        <span class="total">Total: {props.items.length}</span>
      </footer>
    </section>
  );
}
`;
}

function table(Noun: string, noun: string, fields: string[]): string {
  return `export function ${Noun}Table(props: { rows: ${Noun}Item[]; sortBy: string; onSort: (field: string) => void }) {
  const sorted = memo(() => [...props.rows].sort((a, b) => String(a[props.sortBy as keyof ${Noun}Item]).localeCompare(String(b[props.sortBy as keyof ${Noun}Item]))));
  return (
    <table class="${noun}-table">
      <thead>
        <tr>
${fields.map((f) => `          <th class={props.sortBy === '${f}' ? 'sorted' : ''} onClick={() => props.onSort('${f}')}>${cap(f)}</th>`).join('\n')}
          <th>Actions</th>
        </tr>
      </thead>
      <tbody>
        {sorted().map((row, index) => (
          <tr class={index % 2 === 0 ? 'even' : 'odd'} data-id={row.id}>
${fields.map((f) => `            <td>{row.${f}}</td>`).join('\n')}
            <td>
              <button type="button" onClick={() => props.onSort('id')} aria-label={'Edit ' + row.id}>Edit</button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
`;
}

function form(Noun: string, fields: string[], pick: <T>(xs: readonly T[]) => T): string {
  return `export function ${Noun}Form(props: { initial?: Partial<${Noun}Item>; onSubmit: (value: Record<string, string>) => void }) {
  const [values, setValues] = signal<Record<string, string>>({});
  const [touched, setTouched] = signal(false);
  const update = (field: string, value: string) => setValues({ ...values(), [field]: value });
  return (
    <form class="${Noun.toLowerCase()}-form" onSubmit={(e) => { e.preventDefault(); props.onSubmit(values()); }}>
${fields
  .map(
    (f) => `      <label class="field">
        <span class="label">${cap(f)}</span>
        <input name="${f}" type="${f === 'email' ? 'email' : 'text'}" value={values()['${f}'] ?? props.initial?.${f} ?? ''} onInput={(e) => update('${f}', e.currentTarget.value)} onBlur={() => setTouched(true)} />
        {touched() && !values()['${f}'] ? <em class="error">${cap(f)} is required</em> : null}
      </label>`,
  )
  .join('\n')}
      <select name="kind" onChange={(e) => update('kind', e.currentTarget.value)}>
        {['${pick(ADJECTIVES)}', '${pick(ADJECTIVES)}', '${pick(ADJECTIVES)}'].map((k) => <option value={k}>{k}</option>)}
      </select>
      <div class="actions">
        <button type="submit" disabled={!touched()}>Save</button>
        <button type="reset" onClick={() => setValues({})}>Reset</button>
      </div>
    </form>
  );
}
`;
}

function card(Noun: string, noun: string, fields: string[], pick: <T>(xs: readonly T[]) => T): string {
  return `export const ${Noun}Card = (props: { item: ${Noun}Item; expanded: boolean; onToggle: () => void }) => {
  const initials = () => props.item.${fields[0]}.slice(0, 2).toUpperCase();
  return (
    <article class="card" style={{ 'border-color': props.expanded ? 'var(--accent)' : 'transparent' }}>
      <div class="card-head">
        <Avatar text={initials()} size={props.expanded ? 48 : 32} />
        <div class="titles">
          <h3>{props.item.${fields[0]}}</h3>
          <p class="sub">${cap(pick(ADJECTIVES))} ${noun} · {props.item.${fields[fields.length - 1]}}</p>
        </div>
        <button class="toggle" onClick={props.onToggle} aria-expanded={props.expanded}>
          {props.expanded ? 'Less' : 'More'}
        </button>
      </div>
      {props.expanded && (
        <>
          <dl class="details">
${fields.map((f) => `            <dt>${cap(f)}</dt>\n            <dd>{props.item.${f}}</dd>`).join('\n')}
          </dl>
          <p class="note">Last updated by <b>{props.item.${fields[0]}}</b>.</p>
        </>
      )}
    </article>
  );
};
`;
}
