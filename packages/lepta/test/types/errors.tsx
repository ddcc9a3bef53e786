/**
 * Usages that must not type-check: each `@ts-expect-error` must be needed, and for the reason
 * its comment names (checked by removing it once). Never run.
 */
import { For, Show, signal } from 'lepta';

declare const user: () => { id: number; name: string } | undefined;
const [count, setCount] = signal(0);

function Greet(props: { name: string; times?: number }) {
  return <p>{props.name}</p>;
}

// Unknown attribute on a div.
// @ts-expect-error Property 'foo' does not exist
export const unknownAttribute = <div foo="x" />;

// Per-element attributes: `href` belongs to <a>, not <div>.
// @ts-expect-error Property 'href' does not exist
export const wrongElementAttribute = <div href="/x" />;

// Wrong attribute value types.
// @ts-expect-error '"fly"' is not assignable to the input types
export const wrongInputType = <input type="fly" />;
// @ts-expect-error 'string' is not assignable to 'boolean'
export const wrongBoolean = <button disabled="yes" />;
// @ts-expect-error '"put"' is not a form method
export const wrongMethod = <form method="put" />;

// Wrong handler types.
// @ts-expect-error a click is not a KeyboardEvent
export const wrongHandler = <div onClick={(e: KeyboardEvent) => e.key} />;
// @ts-expect-error a handler, not a string
export const stringHandler = <button onClick="alert(1)" />;
// @ts-expect-error on:keydown gets a KeyboardEvent, not a MouseEvent
export const wrongListener = <div on:keydown={(e: MouseEvent) => e.clientX} />;
// @ts-expect-error currentTarget of a div's handler is not an input
export const wrongTarget = <div onInput={(e) => e.currentTarget.value} />;

// Directives.
// @ts-expect-error class:* takes a boolean
export const wrongClass = <div class:active="yes" />;
// @ts-expect-error style:* takes a string or number
export const wrongStyle = <div style:color={{ r: 1 }} />;
// @ts-expect-error bind:value on a text input binds a string or number, not a boolean
export const wrongBinding = <input bind:value={[() => true, (v: boolean) => void v]} />;
// @ts-expect-error bind:checked binds a boolean
export const wrongChecked = <input bind:checked={[count, setCount]} />;
// @ts-expect-error ref receives an HTMLInputElement, not a canvas
export const wrongRef = <input ref={(el: HTMLCanvasElement) => el.getContext('2d')} />;

// Components.
// @ts-expect-error Property 'name' is missing
export const missingProp = <Greet />;
// @ts-expect-error 'number' is not assignable to 'string'
export const wrongPropType = <Greet name={1} />;
// @ts-expect-error Property 'nope' does not exist on Greet's props
export const unknownProp = <Greet name="a" nope />;
// @ts-expect-error Show's render function gets an accessor: call it
export const showValue = <Show when={user()}>{(u) => <p>{u.id}</p>}</Show>;
// @ts-expect-error For's children get the item
export const forItem = <For each={[1, 2]}>{(n) => <p>{n.toFixed()}{n.length}</p>}</For>;

// Unknown tag.
// @ts-expect-error Property 'blink' does not exist on JSX.IntrinsicElements
export const unknownTag = <blink />;
