// Batch runs as functions of (scenario, levers, seeds), Mesa's batch_run and NetLogo's BehaviorSpace:
// every seed is its own generator, seeds are consecutive from seedStart, nothing is shared.

import { buildWorld } from '../model/build';
import { INDICATOR_NAMES, type ModelSpec } from '../model/spec';
import { formatQuarter } from '../model/time';
import { classifyTriangle, type TriangleConfig } from '../model/triangle';
import type { World } from '../model/world';
import { type Pins, pairKey, Run } from './run';

export const CONFIGS: readonly TriangleConfig[] = [
  'menage-a-trois',
  'romantic-triangle',
  'stable-marriage',
  'unit-veto',
  'indeterminate',
];

export interface SeedsOptions {
  seeds: number;
  seedStart?: number;
  steps?: number;
  pins?: Pins;
}

/** Names of the metrics tracked per step: indicators (built-in, then the scenario's) and ties. */
export function metricNames(w: World): string[] {
  const names: string[] = [...INDICATOR_NAMES, ...w.spec.indicators.map((x) => x.name)];
  for (let i = 0; i < w.n; i++) for (let j = i + 1; j < w.n; j++) names.push(pairKey(w.ids[i], w.ids[j]));
  return names;
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

export function trajectory(world: World, seed: number, steps: number, pins: Pins = {}): Trajectory {
  const run = new Run(world, { seed, pins, record: false });
  const names = metricNames(world);
  const n = world.n;
  const values: Float64Array[] = [];
  const configs: TriangleConfig[] = [];
  for (let t = 0; t <= steps; t++) {
    if (t > 0) run.step();
    values.push(metricValues(world, run, t, names));
    const s = run.state;
    const T = s.ties;
    configs.push(
      classifyTriangle(
        T[world.us * n + world.cn],
        T[world.us * n + world.ru],
        T[world.cn * n + world.ru],
        world.params.epsilon,
      ).config,
    );
  }
  return { seed, values, configs };
}

export function runSeeds(
  spec: ModelSpec | World,
  opts: SeedsOptions,
): { world: World; steps: number; runs: Trajectory[] } {
  const world = toWorld(spec);
  const steps = opts.steps ?? world.spec.steps;
  const start = opts.seedStart ?? 1;
  const runs: Trajectory[] = [];
  for (let k = 0; k < opts.seeds; k++) runs.push(trajectory(world, start + k, steps, opts.pins));
  return { world, steps, runs };
}

/** Quantile by linear interpolation (type 7, as R and numpy default) of a sorted array. */
export function quantileSorted(sorted: Float64Array | number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
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
  q05: number;
  q50: number;
  q95: number;
}

export function summarise(values: Float64Array): Summary {
  const sorted = values.slice().sort();
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return {
    mean: sum / values.length,
    q05: quantileSorted(sorted, 0.05),
    q50: quantileSorted(sorted, 0.5),
    q95: quantileSorted(sorted, 0.95),
  };
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
  metrics: string[];
  trajectory: EnsembleStep[];
}

export function ensemble(spec: ModelSpec | World, opts: SeedsOptions): EnsembleResult {
  const { world, steps, runs } = runSeeds(spec, opts);
  const names = metricNames(world);
  const out: EnsembleStep[] = [];
  const column = new Float64Array(runs.length);
  for (let t = 0; t <= steps; t++) {
    const metrics: Record<string, Summary> = {};
    names.forEach((name, k) => {
      for (let r = 0; r < runs.length; r++) column[r] = runs[r].values[t][k];
      metrics[name] = summarise(column);
    });
    const counts = Object.fromEntries(CONFIGS.map((c) => [c, 0])) as Record<TriangleConfig, number>;
    for (const r of runs) counts[r.configs[t]] += 1;
    const configs = Object.fromEntries(CONFIGS.map((c) => [c, counts[c] / runs.length])) as Record<
      TriangleConfig,
      number
    >;
    out.push({ t, date: formatQuarter(world.spec.start + t), metrics, configs });
  }
  return {
    scenario: world.spec.id,
    seeds: opts.seeds,
    seedStart: opts.seedStart ?? 1,
    steps,
    pins: opts.pins ?? {},
    metrics: names,
    trajectory: out,
  };
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
  const ra = runSeeds(wa, { ...opts, steps });
  const rb = runSeeds(wb, { ...opts, steps, pins: opts.pinsB ?? opts.pins });
  const namesA = metricNames(wa);
  const namesB = metricNames(wb);
  const rows: CompareRow[] = [];
  namesA.forEach((metric, ka) => {
    const kb = namesB.indexOf(metric);
    if (kb < 0) return;
    let sa = 0;
    let sb = 0;
    let greater = 0;
    for (let r = 0; r < ra.runs.length; r++) {
      const va = ra.runs[r].values[steps][ka];
      const vb = rb.runs[r].values[steps][kb];
      sa += va;
      sb += vb;
      if (vb > va) greater++;
    }
    const m = ra.runs.length;
    rows.push({ metric, meanA: sa / m, meanB: sb / m, meanDiff: (sb - sa) / m, shareBGreater: greater / m });
  });
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
  rows: { value: number; means: Record<string, number> }[];
}

/** A one-lever BehaviorSpace: the ensemble mean of every metric at the horizon for each value. */
export function sweep(spec: ModelSpec | World, lever: keyof Pins, values: number[], opts: SeedsOptions): SweepResult {
  const world = toWorld(spec);
  const steps = opts.steps ?? world.spec.steps;
  const names = metricNames(world);
  const rows = values.map((value) => {
    const { runs } = runSeeds(world, { ...opts, steps, pins: { ...(opts.pins ?? {}), [lever]: value } });
    const means: Record<string, number> = {};
    names.forEach((name, k) => {
      let s = 0;
      for (const r of runs) s += r.values[steps][k];
      means[name] = s / runs.length;
    });
    return { value, means };
  });
  return {
    scenario: world.spec.id,
    lever,
    seeds: opts.seeds,
    seedStart: opts.seedStart ?? 1,
    steps,
    horizon: formatQuarter(world.spec.start + steps),
    metrics: names,
    rows,
  };
}
