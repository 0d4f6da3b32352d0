// The ensemble band behind the app's line: the same scenario file, lever changes and horizon as the
// displayed run, for seeds seed .. seed+N-1, summarised per step as the 5%, 50% and 95% quantiles of
// each charted metric. The request is plain JSON, so the work can run in a Web Worker
// (src/workers/compute.ts) as well as in Node (tests).
import { loadScenario } from '../scenario/load';
import { metricNames, metricValues, quantileBands, toWorld } from './ensemble';
import { type LeverChange, runWithChanges } from './replay';

export const BAND_SEEDS = 40;
export const BAND_QUANTILES = [0.05, 0.5, 0.95] as const;

export interface BandRequest {
  /** Generation of the request: results of an older generation are stale. */
  gen: number;
  /** The scenario file as the app compiled it (utility weights already applied). */
  file: unknown;
  changes: LeverChange[];
  /** First seed (the displayed run's); the band uses seed .. seed + seeds - 1, modulo 2^32. */
  seed: number;
  seeds: number;
  /** Last step. */
  steps: number;
  /** Metrics to summarise (indicator names, tie keys such as "CN-RU"). */
  metrics: string[];
}

export interface BandSeries {
  lo: number[];
  med: number[];
  hi: number[];
}

export interface BandResult {
  gen: number;
  seed: number;
  seeds: number;
  steps: number;
  metrics: Record<string, BandSeries>;
  /** Hash of the first seed's state at the last step: equals the displayed run's when all agrees. */
  hash: string;
  /** Time spent computing, in ms (scenario compilation included). */
  ms: number;
}

export type BandOutcome =
  | { ok: true; result: BandResult }
  | { ok: false; error: string }
  | { ok: false; cancelled: true };

export interface BandHooks {
  /** Called between seeds: return true to abandon the work (a newer request came). */
  cancelled?: () => boolean;
  /** Awaited between seeds, so a worker can take its messages. */
  pause?: () => Promise<void>;
}

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export async function computeBand(req: BandRequest, hooks: BandHooks = {}): Promise<BandOutcome> {
  const t0 = now();
  const loaded = loadScenario(req.file);
  if (!loaded.ok) return { ok: false, error: loaded.errors.join('; ') };
  const world = toWorld(loaded.spec);
  const names = metricNames(world);
  const trajectories: Float64Array[][] = [];
  let hash = '';
  for (let k = 0; k < req.seeds; k++) {
    if (hooks.cancelled?.()) return { ok: false, cancelled: true };
    const run = runWithChanges(world, (req.seed + k) >>> 0, req.changes, req.steps, false);
    const values: Float64Array[] = [];
    for (let t = 0; t <= req.steps; t++) values.push(metricValues(world, run, t, names));
    trajectories.push(values);
    if (k === 0) hash = run.hash(req.steps);
    if (hooks.pause) await hooks.pause();
  }
  if (hooks.cancelled?.()) return { ok: false, cancelled: true };
  const metrics: Record<string, BandSeries> = {};
  const bands = quantileBands(trajectories, names, req.metrics, BAND_QUANTILES);
  for (const [name, [lo, med, hi]] of Object.entries(bands)) metrics[name] = { lo, med, hi };
  return {
    ok: true,
    result: { gen: req.gen, seed: req.seed, seeds: req.seeds, steps: req.steps, metrics, hash, ms: now() - t0 },
  };
}
