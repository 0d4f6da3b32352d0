// What the charts show, decided from the runs: which metric goes in which chart, each chart's axis and
// its fixed range. A range always holds the observed record and the unedited run, so a lever change
// shows as a line that moves within a still frame (sanctions to 0 drops below the 2023 record instead
// of refilling the chart). Metrics the model adds land in "More indicators" with their own names.
import { REAL_EVENTS } from '../data/events';
import { OBSERVED } from '../data/record';
import { formatQuarter, parseQuarter, quarterToYear } from '../model/time';
import type { TriangleConfig } from '../model/triangle';
import { CONFIGS } from '../sim/lean';
import type { StepRecord } from '../sim/run';
import type { Computed, Runs } from './derive';
import { CONFIG_NAMES } from './format';
import { isTieKey, metricLabel } from './labels';
import type { LiveBands, Quantiles } from './liveBands';

export type RangeKind = 'share' | 'unit' | 'tie' | 'free';

export interface ChartGroup {
  id: string;
  title: string;
  /** Words after the title, dropped first when the chart is narrow. */
  gloss: string;
  /** The y axis, in words. */
  axis: string;
  range: RangeKind;
  metrics: string[];
  /** Draw the ensemble band behind the lines. */
  band: boolean;
  /** Lines of runs (default), the paired difference A − B, or the stacked shares of configurations. */
  kind?: 'lines' | 'diff' | 'configs';
}

/** Metrics of the paired difference A − B in compare mode: one per chart of the model's indicators. */
export const DIFF_METRICS: readonly string[] = ['ru_dependence_on_cn', 'ru_autonomy', 'CN-RU'];

/** Colour-blind-safe (Okabe–Ito), readable on the light and the dark ground alike. */
export const CONFIG_COLORS: Readonly<Record<TriangleConfig, string>> = {
  'menage-a-trois': '#009e73',
  'romantic-triangle': '#56b4e9',
  'stable-marriage': '#e69f00',
  'unit-veto': '#d55e00',
  indeterminate: '#999999',
};

const FIXED: readonly {
  id: string;
  title: string;
  gloss: string;
  axis: string;
  range: RangeKind;
  metrics: string[];
}[] = [
  {
    id: 'dependence',
    title: 'Dependence',
    gloss: ' (trade share)',
    axis: 'share of trade',
    range: 'share',
    metrics: ['ru_dependence_on_cn', 'cn_dependence_on_ru'],
  },
  {
    id: 'room',
    title: "Russia's room in Asia",
    gloss: '',
    axis: 'index, 0–1',
    range: 'unit',
    metrics: ['ru_autonomy', 'ru_negotiating_space'],
  },
  {
    id: 'ties',
    title: 'Triangle ties',
    gloss: '',
    axis: 'tie, −1 to 1',
    range: 'tie',
    metrics: ['CN-RU', 'CN-US', 'RU-US'],
  },
];

/** The metrics of a record: its indicators (the model's, then the scenario's own) and its ties. */
export function metricsOf(rec: StepRecord): { indicators: string[]; ties: string[] } {
  return { indicators: Object.keys(rec.indicators), ties: Object.keys(rec.ties) };
}

export function chartGroups(a: Computed): ChartGroup[] {
  const { indicators, ties } = metricsOf(a.records[0]);
  const present = new Set([...indicators, ...ties]);
  const groups: ChartGroup[] = [];
  const used = new Set<string>();
  for (const g of FIXED) {
    const metrics = g.metrics.filter((m) => present.has(m));
    if (metrics.length === 0) continue;
    for (const m of metrics) used.add(m);
    groups.push({ ...g, metrics, band: true });
  }
  const rest = indicators.filter((m) => !used.has(m) && !isTieKey(m));
  if (rest.length > 0)
    groups.push({
      id: 'more',
      title: 'More indicators',
      gloss: '',
      axis: 'index',
      range: 'free',
      metrics: rest,
      // Banded too: 200 seeds keep exact quantiles whatever the metric's scale.
      band: true,
    });
  return groups;
}

/** Metrics the ensemble band is computed for: every metric of a chart that draws one. */
export function bandMetrics(a: Computed): string[] {
  return chartGroups(a)
    .filter((g) => g.band)
    .flatMap((g) => g.metrics);
}

const CONFIGS_GROUP: ChartGroup = {
  id: 'configs',
  title: 'Configurations',
  gloss: ' (share of seeds)',
  axis: 'share of seeds',
  range: 'unit',
  metrics: [],
  band: false,
  kind: 'configs',
};

const DIFF_GROUP: ChartGroup = {
  id: 'diff',
  title: 'A − B',
  gloss: ' (paired, same seeds)',
  axis: 'difference',
  range: 'free',
  metrics: [],
  band: true,
  kind: 'diff',
};

export function metricValue(rec: StepRecord, name: string): number | undefined {
  return rec.indicators[name] ?? rec.ties[name];
}

/** A round number at or above x (1, 2, 2.5, 5 times a power of ten). */
export function niceCeil(x: number): number {
  if (x <= 0) return 0;
  const p = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= x - 1e-12) return Number((m * p).toPrecision(3));
  return x;
}

export function niceFloor(x: number): number {
  return x >= 0 ? 0 : -niceCeil(-x);
}

/** The y range of a chart: fixed by kind, and for shares and free ranges wide enough for the record and every run. */
export function chartRange(group: ChartGroup, runs: readonly (Computed | null)[]): [number, number] {
  if (group.range === 'unit') return [0, 1];
  if (group.range === 'tie') return [-1, 1];
  let lo = 0;
  let hi = 0;
  for (const r of runs) {
    if (!r) continue;
    for (const rec of r.records) {
      for (const m of group.metrics) {
        const v = metricValue(rec, m);
        if (v === undefined || !Number.isFinite(v)) continue;
        if (v > hi) hi = v;
        if (v < lo) lo = v;
      }
    }
  }
  for (const p of OBSERVED) if (group.metrics.includes(p.indicator)) hi = Math.max(hi, p.value);
  if (group.range === 'share') return [0, Math.min(1, niceCeil(Math.max(0.05, hi * 1.08)))];
  return [niceFloor(lo * 1.08), niceCeil(Math.max(hi * 1.08, lo + 0.05))];
}

// ---- the data the chart view draws ------------------------------------------------------------------

export interface SeriesModel {
  name: string;
  short: string;
  long: string;
  color: string;
  /** Values per timeline step (null outside the run). */
  a: (number | null)[];
  /** The unedited run, when the user changed something. */
  ghost: (number | null)[] | null;
  /** The compare scenario's run. */
  b: (number | null)[] | null;
  /** Quantiles of 200 seeds: 5–95% (lo, hi), 25–75% (q25, q75) and the median. */
  band: LaneBand | null;
  /** The compare scenario's band (compare mode). */
  bBand: LaneBand | null;
  /** Observed annual figures for this metric, at mid-year. */
  record: { x: number; year: number; value: number; source: string; note: string }[];
}

export interface LaneBand {
  lo: (number | null)[];
  q25: (number | null)[];
  med: (number | null)[];
  q75: (number | null)[];
  hi: (number | null)[];
}

export interface ChartModel {
  group: ChartGroup;
  range: [number, number];
  series: SeriesModel[];
}

export interface ChartsModel {
  /** x of each timeline step: fractional year of its quarter's midpoint. */
  xs: number[];
  dates: string[];
  charts: ChartModel[];
  events: { x: number; date: string; tag: string; text: string }[];
  ghost: boolean;
  compare: boolean;
  record: boolean;
}

const TIE_COLORS: Readonly<Record<string, string>> = { 'CN-RU': '#a0457e', 'CN-US': '#c07a12', 'RU-US': '#4a7fa8' };
const OTHER_COLORS: Readonly<Record<string, string>> = {
  ru_negotiating_space: '#c07a12',
  rfe_development: '#4f8f3a',
  ru_sea_presence: '#2a9d8f',
};
const PALETTE = ['#6f7fb0', '#b0716f', '#7f9a5a', '#a08a4a', '#5a8f9a', '#9a5a8f'];

function colorOf(name: string, a: Computed, k: number): string {
  const actor = (id: string, fallback: string) => a.spec.actors.find((x) => x.id === id)?.color ?? fallback;
  if (name === 'ru_dependence_on_cn' || name === 'ru_autonomy') return actor('RU', '#8b4fc9');
  if (name === 'cn_dependence_on_ru') return actor('CN', '#d8343a');
  return TIE_COLORS[name] ?? OTHER_COLORS[name] ?? PALETTE[k % PALETTE.length];
}

function along(run: Computed | null, offset: number, n: number, name: string): (number | null)[] | null {
  if (!run) return null;
  const out: (number | null)[] = new Array(n).fill(null);
  for (let s = 0; s <= run.horizon; s++) {
    const t = s + offset;
    if (t < 0 || t >= n) continue;
    const v = metricValue(run.records[s], name);
    out[t] = v === undefined || !Number.isFinite(v) ? null : v;
  }
  return out;
}

export type BandValue = Pick<LiveBands, 'metrics' | 'configs' | 'b' | 'diff'>;

const BAND_KEYS = ['lo', 'q25', 'med', 'q75', 'hi'] as const;

/** A run's quantiles placed on the timeline at the run's offset. */
function laneBand(q: Quantiles | undefined, offset: number, n: number): LaneBand | null {
  if (!q) return null;
  const out = {} as LaneBand;
  for (const k of BAND_KEYS) {
    const lane: (number | null)[] = new Array(n).fill(null);
    const v = q[k];
    for (let s = 0; s < v.length; s++) if (s + offset >= 0 && s + offset < n) lane[s + offset] = v[s];
    out[k] = lane;
  }
  return out;
}

/** The chart of A − B: the paired band per metric and this seed's difference on top; a range symmetric about 0. */
function diffChart(runs: Runs, band: BandValue | null, n: number, offA: number, offB: number): ChartModel | null {
  const b = runs.b;
  if (!b) return null;
  const names = DIFF_METRICS.filter(
    (m) => metricValue(runs.a.records[0], m) !== undefined && metricValue(b.records[0], m) !== undefined,
  );
  if (names.length === 0) return null;
  let max = 0.05;
  const series = names.map((name, k) => {
    const lab = metricLabel(name, runs.a.spec);
    const a = along(runs.a, offA, n, name) ?? [];
    const bb = along(b, offB, n, name) ?? [];
    const d = a.map((v, t) => (v === null || bb[t] === null || bb[t] === undefined ? null : v - (bb[t] as number)));
    const q = band?.diff?.[name];
    for (const v of [...d, ...(q ? [...q.lo, ...q.hi] : [])])
      if (v !== null && Number.isFinite(v)) max = Math.max(max, Math.abs(v));
    return {
      name,
      short: lab.short,
      long: `${lab.long}: A − B`,
      color: colorOf(name, runs.a, k),
      a: d,
      ghost: null,
      b: null,
      band: q ? { lo: q.lo, q25: q.q25, med: q.med, q75: q.q75, hi: q.hi } : null,
      bBand: null,
      record: [],
    };
  });
  const m = niceCeil(max * 1.08);
  return { group: { ...DIFF_GROUP, metrics: names }, range: [-m, m], series };
}

/** The stacked shares of run A's seeds in each configuration, as the scene names them. */
function configsChart(band: BandValue | null, n: number, offA: number): ChartModel {
  const series = CONFIGS.map((c) => {
    const share: (number | null)[] = new Array(n).fill(null);
    const v = band?.configs[c];
    if (v) for (let s = 0; s < v.length; s++) if (s + offA >= 0 && s + offA < n) share[s + offA] = v[s];
    return {
      name: c,
      short: CONFIG_NAMES[c],
      long: `${CONFIG_NAMES[c]}: share of the seeds in this configuration`,
      color: CONFIG_COLORS[c],
      a: share,
      ghost: null,
      b: null,
      band: null,
      bBand: null,
      record: [],
    };
  });
  return { group: { ...CONFIGS_GROUP, metrics: [...CONFIGS] }, range: [0, 1], series };
}

export function chartsModel(runs: Runs, band: BandValue | null): ChartsModel {
  const tl = runs.timeline;
  const n = tl.last + 1;
  const xs: number[] = [];
  const dates: string[] = [];
  for (let t = 0; t < n; t++) {
    xs.push(quarterToYear(tl.origin + t));
    dates.push(formatQuarter(tl.origin + t));
  }
  const offA = tl.a.offset;
  const offB = tl.b?.offset ?? 0;
  let k = 0;
  let anyRecord = false;
  const charts = chartGroups(runs.a).map((group) => {
    const series = group.metrics.map((name) => {
      const lab = metricLabel(name, runs.a.spec);
      const b = band?.metrics[name];
      const record = OBSERVED.filter((p) => p.indicator === name)
        .map((p) => ({ x: p.year + 0.5, year: p.year, value: p.value, source: p.source, note: p.note }))
        .filter((p) => p.x >= xs[0] - 0.125 && p.x <= xs[n - 1] + 0.125);
      if (record.length) anyRecord = true;
      return {
        name,
        short: lab.short,
        long: lab.long,
        color: colorOf(name, runs.a, k++),
        a: along(runs.a, offA, n, name) as (number | null)[],
        ghost: along(runs.ghost, offA, n, name),
        b: along(runs.b, offB, n, name),
        band: group.band && b ? laneBand(b, offA, n) : null,
        bBand: group.band && runs.b ? laneBand(band?.b?.metrics[name], offB, n) : null,
        record,
      };
    });
    return { group, range: chartRange(group, [runs.ghost ?? runs.a, runs.a, runs.b]), series };
  });
  // After the model's charts: the configurations, then (compare) A − B, then the scenario's own indicators.
  const at = charts.findIndex((c) => c.group.id === 'more');
  const extra = [configsChart(band, n, offA), diffChart(runs, band, n, offA, offB)].filter(
    (c): c is ChartModel => c !== null,
  );
  charts.splice(at < 0 ? charts.length : at, 0, ...extra);
  const evs = REAL_EVENTS.map((e) => {
    const q = parseQuarter(e.date);
    return q === null ? null : { x: quarterToYear(q), date: e.date, tag: e.tag, text: e.text };
  }).filter((e): e is NonNullable<typeof e> => e !== null && e.x >= xs[0] - 0.01 && e.x <= xs[n - 1] + 0.01);
  return { xs, dates, charts, events: evs, ghost: runs.ghost !== null, compare: runs.b !== null, record: anyRecord };
}
