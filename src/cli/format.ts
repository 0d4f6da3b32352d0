// Text shapes of the CLI's output: aligned tables, and the CSV helpers shared with the app (src/sim/csv.ts).

export { csvCell, csvComment, csvRow } from '../sim/csv';

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
