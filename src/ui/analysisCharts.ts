// Horizontal bar charts in SVG for the Analysis tab: one row per input, bars (from..to), whiskers
// (intervals) and dots on a shared labelled axis, with a reference line. Drawn at the host's width in
// pixels (text keeps its size on a phone); colours come from the stylesheet, so themes apply.
import { h } from './dom';

export type Mark =
  | { kind: 'bar'; from: number; to: number; cls: string; half?: 'top' | 'bottom' }
  | { kind: 'whisker'; from: number; to: number; half?: 'top' | 'bottom' }
  | { kind: 'dot'; at: number; cls: string };

export interface Bar {
  label: string;
  marks: Mark[];
  /** The row's numbers in words (a tooltip). */
  title: string;
}

export interface BarChart {
  title: string;
  subtitle: string;
  bars: Bar[];
  ref: number;
  width: number;
  xLabel: string;
  /** [css class, words] */
  legend: [string, string][];
}

const NS = 'http://www.w3.org/2000/svg';

function svg(tag: string, attrs: Record<string, string | number>, ...children: (SVGElement | string)[]): SVGElement {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const c of children) el.append(c);
  return el;
}

/** Round ticks over [lo, hi]: steps of 1, 2 or 5 times a power of ten. */
export function ticks(lo: number, hi: number, count: number): number[] {
  const span = hi - lo || Math.abs(hi) || 1;
  const raw = span / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step)
    out.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  return out;
}

const tickText = (v: number) =>
  Math.abs(v) >= 1e4 || (v !== 0 && Math.abs(v) < 1e-3) ? v.toExponential(0) : String(Number(v.toPrecision(4)));

export function barChart(c: BarChart): HTMLElement {
  const narrow = c.width < 520;
  const labelW = Math.min(narrow ? 118 : 170, Math.round(c.width * 0.36));
  const left = labelW + 8;
  const right = c.width - 14;
  const rowH = 20;
  const topPad = 4;
  const axisH = 36;
  const height = topPad + c.bars.length * rowH + axisH;
  const values = [c.ref];
  for (const b of c.bars)
    for (const m of b.marks) {
      if (m.kind === 'dot') values.push(m.at);
      else values.push(m.from, m.to);
    }
  const finite = values.filter(Number.isFinite);
  let lo = Math.min(...finite);
  let hi = Math.max(...finite);
  if (hi - lo < 1e-12) {
    lo -= 0.5;
    hi += 0.5;
  }
  const pad = (hi - lo) * 0.04;
  const tk = ticks(lo - pad, hi + pad, narrow ? 4 : 6);
  lo = Math.min(lo - pad, tk[0]);
  hi = Math.max(hi + pad, tk[tk.length - 1]);
  const x = (v: number) => left + ((v - lo) / (hi - lo)) * (right - left);
  const plotBottom = topPad + c.bars.length * rowH;
  const g: SVGElement[] = [];
  for (const t of tk) {
    g.push(svg('line', { class: 'grid', x1: x(t), x2: x(t), y1: topPad, y2: plotBottom }));
    g.push(svg('text', { class: 'tick', x: x(t), y: plotBottom + 14, 'text-anchor': 'middle' }, tickText(t)));
  }
  g.push(
    svg('text', { class: 'axis-label', x: (left + right) / 2, y: plotBottom + 31, 'text-anchor': 'middle' }, c.xLabel),
  );
  c.bars.forEach((b, k) => {
    const y0 = topPad + k * rowH;
    const row = svg('g', { class: 'row', 'data-input': b.label });
    row.append(svg('title', {}, b.title));
    row.append(svg('rect', { class: 'hit', x: 0, y: y0, width: c.width, height: rowH }));
    const name = b.label.length > (narrow ? 17 : 24) ? `${b.label.slice(0, narrow ? 16 : 23)}…` : b.label;
    row.append(svg('text', { class: 'label', x: labelW, y: y0 + rowH / 2 + 4, 'text-anchor': 'end' }, name));
    for (const m of b.marks) {
      const half = m.kind === 'dot' ? undefined : m.half;
      const top = y0 + 3 + (half === 'bottom' ? (rowH - 6) / 2 : 0);
      const hgt = half ? (rowH - 6) / 2 : rowH - 6;
      const mid = top + hgt / 2;
      if (m.kind === 'bar') {
        if (!Number.isFinite(m.from) || !Number.isFinite(m.to)) continue;
        const a = x(Math.min(m.from, m.to));
        const w = Math.max(1, x(Math.max(m.from, m.to)) - a);
        row.append(svg('rect', { class: `mark ${m.cls}`, x: a, y: top, width: w, height: hgt }));
      } else if (m.kind === 'whisker') {
        if (!Number.isFinite(m.from) || !Number.isFinite(m.to)) continue;
        const cap = Math.min(4, hgt / 2);
        row.append(
          svg('path', {
            class: 'whisker',
            d: `M${x(m.from)},${mid}H${x(m.to)}M${x(m.from)},${mid - cap}V${mid + cap}M${x(m.to)},${mid - cap}V${mid + cap}`,
          }),
        );
      } else if (Number.isFinite(m.at)) {
        const cx = x(m.at);
        row.append(
          svg('path', {
            class: `mark dot ${m.cls}`,
            d: `M${cx},${mid - 5}L${cx + 5},${mid}L${cx},${mid + 5}L${cx - 5},${mid}Z`,
          }),
        );
      }
    }
    g.push(row);
  });
  g.push(svg('line', { class: 'ref', x1: x(c.ref), x2: x(c.ref), y1: topPad - 2, y2: plotBottom }));
  const chart = svg(
    'svg',
    {
      class: 'an-svg',
      width: c.width,
      height,
      viewBox: `0 0 ${c.width} ${height}`,
      role: 'img',
      'aria-label': c.title,
    },
    ...g,
  );
  return h(
    'figure',
    { class: 'an-figure' },
    h('figcaption', {}, h('b', { text: c.title }), h('span', { class: 'muted', text: c.subtitle })),
    h(
      'div',
      { class: 'an-legend' },
      ...c.legend.map(([cls, words]) => h('span', {}, h('i', { class: `key ${cls}` }), words)),
    ),
    chart as unknown as HTMLElement,
  );
}
