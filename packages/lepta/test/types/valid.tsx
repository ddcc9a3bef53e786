/**
 * Usages that must type-check. Never run: only `tsc -p packages/lepta/test/types` reads this.
 */
import {
  Dynamic,
  ErrorBoundary,
  For,
  Index,
  Match,
  Portal,
  Show,
  Switch,
  mergeProps,
  signal,
  splitProps,
  type Component,
  type JSX,
  type ParentProps,
} from 'lepta';

interface User {
  name: string;
  age: number;
}
declare const user: () => User | undefined;
declare const users: () => User[];
const [text, setText] = signal('');
const [amount, setAmount] = signal(0);
const [done, setDone] = signal(false);
const [picked, setPicked] = signal<string[]>([]);
const [choice, setChoice] = signal('a');

// Elements, attributes, and per-element attributes.
export const elements: JSX.Element = (
  <div id="main" class="box" title="t" tabindex={0} hidden={false} style="color: red" data-anything="x" aria-label="Main">
    <a href="/about" target="_blank" rel="noopener" download>about</a>
    <img src="/a.png" alt="A" width={10} height="10" loading="lazy" />
    <form action="/save" method="post" enctype="multipart/form-data" novalidate>
      <label for="name">Name</label>
      <input id="name" type="text" value={text()} placeholder="Ada" required maxlength={20} autocomplete="name" />
      <input type="checkbox" checked={done()} disabled />
      <select name="pick" value="b" multiple={false}>
        <optgroup label="letters">
          <option value="a" selected>A</option>
          <option value="b">B</option>
        </optgroup>
      </select>
      <textarea rows={3} cols={40} wrap="soft" value={text()} />
      <button type="submit" disabled={!text()}>Save</button>
    </form>
    <table>
      <tbody>
        <tr>
          <th scope="col" colspan={2}>h</th>
          <td rowspan={2}>d</td>
        </tr>
      </tbody>
    </table>
    <video src="/v.mp4" controls autoplay muted playsinline poster="/p.png" />
    <ol start={3} reversed type="a">
      <li value={3}>three</li>
    </ol>
    <style>{'.box { color: red }'}</style>
    {text()}
    {1}
    {null}
    {undefined}
    {false}
    {[<span />, 'text', 2, [<b />]]}
    {() => text()}
  </div>
);

// Style objects.
export const styled = <p style={{ color: 'red', 'font-size': '12px', '--gap': 4 }} />;

// Events: the event type and currentTarget follow the element and the event.
export const events = (
  <div>
    <button
      onClick={(e) => {
        const x: number = e.clientX;
        const el: HTMLButtonElement = e.currentTarget;
        return [x, el];
      }}
      onKeyDown={(e) => e.key === 'Enter'}
      onFocusIn={(e: FocusEvent) => e.relatedTarget}
      onDblClick={[(id: number, e) => id + e.clientX, 42]}
    />
    <input onInput={(e) => setText(e.currentTarget.value)} onChange={(e) => e.currentTarget.checked} />
    <form onSubmit={(e) => e.submitter} />
    <div onWheel={(e) => e.deltaY} onPointerDown={(e) => e.pointerId} onTransitionEnd={(e) => e.propertyName} />
  </div>
);

// Directives.
export const directives = (
  <div
    on:click={(e) => e.clientX}
    on:scroll={[(e) => e.currentTarget.scrollTop, { passive: true }]}
    on:my-event={(e: CustomEvent<number>) => e.detail}
    on:custom={(e) => e.type}
    prop:value={1}
    prop:foo={{ any: 'thing' }}
    class:active={done()}
    class:hidden={null}
    style:color="red"
    style:opacity={0.5}
    style:margin={null}
    attr:data-x="1"
    attr:count={3}
    ref={(el) => el.getBoundingClientRect()}
    innerHTML="<b>raw</b>"
  />
);

// Bindings.
export const bindings = (
  <div>
    <input bind:value={[text, setText]} />
    <input type="number" bind:value={[amount, setAmount]} />
    <input type="checkbox" bind:checked={[done, setDone]} />
    <input type="checkbox" value="a" bind:group={[picked, setPicked]} />
    <input type="radio" value="a" bind:group={[choice, setChoice]} />
    <select bind:value={[choice, setChoice]} />
    <select multiple bind:value={[picked, setPicked]} />
    <textarea bind:value={[text, setText]} />
  </div>
);

// Refs: a callback or a signal setter.
const [, setCanvas] = signal<HTMLCanvasElement>();
export const refs = (
  <div>
    <canvas ref={setCanvas} width={100} />
    <input ref={(el) => el.focus()} />
  </div>
);

// SVG.
export const svg = (
  <svg viewBox="0 0 10 10" width={100} height="100" xmlns="http://www.w3.org/2000/svg" onClick={(e) => e.currentTarget.viewBox}>
    <defs>
      <linearGradient id="g" x1="0" x2="1" gradientUnits="userSpaceOnUse">
        <stop offset="0%" stop-color="red" />
        <stop offset={1} stop-color="blue" stop-opacity={0.5} />
      </linearGradient>
      <clipPath id="clip" clipPathUnits="objectBoundingBox">
        <rect x={0} y={0} width={1} height={1} rx={0.1} />
      </clipPath>
    </defs>
    <g transform="translate(1 1)" fill="url(#g)" stroke="black" stroke-width={2} class:on={done()}>
      <path d="M0 0L10 10" stroke-linecap="round" />
      <circle cx={5} cy={5} r={2} ref={(c) => c.r.baseVal.value} />
      <ellipse cx={5} cy={5} rx={2} ry={1} />
      <line x1={0} y1={0} x2={10} y2={10} />
      <polyline points="0,0 1,1" fill="none" />
      <polygon points="0,0 1,1 1,0" />
      <text x={1} y={2} text-anchor="middle" font-size={3}>
        label<tspan dy={1}>sub</tspan>
      </text>
      <use href="#clip" x={1} />
      <image href="/a.png" width={1} height={1} />
    </g>
  </svg>
);

// Components: props, children, and defaults with mergeProps/splitProps.
function Greet(props: { name: string; excited?: boolean }) {
  const merged = mergeProps({ excited: false }, props);
  const ok: boolean = merged.excited;
  return <p>Hello {props.name}{ok ? '!' : '.'}</p>;
}
const Card: Component<ParentProps<{ title: string }>> = (props) => (
  <section>
    <h2>{props.title}</h2>
    {props.children}
  </section>
);
function Field(props: { label: string } & JSX.HTMLAttributes<HTMLInputElement>) {
  const [local, rest] = splitProps(props, ['label']);
  return (
    <label>
      {local.label}
      <input {...rest} />
    </label>
  );
}
export const components = (
  <Card title="Hi">
    <Greet name="Ada" />
    <Greet name="Grace" excited />
    <Field label="Name" id="name" onInput={(e) => e.currentTarget.value} />
  </Card>
);

// Control flow.
export const flow = (
  <div>
    <Show when={user()} fallback={<p>Nobody</p>}>
      {(u) => <p>{u().name}</p>}
    </Show>
    <Show when={user()} keyed>
      {(u) => <p>{u.age}</p>}
    </Show>
    <Show when={user()}>
      <p>static children</p>
    </Show>
    <Show when={done()}>{() => text()}</Show>
    <For each={users()} key={(u) => u.name} fallback={<p>none</p>}>
      {(u, i) => (
        <li>
          {i() + 1}. {u.name}
        </li>
      )}
    </For>
    <Index each={users()}>{(u, i) => <li data-i={i}>{u().age}</li>}</Index>
    <Switch fallback={<p>none</p>}>
      <Match when={user()}>{(u) => <p>{u().name}</p>}</Match>
      <Match when={done()}>
        <p>done</p>
      </Match>
    </Switch>
    <ErrorBoundary fallback={(err, reset) => <button onClick={reset}>{String(err)}</button>}>
      <Greet name="x" />
    </ErrorBoundary>
    <ErrorBoundary fallback={<p>failed</p>}>
      <Greet name="y" />
    </ErrorBoundary>
    <Dynamic component="h1" class="title">
      text
    </Dynamic>
    <Dynamic component={Greet} name="Ada" />
    <Portal mount={document.body} useShadow>
      <p>elsewhere</p>
    </Portal>
  </div>
);
