import type { Adapter } from '../adapter.js';

/** Every library in the run, in table order. Loaded lazily so one broken package names itself. */
export const LIBRARY_IDS = ['lepta', 'alien', 'preact', 'solid'] as const;
export type LibraryId = (typeof LIBRARY_IDS)[number];

export async function loadAdapter(id: LibraryId): Promise<Adapter> {
  switch (id) {
    case 'lepta':
      return (await import('./lepta.js')).lepta;
    case 'alien':
      return (await import('./alien.js')).alien;
    case 'preact':
      return (await import('./preact.js')).preact;
    case 'solid':
      return (await import('./solid.js')).solid;
  }
}
