// A worker thread of the Node pool (nodePool.ts): requests in, replies out, buffers handed over.
import { parentPort } from 'node:worker_threads';
import { type Request, transferables, WorkerHandler } from './worker';

const port = parentPort;
if (!port) throw new Error('nodeWorker.ts runs as a worker thread (see nodePool.ts)');
const handler = new WorkerHandler();
port.on('message', (m: Request) => {
  const r = handler.handle(m);
  if (r) port.postMessage(r, transferables(r));
});
