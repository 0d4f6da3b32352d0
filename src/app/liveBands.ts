// The live uncertainty behind the charts: 200 seeds of run A (the seed shown and the next 199, with the
// user's changes and weights), their 5/25/50/75/95% quantiles per step and the share of seeds in each
// triangle configuration; in compare mode the same for B, and the paired difference A − B (same seeds)
// by date. Computed on the browser's worker pool (src/sim/webPool.ts), one request per change; the
// job slot's generation keeps a stale answer from being drawn (src/app/jobs.ts).
import { buildWorld } from '../model/build';
import type { ModelSpec } from '../model/spec';
import type { TriangleConfig } from '../model/triangle';
import { type Band, bands } from '../sim/bands';
import { metricNames } from '../sim/lean';
import { pairedOnPool } from '../sim/paired';
import type { Pool } from '../sim/pool';
import type { LeverChange } from '../sim/replay';
import type { Computed, Runs } from './derive';

export const LIVE_SEEDS = 200;

export interface LiveRequest {
  seed: number;
  seeds: number;
  a: { spec: ModelSpec; steps: number; changes: LeverChange[]; offset: number; metrics: string[] };
  /** The compare scenario: same seeds, no changes. */
  b: { spec: ModelSpec; steps: number; offset: number; metrics: string[] } | null;
  /** Timeline length (the paired difference is by date). */
  length: number;
  /** Metrics of the paired difference (charted in both runs). */
  diff: string[];
}

export interface Quantiles {
  lo: number[];
  q25: number[];
  med: number[];
  q75: number[];
  hi: number[];
}

export interface LiveBands {
  seed: number;
  seeds: number;
  steps: number;
  /** Hash of the first seed at A's horizon: the displayed run's when all agrees. */
  hash: string;
  /** Time from the request to the statistics, ms (the pool's work and the round trips). */
  ms: number;
  /** A's metrics by A's step. */
  metrics: Record<string, Quantiles>;
  /** A's share of seeds in each configuration, by A's step. */
  configs: Record<TriangleConfig, number[]>;
  b: { steps: number; metrics: Record<string, Quantiles> } | null;
  /** A − B per seed, quantiles by timeline step (null where the runs do not overlap). */
  diff: Record<
    string,
    {
      lo: (number | null)[];
      q25: (number | null)[];
      med: (number | null)[];
      q75: (number | null)[];
      hi: (number | null)[];
    }
  > | null;
}

const specIds = new WeakMap<ModelSpec, number>();
let nextSpec = 1;
function specId(spec: ModelSpec): number {
  let k = specIds.get(spec);
  if (k === undefined) {
    k = nextSpec++;
    specIds.set(spec, k);
  }
  return k;
}

export function liveRequest(runs: Runs, metricsOf: (c: Computed) => string[], diff: readonly string[]): LiveRequest {
  const { a, b, timeline } = runs;
  const ma = metricsOf(a);
  const mb = b ? metricsOf(b) : [];
  return {
    seed: a.seed,
    seeds: LIVE_SEEDS,
    a: {
      spec: a.spec,
      steps: a.horizon,
      changes: a.edits.map((e) => ({ t: e.t, name: e.name, value: e.value })),
      offset: timeline.a.offset,
      metrics: ma,
    },
    b: b ? { spec: b.spec, steps: b.horizon, offset: timeline.b?.offset ?? 0, metrics: mb } : null,
    length: timeline.last + 1,
    diff: b ? diff.filter((m) => ma.includes(m) && mb.includes(m)) : [],
  };
}

/** Every input of a request, as a string (specs by identity: the app keeps one per scenario and weights). */
export function liveKey(r: LiveRequest): string {
  return JSON.stringify([
    r.seed,
    r.seeds,
    specId(r.a.spec),
    r.a.steps,
    r.a.changes,
    r.a.offset,
    r.a.metrics,
    r.b ? [specId(r.b.spec), r.b.steps, r.b.offset, r.b.metrics] : null,
    r.length,
    r.diff,
  ]);
}

const names = new WeakMap<ModelSpec, string[]>();
/** The metrics a run of the spec reports, in the order of the pool's values (built once per spec). */
function namesOf(spec: ModelSpec): string[] {
  let n = names.get(spec);
  if (!n) {
    n = metricNames(buildWorld(spec));
    names.set(spec, n);
  }
  return n;
}

const quantiles = (b: Band): Quantiles => ({ lo: b.q05, q25: b.q25, med: b.q50, q75: b.q75, hi: b.q95 });

export async function computeLive(
  pool: Pool,
  r: LiveRequest,
  signal: AbortSignal,
  now: () => number,
): Promise<LiveBands> {
  const t0 = now();
  const plan = (steps: number, changes: LeverChange[], metrics: string[]) => ({
    seeds: r.seeds,
    seedStart: r.seed,
    steps,
    changes,
    metrics,
  });
  const [sa, sb, diff] = await Promise.all([
    pool.ensemble(r.a.spec, plan(r.a.steps, r.a.changes, r.a.metrics), { signal }),
    r.b ? pool.ensemble(r.b.spec, plan(r.b.steps, [], r.b.metrics), { signal }) : null,
    r.b && r.diff.length
      ? pairedOnPool(
          pool,
          {
            spec: r.a.spec,
            plan: { seedStart: r.seed, count: r.seeds, steps: r.a.steps, changes: r.a.changes },
            names: namesOf(r.a.spec),
            offset: r.a.offset,
          },
          {
            spec: r.b.spec,
            plan: { seedStart: r.seed, count: r.seeds, steps: r.b.steps },
            names: namesOf(r.b.spec),
            offset: r.b.offset,
          },
          r.diff,
          r.length,
          { signal },
        )
      : null,
  ]);
  const ba = bands(sa);
  const metrics: Record<string, Quantiles> = {};
  for (const [k, v] of Object.entries(ba.metrics)) metrics[k] = quantiles(v);
  let b: LiveBands['b'] = null;
  if (sb) {
    const bb = bands(sb);
    const mb: Record<string, Quantiles> = {};
    for (const [k, v] of Object.entries(bb.metrics)) mb[k] = quantiles(v);
    b = { steps: sb.steps, metrics: mb };
  }
  let d: LiveBands['diff'] = null;
  if (diff) {
    d = {};
    for (const [k, [lo, q25, med, q75, hi]] of Object.entries(diff.metrics)) d[k] = { lo, q25, med, q75, hi };
  }
  return {
    seed: r.seed,
    seeds: r.seeds,
    steps: r.a.steps,
    hash: sa.hash,
    ms: now() - t0,
    metrics,
    configs: ba.configs,
    b,
    diff: d,
  };
}
