/**
 * The function both servers run: a small object in, a small object out, plain JSON types so
 * the bare server can carry it with JSON.stringify/JSON.parse.
 */

export const INPUT = { id: 42, name: 'widget', tags: ['a', 'b'], items: [3, 1, 4, 1, 5], express: true };

/** Throws on an input of the wrong shape: both servers validate the same way. */
export function check(input) {
  if (
    typeof input !== 'object' || input === null ||
    typeof input.id !== 'number' || typeof input.name !== 'string' || typeof input.express !== 'boolean' ||
    !Array.isArray(input.tags) || !input.tags.every((t) => typeof t === 'string') ||
    !Array.isArray(input.items) || !input.items.every((n) => typeof n === 'number')
  ) {
    return 'input: expected { id: number, name: string, tags: string[], items: number[], express: boolean }';
  }
  return null;
}

export function quote(input) {
  const total = input.items.reduce((sum, n) => sum + n, 0);
  return { id: input.id, label: input.name.toUpperCase(), total, shipping: input.express ? 'express' : 'standard', count: input.tags.length };
}

export const EXPECTED = quote(INPUT);
