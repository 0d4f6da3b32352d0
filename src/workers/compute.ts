// The ensemble band, off the main thread: it receives a BandRequest (plain JSON), runs the seeds one
// by one and posts the quantiles back. Between seeds it takes its messages, so a newer request (the
// user moved a lever again) makes it drop the older one at once instead of finishing it.
import { type BandRequest, computeBand } from '../sim/band';

interface WorkerScope {
  onmessage: ((e: MessageEvent<BandRequest>) => void) | null;
  postMessage(message: unknown): void;
}

const scope = self as unknown as WorkerScope;
let latest = -1;

// A macrotask without setTimeout's clamping: the queue runs, so requests posted meanwhile arrive first.
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();
const pause = () =>
  new Promise<void>((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });

scope.onmessage = (e) => {
  const req = e.data;
  latest = req.gen;
  void computeBand(req, { cancelled: () => latest !== req.gen, pause })
    .then((out) => {
      if (out.ok) scope.postMessage({ type: 'band', result: out.result });
      else if (!('cancelled' in out)) scope.postMessage({ type: 'error', gen: req.gen, error: out.error });
    })
    .catch((err: unknown) =>
      scope.postMessage({ type: 'error', gen: req.gen, error: err instanceof Error ? err.message : String(err) }),
    );
};
