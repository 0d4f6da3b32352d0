// The store: holds the state, runs intents through the reducer, and tells each watcher when the part
// of the state (or of the derived runs) it watches has changed. Intents dispatched while watchers run
// are queued and handled in order after them, so every watcher sees every state in sequence.
import { Deriver, type Runs } from './derive';
import type { Intent } from './intents';
import { reduce } from './reducer';
import type { AppState } from './state';

interface Watcher<T> {
  select: (s: AppState) => T;
  fn: (value: T, prev: T | undefined, s: AppState) => void;
  eq: (a: T, b: T) => boolean;
  last: T | undefined;
  primed: boolean;
}

export interface WatchOptions<T> {
  eq?: (a: T, b: T) => boolean;
  /** Call fn at once with the current value (default true). */
  now?: boolean;
}

export class Store {
  private state: AppState;
  private readonly deriver = new Deriver();
  private readonly watchers: Watcher<unknown>[] = [];
  private readonly queue: Intent[] = [];
  private busy = false;
  /** Called when a watcher throws (the others still run). */
  onError: (e: unknown) => void = () => {};
  /** Every intent as it is handled (tests and the debugging hook). */
  onIntent: (i: Intent) => void = () => {};

  constructor(initial: AppState) {
    this.state = initial;
  }

  get(): AppState {
    return this.state;
  }

  /** The runs of a state (by default the current one): memoised, so every view shares them. */
  runs(s: AppState = this.state): Runs {
    return this.deriver.runs(s.library, s.doc);
  }

  get cache() {
    return this.deriver.cache;
  }

  dispatch(intent: Intent): void {
    this.queue.push(intent);
    if (this.busy) return;
    this.busy = true;
    try {
      while (this.queue.length > 0) {
        const next = this.queue.shift() as Intent;
        this.onIntent(next);
        const prev = this.state;
        const s = reduce(prev, next);
        if (s !== prev) {
          this.state = s;
          this.notify();
        }
      }
    } finally {
      this.busy = false;
    }
  }

  watch<T>(
    select: (s: AppState) => T,
    fn: (value: T, prev: T | undefined, s: AppState) => void,
    opts: WatchOptions<T> = {},
  ): () => void {
    const w: Watcher<T> = { select, fn, eq: opts.eq ?? Object.is, last: undefined, primed: false };
    this.watchers.push(w as Watcher<unknown>);
    if (opts.now ?? true) this.run(w as Watcher<unknown>);
    else {
      w.last = select(this.state);
      w.primed = true;
    }
    return () => {
      const k = this.watchers.indexOf(w as Watcher<unknown>);
      if (k >= 0) this.watchers.splice(k, 1);
    };
  }

  private notify(): void {
    for (const w of [...this.watchers]) this.run(w);
  }

  private run(w: Watcher<unknown>): void {
    try {
      const v = w.select(this.state);
      if (w.primed && w.eq(v, w.last)) return;
      const prev = w.last;
      w.last = v;
      w.primed = true;
      w.fn(v, prev, this.state);
    } catch (e) {
      this.onError(e);
    }
  }
}
