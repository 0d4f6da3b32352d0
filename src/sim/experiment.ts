// Lever experiments over seeds, reported the way a claim must be judged: the paired share of seeds that
// moved in a direction (a tie is not a move), the mean paired effect, and the effect in units of the
// outcome's seed SD measured on *unpaired* seeds (d), so that shared random numbers cannot carry a claim.

import type { ModelSpec } from '../model/spec';
import type { State, World } from '../model/world';
import { metricNames, toWorld } from './ensemble';
import { LeanRunner, runSeeds } from './lean';
import type { Pool } from './pool';
import type { Pins } from './run';

/** One seed of a sample: its metrics at each step (views into the sample's array). */
export interface SampleRun {
  seed: number;
  values: Float64Array[];
}

/**
 * Consecutive seeds of one condition (a world and pins), every metric at every step in one array
 * (runSeeds' layout), run by the lean runner: what the claims and the lever experiments read.
 */
export class Sample {
  /** Metrics per step (metricNames(world).length). */
  readonly width: number;
  private views: SampleRun[] | null = null;

  constructor(
    readonly world: World,
    readonly pins: Pins,
    readonly seedStart: number,
    readonly seeds: number,
    readonly steps: number,
    /** values[(r * (steps + 1) + t) * width + m]; empty while requests are only being collected. */
    readonly values: Float64Array,
  ) {
    this.width = metricNames(world).length;
  }

  /** Metric k of the r-th seed at step t (NaN while collecting). */
  at(r: number, t: number, k: number): number {
    const x = this.values[(r * (this.steps + 1) + t) * this.width + k];
    return x === undefined ? Number.NaN : x;
  }

  /** The seeds' runs, each a list of per-step views. */
  get runs(): SampleRun[] {
    if (!this.views) {
      const views: SampleRun[] = [];
      const w = this.width;
      for (let r = 0; r < this.seeds; r++) {
        const values: Float64Array[] = [];
        for (let t = 0; t <= this.steps; t++) {
          const at = (r * (this.steps + 1) + t) * w;
          values.push(this.values.length > 0 ? this.values.subarray(at, at + w) : new Float64Array(w).fill(Number.NaN));
        }
        views.push({ seed: this.seedStart + r, values });
      }
      this.views = views;
    }
    return this.views;
  }
}

/** A sample some measurement asked for (see collectSamples). */
export interface SampleRequest {
  world: World;
  pins: Pins;
  seeds: number;
  seedStart: number;
}

/** The samples behind experiments, memoised per world: several claims share their ensembles. */
const samples = new WeakMap<World, Map<string, Sample>>();
/** While collectSamples runs: the requests so far (nothing is run). */
let collecting: SampleRequest[] | null = null;

function sampleKey(pins: Pins, seeds: number, seedStart: number): string {
  return `${seedStart}+${seeds}|${JSON.stringify(Object.entries(pins).sort(([a], [b]) => (a < b ? -1 : 1)))}`;
}

function memo(world: World): Map<string, Sample> {
  let byKey = samples.get(world);
  if (!byKey) {
    byKey = new Map();
    samples.set(world, byKey);
  }
  return byKey;
}

export function sample(spec: ModelSpec | World, pins: Pins, seeds: number, seedStart = 1): Sample {
  const world = toWorld(spec);
  const byKey = memo(world);
  const key = sampleKey(pins, seeds, seedStart);
  let s = byKey.get(key);
  if (s) return s;
  const steps = world.spec.steps;
  if (collecting) {
    collecting.push({ world, pins, seeds, seedStart });
    return new Sample(world, pins, seedStart, seeds, steps, new Float64Array(0));
  }
  s = new Sample(world, pins, seedStart, seeds, steps, runSeeds(world, { seedStart, count: seeds, steps, pins }));
  byKey.set(key, s);
  return s;
}

/**
 * The samples `run` asks for, without running them: `run` is called with placeholder samples (every value
 * NaN) and its result dropped. A measurement whose requests depended on values would ask again for real,
 * and get its samples computed in this thread.
 */
export function collectSamples(run: () => unknown): SampleRequest[] {
  const outer = collecting;
  collecting = [];
  try {
    run();
    return collecting;
  } finally {
    collecting = outer;
  }
}

/** Run the samples asked for on a pool, into the memo sample() reads (the same numbers as in this thread). */
export async function fetchSamples(requests: readonly SampleRequest[], pool: Pool): Promise<void> {
  // Each sample once, however many measurements asked for it.
  const todo = new Map<World, Map<string, SampleRequest>>();
  for (const r of requests) {
    const key = sampleKey(r.pins, r.seeds, r.seedStart);
    if (memo(r.world).has(key)) continue;
    let byKey = todo.get(r.world);
    if (!byKey) {
      byKey = new Map();
      todo.set(r.world, byKey);
    }
    byKey.set(key, r);
  }
  const jobs: Promise<void>[] = [];
  for (const [world, byKey] of todo) {
    for (const [key, r] of byKey) {
      const steps = world.spec.steps;
      jobs.push(
        pool.seeds(world.spec, { seedStart: r.seedStart, count: r.seeds, steps, pins: r.pins }).then((values) => {
          memo(world).set(key, new Sample(world, r.pins, r.seedStart, r.seeds, steps, values));
        }),
      );
    }
  }
  await Promise.all(jobs);
}

/**
 * `run` with its samples computed on the pool first (a terminal command), or in this thread as it asks
 * for them (no pool: tests, the app). The result is the same either way.
 */
export async function withSamples<T>(pool: Pool | null | undefined, run: () => T): Promise<T> {
  if (pool) await fetchSamples(collectSamples(run), pool);
  return run();
}

/** Each seed's final state (for what no metric holds), in seed order; nothing while collecting. */
export function finalStates(
  world: World,
  pins: Pins,
  seeds: number,
  each: (seed: number, s: Readonly<State>) => void,
): void {
  if (collecting) return;
  const runner = new LeanRunner(world, { pins, steps: world.spec.steps });
  for (let k = 0; k < seeds; k++) {
    runner.run(k + 1, () => {});
    const s = runner.finalState;
    if (s) each(k + 1, s);
  }
}

export function metricIndex(world: World, metric: string): number {
  const k = metricNames(world).indexOf(metric);
  if (k < 0) throw new Error(`no metric "${metric}" in ${world.spec.id} (metrics: ${metricNames(world).join(', ')})`);
  return k;
}

/** Values of a metric at step t (the horizon when omitted) across a sample's seeds. */
export function valuesAt(s: Sample, metric: string, t?: number): Float64Array {
  const k = metricIndex(s.world, metric);
  const step = t ?? s.steps;
  const out = new Float64Array(s.seeds);
  for (let r = 0; r < s.seeds; r++) out[r] = s.at(r, step, k);
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

const frozenWorlds = new WeakMap<World, Map<string, World>>();

/**
 * A world whose listed actors (or all, with 'all') have frozen decisions; the same object for the same
 * world and actors, so its samples are shared (and found again after collectSamples).
 */
export function frozenWorld(spec: ModelSpec | World, actors: 'all' | readonly string[]): World {
  const w = toWorld(spec);
  const frozen = actors === 'all' ? [...w.ids] : [...actors];
  let byActors = frozenWorlds.get(w);
  if (!byActors) {
    byActors = new Map();
    frozenWorlds.set(w, byActors);
  }
  const key = frozen.join(',');
  let f = byActors.get(key);
  if (!f) {
    f = toWorld({ ...w.spec, frozen });
    byActors.set(key, f);
  }
  return f;
}
