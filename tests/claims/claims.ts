// The claims of CLAIMS.md as measurements. Each returns the shares it measured and whether they meet
// the claim's threshold; claims.test.ts asserts them and tools/claims-report.ts prints them.
import { Run } from '../../src/sim/run';
import { balanceOnlyExperiment } from './balance';
import { atHorizon, meanAtHorizon, metricIndex, pairedMetric, runs, SEEDS, world } from './harness';

export interface Check {
  label: string;
  value: number;
  need: number;
  kind: 'share' | 'count' | 'value';
  pass: boolean;
}

export interface Claim {
  id: string;
  text: string;
  /** Why the claim is expected to fail, if it does: a finding, not a bug to hide. */
  knownFailure?: string;
  measure(): { pass: boolean; checks: Check[] };
}

function share(label: string, value: number, need: number): Check {
  return { label, value, need, kind: 'share', pass: value >= need };
}

/** The paired effect must also have the claimed sign on average. */
function sign(label: string, value: number, positive: boolean): Check {
  return { label, value, need: 0, kind: 'value', pass: positive ? value > 0 : value < 0 };
}

function result(checks: Check[]) {
  return { pass: checks.every((c) => c.pass), checks };
}

/** Paired lever experiment: lo → hi changes `metric` in direction `dir` in ≥ need of seeds. */
function leverEffect(
  id: string,
  pinsLo: Record<string, number>,
  pinsHi: Record<string, number>,
  metric: string,
  dir: 1 | -1,
  need: number,
  name: string,
): Check[] {
  const r = pairedMetric(id, metric, pinsLo, pinsHi);
  const shareDir = dir > 0 ? r.shareUp : 1 - r.shareUp;
  return [
    share(`${name} ${dir > 0 ? 'raises' : 'lowers'} ${metric}`, shareDir, need),
    sign(`mean Δ${metric}`, r.meanDiff, dir > 0),
  ];
}

/** Monotone ensemble means across three or more lever values. */
function monotone(
  id: string,
  lever: string,
  values: number[],
  base: Record<string, number>,
  metric: string,
  dir: 1 | -1,
): Check {
  const means = values.map((v) => meanAtHorizon(id, metric, { ...base, [lever]: v }));
  let ok = true;
  for (let i = 1; i < means.length; i++) if ((means[i] - means[i - 1]) * dir <= 0) ok = false;
  return {
    label: `${metric} mean monotone in ${lever} (${means.map((m) => m.toFixed(3)).join(' → ')})`,
    value: ok ? 1 : 0,
    need: 1,
    kind: 'count',
    pass: ok,
  };
}

// Drivers held where the post-ukraine events put them, so that one lever moves at a time (C3).
const POST_DRIVERS = { war: 1, sanctions: 0.8, ru_econ_policy: 0.4 };

export const CLAIMS: Claim[] = [
  {
    id: 'C1',
    text: 'In post-ukraine, ru_dependence_on_cn at the horizon exceeds its starting value in ≥ 90% of seeds.',
    measure() {
      const k = metricIndex('post-ukraine', 'ru_dependence_on_cn');
      const rs = runs('post-ukraine');
      const up = rs.filter((tr) => atHorizon(tr, k) > tr.values[0][k]).length / rs.length;
      return result([share('dependence rises', up, 0.9)]);
    },
  },
  {
    id: 'C2',
    text: 'post-ukraine ends with higher ru_dependence_on_cn and lower ru_autonomy than no-war-2022 in ≥ 90% of paired seeds.',
    measure() {
      const a = runs('no-war-2022');
      const b = runs('post-ukraine');
      const kd = metricIndex('post-ukraine', 'ru_dependence_on_cn');
      const ka = metricIndex('post-ukraine', 'ru_autonomy');
      let both = 0;
      let dd = 0;
      let da = 0;
      for (let s = 0; s < a.length; s++) {
        const d1 = atHorizon(b[s], kd) - atHorizon(a[s], kd);
        const d2 = atHorizon(b[s], ka) - atHorizon(a[s], ka);
        if (d1 > 0 && d2 < 0) both++;
        dd += d1;
        da += d2;
      }
      return result([
        share('higher dependence and lower autonomy', both / a.length, 0.9),
        sign('mean Δdependence', dd / a.length, true),
        sign('mean Δautonomy', da / a.length, false),
      ]);
    },
  },
  {
    id: 'C3',
    text: 'Raising sanctions, raising war, or lowering ru_econ_policy (others pinned) each raises ru_dependence_on_cn in ≥ 80% of paired seeds, monotone over three values.',
    measure() {
      const id = 'post-ukraine';
      const m = 'ru_dependence_on_cn';
      return result([
        ...leverEffect(
          id,
          { ...POST_DRIVERS, sanctions: 0.3 },
          { ...POST_DRIVERS, sanctions: 0.9 },
          m,
          1,
          0.8,
          'sanctions',
        ),
        monotone(id, 'sanctions', [0.3, 0.6, 0.9], POST_DRIVERS, m, 1),
        ...leverEffect(id, { ...POST_DRIVERS, war: 0 }, { ...POST_DRIVERS, war: 1 }, m, 1, 0.8, 'war'),
        monotone(id, 'war', [0, 0.5, 1], POST_DRIVERS, m, 1),
        ...leverEffect(
          id,
          { ...POST_DRIVERS, ru_econ_policy: 0.1 },
          { ...POST_DRIVERS, ru_econ_policy: 0.8 },
          m,
          -1,
          0.8,
          'better policy',
        ),
        monotone(id, 'ru_econ_policy', [0.1, 0.4, 0.8], POST_DRIVERS, m, -1),
      ]);
    },
  },
  {
    id: 'C4',
    text: 'Raising jp_rfe_openness lowers ru_dependence_on_cn and raises rfe_development and ru_negotiating_space (≥ 80%).',
    measure() {
      const id = 'pre-2022';
      const lo = { jp_rfe_openness: 0.1 };
      const hi = { jp_rfe_openness: 0.9 };
      return result([
        ...leverEffect(id, lo, hi, 'ru_dependence_on_cn', -1, 0.8, 'openness'),
        ...leverEffect(id, lo, hi, 'rfe_development', 1, 0.8, 'openness'),
        ...leverEffect(id, lo, hi, 'ru_negotiating_space', 1, 0.8, 'openness'),
      ]);
    },
  },
  {
    id: 'C5',
    text: 'Raising cn_jp_tension raises the Japan–Russia tie (≥ 80%).',
    measure() {
      return result(
        leverEffect('pre-2022', { cn_jp_tension: 0.1 }, { cn_jp_tension: 0.9 }, 'JP-RU', 1, 0.8, 'tension'),
      );
    },
  },
  {
    id: 'C6',
    text: 'Raising vn_cam_ranh raises ru_sea_presence and lowers the China–Russia tie (both ≥ 70%).',
    measure() {
      const lo = { vn_cam_ranh: 0 };
      const hi = { vn_cam_ranh: 1 };
      return result([
        ...leverEffect('pre-2022', lo, hi, 'ru_sea_presence', 1, 0.7, 'Cam Ranh'),
        ...leverEffect('pre-2022', lo, hi, 'CN-RU', -1, 0.7, 'Cam Ranh'),
      ]);
    },
  },
  {
    id: 'C7',
    text: 'Raising us_pivot raises the China–Russia tie (≥ 80%).',
    measure() {
      return result(leverEffect('pre-2022', { us_pivot: 0.1 }, { us_pivot: 0.9 }, 'CN-RU', 1, 0.8, 'pivot'));
    },
  },
  {
    id: 'C8',
    text: 'Raising us_engagement lowers the China–Russia tie and raises ru_autonomy (≥ 80%).',
    measure() {
      const lo = { us_engagement: 0 };
      const hi = { us_engagement: 0.9 };
      return result([
        ...leverEffect('post-ukraine', lo, hi, 'CN-RU', -1, 0.8, 'engagement'),
        ...leverEffect('post-ukraine', lo, hi, 'ru_autonomy', 1, 0.8, 'engagement'),
      ]);
    },
  },
  {
    id: 'C9',
    text: 'In pre-2022 the triangle is a stable-marriage with the US as pariah for a majority of the last 16 quarters in ≥ 70% of seeds.',
    measure() {
      const rs = runs('pre-2022');
      const w = world('pre-2022');
      const kUC = metricIndex('pre-2022', 'CN-US');
      const kUR = metricIndex('pre-2022', 'RU-US');
      const kCR = metricIndex('pre-2022', 'CN-RU');
      const eps = w.params.epsilon;
      let ok = 0;
      for (const tr of rs) {
        let q = 0;
        const last = tr.values.slice(-16);
        last.forEach((v, i) => {
          const pariahUS = v[kCR] >= eps && v[kUC] <= -eps && v[kUR] <= -eps;
          if (pariahUS && tr.configs[tr.configs.length - 16 + i] === 'stable-marriage') q++;
        });
        if (q > 8) ok++;
      }
      return result([share('US pariah in a stable marriage', ok / rs.length, 0.7)]);
    },
  },
  {
    id: 'C10',
    text: 'cn_dependence_on_ru stays below a quarter of ru_dependence_on_cn at every step of pre-2022 and post-ukraine.',
    measure() {
      const checks: Check[] = [];
      for (const id of ['pre-2022', 'post-ukraine']) {
        const kr = metricIndex(id, 'ru_dependence_on_cn');
        const kc = metricIndex(id, 'cn_dependence_on_ru');
        const rs = runs(id);
        const ok = rs.filter((tr) => tr.values.every((v) => v[kc] < 0.25 * v[kr])).length / rs.length;
        checks.push(share(`${id}: asymmetric at every step`, ok, 1));
      }
      return result(checks);
    },
  },
  {
    id: 'C11',
    text: "In post-ukraine, Russia's tie with North Korea rises and its ties with Japan and South Korea fall (≥ 80% each).",
    measure() {
      const rs = runs('post-ukraine');
      const dir = (pair: string, up: boolean) => {
        const k = metricIndex('post-ukraine', pair);
        const n = rs.filter((tr) =>
          up ? atHorizon(tr, k) > tr.values[0][k] : atHorizon(tr, k) < tr.values[0][k],
        ).length;
        return share(`${pair} ${up ? 'rises' : 'falls'}`, n / rs.length, 0.8);
      };
      return result([dir('KP-RU', true), dir('JP-RU', false), dir('KR-RU', false)]);
    },
  },
  {
    id: 'C12',
    text: "In post-ukraine, China's share of Central Asia's trade rises relative to Russia's.",
    measure() {
      const w = world('post-ukraine');
      const n = w.n;
      const ca = w.index.get('CA') ?? -1;
      let ok = 0;
      let sum = 0;
      for (let seed = 1; seed <= SEEDS; seed++) {
        const run = new Run(w, { seed, record: false });
        const ratio = () => run.state.trade[ca * n + w.cn] / run.state.trade[ca * n + w.ru];
        const r0 = ratio();
        run.runTo(w.spec.steps);
        const r1 = ratio();
        if (r1 > r0) ok++;
        sum += r1 - r0;
      }
      return result([share('CN/RU ratio in CA trade rises', ok / SEEDS, 0.9), sign('mean Δratio', sum / SEEDS, true)]);
    },
  },
  {
    id: 'V1',
    text: 'Balance-only dynamics settle into at most two factions matching the sign classes of the initial leading eigenvector in ≥ 90% of 200 random 10-actor matrices.',
    measure() {
      const r = balanceOnlyExperiment(200, 10);
      return result([
        share('at most two factions', r.twoFactions, 1),
        share('factions match the leading eigenvector', r.matchEigen, 0.9),
      ]);
    },
  },
];
