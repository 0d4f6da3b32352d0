// The claims of CLAIMS.md as measurements, judged honestly: for each statement, the paired share of seeds
// that moved in the claimed direction (a tie is not a success), the mean paired effect, and the effect in
// units of the outcome's seed SD measured on unpaired seeds (d). A statement holds when its share meets
// CLAIMS.md's threshold, its mean has the claimed sign and |d| >= 0.5. A claim true by how an indicator or
// a term is written is classed `definitional` and does not count as reproduced.

import type { LeverName } from '../model/levers';
import { PARAM_RANGES } from '../model/params';
import { DEFAULT_PARAMS, type Params } from '../model/spec';
import { parseQuarter } from '../model/time';
import { classifyTriangle } from '../model/triangle';
import type { World } from '../model/world';
import { loadPreset } from '../scenario/presets';
import { balanceOnlyExperiment } from './balance';
import { toWorld } from './ensemble';
import { change, type Effect, effect, finalStates, mean, metricIndex, sample, sd, valuesAt } from './experiment';
import type { Pins } from './run';

/** The smallest unpaired effect, in seed SDs, that counts: smaller effects are carried by shared noise. */
export const MIN_D = 0.5;

export type ClaimClass = 'mechanism' | 'definitional' | 'not reproduced' | 'validation';

export interface ClaimCheck {
  label: string;
  /** Paired share of seeds in the claimed direction (strict), or a count's share; null when not a share. */
  share: number | null;
  need: number;
  /** Mean paired effect (or change over time), in the outcome's units. */
  mean: number | null;
  /** Unpaired effect size in seed SDs, signed; null when the check is not an effect. */
  d: number | null;
  pass: boolean;
}

export interface ClaimResult {
  id: string;
  text: string;
  checks: ClaimCheck[];
  /** Every check passes (share, sign and |d|). */
  holds: boolean;
  cls: ClaimClass;
  /** Why the claim is definitional, or what the measurement does not cover. */
  note?: string;
}

/** Where the claims get their worlds: the presets, or the presets under a perturbation (robustness). */
export interface ClaimContext {
  seeds: number;
  world(id: string): World;
}

interface ClaimDef {
  id: string;
  text: string;
  validation?: boolean;
  /** The reason a claim holds by construction (it then never counts as reproduced). */
  definitional?: string;
  measure(ctx: ClaimContext): ClaimCheck[];
}

/** A statement about an effect: share in direction `dir`, mean of that sign, |d| >= MIN_D. */
function directional(label: string, e: Effect, dir: 1 | -1, need: number): ClaimCheck {
  const share = dir > 0 ? e.up : e.down;
  return {
    label,
    share,
    need,
    mean: e.diff,
    d: e.d,
    pass: share >= need && e.diff * dir > 0 && e.d * dir >= MIN_D,
  };
}

function plainShare(label: string, share: number, need: number): ClaimCheck {
  return { label, share, need, mean: null, d: null, pass: share >= need };
}

/** A paired lever experiment on one preset: lo -> hi moves `metric` in `dir`. */
function lever(
  ctx: ClaimContext,
  id: string,
  base: Pins,
  name: LeverName,
  lo: number,
  hi: number,
  metric: string,
  dir: 1 | -1,
  need: number,
): ClaimCheck {
  const w = ctx.world(id);
  const e = effect(
    { world: w, pins: { ...base, [name]: lo } },
    { world: w, pins: { ...base, [name]: hi } },
    metric,
    ctx.seeds,
  );
  const verb = dir > 0 ? 'raises' : 'lowers';
  return directional(`${name} ${lo} -> ${hi} ${verb} ${metric}`, e, dir, need);
}

/** Ensemble means at three or more lever values move monotonically in `dir`. */
function monotone(
  ctx: ClaimContext,
  id: string,
  base: Pins,
  name: LeverName,
  values: number[],
  metric: string,
  dir: 1 | -1,
): ClaimCheck {
  const w = ctx.world(id);
  const means = values.map((v) => {
    const s = sample(w, { ...base, [name]: v }, ctx.seeds, 1);
    return mean(valuesAt(s, metric));
  });
  let ok = true;
  for (let i = 1; i < means.length; i++) if ((means[i] - means[i - 1]) * dir <= 0) ok = false;
  return {
    label: `${metric} mean monotone in ${name} (${means.map((m) => m.toFixed(3)).join(' -> ')})`,
    share: null,
    need: 1,
    mean: null,
    d: null,
    pass: ok,
  };
}

// Drivers held where the post-ukraine events put them, so that one lever moves at a time (C3).
const POST_DRIVERS: Pins = { war: 1, sanctions: 0.8, ru_econ_policy: 0.4 };

export const CLAIMS: readonly ClaimDef[] = [
  {
    id: 'C1',
    text: 'In post-ukraine, ru_dependence_on_cn at the horizon exceeds its starting value in >= 90% of seeds.',
    measure: (ctx) => [
      directional(
        'ru_dependence_on_cn rises',
        change(sample(ctx.world('post-ukraine'), {}, ctx.seeds), 'ru_dependence_on_cn'),
        1,
        0.9,
      ),
    ],
  },
  {
    id: 'C2',
    text: 'post-ukraine ends with higher ru_dependence_on_cn and lower ru_autonomy than no-war-2022 in >= 90% of paired seeds.',
    measure: (ctx) => {
      const a = { world: ctx.world('no-war-2022'), pins: {} };
      const b = { world: ctx.world('post-ukraine'), pins: {} };
      const dep = effect(a, b, 'ru_dependence_on_cn', ctx.seeds);
      const aut = effect(a, b, 'ru_autonomy', ctx.seeds);
      // Both at once, seed by seed.
      const sa = sample(a.world, {}, ctx.seeds);
      const sb = sample(b.world, {}, ctx.seeds);
      const kd = metricIndex(b.world, 'ru_dependence_on_cn');
      const ka = metricIndex(b.world, 'ru_autonomy');
      let both = 0;
      sa.runs.forEach((ra, i) => {
        const va = ra.values[ra.values.length - 1];
        const vb = sb.runs[i].values[sb.runs[i].values.length - 1];
        if (vb[kd] > va[kd] && vb[ka] < va[ka]) both++;
      });
      return [
        directional('higher ru_dependence_on_cn than without the war', dep, 1, 0.9),
        directional('lower ru_autonomy than without the war', aut, -1, 0.9),
        plainShare('both in the same seed', both / ctx.seeds, 0.9),
      ];
    },
  },
  {
    id: 'C3',
    text: 'Raising sanctions, raising war, or lowering ru_econ_policy (others pinned) each raises ru_dependence_on_cn in >= 80% of paired seeds, monotone over three values.',
    measure: (ctx) => {
      const m = 'ru_dependence_on_cn';
      const id = 'post-ukraine';
      return [
        lever(ctx, id, POST_DRIVERS, 'sanctions', 0.3, 0.9, m, 1, 0.8),
        monotone(ctx, id, POST_DRIVERS, 'sanctions', [0.3, 0.6, 0.9], m, 1),
        lever(ctx, id, POST_DRIVERS, 'war', 0, 1, m, 1, 0.8),
        monotone(ctx, id, POST_DRIVERS, 'war', [0, 0.5, 1], m, 1),
        lever(ctx, id, POST_DRIVERS, 'ru_econ_policy', 0.8, 0.1, m, 1, 0.8),
        monotone(ctx, id, POST_DRIVERS, 'ru_econ_policy', [0.8, 0.4, 0.1], m, 1),
      ];
    },
  },
  {
    id: 'C4',
    text: 'Raising jp_rfe_openness lowers ru_dependence_on_cn and raises rfe_development and ru_negotiating_space (>= 80%).',
    measure: (ctx) => [
      lever(ctx, 'pre-2022', {}, 'jp_rfe_openness', 0.1, 0.9, 'ru_dependence_on_cn', -1, 0.8),
      lever(ctx, 'pre-2022', {}, 'jp_rfe_openness', 0.1, 0.9, 'rfe_development', 1, 0.8),
      lever(ctx, 'pre-2022', {}, 'jp_rfe_openness', 0.1, 0.9, 'ru_negotiating_space', 1, 0.8),
    ],
  },
  {
    id: 'C5',
    text: 'Raising cn_jp_tension raises the Japan-Russia tie (>= 80%).',
    measure: (ctx) => [lever(ctx, 'pre-2022', {}, 'cn_jp_tension', 0.1, 0.9, 'JP-RU', 1, 0.8)],
  },
  {
    id: 'C6',
    text: 'Raising vn_cam_ranh raises ru_sea_presence and lowers the China-Russia tie (both >= 70%).',
    measure: (ctx) => [
      lever(ctx, 'pre-2022', {}, 'vn_cam_ranh', 0, 1, 'ru_sea_presence', 1, 0.7),
      lever(ctx, 'pre-2022', {}, 'vn_cam_ranh', 0, 1, 'CN-RU', -1, 0.7),
    ],
  },
  {
    id: 'C7',
    text: 'Raising us_pivot raises the China-Russia tie (>= 80%).',
    measure: (ctx) => [lever(ctx, 'pre-2022', {}, 'us_pivot', 0.1, 0.9, 'CN-RU', 1, 0.8)],
  },
  {
    id: 'C8',
    text: 'Raising us_engagement lowers the China-Russia tie and raises ru_autonomy (>= 80%).',
    measure: (ctx) => [
      lever(ctx, 'post-ukraine', {}, 'us_engagement', 0, 0.9, 'CN-RU', -1, 0.8),
      lever(ctx, 'post-ukraine', {}, 'us_engagement', 0, 0.9, 'ru_autonomy', 1, 0.8),
    ],
  },
  {
    id: 'C9',
    text: 'In pre-2022 the triangle is a stable-marriage with the US as pariah for a majority of the last 16 quarters in >= 70% of seeds.',
    measure: (ctx) => {
      const w = ctx.world('pre-2022');
      const s = sample(w, {}, ctx.seeds);
      const [kUC, kUR, kCR] = ['CN-US', 'RU-US', 'CN-RU'].map((m) => metricIndex(w, m));
      let ok = 0;
      for (const r of s.runs) {
        let q = 0;
        for (const v of r.values.slice(-16)) {
          const tri = classifyTriangle(v[kUC], v[kUR], v[kCR], w.params.epsilon);
          if (tri.config === 'stable-marriage' && tri.roles[0] === 'pariah') q++;
        }
        if (q > 8) ok++;
      }
      return [plainShare('US pariah in a stable marriage', ok / ctx.seeds, 0.7)];
    },
  },
  {
    id: 'C10',
    text: 'cn_dependence_on_ru stays below a quarter of ru_dependence_on_cn at every step of pre-2022 and post-ukraine.',
    definitional:
      "Trade is symmetric, so cn_dependence_on_ru / ru_dependence_on_cn = Russia's total trade / China's; it stays " +
      "below a quarter whenever Russia's total trade is under a quarter of China's (864 vs 3,867 bn in 2012), " +
      'which no mechanism of the model decides.',
    measure: (ctx) =>
      ['pre-2022', 'post-ukraine'].map((id) => {
        const w = ctx.world(id);
        const s = sample(w, {}, ctx.seeds);
        const kr = metricIndex(w, 'ru_dependence_on_cn');
        const kc = metricIndex(w, 'cn_dependence_on_ru');
        const ok = s.runs.filter((r) => r.values.every((v) => v[kc] < 0.25 * v[kr])).length;
        return plainShare(`${id}: asymmetric at every step`, ok / ctx.seeds, 1);
      }),
  },
  {
    id: 'C11',
    text: "In post-ukraine, Russia's tie with North Korea rises and its ties with Japan and South Korea fall (>= 80% each).",
    measure: (ctx) => {
      const s = sample(ctx.world('post-ukraine'), {}, ctx.seeds);
      return [
        directional('KP-RU rises', change(s, 'KP-RU'), 1, 0.8),
        directional('JP-RU falls', change(s, 'JP-RU'), -1, 0.8),
        directional('KR-RU falls', change(s, 'KR-RU'), -1, 0.8),
      ];
    },
  },
  {
    id: 'C12',
    text: "In post-ukraine, China's share of Central Asia's trade rises relative to Russia's (>= 90% of seeds).",
    measure: (ctx) => {
      const w = ctx.world('post-ukraine');
      const n = w.n;
      const ca = w.index.get('CA') ?? -1;
      if (ca < 0) return [plainShare('no CA on the roster', 0, 0.9)];
      // Trade at the start is the scenario's (events move levers, not trade).
      const r0 = w.x0[ca * n + w.cn] / w.x0[ca * n + w.ru];
      const v1 = new Float64Array(ctx.seeds).fill(Number.NaN);
      finalStates(w, {}, ctx.seeds, (seed, s) => {
        v1[seed - 1] = s.trade[ca * n + w.cn] / s.trade[ca * n + w.ru];
      });
      let up = 0;
      let down = 0;
      for (const v of v1) {
        if (v > r0) up++;
        else if (v < r0) down++;
      }
      const diff = mean(v1) - r0;
      const spread = sd(v1);
      const e: Effect = {
        metric: 'CN/RU ratio of CA trade',
        diff,
        up: up / ctx.seeds,
        down: down / ctx.seeds,
        d: spread > 0 ? diff / spread : diff === 0 ? 0 : Math.sign(diff) * Number.POSITIVE_INFINITY,
        sd: spread,
        meanA: r0,
        meanB: mean(v1),
      };
      return [directional("China's trade with CA rises relative to Russia's", e, 1, 0.9)];
    },
  },
  {
    id: 'V1',
    text: 'Balance-only dynamics settle into at most two factions matching the sign classes of the initial leading eigenvector in >= 90% of 200 random 10-actor matrices.',
    validation: true,
    measure: () => {
      const r = balanceOnlyExperiment(200, 10);
      return [
        plainShare('at most two factions', r.twoFactions, 1),
        plainShare('factions match the leading eigenvector', r.matchEigen, 0.9),
      ];
    },
  },
];

/** Measure one claim and class it. */
export function judge(def: ClaimDef, ctx: ClaimContext): ClaimResult {
  const checks = def.measure(ctx);
  const holds = checks.every((c) => c.pass);
  let cls: ClaimClass;
  if (def.validation) cls = 'validation';
  else if (def.definitional) cls = 'definitional';
  else cls = holds ? 'mechanism' : 'not reproduced';
  return { id: def.id, text: def.text, checks, holds, cls, note: def.definitional };
}

export function measureClaims(ctx: ClaimContext, ids?: readonly string[]): ClaimResult[] {
  return CLAIMS.filter((c) => !ids || ids.includes(c.id)).map((c) => judge(c, ctx));
}

/** A claim counts as reproduced when it holds and follows from a mechanism (not by definition). */
export function reproduced(r: ClaimResult): boolean {
  return r.cls === 'mechanism';
}

/** A perturbation of the presets for robustness: parameters, and the initial ties of pre-2022 (2012). */
export interface Perturbation {
  label: string;
  params?: Partial<Params>;
  ties2012?: Record<string, number>;
}

/** Claims measured on the preset scenarios, optionally perturbed; worlds are built once per context. */
export function presetContext(seeds: number, perturb: Perturbation = { label: 'defaults' }): ClaimContext {
  const worlds = new Map<string, World>();
  return {
    seeds,
    world(id: string): World {
      const w = worlds.get(id);
      if (!w) {
        const r = loadPreset(id);
        if (!r.ok) throw new Error(`preset ${id}: ${r.errors.join('; ')}`);
        const spec = r.spec;
        const ties = spec.ties.slice();
        if (perturb.ties2012 && spec.start === parseQuarter('2012Q1')) {
          const n = spec.actors.length;
          const at = (a: string) => spec.actors.findIndex((x: { id: string }) => x.id === a);
          for (const [pair, v] of Object.entries(perturb.ties2012)) {
            const [a, b] = pair.split('-').map(at);
            if (a < 0 || b < 0) continue;
            ties[a * n + b] = v;
            ties[b * n + a] = v;
          }
        }
        const built = toWorld({ ...spec, ties, params: { ...spec.params, ...perturb.params } });
        worlds.set(id, built);
        return built;
      }
      return w;
    },
  };
}

/** The perturbations of `npm run claims -- --robustness`: every free parameter at -25% and +25%, one at a time, and a neutral 2012. */
export function perturbations(): Perturbation[] {
  const out: Perturbation[] = [];
  for (const [k, v] of Object.entries(DEFAULT_PARAMS) as [keyof Params, number][]) {
    if (v === 0) continue;
    for (const f of [0.75, 1.25]) {
      const max = PARAM_RANGES[k].max;
      const value = Math.min(max, v * f);
      if (value === v) continue;
      out.push({ label: `${k} ${f < 1 ? '-25%' : '+25%'}`, params: { [k]: value } });
    }
  }
  out.push({ label: 'neutral 2012 (CN-US, RU-US at +0.1)', ties2012: { 'CN-US': 0.1, 'RU-US': 0.1 } });
  return out;
}
