// A sensitivity study of the model: which inputs vary over which ranges, the design of points, and the
// output of one point (an indicator at the horizon, averaged over seeds). A study is plain data, so its
// points can be evaluated in workers or on other machines (--shard) and analysed anywhere (merge).
//
// Inputs: the substantive levers over their whole range (a lever is a policy question, its range is
// the question), pinned for the whole run as --set does; the model's free parameters (Params) over
// +-25% of the scenario's value, clipped to the range a scenario file may give them; optionally the
// design levers beta and noise, also +-25%.

import { buildWorld } from '../model/build';
import { LEVERS, type LeverName } from '../model/levers';
import { PARAM_NAMES, PARAM_RANGES, type ParamName } from '../model/params';
import type { ModelSpec, Params } from '../model/spec';
import { formatQuarter } from '../model/time';
import { LeanRunner, metricNames } from './lean';
import type { Pins } from './run';
import {
  type Design,
  type Interval,
  type Method,
  type MorrisDesign,
  morrisDesign,
  morrisIndices,
  oatDesign,
  saltelliDesign,
  saltelliStride,
  sobolIndices,
  tornado,
} from './sensitivity';

export const DESIGN_LEVERS: readonly LeverName[] = ['beta', 'noise'];
export const SUBSTANTIVE_LEVERS: readonly LeverName[] = LEVERS.map((l) => l.name).filter(
  (n) => !DESIGN_LEVERS.includes(n),
);
export const INPUT_GROUPS = ['levers', 'params', 'design'] as const;
export const DEFAULT_GROUPS = ['levers', 'params'] as const;
/** Share of a parameter's value it varies by, either side. */
export const PARAM_SPREAD = 0.25;

export interface StudyInput {
  name: string;
  kind: 'lever' | 'param';
  lo: number;
  hi: number;
  /** The scenario's value (where OAT holds it, and what the others hold in a tornado). */
  base: number;
}

export interface StudyPlan {
  scenario: string;
  title: string;
  method: Method;
  metric: string;
  inputs: StudyInput[];
  /** Inputs left out because their range is a point (a parameter at 0 has no +-25%). */
  fixed: string[];
  /** Levers pinned at every point (--set), besides the lever inputs. */
  pins: Pins;
  /** Sobol': base points N; Morris: trajectories r; OAT: unused (1 + 2k points). */
  samples: number;
  seeds: number;
  seedStart: number;
  steps: number;
  horizon: string;
  designSeed: number;
  bootstrap: number;
  /** Morris grid levels. */
  levels: number;
}

export const STUDY_DEFAULTS = { sobol: 64, morris: 10, oat: 0, seeds: 8, bootstrap: 500, levels: 4 } as const;

function leverBase(spec: ModelSpec, name: LeverName): number {
  return spec.pinned[name] ?? spec.levers[name];
}

/**
 * The inputs of a study: `wanted` lists group names (levers, params, design) and single input names;
 * `ranges` overrides a range (name -> [lo, hi]). Throws an Error naming an unknown input.
 */
export function studyInputs(
  spec: ModelSpec,
  wanted: readonly string[] = DEFAULT_GROUPS,
  ranges: Readonly<Record<string, readonly [number, number]>> = {},
): { inputs: StudyInput[]; fixed: string[] } {
  const names: string[] = [];
  const add = (n: string) => {
    if (!names.includes(n)) names.push(n);
  };
  for (const w of wanted) {
    if (w === 'levers') SUBSTANTIVE_LEVERS.forEach(add);
    else if (w === 'params') PARAM_NAMES.forEach(add);
    else if (w === 'design') DESIGN_LEVERS.forEach(add);
    else if (LEVERS.some((l) => l.name === w) || (PARAM_NAMES as readonly string[]).includes(w)) add(w);
    else
      throw new Error(
        `unknown input "${w}" (groups: ${INPUT_GROUPS.join(', ')}; or a lever or parameter name, see --help)`,
      );
  }
  for (const n of Object.keys(ranges)) if (!names.includes(n)) throw new Error(`--range ${n}: not among the inputs`);
  const inputs: StudyInput[] = [];
  const fixed: string[] = [];
  for (const name of names) {
    const lever = LEVERS.find((l) => l.name === name);
    let input: StudyInput;
    if (lever) {
      const base = leverBase(spec, lever.name);
      const design = DESIGN_LEVERS.includes(lever.name);
      input = design
        ? {
            name,
            kind: 'lever',
            lo: Math.max(lever.min, base * (1 - PARAM_SPREAD)),
            hi: Math.min(lever.max, base * (1 + PARAM_SPREAD)),
            base,
          }
        : { name, kind: 'lever', lo: lever.min, hi: lever.max, base };
    } else {
      const p = name as keyof Params;
      const base = spec.params[p];
      const r = PARAM_RANGES[p];
      input = {
        name,
        kind: 'param',
        lo: Math.max(r.min, base * (1 - PARAM_SPREAD)),
        hi: Math.min(r.max, base * (1 + PARAM_SPREAD)),
        base,
      };
    }
    const given = ranges[name];
    if (given) {
      const limits = lever ? { min: lever.min, max: lever.max } : PARAM_RANGES[name as ParamName];
      const [lo, hi] = given;
      if (!(lo <= hi) || lo < limits.min || hi > limits.max) {
        throw new Error(`--range ${name}=${lo}:${hi}: needs lo <= hi within ${limits.min}..${limits.max}`);
      }
      input = { ...input, lo, hi };
    }
    if (input.hi > input.lo) inputs.push(input);
    else fixed.push(name);
  }
  if (inputs.length === 0) throw new Error('no input varies: every range is a single point');
  return { inputs, fixed };
}

export function studyDesign(plan: StudyPlan): Design {
  const k = plan.inputs.length;
  if (plan.method === 'sobol') return saltelliDesign(k, plan.samples, plan.designSeed);
  if (plan.method === 'morris') return morrisDesign(k, plan.samples, plan.levels, plan.designSeed);
  return oatDesign(k);
}

/** The scenario and pins of one point: scaled coordinates mapped onto ranges; NaN keeps the base. */
export function applyPoint(
  spec: ModelSpec,
  inputs: readonly StudyInput[],
  x: ArrayLike<number>,
): { spec: ModelSpec; pins: Pins } {
  const pins: Pins = {};
  let params: Params | null = null;
  inputs.forEach((input, i) => {
    if (Number.isNaN(x[i])) return;
    const v = Math.min(input.hi, Math.max(input.lo, input.lo + x[i] * (input.hi - input.lo)));
    if (input.kind === 'lever') pins[input.name as LeverName] = v;
    else {
      params ??= { ...spec.params };
      params[input.name as keyof Params] = v;
    }
  });
  return { spec: params ? { ...spec, params } : spec, pins };
}

/** Outputs of points from..to-1 of the design: the metric at the horizon, averaged over the seeds. */
export function evaluatePoints(
  spec: ModelSpec,
  plan: PointPlan,
  design: Design,
  from: number,
  to: number,
): Float64Array {
  return evaluateRows(spec, plan, design.rows.subarray(from * design.k, to * design.k), design.k);
}

export type PointPlan = Pick<StudyPlan, 'inputs' | 'metric' | 'seeds' | 'seedStart' | 'steps' | 'pins'>;

/** Outputs of points given as rows (count x k): what a worker runs, without the design's code. */
export function evaluateRows(spec: ModelSpec, plan: PointPlan, rows: Float64Array, k: number): Float64Array {
  const count = rows.length / k;
  const out = new Float64Array(count);
  let metric = -1;
  for (let p = 0; p < count; p++) {
    const { spec: s, pins } = applyPoint(spec, plan.inputs, rows.subarray(p * k, (p + 1) * k));
    const world = buildWorld(s);
    if (metric < 0) {
      metric = metricNames(world).indexOf(plan.metric);
      if (metric < 0) throw new Error(`unknown indicator "${plan.metric}"`);
    }
    const runner = new LeanRunner(world, { pins: { ...plan.pins, ...pins }, steps: plan.steps });
    let sum = 0;
    for (let r = 0; r < plan.seeds; r++) {
      runner.run(plan.seedStart + r, (t, v) => {
        if (t === plan.steps) sum += v[metric];
      });
    }
    out[p] = sum / plan.seeds;
  }
  return out;
}

export interface InputResult extends StudyInput {
  /** Sobol': first-order and total indices with bootstrap intervals. */
  first?: Interval;
  total?: Interval;
  /** Morris: mean effect, mean absolute effect (with interval) and its spread. */
  mu?: number;
  muStar?: Interval;
  sigma?: number;
  /** OAT: the output with this input at the low and high end of its range. */
  low?: number;
  high?: number;
  swing?: number;
}

export interface StudyResult {
  scenario: string;
  title: string;
  method: Method;
  indicator: string;
  horizon: string;
  steps: number;
  seeds: number;
  seedStart: number;
  samples: number;
  evaluations: number;
  designSeed: number;
  pins: Pins;
  /** Variance of the output over the base points (Sobol'), or its value with every input at base (OAT). */
  variance?: number;
  base?: number;
  fixed: string[];
  /** Inputs, most influential first (by total index, mu* or swing). */
  inputs: InputResult[];
}

/** What the outputs of a study's points say. Depends only on the plan and the outputs. */
export function analyse(plan: StudyPlan, y: Float64Array): StudyResult {
  const design = studyDesign(plan);
  const k = plan.inputs.length;
  const common = {
    scenario: plan.scenario,
    title: plan.title,
    method: plan.method,
    indicator: plan.metric,
    horizon: plan.horizon,
    steps: plan.steps,
    seeds: plan.seeds,
    seedStart: plan.seedStart,
    samples: plan.samples,
    evaluations: design.count,
    designSeed: plan.designSeed,
    pins: plan.pins,
    fixed: plan.fixed,
  };
  const boot = { bootstrap: plan.bootstrap, seed: plan.designSeed };
  if (plan.method === 'sobol') {
    const s = sobolIndices(y, k, plan.samples, boot);
    const inputs = plan.inputs.map((inp, i) => ({ ...inp, first: s.first[i], total: s.total[i] }));
    return { ...common, variance: s.variance, inputs: rank(inputs, (r) => r.total?.value ?? 0) };
  }
  if (plan.method === 'morris') {
    if (design.method !== 'morris') throw new Error('design mismatch');
    const m = morrisIndices(y, design as MorrisDesign, boot);
    const inputs = plan.inputs.map((inp, i) => ({ ...inp, mu: m.mu[i], muStar: m.muStar[i], sigma: m.sigma[i] }));
    return { ...common, inputs: rank(inputs, (r) => r.muStar?.value ?? 0) };
  }
  const t = tornado(y, k);
  const inputs = plan.inputs.map((inp, i) => ({ ...inp, low: t.low[i], high: t.high[i], swing: t.swing[i] }));
  return { ...common, base: t.base, inputs: rank(inputs, (r) => r.swing ?? 0) };
}

/** Most influential first; ties (and NaN) keep the inputs' order. */
function rank<T>(rows: T[], key: (r: T) => number): T[] {
  return rows
    .map((r, i) => ({ r, i, v: key(r) }))
    .sort((a, b) => (Number.isNaN(b.v) ? -1 : Number.isNaN(a.v) ? 1 : b.v - a.v) || a.i - b.i)
    .map((x) => x.r);
}

export interface StudyOptions {
  method: Method;
  metric: string;
  inputs?: readonly string[];
  ranges?: Readonly<Record<string, readonly [number, number]>>;
  samples?: number;
  seeds?: number;
  seedStart?: number;
  steps?: number;
  designSeed?: number;
  bootstrap?: number;
  pins?: Pins;
}

export function studyPlan(spec: ModelSpec, o: StudyOptions): StudyPlan {
  const world = buildWorld(spec);
  if (!metricNames(world).includes(o.metric)) {
    throw new Error(`unknown indicator "${o.metric}" (indicators, the scenario's own, or a tie such as CN-RU)`);
  }
  const { inputs, fixed } = studyInputs(spec, o.inputs, o.ranges);
  for (const name of Object.keys(o.pins ?? {})) {
    if (inputs.some((i) => i.name === name)) throw new Error(`--set ${name}: it is one of the study's inputs`);
  }
  const steps = o.steps ?? spec.steps;
  const samples = o.method === 'oat' ? 0 : (o.samples ?? STUDY_DEFAULTS[o.method]);
  if (o.method === 'sobol' && saltelliStride(inputs.length) * samples > 50_000_000) {
    throw new Error(`--samples ${samples}: the design would need more than 50 million runs`);
  }
  return {
    scenario: spec.id,
    title: spec.title,
    method: o.method,
    metric: o.metric,
    inputs,
    fixed,
    pins: { ...(o.pins ?? {}) },
    samples,
    seeds: o.seeds ?? STUDY_DEFAULTS.seeds,
    seedStart: o.seedStart ?? 1,
    steps,
    horizon: formatQuarter(spec.start + steps),
    designSeed: o.designSeed ?? 1,
    bootstrap: o.bootstrap ?? STUDY_DEFAULTS.bootstrap,
    levels: STUDY_DEFAULTS.levels,
  };
}

/** The whole study in this thread. */
export function runStudy(spec: ModelSpec, plan: StudyPlan): StudyResult {
  const design = studyDesign(plan);
  return analyse(plan, evaluatePoints(spec, plan, design, 0, design.count));
}
