// The background worker: it receives jobs ({ kind, gen, payload }, plain JSON), runs the matching
// handler and posts progress and the result back. Handlers yield between units of work (a seed), so a
// newer job of the same kind reaches the worker and the older one is dropped at once. New kinds (a
// sensitivity view, claims robustness) are added to HANDLERS.
import type { JobMessage, JobReply } from '../app/jobs';
import { type BandRequest, computeBand } from '../sim/band';

interface WorkerScope {
  onmessage: ((e: MessageEvent<JobMessage>) => void) | null;
  postMessage(message: JobReply): void;
}

const scope = self as unknown as WorkerScope;
/** The latest generation of each kind: older work of that kind stops at its next pause. */
const latest = new Map<string, number>();

// A macrotask without setTimeout's clamping: the queue runs, so jobs posted meanwhile arrive first.
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();
const yieldNow = () =>
  new Promise<void>((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });

type Handler = (
  payload: unknown,
  ctx: { cancelled: () => boolean; pause: () => Promise<void>; progress: (done: number) => void },
) => Promise<{ ok: true; value: unknown } | { ok: false; error: string } | { ok: false; cancelled: true }>;

const HANDLERS: Record<string, Handler> = {
  band: async (payload, ctx) => {
    const req = payload as Omit<BandRequest, 'gen'>;
    let done = 0;
    const out = await computeBand(
      { ...req, gen: 0 },
      {
        cancelled: ctx.cancelled,
        pause: async () => {
          done++;
          ctx.progress(done / req.seeds);
          await ctx.pause();
        },
      },
    );
    if (out.ok) return { ok: true, value: out.result };
    return out;
  },
};

scope.onmessage = (e) => {
  const { kind, gen, payload } = e.data;
  latest.set(kind, gen);
  const handler = HANDLERS[kind];
  if (!handler) {
    scope.postMessage({ type: 'error', kind, gen, error: `no handler for jobs of kind "${kind}"` });
    return;
  }
  let lastReport = 0;
  const ctx = {
    cancelled: () => latest.get(kind) !== gen,
    pause: yieldNow,
    progress: (done: number) => {
      // A few reports are enough for a progress figure.
      if (done - lastReport >= 0.1 || done >= 1) {
        lastReport = done;
        scope.postMessage({ type: 'progress', kind, gen, done });
      }
    },
  };
  void handler(payload, ctx)
    .then((out) => {
      if (out.ok) scope.postMessage({ type: 'result', kind, gen, value: out.value });
      else if (!('cancelled' in out)) scope.postMessage({ type: 'error', kind, gen, error: out.error });
    })
    .catch((err: unknown) =>
      scope.postMessage({ type: 'error', kind, gen, error: err instanceof Error ? err.message : String(err) }),
    );
};
