/** Browser entry: mounts the compiled Scene and reports what the browser built. */
import { createComponent, mount } from '@lepta/dom';
import { Scene, radius, label } from './components.js';

const SVG = 'http://www.w3.org/2000/svg';
const MATHML = 'http://www.w3.org/1998/Math/MathML';
const XHTML = 'http://www.w3.org/1999/xhtml';

let root: HTMLElement;

export function start(): void {
  root = document.body.appendChild(document.createElement('main'));
  mount(() => createComponent(Scene, {}), root);
}

export function report(): Record<string, unknown> {
  const circle = root.querySelector('circle')!;
  const a = root.querySelector('svg a');
  const use = root.querySelector('use')!;
  const p = root.querySelector('.html-in-svg')!;
  const mi = root.querySelector('mi')!;
  return {
    circleNs: circle.namespaceURI === SVG,
    circleIsSvg: circle instanceof SVGCircleElement,
    circleWidth: Math.round(circle.getBoundingClientRect().width),
    aNs: a ? a.namespaceURI === SVG : null,
    useHref: use.getAttributeNS('http://www.w3.org/1999/xlink', 'href'),
    pNs: p.namespaceURI === XHTML,
    pText: p.textContent,
    miNs: mi.namespaceURI === MATHML,
    miText: mi.textContent,
    inputValue: root.querySelector('input')!.value,
    radius: radius(),
    label: label(),
  };
}

export function grow(): void {
  root.querySelector('button')!.click();
}

export function type(value: string): void {
  const input = root.querySelector('input')!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}
