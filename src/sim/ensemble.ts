// Batch runs as functions of (scenario, levers, seeds), Mesa's batch_run and NetLogo's BehaviorSpace:
// every seed is its own generator, seeds are consecutive from seedStart, nothing is shared. Seeds run
// without history (lean.ts); ensembles stream their statistics (stream.ts).

import { buildWorld } from '../model/build';
import type { ModelSpec } from '../model/spec';
import { formatQuarter } from '../model/time';
import type { TriangleConfig } from '../model/triangle';
import type { World } from '../model/world';
import { CONFIGS, LeanRunner, metricNames } from './lean';
import type { Pins, Run } from './run';
import { quantileSorted } from './stats';
import { type EnsembleStats, EXTRA_GRID, INDICATOR_GRID, QUANTILES, streamEnsemble, TIE_GRID } from './stream';

export { CONFIGS, metricNames, quantileSorted };

export interface SeedsOptions {
  seeds: number;
  seedStart?: number;
  steps?: number;
  pins?: Pins;
}

/** One seed's trajectory of every metric: values[t][metric], plus the triangle configuration per step. */
export interface Trajectory {
  seed: number;
  values: Float64Array[];
  configs: TriangleConfig[];
}

export function toWorld(spec: ModelSpec | World): World {
  return 'n' in spec && 'spec' in spec ? spec : buildWorld(spec as ModelSpec);
}

/** Every metric of step t of a run computed that far, in the order of `metricNames(world)`. */
export function metricValues(
  world: World,
  run: Run,
  t: number,
  names: readonly string[] = metricNames(world),
): Float64Array {
  const n = world.n;
  const v = new Float64Array(names.length);
  const ind = run.indicatorsAt(t);
  let k = 0;
  for (const name of names) {
    if (name in ind) v[k] = ind[name];
    k++;
  }
  const s = run.stateAt(t);
  k = names.length - (n * (n - 1)) / 2;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) v[k++] = s.ties[i * n + j];
  return v;
}

/** One seed's whole trajectory, kept (what the claims harness asks for; ensembles keep none). */
export function trajectory(world: World, seed: number, steps: number, pins: Pins = {}): Trajectory {
  const values: Float64Array[] = [];
  const configs: TriangleConfig[] = [];
  new LeanRunner(world, { pins, steps }).run(seed, (_t, v, config) => {
    values.push(v.slice());
    configs.push(CONFIGS[config]);
  });
  return { seed, values, configs };
}

/** Each seed's metrics at the horizon, in seed order, without keeping trajectories. */
export function horizonValues(world: World, opts: SeedsOptions, each: (seed: number, v: Float64Array) => void): void {
  const steps = opts.steps ?? world.spec.steps;
  const start = opts.seedStart ?? 1;
  const runner = new LeanRunner(world, { pins: opts.pins, steps });
  for (let k = 0; k < opts.seeds; k++) {
    runner.run(start + k, (t, v) => {
      if (t === steps) each(start + k, v);
    });
  }
}

/** Per-step quantiles of some metrics over trajectories: bands[metric][q][t] for each q of `qs`. */
export function quantileBands(
  trajectories: readonly (readonly Float64Array[])[],
  names: readonly string[],
  wanted: readonly string[],
  qs: readonly number[],
): Record<string, number[][]> {
  const out: Record<string, number[][]> = {};
  if (trajectories.length === 0) return out;
  const steps = trajectories[0].length;
  const column = new Float64Array(trajectories.length);
  for (const name of wanted) {
    const k = names.indexOf(name);
    if (k < 0) continue;
    const rows = qs.map(() => new Array<number>(steps));
    for (let t = 0; t < steps; t++) {
      for (let r = 0; r < trajectories.length; r++) column[r] = trajectories[r][t][k];
      column.sort();
      qs.forEach((q, i) => {
        rows[i][t] = quantileSorted(column, q);
      });
    }
    out[name] = rows;
  }
  return out;
}

export interface Summary {
  mean: number;
  /** Sample standard deviation over seeds (n - 1; 0 for one seed). */
  sd: number;
  q05: number;
  q25: number;
  q50: number;
  q75: number;
  q95: number;
}

export interface EnsembleStep {
  t: number;
  date: string;
  metrics: Record<string, Summary>;
  configs: Record<TriangleConfig, number>;
}

export interface EnsembleResult {
  scenario: string;
  seeds: number;
  seedStart: number;
  steps: number;
  pins: Pins;
  /** How the quantiles were computed, and their error bound. */
  quantiles: { method: 'exact' } | { method: 'histogram'; indicators: string; extra: string; ties: string };
  metrics: string[];
  trajectory: EnsembleStep[];
}

const QUANTILE_KEYS = ['q05', 'q25', 'q50', 'q75', 'q95'] as const;

/** The ensemble's statistics in the shape the CLI prints. */
export function ensembleResult(world: World, st: EnsembleStats, opts: SeedsOptions): EnsembleResult {
  const per = st.metrics.length;
  const out: EnsembleStep[] = [];
  for (let t = 0; t <= st.steps; t++) {
    const metrics: Record<string, Summary> = {};
    st.metrics.forEach((name, m) => {
      const c = t * per + m;
      const s: Summary = { mean: st.mean[c], sd: st.sd[c], q05: 0, q25: 0, q50: 0, q75: 0, q95: 0 };
      QUANTILE_KEYS.forEach((key, i) => {
        s[key] = st.quantiles[i][c];
      });
      metrics[name] = s;
    });
    const configs = Object.fromEntries(CONFIGS.map((c, i) => [c, st.configs[t * CONFIGS.length + i]])) as Record<
      TriangleConfig,
      number
    >;
    out.push({ t, date: formatQuarter(world.spec.start + t), metrics, configs });
  }
  return {
    scenario: world.spec.id,
    seeds: opts.seeds,
    seedStart: opts.seedStart ?? 1,
    steps: st.steps,
    pins: opts.pins ?? {},
    quantiles: st.exact
      ? { method: 'exact' }
      : { method: 'histogram', indicators: INDICATOR_GRID.bound, extra: EXTRA_GRID.bound, ties: TIE_GRID.bound },
    metrics: st.metrics,
    trajectory: out,
  };
}

if (QUANTILES.length !== QUANTILE_KEYS.length) throw new Error('QUANTILES and their keys disagree');

/** Per step, mean, SD and quantiles of every metric, and the shares of configurations. */
export function ensemble(spec: ModelSpec | World, opts: SeedsOptions): EnsembleResult {
  const world = toWorld(spec);
  const steps = opts.steps ?? world.spec.steps;
  const st = streamEnsemble(world, { seeds: opts.seeds, seedStart: opts.seedStart ?? 1, steps, pins: opts.pins });
  return ensembleResult(world, st, opts);
}

export interface CompareRow {
  metric: string;
  meanA: number;
  meanB: number;
  /** Mean of the paired differences b - a at the horizon. */
  meanDiff: number;
  /** Share of seeds where b > a at the horizon. */
  shareBGreater: number;
}

export interface CompareResult {
  a: string;
  b: string;
  seeds: number;
  seedStart: number;
  steps: number;
  /** The date at the horizon in a (and in b, which may start elsewhere). */
  horizon: string;
  horizonB: string;
  pins: Pins;
  rows: CompareRow[];
}

/** Paired by seed: the same seeds in both scenarios, compared at the horizon. */
export function compare(
  a: ModelSpec | World,
  b: ModelSpec | World,
  opts: SeedsOptions & { pinsB?: Pins },
): CompareResult {
  const wa = toWorld(a);
  const wb = toWorld(b);
  const steps = opts.steps ?? wa.spec.steps;
  const namesA = metricNames(wa);
  const namesB = metricNames(wb);
  const pairs: [number, number][] = [];
  namesA.forEach((_, ka) => {
    const kb = namesB.indexOf(namesA[ka]);
    if (kb >= 0) pairs.push([ka, kb]);
  });
  const sa = new Float64Array(pairs.length);
  const sb = new Float64Array(pairs.length);
  const greater = new Uint32Array(pairs.length);
  const start = opts.seedStart ?? 1;
  const runA = new LeanRunner(wa, { pins: opts.pins, steps });
  const runB = new LeanRunner(wb, { pins: opts.pinsB ?? opts.pins, steps });
  const atA = new Float64Array(namesA.length);
  for (let k = 0; k < opts.seeds; k++) {
    runA.run(start + k, (t, v) => {
      if (t === steps) atA.set(v);
    });
    runB.run(start + k, (t, v) => {
      if (t !== steps) return;
      pairs.forEach(([ka, kb], i) => {
        sa[i] += atA[ka];
        sb[i] += v[kb];
        if (v[kb] > atA[ka]) greater[i]++;
      });
    });
  }
  const m = opts.seeds;
  const rows: CompareRow[] = pairs.map(([ka], i) => ({
    metric: namesA[ka],
    meanA: sa[i] / m,
    meanB: sb[i] / m,
    meanDiff: (sb[i] - sa[i]) / m,
    shareBGreater: greater[i] / m,
  }));
  return {
    a: wa.spec.id,
    b: wb.spec.id,
    seeds: opts.seeds,
    seedStart: opts.seedStart ?? 1,
    steps,
    horizon: formatQuarter(wa.spec.start + steps),
    horizonB: formatQuarter(wb.spec.start + steps),
    pins: opts.pins ?? {},
    rows,
  };
}

export interface SweepResult {
  scenario: string;
  lever: string;
  seeds: number;
  seedStart: number;
  steps: number;
  horizon: string;
  metrics: string[];
  rows: SweepRow[];
}

export interface SweepRow {
  value: number;
  means: Record<string, number>;
}

/** One value of a sweep: the ensemble mean of every metric at the horizon (seeds summed in order). */
export function sweepSums(world: World, lever: keyof Pins, value: number, opts: SeedsOptions): Float64Array {
  const means = new Float64Array(metricNames(world).length);
  horizonValues(world, { ...opts, pins: { ...(opts.pins ?? {}), [lever]: value } }, (_seed, v) => {
    for (let k = 0; k < means.length; k++) means[k] += v[k];
  });
  for (let k = 0; k < means.length; k++) means[k] /= opts.seeds;
  return means;
}

export function sweepRow(world: World, lever: keyof Pins, value: number, opts: SeedsOptions): SweepRow {
  return { value, means: namedMeans(metricNames(world), sweepSums(world, lever, value, opts)) };
}

export function namedMeans(names: readonly string[], means: Float64Array): Record<string, number> {
  const out: Record<string, number> = {};
  names.forEach((name, k) => {
    out[name] = means[k];
  });
  return out;
}

/** A one-lever BehaviorSpace: the ensemble mean of every metric at the horizon for each value. */
export function sweep(spec: ModelSpec | World, lever: keyof Pins, values: number[], opts: SeedsOptions): SweepResult {
  const world = toWorld(spec);
  const steps = opts.steps ?? world.spec.steps;
  const rows = values.map((value) => sweepRow(world, lever, value, { ...opts, steps }));
  return {
    scenario: world.spec.id,
    lever,
    seeds: opts.seeds,
    seedStart: opts.seedStart ?? 1,
    steps,
    horizon: formatQuarter(world.spec.start + steps),
    metrics: metricNames(world),
    rows,
  };
}
