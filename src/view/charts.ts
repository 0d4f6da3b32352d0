// The indicator charts (uPlot): the whole trajectory of the run, a cursor at the current step with the
// future shaded, the observed record drawn over the model, labels on the lines instead of legends.
// In compare mode the second run is overlaid dashed.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { OBSERVED } from '../data/record';
import type { StepRecord } from '../sim/run';
import { escapeHtml, fmt } from '../ui/format';
import type { Theme } from './theme';

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
}

interface ChartSpec {
  id: string;
  title: string;
  series: SeriesSpec[];
  range: 'unit' | 'ties' | 'zero-auto' | 'auto';
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
      label: x.name.replace(/_/g, ' '),
      long: x.label,
      color: EXTRA_COLORS[k % EXTRA_COLORS.length],
      value: ind(x.name),
    });
  });
  return [
    {
      id: 'dependence',
      title: 'Dependence (trade share)',
      range: 'zero-auto',
      series: [
        { label: 'RU on CN', long: "China's share of Russia's trade", color: ru, value: ind('ru_dependence_on_cn'), record: 'ru_dependence_on_cn' },
        { label: 'CN on RU', long: "Russia's share of China's trade", color: cn, value: ind('cn_dependence_on_ru'), record: 'cn_dependence_on_ru' },
      ],
    },
    {
      id: 'room',
      title: "Russia's room in Asia",
      range: 'unit',
      series: [
        { label: 'autonomy', long: "Russia's autonomy in Asia", color: ru, value: ind('ru_autonomy') },
        { label: 'negotiating', long: "Russia's negotiating space with China", color: '#c07a12', value: ind('ru_negotiating_space') },
      ],
    },
    {
      id: 'ties',
      title: 'Triangle ties',
      range: 'ties',
      series: [
        { label: 'CN–RU', long: 'China–Russia tie', color: '#a0457e', value: tie('CN-RU') },
        { label: 'US–CN', long: 'US–China tie', color: '#c07a12', value: tie('CN-US') },
        { label: 'US–RU', long: 'US–Russia tie', color: '#4a7fa8', value: tie('RU-US') },
      ],
    },
    { id: 'more', title: 'More indicators', range: 'auto', series: more },
  ];
}

const FONT_PX = 12;
const LABEL_MAX = 100;

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
    for (let k = 0; k < len; k++) this.xs.push(this.byStep ? k : (runs[0].start + k) / 4);
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

  private data(spec: ChartSpec): uPlot.AlignedData {
    const cols: (number | null)[][] = [];
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
      head.innerHTML = `<span class="t">${escapeHtml(spec.title)}</span><span class="vals">${vals}</span>`;
    });
  }

  private resize(): void {
    // Narrow charts keep the colour swatch and the value; the line labels name the series.
    for (const cell of this.cells) cell.classList.toggle('narrow', cell.clientWidth < 280);
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
      const labelW = Math.min(LABEL_MAX, Math.max(...spec.series.map((s) => (measure ? measure.measureText(s.label).width : 60))));
      const series: uPlot.Series[] = [{}];
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
        cursor: { y: false, drag: { x: false, y: false }, points: { size: 6 } },
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
    for (const cell of this.cells) cell.classList.toggle('narrow', cell.clientWidth < 280);
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
    spec.series.forEach((s, k) => {
      const col = u.data[k + 1] as (number | null)[];
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
    for (let k = 1; k < labels.length; k++) if (labels[k].y - labels[k - 1].y < gap) labels[k].y = labels[k - 1].y + gap;
    const overflow = labels.length > 0 ? labels[labels.length - 1].y - (top + height) : 0;
    if (overflow > 0) for (const l of labels) l.y -= overflow;
    ctx.font = `600 ${FONT_PX * pr}px ${th.font}`;
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'left';
    const lx = u.valToPos(this.xs[run.records.length - 1], 'x', true) + 5 * pr;
    for (const l of labels) {
      ctx.fillStyle = l.color;
      let text = l.text;
      while (text.length > 3 && ctx.measureText(text).width > LABEL_MAX * pr) text = `${text.slice(0, -2)}…`;
      ctx.fillText(text, lx, Math.max(top + gap / 2, l.y));
    }
    ctx.restore();
  }
}
