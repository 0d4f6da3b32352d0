// CSV in NetLogo BehaviorSpace's spirit, shared by the CLI (`run --format csv`) and the app's export,
// so the two cannot drift: RFC 4180 quoting, numbers in full precision, one `#` comment line first.
import { formatQuarter } from '../model/time';
import { metricNames } from './ensemble';
import type { Run, StepRecord } from './run';

/** Numbers print in full precision (the shortest text that reads back to the same double). */
export function csvCell(v: string | number | undefined): string {
  if (v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : Number.isNaN(v) ? 'NaN' : v > 0 ? 'Inf' : '-Inf';
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function csvRow(cells: readonly (string | number | undefined)[]): string {
  return cells.map(csvCell).join(',');
}

/** A comment line: `# key: value; key: value`. */
export function csvComment(fields: Record<string, string | number>): string {
  return `# ${Object.entries(fields)
    .map(([k, v]) => `${k}: ${String(v).replace(/[\r\n]+/g, ' ')}`)
    .join('; ')}`;
}

/**
 * One run as CSV: a comment line (scenario, seed, steps, start, pinned levers, later changes, changed
 * utility weights when there are any, hash), then `run, seed, t, date, indicators..., ties..., triangle`,
 * one row per step of `records`.
 */
export function runCsv(
  run: Run,
  records: readonly StepRecord[],
  levers: { pinned: string; changes: string; weights?: string },
): string {
  const spec = run.world.spec;
  const names = metricNames(run.world);
  const n = records.length - 1;
  const lines = [
    csvComment({
      'strategic-triangle run': spec.title,
      scenario: spec.id,
      seed: run.seed,
      steps: n,
      start: formatQuarter(spec.start),
      pinned: levers.pinned || 'none',
      changes: levers.changes || 'none',
      ...(levers.weights ? { weights: levers.weights } : {}),
      hash: run.hash(n),
    }),
    csvRow(['run', 'seed', 't', 'date', ...names, 'triangle']),
  ];
  for (const r of records) {
    lines.push(
      // A missing indicator is an empty cell, as CSV readers expect of a missing number.
      csvRow([
        1,
        run.seed,
        r.t,
        r.date,
        ...names.map((m) => (r.missing?.includes(m) ? undefined : (r.indicators[m] ?? r.ties[m]))),
        r.triangle.config,
      ]),
    );
  }
  return `${lines.join('\n')}\n`;
}
