// The paired difference of two ensembles on the same seeds (the app's compare view: A with the user's
// changes, B the compare scenario): seed by seed, A's metric minus B's at the same date, then the
// quantiles of those differences per date. Pairing takes out the noise both runs of a seed share, so
// the band says how much of the gap is the scenarios' and how much the seeds'. The quantiles are exact
// (every seed's value is kept), and the values come from runSeeds or Pool.seeds, which place them by
// seed: the same bytes whatever the number of workers (tests/unit/paired.test.ts).
import type { ModelSpec } from '../model/spec';
import type { SeedsPlan } from './lean';
import type { JobOptions, Pool } from './pool';
import { quantileSorted } from './stats';
import { QUANTILES } from './stream';

/** One side of the pair: runSeeds' values (seed-major) and where its step 0 falls on the shared timeline. */
export interface PairedSide {
  values: Float64Array;
  /** metricNames of the side's world: the values' width. */
  names: readonly string[];
  steps: number;
  /** Timeline index of the side's step 0. */
  offset: number;
}

/** Per metric, the QUANTILES of A − B by timeline index (null where A and B do not both run). */
export interface PairedBands {
  seeds: number;
  length: number;
  metrics: Record<string, (number | null)[][]>;
}

export function pairedDifference(
  a: PairedSide,
  b: PairedSide,
  seeds: number,
  metrics: readonly string[],
  length: number,
): PairedBands {
  const wa = a.names.length;
  const wb = b.names.length;
  const perA = (a.steps + 1) * wa;
  const perB = (b.steps + 1) * wb;
  if (a.values.length < seeds * perA || b.values.length < seeds * perB)
    throw new Error(`paired difference: fewer than ${seeds} seeds of values`);
  const out: Record<string, (number | null)[][]> = {};
  const column = new Float64Array(seeds);
  for (const name of metrics) {
    const ma = a.names.indexOf(name);
    const mb = b.names.indexOf(name);
    if (ma < 0 || mb < 0) continue;
    const qs: (number | null)[][] = QUANTILES.map(() => new Array<number | null>(length).fill(null));
    for (let t = 0; t < length; t++) {
      const sa = t - a.offset;
      const sb = t - b.offset;
      if (sa < 0 || sa > a.steps || sb < 0 || sb > b.steps) continue;
      let n = 0;
      for (let r = 0; r < seeds; r++) {
        const d = a.values[r * perA + sa * wa + ma] - b.values[r * perB + sb * wb + mb];
        if (!Number.isNaN(d)) column[n++] = d;
      }
      if (n === 0) continue;
      const sorted = column.subarray(0, n).sort();
      for (let i = 0; i < QUANTILES.length; i++) qs[i][t] = quantileSorted(sorted, QUANTILES[i]);
    }
    out[name] = qs;
  }
  return { seeds, length, metrics: out };
}

export interface PairedRequest {
  spec: ModelSpec;
  plan: SeedsPlan;
  names: readonly string[];
  offset: number;
}

/** Both sides' seeds on the pool (the same seeds: plan.seedStart and count must agree), then the difference. */
export async function pairedOnPool(
  pool: Pool,
  a: PairedRequest,
  b: PairedRequest,
  metrics: readonly string[],
  length: number,
  opts: JobOptions = {},
): Promise<PairedBands> {
  if (a.plan.seedStart !== b.plan.seedStart || a.plan.count !== b.plan.count)
    throw new Error('a paired difference needs the same seeds on both sides');
  const [va, vb] = await Promise.all([pool.seeds(a.spec, a.plan, opts), pool.seeds(b.spec, b.plan, opts)]);
  return pairedDifference(
    { values: va, names: a.names, steps: a.plan.steps, offset: a.offset },
    { values: vb, names: b.names, steps: b.plan.steps, offset: b.offset },
    a.plan.count,
    metrics,
    length,
  );
}
