// The Chart tab (uPlot): the whole trajectory of each metric, a cursor at the quarter shown with the
// future shaded, the observed record as rings, real events as marks, labels at the line ends. Behind
// run A, the band of 40 seeds (5–95%, dotted median); after an edit, the unedited run as a faint
// ghost; in compare mode, run B dashed. Axes are fixed per chart (src/app/charts.ts) and labelled;
// hovering reads out the date and every value. The data comes ready from the app's chart model.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { ChartModel, ChartsModel, SeriesModel } from '../app/charts';
import { fmt } from '../app/format';
import type { JobStatus } from '../app/jobs';
import { hex, type Theme } from './theme';

export interface BandInfo {
  status: JobStatus;
  seeds: number;
  seed: number;
  progress: number;
}

const FONT_PX = 12;

/** A DOM element with a class, optional text and children (text is always text, never HTML). */
function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  cls = '',
  text = '',
  ...children: (Node | string | null)[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text) e.textContent = text;
  for (const c of children) if (c !== null) e.append(c);
  return e;
}
const LABEL_MAX = 100;

function rgba(color: string, a: number): string {
  const v = hex(color);
  return `rgba(${(v >> 16) & 255},${(v >> 8) & 255},${v & 255},${a})`;
}

function fitText(ctx: CanvasRenderingContext2D, text: string, max: number): string {
  if (ctx.measureText(text).width <= max) return text;
  let cut = text;
  while (cut.length > 1 && ctx.measureText(`${cut}…`).width > max) cut = cut.slice(0, -1);
  return `${cut.replace(/[\s,;:–-]+$/, '')}…`;
}

/**
 * Column layout of one chart's series in uPlot's data: band (hi, lo, q75, q25, med) per banded series,
 * B's band edges (hi, lo) in compare mode, ghosts, A, B. The stacked configurations chart has only its
 * stack (a = 1, one column per configuration).
 */
interface Layout {
  band: number;
  bBand: number;
  ghost: number;
  a: number;
  b: number;
}

const BAND_COLS = 5;

function layoutOf(c: ChartModel, m: ChartsModel): Layout {
  if (c.group.kind === 'configs') return { band: 1, bBand: 1, ghost: 1, a: 1, b: 1 };
  // A chart that draws a band keeps its band's columns before the band arrives (empty), so the band's
  // arrival changes data, not the chart's shape: no rebuild under the reader's cursor.
  const nb = c.group.band ? c.series.length : 0;
  const nbb = c.group.band && m.compare && c.group.kind !== 'diff' ? c.series.length : 0;
  const band = 1;
  const bBand = band + BAND_COLS * nb;
  const ghost = bBand + 2 * nbb;
  const a = ghost + (m.ghost ? c.series.length : 0);
  const b = a + c.series.length;
  return { band, bBand, ghost, a, b };
}

/** The configurations stacked: column k is the share of configurations k..last, so each fills down to 0 over the last. */
function stacked(c: ChartModel): (number | null)[][] {
  const n = c.series[0]?.a.length ?? 0;
  const cols: (number | null)[][] = [];
  for (let k = 0; k < c.series.length; k++) {
    const col: (number | null)[] = new Array(n).fill(null);
    for (let t = 0; t < n; t++) {
      let sum: number | null = null;
      for (let j = k; j < c.series.length; j++) {
        const v = c.series[j].a[t];
        if (v !== null && v !== undefined) sum = (sum ?? 0) + v;
      }
      col[t] = sum;
    }
    cols.push(col);
  }
  return cols;
}

export class Charts {
  private readonly host: HTMLElement;
  private readonly legend: HTMLElement;
  private readonly grid: HTMLElement;
  private theme: Theme;
  private model: ChartsModel | null = null;
  private plots: uPlot[] = [];
  private cells: HTMLElement[] = [];
  private heads: HTMLElement[] = [];
  private t = 0;
  private hoverIdx: number | null = null;
  /** While the plots are being made: their first cursor events are not the reader's. */
  private building = false;
  private signature = '';
  private band: BandInfo = { status: 'idle', seeds: 0, seed: 0, progress: 0 };
  private bandVisible = true;
  /** When the plots were last drawn after a band arrived (performance.now()): what band_200_ms measures to. */
  bandDrawnAt = 0;
  private bandArrived = false;
  private readonly observer: ResizeObserver;
  /** Says which charts lie below the visible rows (a grid of 5+ charts, or two by two), and shows them. */
  private readonly more: HTMLButtonElement;
  onSeek: (t: number) => void = () => {};

  constructor(host: HTMLElement, theme: Theme) {
    this.host = host;
    this.theme = theme;
    this.legend = el('div', 'legend');
    this.legend.setAttribute('aria-label', 'Key to the charts');
    this.grid = el('div', 'chart-grid');
    host.replaceChildren(this.legend, this.grid);
    this.more = el('button', 'more-charts');
    this.more.type = 'button';
    this.more.hidden = true;
    this.more.addEventListener('click', () => {
      const atEnd = this.grid.scrollTop + this.grid.clientHeight >= this.grid.scrollHeight - 2;
      this.grid.scrollTo({ top: atEnd ? 0 : this.grid.scrollTop + this.grid.clientHeight, behavior: 'smooth' });
    });
    this.grid.addEventListener('scroll', () => this.updateMore(), { passive: true });
    this.observer = new ResizeObserver(() => this.resize());
    this.observer.observe(this.grid);
    this.observer.observe(host);
  }

  setTheme(theme: Theme): void {
    this.theme = theme;
    this.signature = '';
    if (this.model) this.setModel(this.model, this.t);
  }

  /** New data (a change of scenario, seed, lever, compare or band): keep the charts when the shape holds. */
  setModel(m: ChartsModel, t: number): void {
    this.model = m;
    this.t = t;
    const sig = JSON.stringify([
      m.xs.length,
      m.xs[0],
      m.ghost,
      m.compare,
      m.charts.map((c) => [c.group.id, c.group.band, c.range, c.series.map((s) => [s.name, s.color])]),
    ]);
    if (sig !== this.signature) {
      this.signature = sig;
      this.rebuild();
    } else {
      this.plots.forEach((u, k) => {
        u.setData(this.data(m.charts[k], m), false);
        u.redraw(false, false);
      });
    }
    this.updateHeads();
    this.updateLegend();
  }

  setCursor(t: number): void {
    if (t === this.t) return;
    this.t = t;
    for (const u of this.plots) u.redraw(false, false);
    this.updateHeads();
  }

  setBand(info: BandInfo): void {
    const redraw = info.status !== this.band.status;
    if (info.status === 'ready') {
      // The draws of this task's microtasks are the band's (every plot's; the last one counts).
      this.bandArrived = true;
      setTimeout(() => {
        this.bandArrived = false;
      }, 0);
    }
    this.band = info;
    this.host.dataset.bandState = info.status;
    if (info.status === 'ready') this.host.dataset.bandSeeds = String(info.seeds);
    else delete this.host.dataset.bandSeeds;
    if (redraw) for (const u of this.plots) u.redraw(false, false);
    this.updateLegend();
  }

  /** Canvases of the plots, for the report picture. */
  canvases(): { canvas: HTMLCanvasElement; title: string }[] {
    const m = this.model;
    return this.plots.map((u, k) => {
      const c = m?.charts[k];
      const idx = Math.max(0, Math.min((m?.xs.length ?? 1) - 1, this.t));
      const vals =
        c && m ? c.series.map((s) => `${s.short} ${this.valuesAt(s, idx, m, c.group.kind)}`).join(' · ') : '';
      return { canvas: u.ctx.canvas, title: c ? `${c.group.title}${c.group.gloss}: ${vals}` : '' };
    });
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

  /** Tests: what a chart draws (its y range and series), in data units. */
  describe(
    k: number,
  ): { id: string; range: [number, number]; series: string[]; ghost: boolean; events: number; axes: string[] } | null {
    const m = this.model;
    const u = this.plots[k];
    if (!m || !u) return null;
    return {
      id: m.charts[k].group.id,
      range: [u.scales.y.min ?? Number.NaN, u.scales.y.max ?? Number.NaN],
      series: m.charts[k].series.map((s) => s.name),
      ghost: m.ghost,
      events: m.events.length,
      // uPlot draws axis labels on the canvas: read them from the options.
      axes: u.axes.map((a) => String(a.label ?? '')),
    };
  }

  private data(c: ChartModel, m: ChartsModel): uPlot.AlignedData {
    if (c.group.kind === 'configs') return [m.xs, ...stacked(c)] as uPlot.AlignedData;
    const cols: (number | null)[][] = [];
    const none = () => m.xs.map(() => null);
    if (c.group.band)
      for (const s of c.series) {
        const b = s.band;
        cols.push(b?.hi ?? none(), b?.lo ?? none(), b?.q75 ?? none(), b?.q25 ?? none(), b?.med ?? none());
      }
    if (c.group.band && m.compare && c.group.kind !== 'diff')
      for (const s of c.series) cols.push(s.bBand?.hi ?? none(), s.bBand?.lo ?? none());
    if (m.ghost) for (const s of c.series) cols.push(s.ghost ?? s.a.map(() => null));
    for (const s of c.series) cols.push(s.a);
    if (m.compare) for (const s of c.series) cols.push(s.b ?? s.a.map(() => null));
    return [m.xs, ...cols] as uPlot.AlignedData;
  }

  private valuesAt(s: SeriesModel, idx: number, m: ChartsModel, kind = 'lines'): string {
    const parts: string[] = [];
    const v = s.a[idx];
    if (kind === 'configs') return v === null || v === undefined ? '—' : `${Math.round(v * 100)}%`;
    parts.push(v === null || v === undefined ? '—' : fmt(v));
    if (m.ghost && s.ghost) {
      const g = s.ghost[idx];
      if (g !== null && g !== undefined && v !== null && v !== undefined && fmt(g) !== fmt(v))
        parts.push(`(was ${fmt(g)})`);
    }
    if (m.compare && s.b) {
      const b = s.b[idx];
      parts.push(`B ${b === null || b === undefined ? '—' : fmt(b)}`);
    }
    return parts.join(' ');
  }

  private updateHeads(): void {
    const m = this.model;
    if (!m) return;
    const hovering = this.hoverIdx !== null;
    const idx = Math.max(0, Math.min(m.xs.length - 1, this.hoverIdx ?? this.t));
    m.charts.forEach((c, k) => {
      const head = this.heads[k];
      if (!head) return;
      // The configurations: those some seeds are in, largest first.
      const shown =
        c.group.kind === 'configs'
          ? c.series.filter((s) => (s.a[idx] ?? 0) > 0).sort((x, y) => (y.a[idx] ?? 0) - (x.a[idx] ?? 0))
          : c.series;
      const vals = shown.map((s) => {
        const v = el(
          'span',
          'v',
          '',
          el('span', 'lbl', `${s.short} `),
          el('b', '', this.valuesAt(s, idx, m, c.group.kind)),
        );
        v.style.setProperty('--c', s.color);
        v.title = s.long;
        return v;
      });
      const year = Math.floor(m.xs[idx]);
      const obs = c.series.flatMap((s) =>
        s.record.filter((p) => p.year === year).map((p) => `observed ${p.year}: ${s.short} ${fmt(p.value)}`),
      );
      const title = el('span', 't', '', c.group.title, c.group.gloss ? el('span', 'sub', c.group.gloss) : null);
      title.title = `${c.group.title}${c.group.gloss} — ${c.group.axis}`;
      const when = el('span', hovering ? 'at hover' : 'at', m.dates[idx]);
      head.replaceChildren(
        el('span', 't-row', '', title, when),
        el('span', 'vals', '', ...vals, obs.length && hovering ? el('span', 'obs', obs.join('; ')) : null),
      );
      head.dataset.date = m.dates[idx];
    });
  }

  private updateLegend(): void {
    const m = this.model;
    if (!m) return;
    const items: HTMLElement[] = [];
    const key = (cls: string, text: string, title: string) => {
      const mark = el('span', 'glyph');
      mark.setAttribute('aria-hidden', 'true');
      const k = el('span', `key ${cls}`, '', mark, text);
      k.title = title;
      return k;
    };
    items.push(key('line', 'this run', `Seed ${this.band.seed || ''}: the run shown`.replace(' :', ':')));
    if (m.ghost)
      items.push(
        key('ghost', 'without your changes', 'The same scenario and seed without your lever and weight changes'),
      );
    if (m.compare) items.push(key('dashed', 'B (compare)', 'The compare scenario, same seed'));
    const b = this.band;
    if (b.status !== 'idle') {
      const last = (b.seed + b.seeds - 1) >>> 0;
      const text =
        b.status === 'ready'
          ? `5–95% · 25–75% of ${b.seeds} seeds`
          : b.status === 'error'
            ? 'no band'
            : b.status === 'stale'
              ? `band updating… ${Math.round(b.progress * 100)}%`
              : `band… ${Math.round(b.progress * 100)}%`;
      const note = key(
        `band ${b.status === 'stale' || b.status === 'pending' ? 'stale' : ''}`,
        text,
        b.status === 'error'
          ? 'The band of seeds could not be computed'
          : `Shaded: the middle 90% (5–95%, light) and the middle 50% (25–75%, darker) of ${b.seeds} runs with the same inputs and seeds ${b.seed}–${last}; dotted: their median. Judge the record against it, not against one seed.`,
      );
      note.classList.add('band-note');
      items.push(note);
      if (m.compare && b.status === 'ready')
        items.push(
          key(
            'bdots',
            'B 5–95%',
            `Dotted edges: 5–95% of the compare scenario's ${b.seeds} runs on the same seeds. The A − B chart: the paired difference, seed by seed.`,
          ),
        );
    }
    if (m.record)
      items.push(key('ring', 'observed record', 'Annual figures, drawn at mid-year; sources in the Sources tab'));
    if (m.events.length)
      items.push(key('event', 'real events', m.events.map((e) => `${e.date}: ${e.text}`).join('\n')));
    this.legend.replaceChildren(...items, this.more);
    this.updateMore();
  }

  private updateMore(): void {
    const m = this.model;
    const bottom = this.grid.getBoundingClientRect().bottom;
    const below = m ? this.cells.filter((c) => c.getBoundingClientRect().top >= bottom - 4) : [];
    const scrolled = this.grid.scrollTop > 2;
    if (!below.length && !scrolled) {
      this.more.hidden = true;
      return;
    }
    this.more.hidden = false;
    if (below.length) {
      const names = below.map((c) => this.model?.charts[this.cells.indexOf(c)]?.group.title ?? '').join(', ');
      this.more.textContent = `↓ ${below.length} more: ${names}`;
      this.more.title = 'Show the charts below (or scroll the charts)';
    } else {
      this.more.textContent = '↑ back to the first charts';
      this.more.title = 'Scroll the charts back to the top';
    }
  }

  private resize(): void {
    this.markNarrow();
    this.plots.forEach((u, k) => {
      const { width, height } = this.plotSize(k);
      if (Math.abs(u.width - width) > 1 || Math.abs(u.height - height) > 1) u.setSize({ width, height });
    });
    this.updateMore();
  }

  private plotSize(k: number): { width: number; height: number } {
    const cell = this.cells[k];
    const head = this.heads[k];
    return {
      width: Math.max(120, Math.floor(cell.clientWidth)),
      height: Math.max(90, Math.floor(cell.clientHeight - (head?.offsetHeight ?? 30) - 2)),
    };
  }

  private rebuild(): void {
    this.building = true;
    try {
      this.build();
    } finally {
      this.building = false;
    }
  }

  private build(): void {
    for (const u of this.plots) u.destroy();
    this.plots = [];
    this.grid.replaceChildren();
    this.cells = [];
    this.heads = [];
    const m = this.model;
    if (!m) return;
    this.grid.dataset.n = String(m.charts.length);
    const th = this.theme;
    const font = `${FONT_PX}px ${th.font}`;
    const measure = document.createElement('canvas').getContext('2d');
    // Every cell first, so each plot is sized to its own cell of the finished grid.
    const boxes = m.charts.map((c) => {
      const head = el('figcaption');
      const box = el('div', 'plot');
      const cell = el('figure', 'chart', '', head, box);
      cell.dataset.chart = c.group.id;
      this.grid.append(cell);
      this.cells.push(cell);
      this.heads.push(head);
      return box;
    });
    this.updateHeads();
    m.charts.forEach((c, k) => {
      const box = boxes[k];
      if (measure) measure.font = `600 ${font}`;
      const labelW =
        c.group.kind === 'configs'
          ? 0
          : Math.min(LABEL_MAX, Math.max(...c.series.map((s) => (measure ? measure.measureText(s.short).width : 60))));
      const L = layoutOf(c, m);
      const series: uPlot.Series[] = [{}];
      const bands: uPlot.Band[] = [];
      const alpha = th.dark ? 0.26 : 0.2;
      const stale = () => this.band.status === 'stale' || this.band.status === 'pending';
      if (c.group.kind === 'configs')
        for (const s of c.series)
          series.push({
            label: s.short,
            stroke: th.bg,
            width: 0.75,
            fill: s.color,
            fillTo: 0,
            points: { show: false },
          });
      for (const s of c.series) {
        if (!c.group.band) continue;
        const hi = series.length;
        const edge: uPlot.Series = {
          label: `${s.short} band`,
          stroke: 'transparent',
          width: 0,
          points: { show: false },
        };
        series.push({ ...edge }, { ...edge }, { ...edge }, { ...edge });
        series.push({
          label: `${s.short} median`,
          stroke: () => (this.bandVisible ? rgba(s.color, stale() ? 0.35 : 0.8) : 'transparent'),
          width: 1.25,
          dash: [2, 3],
          points: { show: false },
        });
        // Two shades: 5–95% light, 25–75% over it (the overlap reads darker).
        bands.push({
          series: [hi, hi + 1],
          fill: () => (this.bandVisible ? rgba(s.color, stale() ? alpha * 0.45 : alpha) : 'transparent'),
        });
        bands.push({
          series: [hi + 2, hi + 3],
          fill: () => (this.bandVisible ? rgba(s.color, stale() ? alpha * 0.6 : alpha * 1.4) : 'transparent'),
        });
      }
      if (L.ghost > L.bBand)
        for (const s of c.series)
          for (const which of ['5%', '95%'])
            series.push({
              label: `${s.short} (B) ${which}`,
              stroke: () => (this.bandVisible ? rgba(s.color, stale() ? 0.35 : 0.75) : 'transparent'),
              width: 1,
              dash: [1, 3],
              points: { show: false },
            });
      const lines = c.group.kind !== 'configs';
      if (m.ghost && lines)
        for (const s of c.series)
          series.push({
            label: `${s.short} (unedited)`,
            stroke: rgba(s.color, th.dark ? 0.55 : 0.45),
            width: 1.5,
            dash: [4, 3],
            points: { show: false },
          });
      if (lines)
        for (const s of c.series) series.push({ label: s.short, stroke: s.color, width: 2, points: { show: false } });
      if (m.compare && lines)
        for (const s of c.series)
          series.push({ label: `${s.short} (B)`, stroke: s.color, width: 1.75, dash: [7, 4], points: { show: false } });
      const axis: uPlot.Axis = {
        stroke: th.muted,
        font,
        labelFont: font,
        grid: { stroke: th.grid, width: 1 },
        ticks: { stroke: th.grid, width: 1, size: 4 },
      };
      const [lo, hiY] = c.range;
      const opts: uPlot.Options = {
        ...this.plotSize(k),
        padding: [10, labelW + 12, 0, 0],
        legend: { show: false },
        cursor: {
          y: false,
          drag: { x: false, y: false },
          points: { size: (_u, si) => (si >= L.a && si < L.b ? 6 : 0) },
        },
        scales: {
          x: { time: false, range: () => [m.xs[0] - 0.125, m.xs[m.xs.length - 1] + 0.125] },
          y: { range: () => [lo, hiY] },
        },
        axes: [
          {
            // Years on the ticks (the quarter is in the caption): no axis title, to leave the plot its height.
            ...axis,
            space: 40,
            size: 24,
            incrs: [1, 2, 5, 10],
            values: (_u, vals) => vals.map((v) => (Number.isInteger(v) ? String(v) : '')),
          },
          {
            ...axis,
            size: 40,
            space: 22,
            label: c.group.axis,
            labelSize: 16,
            values: (_u, vals) => vals.map((v) => fmt(v)),
          },
        ],
        series,
        bands,
        hooks: {
          draw: [(u) => this.decorate(u, c, m, L)],
          setCursor: [
            (u) => {
              if (this.building) return;
              const idx = u.cursor.idx ?? null;
              if (idx !== this.hoverIdx) {
                this.hoverIdx = idx;
                this.updateHeads();
              }
            },
          ],
        },
      };
      const u = new uPlot(opts, this.data(c, m), box);
      u.over.addEventListener('click', () => {
        const idx = u.posToIdx(u.cursor.left ?? 0);
        if (Number.isFinite(idx) && idx >= 0) this.onSeek(idx);
      });
      u.over.addEventListener('mouseleave', () => {
        this.hoverIdx = null;
        this.updateHeads();
      });
      u.over.title = 'Click to jump to this quarter';
      this.plots.push(u);
    });
    this.updateHeads();
    this.markNarrow();
  }

  private markNarrow(): void {
    for (const cell of this.cells) {
      cell.classList.toggle('narrow', cell.clientWidth < 280);
      cell.classList.toggle('tight', cell.clientWidth < 300);
    }
  }

  /** Future shaded, zero line, events, cursor, observed record, line-end labels. */
  private decorate(u: uPlot, c: ChartModel, m: ChartsModel, L: Layout): void {
    if (this.bandArrived) this.bandDrawnAt = performance.now();
    const ctx = u.ctx;
    const th = this.theme;
    const pr = uPlot.pxRatio;
    const { left, top, width, height } = u.bbox;
    const t = Math.min(this.t, m.xs.length - 1);
    const cx = Math.round(u.valToPos(m.xs[t], 'x', true));
    ctx.save();
    ctx.setLineDash([]);
    ctx.fillStyle = th.bg;
    ctx.globalAlpha = 0.45;
    ctx.fillRect(cx, top, left + width - cx, height);
    ctx.globalAlpha = 1;
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
    // Real events: a dotted line and a tag at the top (a tag that would collide with the last is left
    // to the tooltip of the key).
    ctx.font = `${FONT_PX * pr}px ${th.font}`;
    ctx.textBaseline = 'top';
    ctx.textAlign = 'left';
    let lastRight = -Infinity;
    for (const e of m.events) {
      const ex = Math.round(u.valToPos(e.x, 'x', true));
      ctx.strokeStyle = th.muted;
      ctx.globalAlpha = 0.8;
      ctx.lineWidth = pr;
      ctx.setLineDash([2 * pr, 3 * pr]);
      ctx.beginPath();
      ctx.moveTo(ex, top);
      ctx.lineTo(ex, top + height);
      ctx.stroke();
      ctx.setLineDash([]);
      const w = ctx.measureText(e.tag).width;
      if (ex + 3 * pr > lastRight && ex + 3 * pr + w < left + width) {
        ctx.fillStyle = th.muted;
        ctx.fillText(e.tag, ex + 3 * pr, top + 2 * pr);
        lastRight = ex + 3 * pr + w + 6 * pr;
      }
      ctx.globalAlpha = 1;
    }
    ctx.strokeStyle = th.ink;
    ctx.lineWidth = 1.5 * pr;
    ctx.beginPath();
    ctx.moveTo(cx, top);
    ctx.lineTo(cx, top + height);
    ctx.stroke();
    for (const s of c.series) {
      for (const p of s.record) {
        const px = u.valToPos(p.x, 'x', true);
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
    const labels: { y: number; text: string; color: string }[] = [];
    let lastIdx = -1;
    // The configurations are named in the caption (largest first), not at the right: the plot keeps its width.
    const configs = c.group.kind === 'configs';
    if (!configs)
      c.series.forEach((s, k) => {
        const col = u.data[L.a + k] as (number | null)[];
        const vNow = col[t];
        if (vNow !== null && vNow !== undefined) {
          ctx.beginPath();
          ctx.arc(cx, u.valToPos(vNow, 'y', true), 3.5 * pr, 0, Math.PI * 2);
          ctx.fillStyle = s.color;
          ctx.fill();
        }
        let last = col.length - 1;
        while (last > 0 && (col[last] === null || col[last] === undefined)) last--;
        lastIdx = Math.max(lastIdx, last);
        const v = col[last];
        if (v !== null && v !== undefined) labels.push({ y: u.valToPos(v, 'y', true), text: s.short, color: s.color });
      });
    labels.sort((a, b) => a.y - b.y);
    const gap = (FONT_PX + 2) * pr;
    for (let k = 1; k < labels.length; k++)
      if (labels[k].y - labels[k - 1].y < gap) labels[k].y = labels[k - 1].y + gap;
    const overflow = labels.length > 0 ? labels[labels.length - 1].y - (top + height) : 0;
    if (overflow > 0) for (const l of labels) l.y -= overflow;
    ctx.font = `600 ${FONT_PX * pr}px ${th.font}`;
    ctx.textBaseline = 'middle';
    const lx = u.valToPos(m.xs[Math.max(0, lastIdx)], 'x', true) + 5 * pr;
    for (const l of labels) {
      ctx.fillStyle = l.color;
      ctx.fillText(fitText(ctx, l.text, LABEL_MAX * pr), lx, Math.max(top + gap / 2, l.y));
    }
    ctx.restore();
  }
}
