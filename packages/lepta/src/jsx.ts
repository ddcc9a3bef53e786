/**
 * The JSX types. With `"jsx": "preserve", "jsxImportSource": "lepta"` TypeScript reads the `JSX`
 * namespace from `lepta/jsx-runtime`, which re-exports it from here; `lepta` exports it too, for
 * `JSX.Element` in application code.
 *
 * What a JSX attribute means is decided by the compiler (see packages/dom/CONTRACT.md): plain
 * names are HTML/SVG attributes (`null`/`undefined`/`false` remove one, `true` sets it empty),
 * `onName` are event handlers (delegated where possible), and the namespaced forms are directives:
 * `on:name` (native listener), `prop:name` (DOM property), `attr:name` (attribute, always),
 * `class:name` (toggle one class), `style:name` (one style property), `bind:value` /
 * `bind:checked` / `bind:group` (two-way bindings). Names with a hyphen (`data-*`, `aria-*`,
 * custom attributes) are accepted on any element, as TypeScript does for every JSX element.
 */
import type { Accessor } from '@lepta/reactive';

type EventMap = HTMLElementEventMap;

/** An event as a handler on element `T` receives it. */
export type TargetedEvent<T, E extends Event = Event> = E & { readonly currentTarget: T; readonly target: Element };

/** `onClick={handler}`: called with the event. */
export type EventHandler<T, E extends Event> = (event: TargetedEvent<T, E>) => void;
/** `onClick={[handler, data]}`: called as `handler(data, event)` (no closure per row in lists). */
export type BoundEventHandler<T, E extends Event> = readonly [
  handler: (data: any, event: TargetedEvent<T, E>) => void, // eslint-disable-line @typescript-eslint/no-explicit-any -- the data is whatever the caller pairs with it
  data: unknown,
];
export type EventHandlerUnion<T, E extends Event> = EventHandler<T, E> | BoundEventHandler<T, E>;
/** `on:click={handler}` or `on:click={[handler, { capture: true }]}`: a native listener. */
export type Listener<T, E extends Event> = EventHandler<T, E> | readonly [handler: EventHandler<T, E>, options: AddEventListenerOptions];
/**
 * A handler for an event the DOM types do not know (`on:my-event`). Its parameter is checked
 * both ways, so `(e: CustomEvent<Detail>) => …` is accepted.
 */
type CustomEventHandler = { bivarianceHack(event: Event): void }['bivarianceHack'];
export type CustomListener = CustomEventHandler | readonly [handler: CustomEventHandler, options: AddEventListenerOptions];

/** A two-way binding: a getter and a setter, as `signal()` returns them. */
export type Binding<T> = readonly [get: Accessor<T>, set: (value: T) => void];

/** `style={{ color: 'red', 'font-size': '12px', '--gap': 4 }}`: CSS property names, as in CSS. */
export interface CSSProperties {
  [property: string]: string | number | null | undefined;
}

type Booleanish = boolean | 'true' | 'false';
type Numberish = number | string;
type CrossOrigin = '' | 'anonymous' | 'use-credentials';
type ReferrerPolicy =
  | ''
  | 'no-referrer'
  | 'no-referrer-when-downgrade'
  | 'origin'
  | 'origin-when-cross-origin'
  | 'same-origin'
  | 'strict-origin'
  | 'strict-origin-when-cross-origin'
  | 'unsafe-url';
type Target = '_self' | '_blank' | '_parent' | '_top' | (string & {});
type FormMethod = 'get' | 'post' | 'dialog' | 'GET' | 'POST' | 'DIALOG';
type FormEnctype = 'application/x-www-form-urlencoded' | 'multipart/form-data' | 'text/plain';
type Loading = 'eager' | 'lazy';
type FetchPriority = 'high' | 'low' | 'auto';

// ---------------------------------------------------------------------------------------------
// Events

/** The camelCase handler props; the DOM event is the name after `on`, lowercased. */
type CamelEventName =
  | 'onAbort'
  | 'onAnimationCancel'
  | 'onAnimationEnd'
  | 'onAnimationIteration'
  | 'onAnimationStart'
  | 'onAuxClick'
  | 'onBeforeInput'
  | 'onBeforeToggle'
  | 'onBlur'
  | 'onCancel'
  | 'onCanPlay'
  | 'onCanPlayThrough'
  | 'onChange'
  | 'onClick'
  | 'onClose'
  | 'onCompositionEnd'
  | 'onCompositionStart'
  | 'onCompositionUpdate'
  | 'onContextMenu'
  | 'onCopy'
  | 'onCut'
  | 'onDblClick'
  | 'onDrag'
  | 'onDragEnd'
  | 'onDragEnter'
  | 'onDragLeave'
  | 'onDragOver'
  | 'onDragStart'
  | 'onDrop'
  | 'onDurationChange'
  | 'onEmptied'
  | 'onEnded'
  | 'onError'
  | 'onFocus'
  | 'onFocusIn'
  | 'onFocusOut'
  | 'onFormData'
  | 'onGotPointerCapture'
  | 'onInput'
  | 'onInvalid'
  | 'onKeyDown'
  | 'onKeyUp'
  | 'onLoad'
  | 'onLoadedData'
  | 'onLoadedMetadata'
  | 'onLoadStart'
  | 'onLostPointerCapture'
  | 'onMouseDown'
  | 'onMouseEnter'
  | 'onMouseLeave'
  | 'onMouseMove'
  | 'onMouseOut'
  | 'onMouseOver'
  | 'onMouseUp'
  | 'onPaste'
  | 'onPause'
  | 'onPlay'
  | 'onPlaying'
  | 'onPointerCancel'
  | 'onPointerDown'
  | 'onPointerEnter'
  | 'onPointerLeave'
  | 'onPointerMove'
  | 'onPointerOut'
  | 'onPointerOver'
  | 'onPointerUp'
  | 'onProgress'
  | 'onRateChange'
  | 'onReset'
  | 'onResize'
  | 'onScroll'
  | 'onScrollEnd'
  | 'onSeeked'
  | 'onSeeking'
  | 'onSelect'
  | 'onSelectionChange'
  | 'onSelectStart'
  | 'onSlotChange'
  | 'onStalled'
  | 'onSubmit'
  | 'onSuspend'
  | 'onTimeUpdate'
  | 'onToggle'
  | 'onTouchCancel'
  | 'onTouchEnd'
  | 'onTouchMove'
  | 'onTouchStart'
  | 'onTransitionCancel'
  | 'onTransitionEnd'
  | 'onTransitionRun'
  | 'onTransitionStart'
  | 'onVolumeChange'
  | 'onWaiting'
  | 'onWheel';

type DomEventName<K extends string> = K extends `on${infer Name}` ? Lowercase<Name> : never;
type EventOfName<Name extends string> = Name extends keyof EventMap ? EventMap[Name] : Event;

/** `onClick`, `onKeyDown`, …: each with its event type and `currentTarget` typed as the element. */
export type EventHandlerProps<T> = {
  [K in CamelEventName]?: EventHandlerUnion<T, EventOfName<DomEventName<K>>>;
};

/** `on:click`, `on:keydown`, … for every event the DOM types know. */
export type ListenerProps<T> = {
  [K in keyof EventMap as `on:${K}`]?: Listener<T, EventMap[K]>;
};

/**
 * The namespaced directives with open names. An intersection rather than one interface, so the
 * known `on:` events keep their precise types next to the open `on:${string}` pattern.
 */
export interface DirectiveProps {
  [event: `on:${string}`]: CustomListener | undefined;
  [property: `prop:${string}`]: unknown;
  [name: `attr:${string}`]: string | number | boolean | null | undefined;
  [name: `class:${string}`]: boolean | null | undefined;
  [property: `style:${string}`]: string | number | null | undefined;
}

// ---------------------------------------------------------------------------------------------
// Attributes every element takes

/** What any element takes: children, `ref`, raw HTML, and its handlers. */
export interface DOMAttributes<T> extends EventHandlerProps<T>, ListenerProps<T> {
  children?: JSX.Element;
  /** Called with the element once it is created (a signal setter works too). */
  ref?: (element: T) => void;
  /** Raw HTML, not escaped: never pass it untrusted input. */
  innerHTML?: string;
  textContent?: string | number;
}

export interface AriaAttributes {
  role?: string;
  'aria-activedescendant'?: string;
  'aria-atomic'?: Booleanish;
  'aria-autocomplete'?: 'none' | 'inline' | 'list' | 'both';
  'aria-busy'?: Booleanish;
  'aria-checked'?: Booleanish | 'mixed';
  'aria-colcount'?: Numberish;
  'aria-colindex'?: Numberish;
  'aria-colspan'?: Numberish;
  'aria-controls'?: string;
  'aria-current'?: Booleanish | 'page' | 'step' | 'location' | 'date' | 'time';
  'aria-describedby'?: string;
  'aria-description'?: string;
  'aria-details'?: string;
  'aria-disabled'?: Booleanish;
  'aria-errormessage'?: string;
  'aria-expanded'?: Booleanish;
  'aria-flowto'?: string;
  'aria-haspopup'?: Booleanish | 'menu' | 'listbox' | 'tree' | 'grid' | 'dialog';
  'aria-hidden'?: Booleanish;
  'aria-invalid'?: Booleanish | 'grammar' | 'spelling';
  'aria-keyshortcuts'?: string;
  'aria-label'?: string;
  'aria-labelledby'?: string;
  'aria-level'?: Numberish;
  'aria-live'?: 'off' | 'assertive' | 'polite';
  'aria-modal'?: Booleanish;
  'aria-multiline'?: Booleanish;
  'aria-multiselectable'?: Booleanish;
  'aria-orientation'?: 'horizontal' | 'vertical';
  'aria-owns'?: string;
  'aria-placeholder'?: string;
  'aria-posinset'?: Numberish;
  'aria-pressed'?: Booleanish | 'mixed';
  'aria-readonly'?: Booleanish;
  'aria-relevant'?: string;
  'aria-required'?: Booleanish;
  'aria-roledescription'?: string;
  'aria-rowcount'?: Numberish;
  'aria-rowindex'?: Numberish;
  'aria-rowspan'?: Numberish;
  'aria-selected'?: Booleanish;
  'aria-setsize'?: Numberish;
  'aria-sort'?: 'none' | 'ascending' | 'descending' | 'other';
  'aria-valuemax'?: Numberish;
  'aria-valuemin'?: Numberish;
  'aria-valuenow'?: Numberish;
  'aria-valuetext'?: string;
}

/** The global HTML attributes, on every HTML element. */
export interface HTMLAttributeSet<T> extends DOMAttributes<T>, AriaAttributes {
  accesskey?: string;
  autocapitalize?: 'off' | 'none' | 'on' | 'sentences' | 'words' | 'characters';
  autofocus?: boolean;
  class?: string;
  contenteditable?: Booleanish | 'plaintext-only' | 'inherit';
  dir?: 'ltr' | 'rtl' | 'auto';
  draggable?: Booleanish;
  enterkeyhint?: 'enter' | 'done' | 'go' | 'next' | 'previous' | 'search' | 'send';
  exportparts?: string;
  hidden?: boolean | 'hidden' | 'until-found';
  id?: string;
  inert?: boolean;
  inputmode?: 'none' | 'text' | 'tel' | 'url' | 'email' | 'numeric' | 'decimal' | 'search';
  is?: string;
  itemid?: string;
  itemprop?: string;
  itemref?: string;
  itemscope?: boolean;
  itemtype?: string;
  lang?: string;
  nonce?: string;
  part?: string;
  popover?: boolean | 'auto' | 'manual' | 'hint';
  slot?: string;
  spellcheck?: Booleanish;
  style?: string | CSSProperties;
  tabindex?: Numberish;
  title?: string;
  translate?: 'yes' | 'no';
}

/** The attributes of HTML element `T`, directives included. */
export type HTMLAttributes<T, Extra = {}> = HTMLAttributeSet<T> & Extra & DirectiveProps;

// ---------------------------------------------------------------------------------------------
// Per-element HTML attributes

interface AnchorAttributes {
  download?: string | boolean;
  href?: string;
  hreflang?: string;
  ping?: string;
  referrerpolicy?: ReferrerPolicy;
  rel?: string;
  target?: Target;
  type?: string;
}
interface AreaAttributes extends AnchorAttributes {
  alt?: string;
  coords?: string;
  shape?: 'rect' | 'circle' | 'poly' | 'default';
}
interface MediaAttributes {
  autoplay?: boolean;
  controls?: boolean;
  controlslist?: string;
  crossorigin?: CrossOrigin;
  loop?: boolean;
  muted?: boolean;
  preload?: 'none' | 'metadata' | 'auto' | '';
  src?: string;
}
interface VideoAttributes extends MediaAttributes {
  disablepictureinpicture?: boolean;
  height?: Numberish;
  playsinline?: boolean;
  poster?: string;
  width?: Numberish;
}
interface BaseAttributes {
  href?: string;
  target?: Target;
}
interface CiteAttributes {
  cite?: string;
}
interface ModAttributes extends CiteAttributes {
  datetime?: string;
}
interface FormControlAttributes {
  disabled?: boolean;
  form?: string;
  name?: string;
}
interface FormSubmitterAttributes {
  formaction?: string;
  formenctype?: FormEnctype;
  formmethod?: FormMethod;
  formnovalidate?: boolean;
  formtarget?: Target;
}
interface ButtonAttributes extends FormControlAttributes, FormSubmitterAttributes {
  command?: string;
  commandfor?: string;
  popovertarget?: string;
  popovertargetaction?: 'hide' | 'show' | 'toggle';
  type?: 'submit' | 'reset' | 'button';
  value?: string | number;
}
interface CanvasAttributes {
  height?: Numberish;
  width?: Numberish;
}
interface ColAttributes {
  span?: Numberish;
}
interface DataAttributes {
  value?: string | number;
}
interface DetailsAttributes {
  name?: string;
  open?: boolean;
}
interface DialogAttributes {
  closedby?: 'any' | 'closerequest' | 'none';
  open?: boolean;
}
interface EmbedAttributes {
  height?: Numberish;
  src?: string;
  type?: string;
  width?: Numberish;
}
interface FieldsetAttributes extends FormControlAttributes {}
interface FormAttributes {
  'accept-charset'?: string;
  action?: string;
  autocomplete?: 'on' | 'off';
  enctype?: FormEnctype;
  method?: FormMethod;
  name?: string;
  novalidate?: boolean;
  rel?: string;
  target?: Target;
}
interface IframeAttributes {
  allow?: string;
  allowfullscreen?: boolean;
  height?: Numberish;
  loading?: Loading;
  name?: string;
  referrerpolicy?: ReferrerPolicy;
  sandbox?: string;
  src?: string;
  srcdoc?: string;
  width?: Numberish;
}
interface ImgAttributes {
  alt?: string;
  crossorigin?: CrossOrigin;
  decoding?: 'sync' | 'async' | 'auto';
  fetchpriority?: FetchPriority;
  height?: Numberish;
  ismap?: boolean;
  loading?: Loading;
  referrerpolicy?: ReferrerPolicy;
  sizes?: string;
  src?: string;
  srcset?: string;
  usemap?: string;
  width?: Numberish;
}
type InputType =
  | 'button'
  | 'checkbox'
  | 'color'
  | 'date'
  | 'datetime-local'
  | 'email'
  | 'file'
  | 'hidden'
  | 'image'
  | 'month'
  | 'number'
  | 'password'
  | 'radio'
  | 'range'
  | 'reset'
  | 'search'
  | 'submit'
  | 'tel'
  | 'text'
  | 'time'
  | 'url'
  | 'week';
interface InputAttributes extends FormControlAttributes, FormSubmitterAttributes {
  accept?: string;
  alt?: string;
  autocomplete?: string;
  capture?: 'user' | 'environment' | boolean;
  checked?: boolean;
  dirname?: string;
  height?: Numberish;
  list?: string;
  max?: Numberish;
  maxlength?: Numberish;
  min?: Numberish;
  minlength?: Numberish;
  multiple?: boolean;
  pattern?: string;
  placeholder?: string;
  popovertarget?: string;
  popovertargetaction?: 'hide' | 'show' | 'toggle';
  readonly?: boolean;
  required?: boolean;
  size?: Numberish;
  src?: string;
  step?: Numberish;
  type?: InputType;
  value?: string | number | readonly string[];
  width?: Numberish;
  /**
   * `bind:value={[text, setText]}`: the input's value and the signal follow each other. A number
   * or range input may bind a number (`valueAsNumber`).
   */
  'bind:value'?: Binding<string> | Binding<number>;
  /** `bind:checked={[done, setDone]}` on a checkbox. */
  'bind:checked'?: Binding<boolean>;
  /** `bind:group`: radios share one value; checkboxes an array of the checked values. */
  'bind:group'?: Binding<string> | Binding<string[]>;
}
interface LabelAttributes {
  for?: string;
  form?: string;
}
interface LiAttributes {
  value?: Numberish;
}
interface LinkAttributes {
  as?: string;
  blocking?: 'render';
  crossorigin?: CrossOrigin;
  disabled?: boolean;
  fetchpriority?: FetchPriority;
  href?: string;
  hreflang?: string;
  imagesizes?: string;
  imagesrcset?: string;
  integrity?: string;
  media?: string;
  referrerpolicy?: ReferrerPolicy;
  rel?: string;
  sizes?: string;
  type?: string;
}
interface MapAttributes {
  name?: string;
}
interface MetaAttributes {
  charset?: string;
  content?: string;
  'http-equiv'?: string;
  media?: string;
  name?: string;
}
interface MeterAttributes {
  form?: string;
  high?: Numberish;
  low?: Numberish;
  max?: Numberish;
  min?: Numberish;
  optimum?: Numberish;
  value?: Numberish;
}
interface ObjectAttributes {
  data?: string;
  form?: string;
  height?: Numberish;
  name?: string;
  type?: string;
  width?: Numberish;
}
interface OlAttributes {
  reversed?: boolean;
  start?: Numberish;
  type?: '1' | 'a' | 'A' | 'i' | 'I';
}
interface OptgroupAttributes {
  disabled?: boolean;
  label?: string;
}
interface OptionAttributes {
  disabled?: boolean;
  label?: string;
  selected?: boolean;
  value?: string | number;
}
interface OutputAttributes {
  for?: string;
  form?: string;
  name?: string;
}
interface ProgressAttributes {
  max?: Numberish;
  value?: Numberish;
}
interface ScriptAttributes {
  async?: boolean;
  blocking?: 'render';
  crossorigin?: CrossOrigin;
  defer?: boolean;
  fetchpriority?: FetchPriority;
  integrity?: string;
  nomodule?: boolean;
  referrerpolicy?: ReferrerPolicy;
  src?: string;
  type?: string;
}
interface SelectAttributes extends FormControlAttributes {
  autocomplete?: string;
  multiple?: boolean;
  required?: boolean;
  size?: Numberish;
  value?: string | number;
  /**
   * `bind:value={[choice, setChoice]}`: the selected option's value and the signal follow each
   * other; with `multiple`, an array of the selected values.
   */
  'bind:value'?: Binding<string> | Binding<string[]>;
}
interface SlotAttributes {
  name?: string;
}
interface SourceAttributes {
  height?: Numberish;
  media?: string;
  sizes?: string;
  src?: string;
  srcset?: string;
  type?: string;
  width?: Numberish;
}
interface StyleAttributes {
  blocking?: 'render';
  media?: string;
}
interface TdAttributes {
  colspan?: Numberish;
  headers?: string;
  rowspan?: Numberish;
}
interface ThAttributes extends TdAttributes {
  abbr?: string;
  scope?: 'row' | 'col' | 'rowgroup' | 'colgroup';
}
interface TemplateAttributes {
  shadowrootclonable?: boolean;
  shadowrootdelegatesfocus?: boolean;
  shadowrootmode?: 'open' | 'closed';
}
interface TextareaAttributes extends FormControlAttributes {
  autocomplete?: string;
  cols?: Numberish;
  dirname?: string;
  maxlength?: Numberish;
  minlength?: Numberish;
  placeholder?: string;
  readonly?: boolean;
  required?: boolean;
  rows?: Numberish;
  value?: string | number;
  wrap?: 'hard' | 'soft' | 'off';
  /** `bind:value={[text, setText]}`. */
  'bind:value'?: Binding<string>;
}
interface TimeAttributes {
  datetime?: string;
}
interface TrackAttributes {
  default?: boolean;
  kind?: 'subtitles' | 'captions' | 'descriptions' | 'chapters' | 'metadata';
  label?: string;
  src?: string;
  srclang?: string;
}

type El<K extends keyof HTMLElementTagNameMap, Extra = {}> = HTMLAttributes<HTMLElementTagNameMap[K], Extra>;

/** Every HTML element and its attributes. */
export interface HTMLElements {
  a: El<'a', AnchorAttributes>;
  abbr: El<'abbr'>;
  address: El<'address'>;
  area: El<'area', AreaAttributes>;
  article: El<'article'>;
  aside: El<'aside'>;
  audio: El<'audio', MediaAttributes>;
  b: El<'b'>;
  base: El<'base', BaseAttributes>;
  bdi: El<'bdi'>;
  bdo: El<'bdo'>;
  blockquote: El<'blockquote', CiteAttributes>;
  body: El<'body'>;
  br: El<'br'>;
  button: El<'button', ButtonAttributes>;
  canvas: El<'canvas', CanvasAttributes>;
  caption: El<'caption'>;
  cite: El<'cite'>;
  code: El<'code'>;
  col: El<'col', ColAttributes>;
  colgroup: El<'colgroup', ColAttributes>;
  data: El<'data', DataAttributes>;
  datalist: El<'datalist'>;
  dd: El<'dd'>;
  del: El<'del', ModAttributes>;
  details: El<'details', DetailsAttributes>;
  dfn: El<'dfn'>;
  dialog: El<'dialog', DialogAttributes>;
  div: El<'div'>;
  dl: El<'dl'>;
  dt: El<'dt'>;
  em: El<'em'>;
  embed: El<'embed', EmbedAttributes>;
  fieldset: El<'fieldset', FieldsetAttributes>;
  figcaption: El<'figcaption'>;
  figure: El<'figure'>;
  footer: El<'footer'>;
  form: El<'form', FormAttributes>;
  h1: El<'h1'>;
  h2: El<'h2'>;
  h3: El<'h3'>;
  h4: El<'h4'>;
  h5: El<'h5'>;
  h6: El<'h6'>;
  head: El<'head'>;
  header: El<'header'>;
  hgroup: El<'hgroup'>;
  hr: El<'hr'>;
  html: El<'html'>;
  i: El<'i'>;
  iframe: El<'iframe', IframeAttributes>;
  img: El<'img', ImgAttributes>;
  input: El<'input', InputAttributes>;
  ins: El<'ins', ModAttributes>;
  kbd: El<'kbd'>;
  label: El<'label', LabelAttributes>;
  legend: El<'legend'>;
  li: El<'li', LiAttributes>;
  link: El<'link', LinkAttributes>;
  main: El<'main'>;
  map: El<'map', MapAttributes>;
  mark: El<'mark'>;
  menu: El<'menu'>;
  meta: El<'meta', MetaAttributes>;
  meter: El<'meter', MeterAttributes>;
  nav: El<'nav'>;
  noscript: El<'noscript'>;
  object: El<'object', ObjectAttributes>;
  ol: El<'ol', OlAttributes>;
  optgroup: El<'optgroup', OptgroupAttributes>;
  option: El<'option', OptionAttributes>;
  output: El<'output', OutputAttributes>;
  p: El<'p'>;
  picture: El<'picture'>;
  pre: El<'pre'>;
  progress: El<'progress', ProgressAttributes>;
  q: El<'q', CiteAttributes>;
  rp: El<'rp'>;
  rt: El<'rt'>;
  ruby: El<'ruby'>;
  s: El<'s'>;
  samp: El<'samp'>;
  script: El<'script', ScriptAttributes>;
  search: El<'search'>;
  section: El<'section'>;
  select: El<'select', SelectAttributes>;
  slot: El<'slot', SlotAttributes>;
  small: El<'small'>;
  source: El<'source', SourceAttributes>;
  span: El<'span'>;
  strong: El<'strong'>;
  style: El<'style', StyleAttributes>;
  sub: El<'sub'>;
  summary: El<'summary'>;
  sup: El<'sup'>;
  table: El<'table'>;
  tbody: El<'tbody'>;
  td: El<'td', TdAttributes>;
  template: El<'template', TemplateAttributes>;
  textarea: El<'textarea', TextareaAttributes>;
  tfoot: El<'tfoot'>;
  th: El<'th', ThAttributes>;
  thead: El<'thead'>;
  time: El<'time', TimeAttributes>;
  title: El<'title'>;
  tr: El<'tr'>;
  track: El<'track', TrackAttributes>;
  u: El<'u'>;
  ul: El<'ul'>;
  var: El<'var'>;
  video: El<'video', VideoAttributes>;
  wbr: El<'wbr'>;
}

// ---------------------------------------------------------------------------------------------
// SVG

/** Attributes shared by every SVG element: core, styling, and the presentation attributes. */
export interface SVGAttributeSet<T> extends DOMAttributes<T>, AriaAttributes {
  class?: string;
  id?: string;
  lang?: string;
  style?: string | CSSProperties;
  tabindex?: Numberish;
  transform?: string;
  'xml:lang'?: string;
  // Presentation attributes
  'alignment-baseline'?: string;
  'baseline-shift'?: Numberish;
  'clip-path'?: string;
  'clip-rule'?: 'nonzero' | 'evenodd' | 'inherit';
  color?: string;
  'color-interpolation'?: 'auto' | 'sRGB' | 'linearRGB' | 'inherit';
  'color-interpolation-filters'?: 'auto' | 'sRGB' | 'linearRGB' | 'inherit';
  cursor?: string;
  direction?: 'ltr' | 'rtl' | 'inherit';
  display?: string;
  'dominant-baseline'?: string;
  fill?: string;
  'fill-opacity'?: Numberish;
  'fill-rule'?: 'nonzero' | 'evenodd' | 'inherit';
  filter?: string;
  'flood-color'?: string;
  'flood-opacity'?: Numberish;
  'font-family'?: string;
  'font-size'?: Numberish;
  'font-style'?: string;
  'font-weight'?: Numberish;
  'image-rendering'?: string;
  'letter-spacing'?: Numberish;
  'lighting-color'?: string;
  'marker-end'?: string;
  'marker-mid'?: string;
  'marker-start'?: string;
  mask?: string;
  opacity?: Numberish;
  overflow?: 'visible' | 'hidden' | 'scroll' | 'auto' | 'inherit';
  'paint-order'?: string;
  'pointer-events'?: string;
  'shape-rendering'?: 'auto' | 'optimizeSpeed' | 'crispEdges' | 'geometricPrecision' | 'inherit';
  'stop-color'?: string;
  'stop-opacity'?: Numberish;
  stroke?: string;
  'stroke-dasharray'?: Numberish;
  'stroke-dashoffset'?: Numberish;
  'stroke-linecap'?: 'butt' | 'round' | 'square' | 'inherit';
  'stroke-linejoin'?: 'arcs' | 'bevel' | 'miter' | 'miter-clip' | 'round' | 'inherit';
  'stroke-miterlimit'?: Numberish;
  'stroke-opacity'?: Numberish;
  'stroke-width'?: Numberish;
  'text-anchor'?: 'start' | 'middle' | 'end' | 'inherit';
  'text-decoration'?: string;
  'text-rendering'?: 'auto' | 'optimizeSpeed' | 'optimizeLegibility' | 'geometricPrecision' | 'inherit';
  'transform-origin'?: string;
  'unicode-bidi'?: string;
  'vector-effect'?: string;
  visibility?: 'visible' | 'hidden' | 'collapse' | 'inherit';
  'word-spacing'?: Numberish;
  'writing-mode'?: string;
}

/** The attributes of SVG element `T`, directives included. */
export type SVGAttributes<T, Extra = {}> = SVGAttributeSet<T> & Extra & DirectiveProps;

interface Box {
  height?: Numberish;
  width?: Numberish;
  x?: Numberish;
  y?: Numberish;
}
interface ViewBox {
  preserveAspectRatio?: string;
  viewBox?: string;
}
interface Href {
  href?: string;
  'xlink:href'?: string;
}
interface SvgRootAttributes extends Box, ViewBox {
  version?: string;
  xmlns?: string;
  'xmlns:xlink'?: string;
}
interface CircleAttributes {
  cx?: Numberish;
  cy?: Numberish;
  pathLength?: Numberish;
  r?: Numberish;
}
interface EllipseAttributes {
  cx?: Numberish;
  cy?: Numberish;
  pathLength?: Numberish;
  rx?: Numberish;
  ry?: Numberish;
}
interface LineAttributes {
  pathLength?: Numberish;
  x1?: Numberish;
  x2?: Numberish;
  y1?: Numberish;
  y2?: Numberish;
}
interface PathAttributes {
  d?: string;
  pathLength?: Numberish;
}
interface PolyAttributes {
  pathLength?: Numberish;
  points?: string;
}
interface RectAttributes extends Box {
  pathLength?: Numberish;
  rx?: Numberish;
  ry?: Numberish;
}
interface TextAttributes {
  dx?: Numberish;
  dy?: Numberish;
  lengthAdjust?: 'spacing' | 'spacingAndGlyphs';
  rotate?: string;
  textLength?: Numberish;
  x?: Numberish;
  y?: Numberish;
}
interface TextPathAttributes extends Href {
  lengthAdjust?: 'spacing' | 'spacingAndGlyphs';
  method?: 'align' | 'stretch';
  path?: string;
  side?: 'left' | 'right';
  spacing?: 'auto' | 'exact';
  startOffset?: Numberish;
  textLength?: Numberish;
}
interface UseAttributes extends Box, Href {}
interface ImageAttributes extends Box, Href {
  crossorigin?: CrossOrigin;
  decoding?: 'sync' | 'async' | 'auto';
  preserveAspectRatio?: string;
}
interface SymbolAttributes extends Box, ViewBox {
  refX?: Numberish;
  refY?: Numberish;
}
interface MarkerAttributes extends ViewBox {
  markerHeight?: Numberish;
  markerUnits?: 'strokeWidth' | 'userSpaceOnUse';
  markerWidth?: Numberish;
  orient?: string;
  refX?: Numberish;
  refY?: Numberish;
}
interface PatternAttributes extends Box, ViewBox, Href {
  patternContentUnits?: 'userSpaceOnUse' | 'objectBoundingBox';
  patternTransform?: string;
  patternUnits?: 'userSpaceOnUse' | 'objectBoundingBox';
}
interface ClipPathAttributes {
  clipPathUnits?: 'userSpaceOnUse' | 'objectBoundingBox';
}
interface MaskAttributes extends Box {
  maskContentUnits?: 'userSpaceOnUse' | 'objectBoundingBox';
  maskUnits?: 'userSpaceOnUse' | 'objectBoundingBox';
}
interface GradientAttributes extends Href {
  gradientTransform?: string;
  gradientUnits?: 'userSpaceOnUse' | 'objectBoundingBox';
  spreadMethod?: 'pad' | 'reflect' | 'repeat';
}
interface LinearGradientAttributes extends GradientAttributes {
  x1?: Numberish;
  x2?: Numberish;
  y1?: Numberish;
  y2?: Numberish;
}
interface RadialGradientAttributes extends GradientAttributes {
  cx?: Numberish;
  cy?: Numberish;
  fr?: Numberish;
  fx?: Numberish;
  fy?: Numberish;
  r?: Numberish;
}
interface StopAttributes {
  offset?: Numberish;
}
interface FilterAttributes extends Box {
  filterUnits?: 'userSpaceOnUse' | 'objectBoundingBox';
  primitiveUnits?: 'userSpaceOnUse' | 'objectBoundingBox';
}
/** Attributes of the filter primitives (`feGaussianBlur`, …). */
interface FilterPrimitiveAttributes extends Box {
  in?: string;
  in2?: string;
  k1?: Numberish;
  k2?: Numberish;
  k3?: Numberish;
  k4?: Numberish;
  mode?: string;
  operator?: string;
  result?: string;
  scale?: Numberish;
  stdDeviation?: Numberish;
  type?: string;
  values?: string;
  dx?: Numberish;
  dy?: Numberish;
  baseFrequency?: Numberish;
  numOctaves?: Numberish;
  seed?: Numberish;
  stitchTiles?: 'stitch' | 'noStitch';
  xChannelSelector?: 'R' | 'G' | 'B' | 'A';
  yChannelSelector?: 'R' | 'G' | 'B' | 'A';
}
interface AnimationAttributes extends Href {
  additive?: 'replace' | 'sum';
  accumulate?: 'none' | 'sum';
  attributeName?: string;
  begin?: string;
  by?: Numberish;
  calcMode?: 'discrete' | 'linear' | 'paced' | 'spline';
  dur?: string;
  end?: string;
  fill?: 'freeze' | 'remove';
  from?: Numberish;
  keyPoints?: string;
  keySplines?: string;
  keyTimes?: string;
  max?: string;
  min?: string;
  path?: string;
  repeatCount?: Numberish | 'indefinite';
  repeatDur?: string;
  restart?: 'always' | 'whenNotActive' | 'never';
  rotate?: Numberish | 'auto' | 'auto-reverse';
  to?: Numberish;
  type?: 'translate' | 'scale' | 'rotate' | 'skewX' | 'skewY';
  values?: string;
}

type Svg<K extends keyof SVGElementTagNameMap, Extra = {}> = SVGAttributes<SVGElementTagNameMap[K], Extra>;

/**
 * The SVG elements. `a`, `script`, `style` and `title` are typed as their HTML namesakes (a JSX
 * tag has one type); the compiler creates them in the SVG namespace inside `<svg>`.
 */
export interface SVGElements {
  animate: Svg<'animate', AnimationAttributes>;
  animateMotion: Svg<'animateMotion', AnimationAttributes>;
  animateTransform: Svg<'animateTransform', AnimationAttributes>;
  circle: Svg<'circle', CircleAttributes>;
  clipPath: Svg<'clipPath', ClipPathAttributes>;
  defs: Svg<'defs'>;
  desc: Svg<'desc'>;
  ellipse: Svg<'ellipse', EllipseAttributes>;
  feBlend: Svg<'feBlend', FilterPrimitiveAttributes>;
  feColorMatrix: Svg<'feColorMatrix', FilterPrimitiveAttributes>;
  feComponentTransfer: Svg<'feComponentTransfer', FilterPrimitiveAttributes>;
  feComposite: Svg<'feComposite', FilterPrimitiveAttributes>;
  feDisplacementMap: Svg<'feDisplacementMap', FilterPrimitiveAttributes>;
  feDropShadow: Svg<'feDropShadow', FilterPrimitiveAttributes>;
  feFlood: Svg<'feFlood', FilterPrimitiveAttributes>;
  feGaussianBlur: Svg<'feGaussianBlur', FilterPrimitiveAttributes>;
  feImage: Svg<'feImage', FilterPrimitiveAttributes & Href>;
  feMerge: Svg<'feMerge', FilterPrimitiveAttributes>;
  feMergeNode: Svg<'feMergeNode', FilterPrimitiveAttributes>;
  feMorphology: Svg<'feMorphology', FilterPrimitiveAttributes>;
  feOffset: Svg<'feOffset', FilterPrimitiveAttributes>;
  feTile: Svg<'feTile', FilterPrimitiveAttributes>;
  feTurbulence: Svg<'feTurbulence', FilterPrimitiveAttributes>;
  filter: Svg<'filter', FilterAttributes>;
  foreignObject: Svg<'foreignObject', Box>;
  g: Svg<'g'>;
  image: Svg<'image', ImageAttributes>;
  line: Svg<'line', LineAttributes>;
  linearGradient: Svg<'linearGradient', LinearGradientAttributes>;
  marker: Svg<'marker', MarkerAttributes>;
  mask: Svg<'mask', MaskAttributes>;
  metadata: Svg<'metadata'>;
  mpath: Svg<'mpath', Href>;
  path: Svg<'path', PathAttributes>;
  pattern: Svg<'pattern', PatternAttributes>;
  polygon: Svg<'polygon', PolyAttributes>;
  polyline: Svg<'polyline', PolyAttributes>;
  radialGradient: Svg<'radialGradient', RadialGradientAttributes>;
  rect: Svg<'rect', RectAttributes>;
  set: Svg<'set', AnimationAttributes>;
  stop: Svg<'stop', StopAttributes>;
  svg: Svg<'svg', SvgRootAttributes>;
  switch: Svg<'switch'>;
  symbol: Svg<'symbol', SymbolAttributes>;
  text: Svg<'text', TextAttributes>;
  textPath: Svg<'textPath', TextPathAttributes>;
  tspan: Svg<'tspan', TextAttributes>;
  use: Svg<'use', UseAttributes>;
  view: Svg<'view', ViewBox>;
}

// ---------------------------------------------------------------------------------------------
// The namespace TypeScript reads

export declare namespace JSX {
  /**
   * What JSX evaluates to, and what a component returns and `insert` accepts: nodes, text,
   * nothing (`null`, `undefined`, booleans), arrays of these, and functions returning these
   * (inserted reactively).
   */
  type Element = Node | ArrayElement | FunctionElement | string | number | boolean | null | undefined;
  interface ArrayElement extends ReadonlyArray<Element> {}
  interface FunctionElement {
    (): Element;
  }
  /** Children are passed to components as the `children` prop. */
  interface ElementChildrenAttribute {
    children: {};
  }
  interface IntrinsicAttributes {}
  interface IntrinsicElements extends HTMLElements, SVGElements {}

  // The attribute types, for components that pass attributes through to an element.
  type HTMLAttributes<T> = import('./jsx.js').HTMLAttributes<T>;
  type SVGAttributes<T> = import('./jsx.js').SVGAttributes<T>;
  type CSSProperties = import('./jsx.js').CSSProperties;
  type EventHandler<T, E extends Event> = import('./jsx.js').EventHandler<T, E>;
  type EventHandlerUnion<T, E extends Event> = import('./jsx.js').EventHandlerUnion<T, E>;
}

// ---------------------------------------------------------------------------------------------
// Components

/** A component: a function from props to what it renders, called once. */
export type Component<P = {}> = (props: P) => JSX.Element;
/** Props with optional `children`. */
export type ParentProps<P = {}> = P & { children?: JSX.Element };
export type ParentComponent<P = {}> = Component<ParentProps<P>>;
/** Something `Dynamic` can render: a tag name or a component. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any component, whatever its props
export type ValidComponent = keyof JSX.IntrinsicElements | Component<any> | (string & {});
/** The props of a tag name or component. */
export type ComponentProps<T extends ValidComponent> = T extends Component<infer P>
  ? P
  : T extends keyof JSX.IntrinsicElements
    ? JSX.IntrinsicElements[T]
    : Record<string, unknown>;
/** `JSX.Element` without the zero-argument function form: for children that may also be render functions. */
export type NonFunctionElement = Exclude<JSX.Element, JSX.FunctionElement>;
