// The main thread's side of the live bands: each request goes to the browser's worker pool
// (src/sim/webPool.ts). Requests coalesce per animation frame (the first of a frame starts at once,
// the last of the others when the frame is drawn) and a new one cancels the one running, so a drag
// never queues work; the job slot's generation still decides what is drawn. A worker that fails is
// replaced by the pool; the request it held is sent again with a message saying so, and after
// repeated failures the runner stops and offers a retry.
import type { Intent } from '../app/intents';
import type { JobMessage, JobRunner } from '../app/jobs';
import { computeLive, type LiveRequest } from '../app/liveBands';
import { Pool, type WorkerPort } from '../sim/pool';
import { webPort } from '../sim/webPool';

const MAX_RESTARTS = 3;

export class PoolRunner implements JobRunner {
  /** Workers started (restarts included), for tests. */
  started = 0;
  readonly size: number;
  private pool: Pool | null = null;
  private controller: AbortController | null = null;
  private pending: JobMessage | null = null;
  private inFrame = false;
  /** Failures since the last result. */
  private failures = 0;
  private current: JobMessage | null = null;

  constructor(
    private readonly dispatch: (i: Intent) => void,
    private readonly clock: () => number,
    size = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2,
    private readonly frame: (fn: () => void) => void = (fn) => requestAnimationFrame(() => fn()),
  ) {
    this.size = Math.max(1, Math.min(size, 16));
  }

  run(message: JobMessage): void {
    // Asked again after giving up (the message's retry, or a new change): start afresh.
    if (this.failures > MAX_RESTARTS) this.failures = 0;
    this.pending = message;
    if (!this.inFrame) this.flush();
  }

  private flush(): void {
    const m = this.pending;
    if (!m) return;
    this.pending = null;
    this.inFrame = true;
    this.frame(() => {
      this.inFrame = false;
      this.flush();
    });
    this.start(m);
  }

  private getPool(): Pool {
    this.pool ??= new Pool(this.size, () => this.port());
    return this.pool;
  }

  /** The pool's port, watched: a failure is said before the pool replaces the worker. */
  private port(): WorkerPort {
    const inner = webPort();
    this.started++;
    const outer: WorkerPort = {
      send: (m, transfer) => inner.send(m, transfer),
      onReply: () => {},
      onFailure: () => {},
      close: () => inner.close(),
    };
    inner.onReply = (r) => outer.onReply(r);
    inner.onFailure = (message) => {
      this.failed(message);
      outer.onFailure(message);
    };
    return outer;
  }

  private start(m: JobMessage): void {
    this.controller?.abort();
    const c = new AbortController();
    this.controller = c;
    this.current = m;
    computeLive(this.getPool(), m.payload as LiveRequest, c.signal, this.clock).then(
      (value) => {
        if (c.signal.aborted) return;
        this.failures = 0;
        this.dispatch({ type: 'jobResult', kind: m.kind, gen: m.gen, value, now: this.clock() });
      },
      (e: unknown) => {
        if (c.signal.aborted) return;
        const message = e instanceof Error ? e.message : String(e);
        // A worker died under this request: the pool has replaced it; send the request again.
        if (message.startsWith('a worker failed') && this.failures <= MAX_RESTARTS && this.pool) {
          this.start(m);
          return;
        }
        this.dispatch({ type: 'jobError', kind: m.kind, gen: m.gen, error: message });
      },
    );
  }

  private failed(reason: string): void {
    this.failures++;
    if (this.failures > MAX_RESTARTS) {
      // Stop the pool (it would replace a worker whose script never loads, forever); a retry makes a new one.
      const pool = this.pool;
      this.pool = null;
      this.controller?.abort();
      pool?.close();
      const m = this.current;
      if (m)
        this.dispatch({
          type: 'jobError',
          kind: m.kind,
          gen: m.gen,
          error: `the background workers failed (${reason})`,
        });
      this.dispatch({
        type: 'message',
        message: {
          id: 'worker',
          kind: 'error',
          text: `The background workers keep failing (${reason}), so the band of seeds is not drawn. The run shown is unaffected.`,
          details: [],
          ttl: 0,
          action: { label: 'retry', intent: { type: 'jobRetry', kind: '*', now: 0 } },
        },
      });
      return;
    }
    this.dispatch({
      type: 'message',
      message: {
        id: 'worker',
        kind: 'warn',
        text: `A background worker stopped (${reason}); it was restarted and its work sent again.`,
        details: [],
        ttl: 8000,
      },
    });
  }
}
