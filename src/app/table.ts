// The Table tab: every indicator and tie of run A per quarter, sortable by any column. The columns
// come from the run's records, so whatever the model reports is in the table.
import type { StepRecord } from '../sim/run';
import type { Computed } from './derive';
import { CONFIG_NAMES } from './format';
import { isTieKey, metricLabel } from './labels';
import type { TableSort } from './state';

export interface Column {
  key: string;
  label: string;
  title: string;
  numeric: boolean;
}

export interface Table {
  columns: Column[];
  /** Row values by column key, sorted; `t` is the step. */
  rows: { t: number; cells: Record<string, string | number> }[];
}

export function tableColumns(a: Computed): Column[] {
  const rec = a.records[0];
  const cols: Column[] = [
    { key: 't', label: 'step', title: 'Step of the run', numeric: true },
    { key: 'date', label: 'date', title: 'Quarter', numeric: false },
  ];
  for (const name of Object.keys(rec.indicators)) {
    const l = metricLabel(name, a.spec);
    cols.push({ key: name, label: l.short, title: `${l.long} (${name})`, numeric: true });
  }
  for (const name of Object.keys(rec.ties)) {
    if (!isTieKey(name)) continue;
    const l = metricLabel(name, a.spec);
    cols.push({ key: name, label: name, title: l.long, numeric: true });
  }
  cols.push({ key: 'triangle', label: 'triangle', title: 'Dittmer configuration', numeric: false });
  return cols;
}

function cell(rec: StepRecord, key: string): string | number {
  if (key === 't') return rec.t;
  if (key === 'date') return rec.date;
  if (key === 'triangle') return CONFIG_NAMES[rec.triangle.config];
  return rec.indicators[key] ?? rec.ties[key] ?? '';
}

export function buildTable(a: Computed, sort: TableSort): Table {
  const columns = tableColumns(a);
  const key = columns.some((c) => c.key === sort.key) ? sort.key : 't';
  const rows = a.records.map((rec) => {
    const cells: Record<string, string | number> = {};
    for (const c of columns) cells[c.key] = cell(rec, c.key);
    return { t: rec.t, cells };
  });
  rows.sort((x, y) => {
    const a1 = x.cells[key];
    const b1 = y.cells[key];
    const c = typeof a1 === 'number' && typeof b1 === 'number' ? a1 - b1 : String(a1).localeCompare(String(b1));
    return (c || x.t - y.t) * (key === sort.key ? sort.dir : 1);
  });
  return { columns, rows };
}
