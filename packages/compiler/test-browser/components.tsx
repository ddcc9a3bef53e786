// @ts-nocheck — compiled by @lepta/compiler in the test's Vite plugin; exercises the compiler, not the JSX types
import { signal } from '@lepta/reactive';

export const [radius, setRadius] = signal(10);
export const [label, setLabel] = signal('x');

/** A standalone SVG root (template flag 1) returned by a component. */
const Dot = (props: { r: number }) => <circle cx="30" cy="30" r={props.r} class="dot" />;

/** A standalone MathML root (template flag 2). */
const Row = (props: { name: string }) => <mrow><mi>{props.name}</mi><mo>=</mo><mn>1</mn></mrow>;

export function Scene() {
  return (
    <div class="scene">
      <svg width="60" height="60" viewBox="0 0 60 60">
        <g class="dots"><Dot r={radius()} /></g>
        {radius() > 5 ? <a href="#x"><text x="0" y="10">link</text></a> : null}
        <use xlink:href="#dot" />
        <foreignObject width="60" height="20"><p class="html-in-svg">{label()}</p></foreignObject>
      </svg>
      <math><Row name={label()} /></math>
      <label>Name <input bind:value={[label, setLabel]} /></label>
      <button onClick={() => setRadius((r) => r + 5)}>grow</button>
    </div>
  );
}
