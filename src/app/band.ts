// The main thread's side of the ensemble band: one worker, one request in flight that matters. Each
// request gets a new generation; a result of an older generation is ignored (and the worker drops
// older work itself when a newer request reaches it).
import type { BandRequest, BandResult } from '../sim/band';

type Reply = { type: 'band'; result: BandResult } | { type: 'error'; gen: number; error: string };

export class BandClient {
  private worker: Worker | null = null;
  private gen = 0;
  private sentAt = 0;
  onResult: (r: BandResult, roundTripMs: number) => void = () => {};
  onError: (message: string) => void = () => {};

  request(req: Omit<BandRequest, 'gen'>): number {
    const w = this.ensureWorker();
    this.gen++;
    this.sentAt = performance.now();
    w.postMessage({ ...req, gen: this.gen } satisfies BandRequest);
    return this.gen;
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(new URL('./ensembleWorker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (e: MessageEvent<Reply>) => {
      const m = e.data;
      if (m.type === 'band') {
        if (m.result.gen === this.gen) this.onResult(m.result, performance.now() - this.sentAt);
      } else if (m.gen === this.gen) this.onError(m.error);
    };
    w.onerror = (e) => {
      e.preventDefault();
      this.onError(e.message || 'the band worker failed');
    };
    this.worker = w;
    return w;
  }
}
