/**
 * The server's side of `HydrationContext` for one render: the id allocator of the root scope,
 * the data resources loaded (sent to the client once each), and the cache that lets a boundary
 * rendered again take what its earlier render loaded (CONTRACT.md §5).
 *
 * Per id:
 * - `serialize(id, entry)`: a resource's first load. Once it settles, its entry is cached (for
 *   `take`) and encoded into a data statement, unless that id was already sent: a boundary
 *   rendered twice registers its resources twice, and the second registration resolves to the
 *   same entry (it adopted the first load).
 * - `take(id)`: the cached entry.
 * - `adopt(id)`: the load still in flight for that id, so a boundary rendered again never starts
 *   a second fetch for a resource its earlier render started.
 */
import type { HydrationEntry, HydrationHandle } from '@lepta/reactive/internal';
import { dataStatement } from './scripts.js';
import { encodeEntry } from './serialize.js';

export class ServerData {
  private count = 0;
  private readonly settled = new Map<string, HydrationEntry>();
  private readonly inflight = new Map<string, Promise<HydrationEntry | undefined>>();
  /** Ids whose data was sent (or is being encoded, or will never be sent). */
  private readonly sent = new Set<string>();
  /** Data statements not written yet. */
  private statements = '';
  /** Encodings in progress (values holding promises). */
  private encodings = 0;
  private whenEncoded: (() => void)[] = [];
  private stopped = false;

  /** The root scope's handle: ids `0`, `1`, …; Suspense boundaries scope their children's. */
  readonly handle: HydrationHandle;
  /**
   * A handle for what the client renders afresh rather than hydrating (fallbacks): its loads are
   * cached and adopted like the others, so a boundary there rendered again fetches nothing twice,
   * but never sent. Scope it (`scopedHandle(local, id)`) before use.
   */
  readonly local: HydrationHandle;

  constructor(
    private readonly dev: boolean,
    private readonly report: (error: unknown) => void,
  ) {
    this.handle = {
      nextId: () => '' + this.count++,
      take: (id) => this.settled.get(id),
      adopt: (id) => this.inflight.get(id),
      serialize: (id, entry) => this.register(id, entry, true),
    };
    this.local = { ...this.handle, serialize: (id, entry) => this.register(id, entry, false) };
  }

  private register(id: string, entry: HydrationEntry | undefined | Promise<HydrationEntry | undefined>, send: boolean): void {
    if (!(entry instanceof Promise)) return this.settle(id, entry, send);
    this.inflight.set(id, entry);
    void entry.then((settled) => {
      if (this.inflight.get(id) === entry) this.inflight.delete(id);
      this.settle(id, settled, send);
    });
  }

  private settle(id: string, entry: HydrationEntry | undefined, send: boolean): void {
    if (entry === undefined || this.stopped) return;
    if (!this.settled.has(id)) this.settled.set(id, entry);
    if (!send || this.sent.has(id)) return;
    this.sent.add(id);
    let code: string | Promise<string>;
    try {
      code = encodeEntry(entry, this.dev);
    } catch (error) {
      return this.unserializable(id, error);
    }
    if (typeof code === 'string') {
      this.statements += dataStatement(id, code);
      return;
    }
    this.encodings++;
    code
      .then(
        (c) => {
          if (!this.stopped) this.statements += dataStatement(id, c);
        },
        (error: unknown) => this.unserializable(id, error),
      )
      .finally(() => {
        if (--this.encodings > 0) return;
        const waiters = this.whenEncoded;
        this.whenEncoded = [];
        for (const resolve of waiters) resolve();
      });
  }

  private unserializable(id: string, cause: unknown): void {
    this.report(
      new Error(
        `Resource "${id}": its value cannot be sent to the client (${cause instanceof Error ? cause.message : String(cause)}); ` +
          'the client will load it again. Return plain data (objects, arrays, Dates, Maps, Sets, …).',
        { cause },
      ),
    );
  }

  /** The data statements ready since the last call (entries that settled meanwhile). */
  drain(): string {
    const statements = this.statements;
    this.statements = '';
    return statements;
  }

  /** Whether values are being encoded (values holding promises encode asynchronously). */
  get encoding(): boolean {
    return this.encodings > 0;
  }

  /** Resolves once no value is being encoded. */
  encoded(): Promise<void> {
    return this.encodings === 0 ? Promise.resolve() : new Promise((resolve) => this.whenEncoded.push(resolve));
  }

  /**
   * The render timed out: every load still in flight is given up. Boundaries rendered from now on
   * take `error` for them (and render their ErrorBoundary's fallback); nothing is sent for them,
   * so the client loads them itself.
   */
  giveUp(error: Error): void {
    for (const id of this.inflight.keys()) {
      if (!this.settled.has(id)) this.settled.set(id, { error });
      this.sent.add(id);
    }
    this.inflight.clear();
  }

  /** The render is over: nothing more is cached, encoded or sent. */
  stop(): void {
    this.stopped = true;
    this.inflight.clear();
  }
}
