// One run under the user's lever changes: each change is applied with run.setLever at its step (the
// history after it is dropped and the future recomputed), in step order, then the run goes on to the
// horizon. The app's displayed run and the ensemble band behind it are both made here, so a seed of
// the band is the displayed run when the seeds agree.
import type { LeverName } from '../model/levers';
import type { ModelSpec } from '../model/spec';
import type { World } from '../model/world';
import { Run } from './run';

export interface LeverChange {
  /** Step from which the value applies. */
  t: number;
  name: LeverName;
  value: number;
}

/** Changes in the order they are applied (by step; a stable sort keeps the order within a step). */
export function sortChanges<T extends LeverChange>(changes: readonly T[]): T[] {
  return [...changes].sort((a, b) => a.t - b.t);
}

export function runWithChanges(
  spec: ModelSpec | World,
  seed: number,
  changes: readonly LeverChange[],
  horizon: number,
  record = false,
): Run {
  const run = new Run(spec, { seed, record });
  for (const e of sortChanges(changes)) {
    run.seek(e.t);
    run.setLever(e.name, e.value);
  }
  run.runTo(horizon);
  return run;
}
