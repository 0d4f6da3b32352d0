// The pool on Node's worker_threads. From the CLI bundle the worker is its sibling worker.mjs; from the
// TypeScript sources (tests, tsx) it is nodeWorker.ts, loaded through tsx's loader.
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { Pool, type WorkerPort } from './pool';
import type { Reply } from './worker';

function spawn(entry?: URL): Worker {
  const here = import.meta.url;
  if (entry) return new Worker(entry);
  if (!here.endsWith('.ts')) return new Worker(new URL('./worker.mjs', here));
  // Sources: register tsx in the worker, then import the TypeScript entry.
  // require.resolve finds the CommonJS build of tsx's API; the worker imports its ES module twin.
  const tsx = pathToFileURL(
    createRequire(here)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const source = new URL('./nodeWorker.ts', here).href;
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(source)}); })`;
  return new Worker(boot, { eval: true });
}

function nodePort(entry?: URL): WorkerPort {
  const w = spawn(entry);
  const port: WorkerPort = {
    send: (m, transfer) => w.postMessage(m, transfer ?? []),
    onReply: () => {},
    onFailure: () => {},
    close: () => {
      void w.terminate();
    },
  };
  w.on('message', (r: Reply) => port.onReply(r));
  w.on('error', (e) => port.onFailure(e.message));
  w.on('exit', (code) => {
    if (code !== 0) port.onFailure(`exited with code ${code}`);
  });
  return port;
}

/** Worker threads the machine can run at once. */
export function cores(): number {
  return availableParallelism();
}

/**
 * A pool of `size` worker threads (default: one per core). Close it when done, or the process stays.
 * `entry` is the workers' script: by default the bundle's worker.mjs beside this file, or from the
 * TypeScript sources nodeWorker.ts through tsx (a few seconds of compiling per worker; a tool running
 * from the sources can pass the CLI bundle's dist-cli/worker.mjs instead, built from the same sources).
 */
export function nodePool(size = cores(), entry?: URL): Pool {
  return new Pool(size, () => nodePort(entry));
}
