// Text shapes of the CLI's output: CSV (RFC 4180 quoting, full-precision numbers) and aligned tables.

/** Numbers print in full precision (the shortest text that reads back to the same double). */
export function csvCell(v: string | number | undefined): string {
  if (v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : Number.isNaN(v) ? 'NaN' : v > 0 ? 'Inf' : '-Inf';
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function csvRow(cells: readonly (string | number | undefined)[]): string {
  return cells.map(csvCell).join(',');
}

/** A comment line in the NetLogo BehaviorSpace spirit: `# key: value; key: value`. */
export function csvComment(fields: Record<string, string | number>): string {
  return `# ${Object.entries(fields)
    .map(([k, v]) => `${k}: ${String(v).replace(/[\r\n]+/g, ' ')}`)
    .join('; ')}`;
}

export function pinsText(pins: Readonly<Record<string, number | undefined>>): string {
  const parts = Object.entries(pins)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${v}`);
  return parts.length > 0 ? parts.join(' ') : 'none';
}

/** Fixed decimals for tables; -0 prints as 0. */
export function fixed(x: number, digits = 4): string {
  const s = x.toFixed(digits);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}

/** Columns aligned with two spaces between; the first column left-aligned, the others right-aligned. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
