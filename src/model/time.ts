// Dates are quarters, shown as YYYYQn everywhere. Internally a quarter index: year * 4 + (q - 1).

const DATE_RE = /^(\d{4})Q([1-4])$/;

export function parseQuarter(s: string): number | null {
  const m = DATE_RE.exec(s);
  if (!m) return null;
  return Number(m[1]) * 4 + Number(m[2]) - 1;
}

export function formatQuarter(q: number): string {
  const year = Math.floor(q / 4);
  return `${year}Q${q - year * 4 + 1}`;
}

/** Fractional year of a quarter index (its midpoint), for charts against annual data. */
export function quarterToYear(q: number): number {
  return q / 4 + 0.125;
}
