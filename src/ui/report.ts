// "Save as report": the whole view as one picture (PNG) or as a printable page (PDF through the
// browser's print dialog), with what is needed to reproduce it: title, scenario, seed, the changes,
// the date shown, the hash and the command line, and the day it was made. Both are built from the
// same parts: the scene as drawn, the charts as drawn, and the words.

import { fmt, fmtLever } from '../app/format';
import { changedAtEnd, frame, reproduceFor } from '../app/select';
import type { Store } from '../app/store';
import { LEVERS } from '../model/levers';
import { formatQuarter } from '../model/time';
import { byId, h } from './dom';

export interface ReportParts {
  /** The scene as drawn (a canvas the size of the stage). */
  scene: () => HTMLCanvasElement | null;
  /** The charts as drawn, with their titles. */
  charts: () => { canvas: HTMLCanvasElement; title: string }[];
  /** Draw in the light theme while fn runs (paper is white), then back. */
  inLightTheme?: <T>(fn: () => T) => Promise<T>;
}

/** A chart's canvas is transparent: give it the page's background, so it reads the same anywhere. */
function onBackground(src: HTMLCanvasElement): HTMLCanvasElement {
  const c = document.createElement('canvas');
  c.width = src.width;
  c.height = src.height;
  const ctx = c.getContext('2d') as CanvasRenderingContext2D;
  ctx.fillStyle = getComputedStyle(document.documentElement).getPropertyValue('--bg').trim() || '#ffffff';
  ctx.fillRect(0, 0, c.width, c.height);
  ctx.drawImage(src, 0, 0);
  return c;
}

export interface ReportText {
  title: string;
  lines: string[];
  changes: string[];
  changed: string | null;
  command: string;
}

/** Today as YYYY-MM-DD (the report's date of making; the run itself never reads the clock). */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function reportText(store: Store): ReportText {
  const s = store.get();
  const runs = store.runs(s);
  const f = frame(s, runs);
  const a = runs.a;
  const changes: string[] = [];
  for (const e of s.doc.edits) {
    const max = LEVERS.find((l) => l.name === e.name)?.max ?? 1;
    changes.push(`${e.name} set to ${fmtLever(e.value, max)} from ${formatQuarter(a.spec.start + e.t)}`);
  }
  for (const [actor, terms] of Object.entries(s.doc.weights))
    for (const [term, v] of Object.entries(terms))
      if (v !== undefined) changes.push(`${actor}'s ${term} weight ${fmt(v)} (whole run)`);
  const lines = [
    `Scenario ${a.id}: ${a.title}`,
    `Seed ${s.doc.seed} · ${f.a.rec.date} (step ${f.a.at.step} of ${a.horizon}) · hash ${f.a.rec.hash}`,
  ];
  if (f.b) lines.push(`Compared with ${f.b.run.id}: ${f.b.run.title} (same seed), shown at ${f.b.rec.date}`);
  lines.push(`Made ${today()} · ${location.href}`);
  return {
    title: `Strategic triangle — ${a.title}`,
    lines,
    changes,
    changed: changedAtEnd(runs)?.text ?? null,
    command: reproduceFor(s, runs).command,
  };
}

function wrap(ctx: CanvasRenderingContext2D, text: string, max: number): string[] {
  const words = text.split(' ');
  const out: string[] = [];
  let line = '';
  for (const w of words) {
    const next = line ? `${line} ${w}` : w;
    if (ctx.measureText(next).width > max && line) {
      out.push(line);
      line = w;
    } else line = next;
  }
  if (line) out.push(line);
  return out;
}

/** The report as one PNG (data URL). */
export function reportPng(store: Store, parts: ReportParts): string {
  const text = reportText(store);
  const css = getComputedStyle(document.documentElement);
  const bg = css.getPropertyValue('--bg').trim() || '#ffffff';
  const ink = css.getPropertyValue('--ink').trim() || '#1d1d1f';
  const muted = css.getPropertyValue('--muted').trim() || '#585863';
  const font = css.getPropertyValue('--font').trim() || 'system-ui, sans-serif';
  const W = 1600;
  const pad = 32;
  const scene = parts.scene();
  const charts = parts.charts();
  const measure = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
  measure.font = `15px ${font}`;
  const body = [
    ...text.lines,
    text.changes.length ? `Your changes: ${text.changes.join('; ')}.` : 'No changes to the scenario.',
    ...(text.changed ? [text.changed] : []),
    `Reproduce: ${text.command}`,
  ].flatMap((l) => wrap(measure, l, W - 2 * pad));
  const sceneH = scene ? Math.round(((W - 2 * pad) * scene.height) / scene.width) : 0;
  // Charts side by side, no larger than twice as drawn (a small canvas blown up blurs).
  const cols = Math.min(4, Math.max(1, charts.length));
  const chartW = Math.min((W - 2 * pad - (cols - 1) * 16) / cols, ...charts.map((c) => c.canvas.width * 2));
  const chartH = charts.length ? Math.round((chartW * charts[0].canvas.height) / charts[0].canvas.width) : 0;
  const rows = Math.ceil(charts.length / cols);
  measure.font = `600 13px ${font}`;
  const titleRows = Math.max(1, ...charts.map((ch) => wrap(measure, ch.title, chartW).length));
  const H = pad + 40 + body.length * 22 + 16 + sceneH + 16 + rows * (chartH + titleRows * 17 + 16) + pad;
  const c = document.createElement('canvas');
  c.width = W;
  c.height = H;
  const ctx = c.getContext('2d') as CanvasRenderingContext2D;
  ctx.fillStyle = bg;
  ctx.fillRect(0, 0, W, H);
  ctx.fillStyle = ink;
  ctx.textBaseline = 'top';
  ctx.font = `700 26px ${font}`;
  ctx.fillText(text.title, pad, pad);
  let y = pad + 40;
  ctx.font = `15px ${font}`;
  for (const l of body) {
    ctx.fillStyle = l.startsWith('Reproduce') || l.startsWith('Made') ? muted : ink;
    ctx.fillText(l, pad, y);
    y += 22;
  }
  y += 16;
  if (scene) {
    ctx.drawImage(scene, pad, y, W - 2 * pad, sceneH);
    y += sceneH + 16;
  }
  ctx.font = `600 13px ${font}`;
  const titleLines = charts.map((ch) => wrap(ctx, ch.title, chartW));
  const titleH = Math.max(1, ...titleLines.map((l) => l.length)) * 17 + 4;
  charts.forEach((ch, k) => {
    const x = pad + (k % cols) * (chartW + 16);
    const yy = y + Math.floor(k / cols) * (chartH + titleH + 12);
    ctx.fillStyle = ink;
    for (const [i, l] of titleLines[k].entries()) ctx.fillText(l, x, yy + i * 17);
    ctx.drawImage(onBackground(ch.canvas), x, yy + titleH, chartW, chartH);
  });
  return c.toDataURL('image/png');
}

/** The printable report in the light theme (paper is white), then the print dialog. */
export async function printReport(store: Store, parts: ReportParts): Promise<void> {
  if (parts.inLightTheme) await parts.inLightTheme(() => prepareReport(store, parts));
  else prepareReport(store, parts);
  window.print();
}

/** Fill the printable report (shown only when printing): the words as text, the pictures as images. */
export function prepareReport(store: Store, parts: ReportParts): void {
  const host = byId('report');
  const text = reportText(store);
  const scene = parts.scene();
  const charts = parts.charts();
  host.replaceChildren(
    h('h1', { text: text.title }),
    ...text.lines.map((l) => h('p', { class: 'meta', text: l })),
    h('h2', { text: 'Your changes' }),
    text.changes.length
      ? h('ul', {}, ...text.changes.map((c) => h('li', { text: c })))
      : h('p', { text: 'None: the scenario as published.' }),
    text.changed ? h('p', { class: 'changed', text: text.changed }) : '',
    scene
      ? h('img', {
          class: 'scene',
          attrs: { src: scene.toDataURL('image/png'), alt: 'The strategic triangle at the quarter shown' },
        })
      : '',
    h(
      'div',
      { class: 'report-charts' },
      ...charts.map((ch) =>
        h(
          'figure',
          {},
          h('figcaption', { text: ch.title }),
          h('img', { attrs: { src: ch.canvas.toDataURL('image/png'), alt: ch.title } }),
        ),
      ),
    ),
    h('p', { class: 'meta' }, 'Reproduce: ', h('code', { text: text.command })),
  );
}
