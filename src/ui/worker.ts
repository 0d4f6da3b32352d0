// The main thread's side of the background worker: it sends jobs and turns the answers into intents.
// A worker that fails (its script does not load after a redeploy, it crashes) is replaced and the
// jobs it held are sent again, with a message saying so; after repeated failures it stops and offers
// a retry. Whether an answer is still wanted is the reducer's business (generations), not this file's.
import type { Intent } from '../app/intents';
import type { JobMessage, JobReply, JobRunner } from '../app/jobs';

const MAX_RESTARTS = 3;

export class WorkerRunner implements JobRunner {
  private worker: Worker | null = null;
  /** The latest job of each kind that has not answered yet. */
  private readonly inflight = new Map<string, JobMessage>();
  private failures = 0;
  private restartTimer = 0;
  /** Workers started, for tests. */
  started = 0;

  constructor(
    private readonly make: () => Worker,
    private readonly dispatch: (i: Intent) => void,
    private readonly clock: () => number,
  ) {}

  run(message: JobMessage): void {
    // Asked again after giving up (the message's retry, or a new change): start afresh.
    if (this.failures > MAX_RESTARTS) this.failures = 0;
    this.inflight.set(message.kind, message);
    if (this.restartTimer) return;
    this.ensure().postMessage(message);
  }

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const w = this.make();
    this.started++;
    w.onmessage = (e: MessageEvent<JobReply>) => this.reply(e.data);
    w.onerror = (e) => {
      e.preventDefault();
      this.failed(e.message || 'its script did not load or it stopped');
    };
    w.onmessageerror = () => this.failed('a message could not be read');
    this.worker = w;
    return w;
  }

  private reply(m: JobReply): void {
    if (m.type === 'progress') {
      this.dispatch({ type: 'jobProgress', kind: m.kind, gen: m.gen, done: m.done });
      return;
    }
    const pending = this.inflight.get(m.kind);
    if (pending && pending.gen === m.gen) this.inflight.delete(m.kind);
    if (m.type === 'result') {
      this.failures = 0;
      this.dispatch({ type: 'jobResult', kind: m.kind, gen: m.gen, value: m.value, now: this.clock() });
    } else this.dispatch({ type: 'jobError', kind: m.kind, gen: m.gen, error: m.error });
  }

  private failed(reason: string): void {
    this.worker?.terminate();
    this.worker = null;
    this.failures++;
    if (this.failures > MAX_RESTARTS) {
      for (const m of this.inflight.values())
        this.dispatch({
          type: 'jobError',
          kind: m.kind,
          gen: m.gen,
          error: `the background worker failed ${MAX_RESTARTS + 1} times (${reason})`,
        });
      this.dispatch({
        type: 'message',
        message: {
          id: 'worker',
          kind: 'error',
          text: `The background worker keeps failing (${reason}), so the band of seeds is not drawn. The run shown is unaffected.`,
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
        text: `The background worker stopped (${reason}); it was restarted and its work sent again.`,
        details: [],
        ttl: 8000,
      },
    });
    // A short pause, longer after each failure, then a fresh worker takes the jobs still wanted.
    this.restartTimer = window.setTimeout(() => {
      this.restartTimer = 0;
      for (const m of this.inflight.values()) this.ensure().postMessage(m);
    }, 200 * this.failures);
  }
}
