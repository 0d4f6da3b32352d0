// `npm run claims-map:data`: the claims map the app shows (src/data/claims-map.json), on worker threads
// (one per core; the numbers are the same for any number). Options: --samples N --seeds N --workers N.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { claimsMapPlan, evaluateMap, evaluateMapOnPool, MAP_DEFAULTS } from '../src/sim/claimsMap';
import { claimsMapFile } from '../src/sim/claimsMapFile';
import { cores } from '../src/sim/nodePool';
import { bundlePool } from './bundle-pool';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: { samples: { type: 'string' }, seeds: { type: 'string' }, workers: { type: 'string' } },
});
const whole = (s: string | undefined, d: number, name: string, lo: number, hi: number) => {
  const n = s === undefined ? d : Number(s);
  if (!Number.isInteger(n) || n < lo || n > hi) {
    console.error(`error: --${name} must be a whole number from ${lo} to ${hi} (got "${s}")`);
    process.exit(2);
  }
  return n;
};
const plan = claimsMapPlan({
  samples: whole(values.samples, MAP_DEFAULTS.samples, 'samples', 2, 4096),
  seeds: whole(values.seeds, MAP_DEFAULTS.seeds, 'seeds', 2, 1000),
});
const workers = whole(values.workers, cores(), 'workers', 1, 64);
const t0 = performance.now();
let points: Awaited<ReturnType<typeof evaluateMapOnPool>>;
if (workers > 1) {
  const pool = bundlePool(workers);
  try {
    points = await evaluateMapOnPool(plan, 0, plan.samples, pool, (n) =>
      process.stderr.write(`\r${n}/${plan.samples} points`),
    );
  } finally {
    pool.close();
  }
  process.stderr.write('\n');
} else points = evaluateMap(plan, 0, plan.samples);
const seconds = Math.round((performance.now() - t0) / 100) / 10;
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string };
let commit = 'unknown';
try {
  commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
} catch {}
const file = claimsMapFile(plan, points, {
  version: pkg.version,
  commit,
  seconds,
  workers,
});
const out = resolve(root, 'src/data/claims-map.json');
writeFileSync(out, `${JSON.stringify(file, null, 2)}\n`);
// In the formatter's layout, so `npm run lint` passes on a fresh file.
execFileSync(resolve(root, 'node_modules/.bin/biome'), ['format', '--write', out], { stdio: 'ignore' });
console.error(`wrote ${out}: ${plan.samples} points x ${plan.seeds} seeds, model ${file.fingerprint.digest}`);
