// Lever experiments over seeds, reported the way a claim must be judged: the paired share of seeds that
// moved in a direction (a tie is not a move), the mean paired effect, and the effect in units of the
// outcome's seed SD measured on *unpaired* seeds (d), so that shared random numbers cannot carry a claim.

import type { ModelSpec } from '../model/spec';
import type { World } from '../model/world';
import { metricNames, type Trajectory, toWorld, trajectory } from './ensemble';
import type { Pins } from './run';

export interface Sample {
  world: World;
  pins: Pins;
  seedStart: number;
  runs: Trajectory[];
}

/** The runs behind an experiment, memoised per world: several claims share their ensembles. */
const samples = new WeakMap<World, Map<string, Sample>>();

export function sample(spec: ModelSpec | World, pins: Pins, seeds: number, seedStart = 1): Sample {
  const world = toWorld(spec);
  let byKey = samples.get(world);
  if (!byKey) {
    byKey = new Map();
    samples.set(world, byKey);
  }
  const key = `${seedStart}+${seeds}|${JSON.stringify(Object.entries(pins).sort(([a], [b]) => (a < b ? -1 : 1)))}`;
  let s = byKey.get(key);
  if (!s) {
    const runs: Trajectory[] = [];
    for (let k = 0; k < seeds; k++) runs.push(trajectory(world, seedStart + k, world.spec.steps, pins));
    s = { world, pins, seedStart, runs };
    byKey.set(key, s);
  }
  return s;
}

export function metricIndex(world: World, metric: string): number {
  const k = metricNames(world).indexOf(metric);
  if (k < 0) throw new Error(`no metric "${metric}" in ${world.spec.id} (metrics: ${metricNames(world).join(', ')})`);
  return k;
}

/** Values of a metric at step t (the horizon when omitted) across a sample's seeds. */
export function valuesAt(s: Sample, metric: string, t?: number): Float64Array {
  const k = metricIndex(s.world, metric);
  const out = new Float64Array(s.runs.length);
  s.runs.forEach((r, i) => {
    out[i] = r.values[t ?? r.values.length - 1][k];
  });
  return out;
}

export function mean(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return x.length > 0 ? s / x.length : Number.NaN;
}

/** Sample standard deviation (n - 1). */
export function sd(x: ArrayLike<number>): number {
  const m = mean(x);
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (x[i] - m) * (x[i] - m);
  return x.length > 1 ? Math.sqrt(s / (x.length - 1)) : 0;
}

/** The SD of two equal-sized samples pooled: sqrt of the mean of their variances. */
export function pooledSd(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const sa = sd(a);
  const sb = sd(b);
  return Math.sqrt((sa * sa + sb * sb) / 2);
}

/** Cohen's d of b against a (independent samples, pooled SD); 0 when neither varies and they agree. */
export function cohensD(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const diff = mean(b) - mean(a);
  const pooled = pooledSd(a, b);
  if (pooled === 0) return diff === 0 ? 0 : diff > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  return diff / pooled;
}

export interface Effect {
  metric: string;
  /** Mean of the paired differences b - a (same seeds). */
  diff: number;
  /** Share of paired seeds with b > a, and with b < a (strict: a tie counts for neither). */
  up: number;
  down: number;
  /** b - a in units of the pooled seed SD, a on seeds 1..N, b on seeds N+1..2N (unpaired). */
  d: number;
  /** Pooled seed SD of the metric on the unpaired samples. */
  sd: number;
  meanA: number;
  meanB: number;
}

/** Compare two conditions (pins on one world, or two worlds) on a metric at the horizon. */
export function effect(
  a: { world: World; pins: Pins },
  b: { world: World; pins: Pins },
  metric: string,
  seeds: number,
): Effect {
  const pa = valuesAt(sample(a.world, a.pins, seeds, 1), metric);
  const pb = valuesAt(sample(b.world, b.pins, seeds, 1), metric);
  const ub = valuesAt(sample(b.world, b.pins, seeds, seeds + 1), metric);
  let up = 0;
  let down = 0;
  let sum = 0;
  for (let i = 0; i < seeds; i++) {
    const d = pb[i] - pa[i];
    if (d > 0) up++;
    else if (d < 0) down++;
    sum += d;
  }
  return {
    metric,
    diff: sum / seeds,
    up: up / seeds,
    down: down / seeds,
    d: cohensD(pa, ub),
    sd: pooledSd(pa, ub),
    meanA: mean(pa),
    meanB: mean(ub),
  };
}

/** A change over time within one condition: step 0 against the horizon, paired by seed. */
export function change(s: Sample, metric: string): Effect {
  const v0 = valuesAt(s, metric, 0);
  const v1 = valuesAt(s, metric);
  let up = 0;
  let down = 0;
  let sum = 0;
  for (let i = 0; i < v0.length; i++) {
    const d = v1[i] - v0[i];
    if (d > 0) up++;
    else if (d < 0) down++;
    sum += d;
  }
  // The start is the same in every seed, so the seed SD is the horizon's.
  const spread = sd(v1);
  const diff = sum / v0.length;
  return {
    metric,
    diff,
    up: up / v0.length,
    down: down / v0.length,
    d: spread > 0 ? diff / spread : diff === 0 ? 0 : Math.sign(diff) * Number.POSITIVE_INFINITY,
    sd: spread,
    meanA: mean(v0),
    meanB: mean(v1),
  };
}

/** A world whose listed actors (or all, with 'all') have frozen decisions. */
export function frozenWorld(spec: ModelSpec | World, actors: 'all' | readonly string[]): World {
  const w = toWorld(spec);
  const frozen = actors === 'all' ? [...w.ids] : [...actors];
  return toWorld({ ...w.spec, frozen });
}
