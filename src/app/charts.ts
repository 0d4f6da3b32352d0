// What the charts show, decided from the runs: which metric goes in which chart, each chart's axis and
// its fixed range. A range always holds the observed record and the unedited run, so a lever change
// shows as a line that moves within a still frame (sanctions to 0 drops below the 2023 record instead
// of refilling the chart). Metrics the model adds land in "More indicators" with their own names.
import { REAL_EVENTS } from '../data/events';
import { OBSERVED } from '../data/record';
import { formatQuarter, parseQuarter, quarterToYear } from '../model/time';
import type { StepRecord } from '../sim/run';
import type { Computed, Runs } from './derive';
import { isTieKey, metricLabel } from './labels';

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
}

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
      band: false,
    });
  return groups;
}

/** Metrics the ensemble band is computed for: every metric of a chart that draws one. */
export function bandMetrics(a: Computed): string[] {
  return chartGroups(a)
    .filter((g) => g.band)
    .flatMap((g) => g.metrics);
}

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
  band: { lo: (number | null)[]; med: (number | null)[]; hi: (number | null)[] } | null;
  /** Observed annual figures for this metric, at mid-year. */
  record: { x: number; year: number; value: number; source: string; note: string }[];
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

export interface BandValue {
  metrics: Record<string, { lo: number[]; med: number[]; hi: number[] }>;
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
      const lane = (v: readonly number[] | undefined) => {
        const out: (number | null)[] = new Array(n).fill(null);
        if (v) for (let s = 0; s < v.length; s++) if (s + offA >= 0 && s + offA < n) out[s + offA] = v[s];
        return out;
      };
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
        band: group.band && b ? { lo: lane(b.lo), med: lane(b.med), hi: lane(b.hi) } : null,
        record,
      };
    });
    return { group, range: chartRange(group, [runs.ghost ?? runs.a, runs.a, runs.b]), series };
  });
  const evs = REAL_EVENTS.map((e) => {
    const q = parseQuarter(e.date);
    return q === null ? null : { x: quarterToYear(q), date: e.date, tag: e.tag, text: e.text };
  }).filter((e): e is NonNullable<typeof e> => e !== null && e.x >= xs[0] - 0.01 && e.x <= xs[n - 1] + 0.01);
  return { xs, dates, charts, events: evs, ghost: runs.ghost !== null, compare: runs.b !== null, record: anyRecord };
}
