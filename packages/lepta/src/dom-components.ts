/**
 * The components that need the DOM: `Dynamic` (a tag name creates an element) and `Portal`
 * (renders into another place in the document). They use @lepta/dom's runtime as compiled code
 * does (`insert`, `spread`, `createComponent`). A renderer without a DOM (the server) provides
 * its own element and portal through `RendererContext`.
 */
import { memo, onCleanup, renderEffect, splitProps, untrack, useContext } from '@lepta/reactive';
import { RendererContext } from '@lepta/reactive/internal';
import { claim, createComponent, holdDelegation, insert, spread } from '@lepta/dom';
import type { Component, ComponentProps, JSX, ValidComponent } from './jsx.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Tag names that only exist in SVG: `Dynamic` creates these in the SVG namespace. (`a`,
 * `script`, `style`, `title` exist in both and are created as HTML.)
 */
const SVG_TAGS: ReadonlySet<string> = new Set(
  (
    'animate animateMotion animateTransform circle clipPath defs desc ellipse feBlend feColorMatrix ' +
    'feComponentTransfer feComposite feConvolveMatrix feDiffuseLighting feDisplacementMap feDistantLight ' +
    'feDropShadow feFlood feFuncA feFuncB feFuncG feFuncR feGaussianBlur feImage feMerge feMergeNode ' +
    'feMorphology feOffset fePointLight feSpecularLighting feSpotLight feTile feTurbulence filter ' +
    'foreignObject g image line linearGradient marker mask metadata mpath path pattern polygon polyline ' +
    'radialGradient rect set stop svg switch symbol text textPath tspan use view'
  ).split(' '),
);

// ---------------------------------------------------------------------------------------------
// Dynamic

export type DynamicProps<T extends ValidComponent> = {
  /** A tag name or a component; `undefined`/`null`/`false` render nothing. */
  component: T | undefined | null | false;
} & ComponentProps<T>;

/**
 * Renders a tag name or a component chosen at run time, with the other props. When `component`
 * changes, what it rendered is disposed and the new one is created.
 *
 * @example
 * <Dynamic component={level() === 1 ? 'h1' : 'h2'} class="title">{text()}</Dynamic>
 * <Dynamic component={views[tab()]} user={user()} />
 */
export function Dynamic<T extends ValidComponent>(props: DynamicProps<T>): JSX.Element {
  const [local, others] = splitProps(props as unknown as { component: unknown } & Record<string, unknown>, ['component']);
  const component = memo(() => local.component);
  const renderer = useContext(RendererContext);
  return memo(() => {
    const c = component();
    if (typeof c === 'function') return createComponent(c as Component<Record<string, unknown>>, others);
    if (typeof c === 'string') {
      const svg = SVG_TAGS.has(c);
      if (renderer !== undefined) return renderer.element(c, others, svg) as JSX.Element;
      // While hydrating, the element the server rendered (`claim` checks its tag); else a new one.
      const el = claim(() => (svg ? document.createElementNS(SVG_NS, c) : document.createElement(c))) as Element;
      spread(el, others, svg);
      return el;
    }
    return undefined;
  });
}

// ---------------------------------------------------------------------------------------------
// Portal

export interface PortalProps {
  /** Where to render: the end of this node (default `document.body`). */
  mount?: Node;
  /** Render inside an open shadow root attached to the portal's container. */
  useShadow?: boolean;
  /** The mount is inside an `<svg>`: the container is a `<g>`. */
  isSVG?: boolean;
  /** Called with the container element. */
  ref?: (container: HTMLDivElement | SVGGElement) => void;
  children?: JSX.Element;
}

/**
 * Renders its children into a container (`<div>`, or `<g>` with `isSVG`) appended to `mount`,
 * rather than where the Portal is. The children are created once and belong to the Portal's
 * owner: context flows in from where it is used, and they are disposed with it (the container is
 * removed). Delegated events from inside the portal continue, after the container, at the
 * element the Portal was rendered in (the container's `$$host`), so handlers in the logical
 * parent see them. A new `mount` moves the same children into a new container.
 *
 * @example
 * <Portal mount={document.getElementById('modals')!}><Dialog onClose={close} /></Portal>
 */
export function Portal(props: PortalProps): JSX.Element {
  const renderer = useContext(RendererContext);
  if (renderer !== undefined) return renderer.portal() as JSX.Element;
  // Rendered in place of the Portal: its parent is the portal's logical parent.
  const marker = document.createTextNode('');
  const content = memo(() => props.children);
  renderEffect(() => {
    const target = props.mount ?? document.body;
    const svg = props.isSVG === true;
    const container = svg ? document.createElementNS(SVG_NS, 'g') : document.createElement('div');
    Object.defineProperty(container, '$$host', { get: () => marker.parentNode, configurable: true });
    const renderRoot: Node = props.useShadow && !svg ? container.attachShadow({ mode: 'open' }) : container;
    insert(renderRoot, content);
    target.appendChild(container);
    // Delegated handlers inside need the listeners of the root they are in (another document, a
    // shadow root).
    const release = holdDelegation(renderRoot);
    const ref = props.ref;
    if (ref !== undefined) untrack(() => ref(container as HTMLDivElement | SVGGElement));
    onCleanup(() => {
      release();
      container.remove();
    });
  });
  return marker;
}
