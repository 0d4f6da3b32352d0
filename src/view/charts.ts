// The indicator charts (uPlot): the whole trajectory of the run, a cursor at the current step with the
// future shaded, the observed record drawn over the model, labels on the lines instead of legends.
// In compare mode the second run is overlaid dashed. Behind run A's lines, a light band: the 5-95%
// quantiles of the same inputs over 40 seeds (computed in a worker), with their median dotted, so the
// record can be judged against the model's spread and not against one seed.

import uPlot from 'uplot';
import { quarterToYear } from '../model/time';
import 'uplot/dist/uPlot.min.css';
import { OBSERVED } from '../data/record';
import type { BandSeries } from '../sim/band';
import type { StepRecord } from '../sim/run';
import { escapeHtml, fmt } from '../ui/format';
import { hex, type Theme } from './theme';

/** The ensemble band of run A: quantiles per step of the charted metrics. */
export interface ChartBand {
  seeds: number;
  seed: number;
  metrics: Record<string, BandSeries>;
}

/** none: no band asked for; pending: computing the first; stale: the inputs changed, a new one is coming. */
export type BandState = 'none' | 'pending' | 'ready' | 'stale' | 'error';

export interface ChartRun {
  records: readonly StepRecord[];
  /** Quarter index of step 0 (year * 4 + q - 1). */
  start: number;
  /** Colours of the corners in this run's scenario. */
  colors: Record<string, string>;
  extras: readonly { name: string; label: string }[];
}

interface SeriesSpec {
  label: string;
  long: string;
  color: string;
  value: (r: StepRecord) => number | undefined;
  record?: 'ru_dependence_on_cn' | 'cn_dependence_on_ru';
  /** The metric's name in the ensemble band (indicator name or tie key). */
  metric?: string;
}

interface ChartSpec {
  id: string;
  title: string;
  series: SeriesSpec[];
  range: 'unit' | 'ties' | 'zero-auto' | 'auto';
  /** Words after the title, dropped first when the chart is narrow. */
  gloss?: string;
  /** Draw the ensemble band behind this chart's lines. */
  band: boolean;
}

const EXTRA_COLORS = ['#6f7fb0', '#b0716f', '#7f9a5a', '#a08a4a'];

function chartSpecs(run: ChartRun): ChartSpec[] {
  const ind = (k: string) => (r: StepRecord) => r.indicators[k];
  const tie = (k: string) => (r: StepRecord) => r.ties[k];
  const ru = run.colors.RU ?? '#8b4fc9';
  const cn = run.colors.CN ?? '#d8343a';
  const more: SeriesSpec[] = [
    { label: 'Far East', long: 'development of the Russian Far East', color: '#4f8f3a', value: ind('rfe_development') },
    { label: 'SE Asia', long: "Russia's presence in Southeast Asia", color: '#2a9d8f', value: ind('ru_sea_presence') },
  ];
  run.extras.forEach((x, k) => {
    more.push({
      label: x.label || x.name.replace(/_/g, ' '),
      long: x.label,
      color: EXTRA_COLORS[k % EXTRA_COLORS.length],
      value: ind(x.name),
    });
  });
  return [
    {
      id: 'dependence',
      title: 'Dependence',
      gloss: ' (trade share)',
      range: 'zero-auto',
      band: true,
      series: [
        {
          label: 'RU on CN',
          long: "China's share of Russia's trade",
          color: ru,
          value: ind('ru_dependence_on_cn'),
          record: 'ru_dependence_on_cn',
          metric: 'ru_dependence_on_cn',
        },
        {
          label: 'CN on RU',
          long: "Russia's share of China's trade",
          color: cn,
          value: ind('cn_dependence_on_ru'),
          record: 'cn_dependence_on_ru',
          metric: 'cn_dependence_on_ru',
        },
      ],
    },
    {
      id: 'room',
      title: "Russia's room in Asia",
      range: 'unit',
      band: true,
      series: [
        {
          label: 'autonomy',
          long: "Russia's autonomy in Asia",
          color: ru,
          value: ind('ru_autonomy'),
          metric: 'ru_autonomy',
        },
        {
          label: 'negotiating',
          long: "Russia's negotiating space with China",
          color: '#c07a12',
          value: ind('ru_negotiating_space'),
          metric: 'ru_negotiating_space',
        },
      ],
    },
    {
      id: 'ties',
      title: 'Triangle ties',
      range: 'ties',
      band: true,
      series: [
        { label: 'CN–RU', long: 'China–Russia tie', color: '#a0457e', value: tie('CN-RU'), metric: 'CN-RU' },
        { label: 'US–CN', long: 'US–China tie', color: '#c07a12', value: tie('CN-US'), metric: 'CN-US' },
        { label: 'US–RU', long: 'US–Russia tie', color: '#4a7fa8', value: tie('RU-US'), metric: 'RU-US' },
      ],
    },
    { id: 'more', title: 'More indicators', range: 'auto', band: false, series: more },
  ];
}

/** Metrics the band is computed for: every series of a chart that draws one. */
export const BAND_METRICS = [
  'ru_dependence_on_cn',
  'cn_dependence_on_ru',
  'ru_autonomy',
  'ru_negotiating_space',
  'CN-RU',
  'CN-US',
  'RU-US',
] as const;

const FONT_PX = 12;
const LABEL_MAX = 100;

/** "#rrggbb" with an alpha, for canvas fills. */
function rgba(color: string, a: number): string {
  const v = hex(color);
  return `rgba(${(v >> 16) & 255},${(v >> 8) & 255},${v & 255},${a})`;
}

/** Text cut to a width: at a word if that keeps most of it, else at a letter, with an ellipsis. */
function fitText(ctx: CanvasRenderingContext2D, text: string, max: number): string {
  if (ctx.measureText(text).width <= max) return text;
  let cut = text;
  while (cut.length > 1 && ctx.measureText(`${cut}…`).width > max) cut = cut.slice(0, -1);
  const word = cut.lastIndexOf(' ');
  if (word > 0 && ctx.measureText(cut.slice(0, word)).width >= 0.7 * max) cut = cut.slice(0, word);
  return `${cut.replace(/[\s,;:–-]+$/, '')}…`;
}

/** Series of the band in a chart: those with a metric, when the chart draws a band. */
function banded(spec: ChartSpec): SeriesSpec[] {
  return spec.band ? spec.series.filter((s) => s.metric) : [];
}

export class Charts {
  private readonly host: HTMLElement;
  private theme: Theme;
  private plots: uPlot[] = [];
  private cells: HTMLElement[] = [];
  private heads: HTMLElement[] = [];
  private specs: ChartSpec[] = [];
  private runs: ChartRun[] = [];
  private xs: number[] = [];
  private byStep = false;
  private t = 0;
  private signature = '';
  private band: ChartBand | null = null;
  private bandState: BandState = 'none';
  private bandVisible = true;
  private readonly observer: ResizeObserver;
  onSeek: (t: number) => void = () => {};

  constructor(host: HTMLElement, theme: Theme) {
    this.host = host;
    this.theme = theme;
    this.observer = new ResizeObserver(() => this.resize());
    this.observer.observe(host);
  }

  setTheme(theme: Theme): void {
    this.theme = theme;
    this.signature = '';
    this.rebuild();
  }

  /** New runs (any change of scenario, seed, lever or compare): rebuild the data, keep the charts if the shape holds. */
  setRuns(runs: ChartRun[], t: number): void {
    this.runs = runs;
    this.t = t;
    this.byStep = runs.length > 1 && runs[0].start !== runs[1].start;
    const len = Math.max(...runs.map((r) => r.records.length));
    this.xs = [];
    // A quarter sits at its midpoint, so a year's four quarters centre on year + 0.5, where the
    // observed annual figures are drawn.
    for (let k = 0; k < len; k++) this.xs.push(this.byStep ? k : quarterToYear(runs[0].start + k));
    this.specs = chartSpecs(runs[0]);
    const sig = `${runs.length}|${this.byStep}|${this.specs.map((s) => s.series.map((x) => x.label).join(',')).join(';')}`;
    if (sig !== this.signature) {
      this.signature = sig;
      this.rebuild();
    } else {
      this.plots.forEach((u, k) => {
        u.setData(this.data(this.specs[k]));
      });
    }
    this.updateHeads();
  }

  setCursor(t: number): void {
    if (t === this.t) return;
    this.t = t;
    for (const u of this.plots) u.redraw(false, false);
    this.updateHeads();
  }

  /** The band behind run A's lines; a stale band stays, dimmed, until its successor arrives. */
  setBand(band: ChartBand | null, state: BandState): void {
    this.band = band;
    this.bandState = state;
    this.host.dataset.bandState = state;
    if (band && state === 'ready') this.host.dataset.bandSeeds = String(band.seeds);
    else delete this.host.dataset.bandSeeds;
    this.plots.forEach((u, k) => {
      if (this.specs[k].band) u.setData(this.data(this.specs[k]));
    });
    this.updateHeads();
  }

  /** Tests: how many pixels of chart k the band (fill and median) accounts for. */
  async bandPixels(k: number): Promise<{ differing: number; total: number }> {
    const u = this.plots[k];
    if (!u) return { differing: 0, total: 0 };
    const read = () => u.ctx.getImageData(0, 0, u.ctx.canvas.width, u.ctx.canvas.height).data;
    const settle = () => new Promise((r) => setTimeout(r, 30));
    u.redraw(false, false);
    await settle();
    const on = read();
    this.bandVisible = false;
    u.redraw(false, false);
    await settle();
    const off = read();
    this.bandVisible = true;
    u.redraw(false, false);
    await settle();
    let differing = 0;
    for (let i = 0; i < on.length; i += 4) {
      if (on[i] !== off[i] || on[i + 1] !== off[i + 1] || on[i + 2] !== off[i + 2]) differing++;
    }
    return { differing, total: on.length / 4 };
  }

  private data(spec: ChartSpec): uPlot.AlignedData {
    const cols: (number | null)[][] = [];
    for (const s of banded(spec)) {
      const b = this.band?.metrics[s.metric!];
      for (const q of ['hi', 'lo', 'med'] as const) {
        const v = b?.[q];
        cols.push(this.xs.map((_, k) => (v && k < v.length ? v[k] : null)));
      }
    }
    for (const run of this.runs) {
      for (const s of spec.series) {
        cols.push(this.xs.map((_, k) => (k < run.records.length ? (s.value(run.records[k]) ?? null) : null)));
      }
    }
    return [this.xs, ...cols] as uPlot.AlignedData;
  }

  private updateHeads(): void {
    this.specs.forEach((spec, k) => {
      const head = this.heads[k];
      if (!head) return;
      const rec = this.runs[0].records[Math.min(this.t, this.runs[0].records.length - 1)];
      const vals = spec.series
        .map((s) => {
          const v = s.value(rec);
          return v === undefined
            ? ''
            : `<span class="v" style="--c:${s.color}" title="${escapeHtml(s.long)}"><span class="lbl">${escapeHtml(s.label)} </span><b>${fmt(v)}</b></span>`;
        })
        .join(' ');
      const note = spec.id === 'dependence' ? this.bandNote() : '';
      const title = spec.gloss
        ? `<span class="t" title="${escapeHtml(spec.title + spec.gloss)}">${escapeHtml(spec.title)}<span class="sub">${escapeHtml(spec.gloss)}</span></span>`
        : `<span class="t">${escapeHtml(spec.title)}</span>`;
      head.innerHTML = `${note ? `<span class="t-row">${title}${note}</span>` : title}<span class="vals">${vals}</span>`;
    });
  }

  private bandNote(): string {
    const b = this.band;
    const st = this.bandState;
    if (st === 'none') return '';
    if (st === 'error') return '<span class="band-note" title="The ensemble band could not be computed">no band</span>';
    if (!b)
      return '<span class="band-note stale" title="Running the same inputs over 40 seeds in the background">band…</span>';
    const last = (b.seed + b.seeds - 1) >>> 0;
    const title =
      `Shaded: 5–95% of ${b.seeds} runs with the same inputs and seeds ${b.seed}–${last}; dotted: their median. ` +
      `The solid line is seed ${b.seed}, the run shown. Rings: the observed record.${st === 'stale' ? ' Updating for your change…' : ''}`;
    const text = st === 'stale' ? 'updating…' : `5–95% of ${b.seeds} seeds`;
    return `<span class="band-note${st === 'stale' ? ' stale' : ''}" title="${escapeHtml(title)}">${text}</span>`;
  }

  private resize(): void {
    this.markNarrow();
    this.plots.forEach((u, k) => {
      const { width, height } = this.plotSize(k);
      if (Math.abs(u.width - width) > 1 || Math.abs(u.height - height) > 1) u.setSize({ width, height });
    });
  }

  private plotSize(k: number): { width: number; height: number } {
    const cell = this.cells[k];
    const head = this.heads[k];
    return {
      width: Math.max(120, Math.floor(cell.clientWidth)),
      height: Math.max(80, Math.floor(cell.clientHeight - (head?.offsetHeight ?? 18) - 2)),
    };
  }

  private rebuild(): void {
    for (const u of this.plots) u.destroy();
    this.plots = [];
    this.host.replaceChildren();
    this.cells = [];
    this.heads = [];
    if (this.runs.length === 0) return;
    const th = this.theme;
    const font = `${FONT_PX}px ${th.font}`;
    const measure = document.createElement('canvas').getContext('2d');
    this.specs.forEach((spec, k) => {
      const cell = document.createElement('figure');
      cell.className = 'chart';
      const head = document.createElement('figcaption');
      cell.append(head);
      const box = document.createElement('div');
      box.className = 'plot';
      cell.append(box);
      this.host.append(cell);
      this.cells.push(cell);
      this.heads.push(head);
      if (measure) measure.font = `600 ${font}`;
      const labelW = Math.min(
        LABEL_MAX,
        Math.max(...spec.series.map((s) => (measure ? measure.measureText(s.label).width : 60))),
      );
      const series: uPlot.Series[] = [{}];
      const bands: uPlot.Band[] = [];
      // The band first, so the lines draw over it: upper edge, lower edge (both invisible), median.
      const alpha = th.dark ? 0.26 : 0.2;
      const nb = banded(spec).length;
      for (const s of banded(spec)) {
        const hi = series.length;
        const edge: uPlot.Series = {
          label: `${s.label} band`,
          stroke: 'transparent',
          width: 0,
          points: { show: false },
          spanGaps: false,
        };
        series.push({ ...edge }, { ...edge });
        series.push({
          label: `${s.label} median`,
          stroke: () => (this.bandVisible ? rgba(s.color, this.bandState === 'stale' ? 0.35 : 0.8) : 'transparent'),
          width: 1.25,
          dash: [2, 3],
          points: { show: false },
          spanGaps: false,
        });
        bands.push({
          series: [hi, hi + 1],
          fill: () =>
            this.bandVisible ? rgba(s.color, this.bandState === 'stale' ? alpha * 0.45 : alpha) : 'transparent',
        });
      }
      this.runs.forEach((_, r) => {
        for (const s of spec.series) {
          series.push({
            label: r === 0 ? s.label : `${s.label} (B)`,
            stroke: s.color,
            width: r === 0 ? 2 : 1.75,
            dash: r === 0 ? undefined : [6, 4],
            points: { show: false },
            spanGaps: false,
          });
        }
      });
      const range = (_u: uPlot, min: number, max: number): uPlot.Range.MinMax => {
        if (spec.range === 'unit') return [0, 1];
        if (spec.range === 'ties') return [-1, 1];
        const lo = spec.range === 'zero-auto' ? 0 : Math.min(0, min);
        const hi = Math.max(max, lo + 0.05);
        const pad = (hi - lo) * 0.12;
        return [lo, Number((hi + pad).toPrecision(2))];
      };
      const axis: uPlot.Axis = {
        stroke: th.muted,
        font,
        grid: { stroke: th.grid, width: 1 },
        ticks: { stroke: th.grid, width: 1, size: 4 },
      };
      const opts: uPlot.Options = {
        ...this.plotSize(k),
        padding: [8, labelW + 12, 0, 0],
        legend: { show: false },
        cursor: { y: false, drag: { x: false, y: false }, points: { size: (_u, si) => (si <= 3 * nb ? 0 : 6) } },
        scales: { x: { time: false }, y: { range } },
        axes: [
          {
            ...axis,
            space: 36,
            incrs: this.byStep ? [1, 2, 4, 8, 12, 20, 40] : [1, 2, 5, 10],
            values: (_u, vals) => vals.map((v) => (this.byStep ? `+${v}q` : Number.isInteger(v) ? String(v) : '')),
          },
          { ...axis, size: 38, space: 24, values: (_u, vals) => vals.map((v) => fmt(v)) },
        ],
        series,
        bands,
        hooks: { draw: [(u) => this.decorate(u, spec)] },
      };
      const u = new uPlot(opts, this.data(spec), box);
      u.over.addEventListener('click', () => {
        const idx = u.posToIdx(u.cursor.left ?? 0);
        if (Number.isFinite(idx) && idx >= 0) this.onSeek(idx);
      });
      u.over.title = 'Click to jump to this quarter';
      this.plots.push(u);
    });
    this.updateHeads();
    this.markNarrow();
  }

  /** Narrow charts keep the colour swatch and the value; the line labels name the series. */
  private markNarrow(): void {
    for (const cell of this.cells) {
      cell.classList.toggle('narrow', cell.clientWidth < 280);
      // The title's gloss and the band's key share a row.
      cell.classList.toggle('tight', cell.clientWidth < 300);
    }
  }

  /** Cursor, shaded future, observed record and end-of-line labels, drawn on the plot's canvas. */
  private decorate(u: uPlot, spec: ChartSpec): void {
    const ctx = u.ctx;
    const th = this.theme;
    const pr = uPlot.pxRatio;
    const { left, top, width, height } = u.bbox;
    const t = Math.min(this.t, this.xs.length - 1);
    const cx = Math.round(u.valToPos(this.xs[t], 'x', true));
    ctx.save();
    ctx.setLineDash([]);
    // The future, shaded: the trajectory is all there, the present is where the line is.
    ctx.fillStyle = th.bg;
    ctx.globalAlpha = 0.45;
    ctx.fillRect(cx, top, left + width - cx, height);
    ctx.globalAlpha = 1;
    // Zero line for signed charts.
    const [ymin, ymax] = [u.scales.y.min ?? 0, u.scales.y.max ?? 1];
    if (ymin < 0 && ymax > 0) {
      const zy = Math.round(u.valToPos(0, 'y', true));
      ctx.strokeStyle = th.muted;
      ctx.lineWidth = pr;
      ctx.beginPath();
      ctx.moveTo(left, zy);
      ctx.lineTo(left + width, zy);
      ctx.stroke();
    }
    ctx.strokeStyle = th.ink;
    ctx.lineWidth = 1.5 * pr;
    ctx.beginPath();
    ctx.moveTo(cx, top);
    ctx.lineTo(cx, top + height);
    ctx.stroke();

    // Observed record: hollow rings at mid-year, only on the date axis.
    if (!this.byStep) {
      for (const s of spec.series) {
        if (!s.record) continue;
        for (const p of OBSERVED) {
          if (p.indicator !== s.record) continue;
          const x = p.year + 0.5;
          if (x < this.xs[0] || x > this.xs[this.xs.length - 1]) continue;
          const px = u.valToPos(x, 'x', true);
          const py = u.valToPos(p.value, 'y', true);
          ctx.beginPath();
          ctx.arc(px, py, 4.5 * pr, 0, Math.PI * 2);
          ctx.fillStyle = th.bg;
          ctx.fill();
          ctx.lineWidth = 2 * pr;
          ctx.strokeStyle = s.color;
          ctx.stroke();
          ctx.beginPath();
          ctx.arc(px, py, 1.5 * pr, 0, Math.PI * 2);
          ctx.fillStyle = th.ink;
          ctx.fill();
        }
      }
    }

    // Dots at the present and labels at the line ends (run A), pushed apart so they never overlap.
    const labels: { y: number; text: string; color: string }[] = [];
    const run = this.runs[0];
    const first = 1 + 3 * banded(spec).length;
    spec.series.forEach((s, k) => {
      const col = u.data[first + k] as (number | null)[];
      const vNow = col[t];
      if (vNow !== null && vNow !== undefined) {
        ctx.beginPath();
        ctx.arc(cx, u.valToPos(vNow, 'y', true), 3.5 * pr, 0, Math.PI * 2);
        ctx.fillStyle = s.color;
        ctx.fill();
      }
      const last = run.records.length - 1;
      const v = col[last];
      if (v !== null && v !== undefined) labels.push({ y: u.valToPos(v, 'y', true), text: s.label, color: s.color });
    });
    labels.sort((a, b) => a.y - b.y);
    const gap = (FONT_PX + 2) * pr;
    for (let k = 1; k < labels.length; k++)
      if (labels[k].y - labels[k - 1].y < gap) labels[k].y = labels[k - 1].y + gap;
    const overflow = labels.length > 0 ? labels[labels.length - 1].y - (top + height) : 0;
    if (overflow > 0) for (const l of labels) l.y -= overflow;
    ctx.font = `600 ${FONT_PX * pr}px ${th.font}`;
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'left';
    const lx = u.valToPos(this.xs[run.records.length - 1], 'x', true) + 5 * pr;
    for (const l of labels) {
      ctx.fillStyle = l.color;
      ctx.fillText(fitText(ctx, l.text, LABEL_MAX * pr), lx, Math.max(top + gap / 2, l.y));
    }
    ctx.restore();
  }
}
