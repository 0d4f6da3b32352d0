// Extra indicators are expressions a scenario writes; one may give no number at some step (a division
// by zero, the log of a negative number) although it did at the start. Such a value is reported as
// missing at that step (null in JSON, an empty CSV cell) and the run goes on; these sentences say so,
// for the CLI's stderr and the app's notes alike.

export interface IndicatorGap {
  name: string;
  /** Steps at which it gave no number. */
  steps: number[];
}

/** The gaps of each named indicator over steps 0..last, in the order of `names`; none when all are numbers. */
export function indicatorGaps(
  names: readonly string[],
  last: number,
  isMissing: (name: string, t: number) => boolean,
): IndicatorGap[] {
  const out: IndicatorGap[] = [];
  for (const name of names) {
    const steps: number[] = [];
    for (let t = 0; t <= last; t++) if (isMissing(name, t)) steps.push(t);
    if (steps.length > 0) out.push({ name, steps });
  }
  return out;
}

/**
 * "indicator x gave no number at 3 of 17 steps (2023Q1, 2023Q2, 2023Q3): reported as missing there".
 * `inSome` says the values come from several runs (an ensemble), `consequence` what became of them.
 */
export function gapSentence(
  gap: IndicatorGap,
  total: number,
  dateOf: (t: number) => string,
  opts: { inSome?: boolean; consequence?: string } = {},
): string {
  const shown = gap.steps.slice(0, 3).map(dateOf);
  if (gap.steps.length > 3) shown.push('...');
  const where = total === 1 ? `at ${shown[0]}` : `at ${gap.steps.length} of ${total} steps (${shown.join(', ')})`;
  return `indicator ${gap.name} gave no number${opts.inSome ? ' in some runs' : ''} ${where}: ${
    opts.consequence ?? 'reported as missing there'
  }`;
}
