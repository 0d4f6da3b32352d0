// A Web Worker of the browser pool (webPool.ts): requests in, replies out, buffers handed over. It
// imports the model and the sim only: no zod, no mathjs (the scenario arrives validated, as data).
import { type Request, transferables, WorkerHandler } from './worker';

interface WorkerScope {
  onmessage: ((e: MessageEvent<Request>) => void) | null;
  postMessage(message: unknown, transfer: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
const handler = new WorkerHandler();
scope.onmessage = (e) => {
  const r = handler.handle(e.data);
  if (r) scope.postMessage(r, transferables(r));
};
