// The pool in the browser: persistent Web Workers, one per core, started on first use and kept.
// Usage from the app (the view stays thin):
//   const pool = webPool();
//   const stats = await pool.ensemble(spec, { seeds: 200, seedStart: seed, steps, changes, metrics }, { signal });
//   const b = bands(stats);  // per metric: q05, q25, q50, q75, q95 by step; configuration shares by step
// Abort the previous request's signal when a lever moves: its queued blocks are dropped and its result
// never arrives (the promise rejects with CancelledError).
import { Pool, type WorkerPort } from './pool';
import type { Reply } from './worker';

export function webPort(): WorkerPort {
  const w = new Worker(new URL('./webWorker.ts', import.meta.url), { type: 'module' });
  const port: WorkerPort = {
    send: (m, transfer) => w.postMessage(m, transfer ?? []),
    onReply: () => {},
    onFailure: () => {},
    close: () => w.terminate(),
  };
  w.onmessage = (e: MessageEvent<Reply>) => port.onReply(e.data);
  w.onerror = (e) => {
    e.preventDefault();
    port.onFailure(e.message || 'the worker failed');
  };
  return port;
}

let shared: Pool | null = null;

/** A new pool of `size` workers (default: one per core, at most 16). */
export function createWebPool(size?: number): Pool {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
  return new Pool(Math.max(1, Math.min(size ?? cores, 16)), webPort);
}

/** The page's pool, one per core, created on first call and kept. */
export function webPool(): Pool {
  shared ??= createWebPool();
  return shared;
}
