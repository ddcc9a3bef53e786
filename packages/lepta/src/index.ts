/**
 * lepta — the one package applications import: the reactive API (all of @lepta/reactive), the
 * components, `mount`, and the JSX types.
 */
export * from '@lepta/reactive';
export {
  Show,
  For,
  Index,
  Switch,
  Match,
  ErrorBoundary,
  type ShowProps,
  type KeyedShowProps,
  type ForProps,
  type IndexProps,
  type SwitchProps,
  type MatchProps,
  type KeyedMatchProps,
  type ErrorBoundaryProps,
} from './flow.js';
export { Dynamic, Portal, type DynamicProps, type PortalProps } from './dom-components.js';
export { Suspense, Transition, Await, type SuspenseProps, type AwaitProps } from './suspense.js';
export { mount, hydrate } from '@lepta/dom';
export { ServerFunctionError, validated, type StandardSchema } from './server-functions.js';
export {
  ActionForm,
  MultiActionForm,
  FlashContext,
  type ActionFormProps,
  type MultiActionFormProps,
  type FormFlash,
} from './forms.js';
export type {
  JSX,
  Component,
  ParentProps,
  ParentComponent,
  ValidComponent,
  ComponentProps,
  HTMLAttributes,
  SVGAttributes,
  CSSProperties,
  EventHandler,
  EventHandlerUnion,
  TargetedEvent,
  Binding,
} from './jsx.js';
