/**
 * SVG and MathML through templates, attributes and spread, in real Chromium.
 */
import { renderEffect, signal } from '@lepta/reactive';
import { className, insert, mount, setAttribute, setAttributeNS, spread, template } from '@lepta/dom';

const SVG = 'http://www.w3.org/2000/svg';
const XLINK = 'http://www.w3.org/1999/xlink';
const MATHML = 'http://www.w3.org/1998/Math/MathML';

const svgRoot = template('<svg width="100" height="100"><defs><circle id="dot" r="5"></circle></defs></svg>');
const circle = template('<circle cx="50" cy="50" r="20"></circle>', 1);
const group = template('<g><rect width="10" height="10"></rect><use></use></g>', 1);
const mathTemplate = template('<mi>x</mi>', 2);
const htmlInSvgFlag = template('<a href="#"></a>', 1);

export function run() {
  document.body.innerHTML = '';
  const results: Record<string, unknown> = {};
  const [radius, setRadius] = signal(20);
  const [groupClass, setGroupClass] = signal('grp');
  mount(() => {
    const svg = svgRoot() as SVGSVGElement;
    const c = circle() as SVGCircleElement;
    const g = group() as SVGGElement;
    insert(svg, c, null);
    insert(svg, () => [g], null);
    const use = g.lastChild as SVGUseElement;
    setAttributeNS(use, XLINK, 'xlink:href', '#dot');
    className(c, 'ring');
    renderEffect(() => setAttribute(c, 'r', radius()));
    spread(g, { get class() { return groupClass(); }, 'data-k': 1 }, true, true);
    return svg;
  }, document.body);
  const svg = document.querySelector('svg')!;
  const c = svg.querySelector('circle:not([id])') as SVGCircleElement;
  const g = svg.querySelector('g')!;
  results.circleNs = c.namespaceURI;
  results.gNs = g.namespaceURI;
  results.rectNs = g.firstElementChild!.namespaceURI;
  results.isSVGCircle = c instanceof SVGCircleElement;
  results.circleWidth = Math.round(c.getBoundingClientRect().width);
  results.className = c.getAttribute('class');
  results.classNameAnimated = c.className.baseVal;
  results.useHref = (g.lastChild as Element).getAttributeNS(XLINK, 'href');
  results.groupClass = g.getAttribute('class');
  results.mathNs = (mathTemplate() as Element).namespaceURI;
  results.aNsWithSvgFlag = (htmlInSvgFlag() as Element).namespaceURI;
  setRadius(30);
  setGroupClass('grp2');
  results.circleWidthAfter = Math.round(c.getBoundingClientRect().width);
  results.groupClassAfter = g.getAttribute('class');
  results.svgNs = SVG;
  results.mathmlNs = MATHML;
  return results;
}
