/**
 * lepta — the one package applications import. For now it is the reactive API; the components
 * and the mount / hydrate / render entry points join it as the renderers land.
 */
export * from '@lepta/reactive';
