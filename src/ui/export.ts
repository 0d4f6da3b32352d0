// Downloads: the scenario as JSON, the run as CSV (the CLI's `run --format csv` columns), the picture as PNG.
import type { LeverEdit } from '../app/state';
import { formatQuarter } from '../model/time';
import type { ScenarioFile } from '../scenario/schema';
import { metricNames } from '../sim/ensemble';
import type { Run, StepRecord } from '../sim/run';

function csvCell(v: string | number | undefined): string {
  if (v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : Number.isNaN(v) ? 'NaN' : v > 0 ? 'Inf' : '-Inf';
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

function csvRow(cells: readonly (string | number | undefined)[]): string {
  return cells.map(csvCell).join(',');
}

/** Same columns as `sim run --format csv`: run, seed, t, date, indicators..., ties..., triangle. */
export function runCsv(run: Run, records: readonly StepRecord[], edits: readonly LeverEdit[]): string {
  const spec = run.world.spec;
  const names = metricNames(run.world);
  const pinned = Object.entries(spec.pinned)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${v}`);
  const changes = edits.map((e) => `${e.name}=${e.value}@${formatQuarter(spec.start + e.t)}`);
  const n = records.length - 1;
  const comment = {
    'strategic-triangle run': spec.title,
    scenario: spec.id,
    seed: run.seed,
    steps: n,
    start: formatQuarter(spec.start),
    pinned: pinned.length ? pinned.join(' ') : 'none',
    changes: changes.length ? changes.join(' ') : 'none',
    hash: run.hash(n),
  };
  const lines = [
    `# ${Object.entries(comment)
      .map(([k, v]) => `${k}: ${String(v).replace(/[\r\n]+/g, ' ')}`)
      .join('; ')}`,
    csvRow(['run', 'seed', 't', 'date', ...names, 'triangle']),
  ];
  for (const r of records) {
    lines.push(csvRow([1, run.seed, r.t, r.date, ...names.map((m) => r.indicators[m] ?? r.ties[m]), r.triangle.config]));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The scenario as a file another user can import: weight changes are written in; lever changes become
 * pins (from the start) or events (later), the closest a file can say "from this quarter on".
 */
export function scenarioJson(file: ScenarioFile, edits: readonly LeverEdit[], startQuarter: number): string {
  const out: ScenarioFile = structuredClone(file);
  const pinned = { ...out.pinned };
  const events = [...out.events];
  for (const e of edits) {
    if (e.t === 0) pinned[e.name] = e.value;
    else events.push({ at: formatQuarter(startQuarter + e.t), set: { [e.name]: e.value }, label: `${e.name} set to ${e.value} (in the app)` });
  }
  out.pinned = pinned;
  out.events = events;
  return `${JSON.stringify(out, null, 2)}\n`;
}

export function download(name: string, content: string | Blob, type = 'text/plain'): void {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadDataUrl(name: string, dataUrl: string): void {
  const a = document.createElement('a');
  a.href = dataUrl;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
}
