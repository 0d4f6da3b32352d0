// Worker threads for a tool that runs from the TypeScript sources: they run the CLI bundle's worker.mjs
// (built from the same sources by tools/sim.mjs when stale), which starts in milliseconds, instead of
// compiling the sources through tsx in each worker (seconds). The numbers are the same either way.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { nodePool } from '../src/sim/nodePool';
import type { Pool } from '../src/sim/pool';

const root = resolve(import.meta.dirname, '..');

export function bundlePool(workers: number): Pool {
  const b = spawnSync(process.execPath, [resolve(root, 'tools', 'sim.mjs'), '--build-only'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (b.status !== 0) throw new Error('building the CLI bundle (tools/sim.mjs --build-only) failed');
  return nodePool(workers, pathToFileURL(resolve(root, 'dist-cli', 'worker.mjs')));
}
