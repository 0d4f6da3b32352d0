// The claims-robustness map: for each claim of CLAIMS.md, the share of a Latin hypercube over the model's
// free parameters in which it holds, and the parameters that decide it. Where `npm run claims --
// --robustness` moves one parameter at a time, the map moves all of them together: "under which
// assumptions does the seeds' argument hold?".
//
// The space: each free parameter within ±25% of its default, clipped to the range a scenario may give
// it (studyInputs, as the robustness study and sensitivity analysis vary them). The schema's ranges are
// what a file may hold, not what is plausible (a horizon of 0 to 40 quarters, any Heider pull from 0 to
// 1): sampling them uniformly would mostly ask about other models. A parameter at 0 has no ±25% and
// stays fixed. Every point is a perturbation of all presets at once (presetContext), measured by the
// claims' own judgement (claims.ts), on `seeds` seeds per condition.
//
// What decides a claim: for each parameter, the point-biserial correlation r between "holds" (0 or 1)
// and the parameter's position in its range (0..1), with the share of points holding in the lower and
// upper half. In a Latin hypercube each position is uniform and the parameters are near independent, so
// r is the rank association of the parameter with the verdict, parameter by parameter; |r| above
// 2/sqrt(points) is marked (about a 5% two-sided level for independent points). A claim that holds
// everywhere or nowhere has no r.
//
// The points are plain data (the design from its seed), so a map splits into shards evaluated anywhere
// and merged in point order: the same bytes however it is split.
import { DEFAULT_PARAMS, type Params } from '../model/spec';
import { loadPreset } from '../scenario/presets';
import { CLAIMS, measureClaims, type Perturbation, presetContext } from './claims';
import { collectSamples, fetchSamples } from './experiment';
import type { Pool } from './pool';
import { latinHypercube } from './sensitivity';
import { PARAM_SPREAD, type StudyInput, studyInputs } from './study';

/** The claims a map measures: every claim of CLAIMS.md (validations are of the dynamics, not the seeds' argument). */
export const MAP_CLAIMS: readonly string[] = CLAIMS.filter((c) => !c.validation).map((c) => c.id);

export interface ClaimsMapPlan {
  method: 'latin-hypercube';
  /** The free parameters varied, each over [lo, hi] (±PARAM_SPREAD of its default, clipped to its range). */
  inputs: StudyInput[];
  /** Parameters not varied (a default of 0 has no ±25%). */
  fixed: string[];
  spread: number;
  samples: number;
  seeds: number;
  designSeed: number;
  claims: string[];
}

export const MAP_DEFAULTS = { samples: 64, seeds: 20, designSeed: 1 } as const;

export function claimsMapPlan(
  o: { samples?: number; seeds?: number; designSeed?: number; claims?: readonly string[] } = {},
): ClaimsMapPlan {
  const claims = o.claims ? [...o.claims] : [...MAP_CLAIMS];
  for (const id of claims) {
    if (!MAP_CLAIMS.includes(id)) throw new Error(`unknown claim "${id}" (claims: ${MAP_CLAIMS.join(', ')})`);
  }
  // Around the defaults, as the robustness study (a preset file may set a parameter; the map sets all).
  const r = loadPreset('post-ukraine');
  if (!r.ok) throw new Error(`preset post-ukraine: ${r.errors.join('; ')}`);
  const { inputs, fixed } = studyInputs({ ...r.spec, params: { ...DEFAULT_PARAMS } }, ['params']);
  return {
    method: 'latin-hypercube',
    inputs,
    fixed,
    spread: PARAM_SPREAD,
    samples: o.samples ?? MAP_DEFAULTS.samples,
    seeds: o.seeds ?? MAP_DEFAULTS.seeds,
    designSeed: o.designSeed ?? MAP_DEFAULTS.designSeed,
    claims: MAP_CLAIMS.filter((id) => claims.includes(id)),
  };
}

/** The design's points: samples x inputs positions in [0, 1). */
export function mapDesign(plan: ClaimsMapPlan): Float64Array {
  return latinHypercube(plan.inputs.length, plan.samples, plan.designSeed);
}

/** Point p of the design as a perturbation of every preset. */
export function mapPoint(plan: ClaimsMapPlan, design: Float64Array, p: number): Perturbation {
  const k = plan.inputs.length;
  const params: Partial<Params> = {};
  plan.inputs.forEach((input, i) => {
    const x = design[p * k + i];
    params[input.name as keyof Params] = Math.min(input.hi, Math.max(input.lo, input.lo + x * (input.hi - input.lo)));
  });
  return { label: `point ${p}`, params };
}

/** What a point gives: whether each claim held there. */
export interface MapPointResult {
  i: number;
  holds: Record<string, boolean>;
}

function judgePoint(plan: ClaimsMapPlan, p: number, ctx: ReturnType<typeof presetContext>): MapPointResult {
  const res = measureClaims(ctx, plan.claims);
  return { i: p, holds: Object.fromEntries(res.map((r) => [r.id, r.holds])) };
}

/** Points from..to-1 in this thread. */
export function evaluateMap(plan: ClaimsMapPlan, from: number, to: number): MapPointResult[] {
  const design = mapDesign(plan);
  const out: MapPointResult[] = [];
  for (let p = from; p < to; p++) out.push(judgePoint(plan, p, presetContext(plan.seeds, mapPoint(plan, design, p))));
  return out;
}

/**
 * Points from..to-1 with their runs on a pool: a few points in flight at a time (their samples sent
 * together, so the workers stay busy), each judged from its runs in point order. The same results as
 * evaluateMap.
 */
export async function evaluateMapOnPool(
  plan: ClaimsMapPlan,
  from: number,
  to: number,
  pool: Pool,
  onPoint?: (done: number) => void,
): Promise<MapPointResult[]> {
  const design = mapDesign(plan);
  const out: MapPointResult[] = [];
  const inFlight = Math.max(2, 2 * pool.size);
  for (let p = from; p < to; p += inFlight) {
    const batch = [];
    for (let q = p; q < Math.min(to, p + inFlight); q++)
      batch.push({ q, ctx: presetContext(plan.seeds, mapPoint(plan, design, q)) });
    await fetchSamples(
      batch.flatMap((b) => collectSamples(() => measureClaims(b.ctx, plan.claims))),
      pool,
    );
    for (const b of batch) {
      out.push(judgePoint(plan, b.q, b.ctx));
      onPoint?.(out.length);
    }
  }
  return out;
}

export interface DecidingParameter {
  name: string;
  /** Point-biserial correlation of "holds" with the parameter's position in its range. */
  r: number;
  /** Share of points holding with the parameter in the lower, and in the upper, half of its range. */
  shareLow: number;
  shareHigh: number;
  /** |r| >= 2 / sqrt(points). */
  marked: boolean;
}

export interface ClaimMapRow {
  id: string;
  /** True by how an indicator or term is written (CLAIMS.md): its share says nothing of a mechanism. */
  definitional: boolean;
  text: string;
  points: number;
  holds: number;
  share: number;
  /** Every parameter, strongest association first; none when the claim holds everywhere or nowhere. */
  parameters: DecidingParameter[];
}

export interface ClaimsMapResult {
  method: 'latin-hypercube';
  samples: number;
  seeds: number;
  designSeed: number;
  spread: number;
  inputs: StudyInput[];
  fixed: string[];
  claims: ClaimMapRow[];
}

/** What the points say; a function of the plan and the points' results alone. */
export function analyseMap(plan: ClaimsMapPlan, points: readonly MapPointResult[]): ClaimsMapResult {
  const design = mapDesign(plan);
  const k = plan.inputs.length;
  const n = plan.samples;
  if (points.length !== n) throw new Error(`claims map: ${points.length} points for a design of ${n}`);
  const bar = 2 / Math.sqrt(n);
  const claims = plan.claims.map((id): ClaimMapRow => {
    const def = CLAIMS.find((c) => c.id === id);
    const y = points.map((pt) => (pt.holds[id] ? 1 : 0));
    const holds = y.reduce((s: number, v) => s + v, 0);
    const parameters: DecidingParameter[] = [];
    if (holds > 0 && holds < n) {
      const my = holds / n;
      plan.inputs.forEach((input, i) => {
        let mx = 0;
        for (let p = 0; p < n; p++) mx += design[p * k + i];
        mx /= n;
        let sxy = 0;
        let sxx = 0;
        let syy = 0;
        let low = 0;
        let lowN = 0;
        let high = 0;
        let highN = 0;
        for (let p = 0; p < n; p++) {
          const x = design[p * k + i];
          sxy += (x - mx) * (y[p] - my);
          sxx += (x - mx) * (x - mx);
          syy += (y[p] - my) * (y[p] - my);
          if (x < 0.5) {
            low += y[p];
            lowN++;
          } else {
            high += y[p];
            highN++;
          }
        }
        const r = sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
        parameters.push({
          name: input.name,
          r,
          shareLow: lowN > 0 ? low / lowN : Number.NaN,
          shareHigh: highN > 0 ? high / highN : Number.NaN,
          marked: Math.abs(r) >= bar,
        });
      });
      // Strongest first; ties keep the parameters' order.
      parameters.sort((a, b) => Math.abs(b.r) - Math.abs(a.r));
    }
    return {
      id,
      definitional: def?.definitional !== undefined,
      text: def?.text ?? '',
      points: n,
      holds,
      share: holds / n,
      parameters,
    };
  });
  return {
    method: plan.method,
    samples: plan.samples,
    seeds: plan.seeds,
    designSeed: plan.designSeed,
    spread: plan.spread,
    inputs: plan.inputs,
    fixed: plan.fixed,
    claims,
  };
}
