// The CLI command that reproduces a run with lever changes (the app's footer gives it). A change at
// step 0 is `--set` (a pin from the start), a later one `--change lever=value@date` (Run.setLever at
// that step, as the app does). The app applies changes in step order, each at its step, so when one
// lever is changed twice at the same step only the last value matters: the command names it once.
import { formatQuarter } from '../model/time';
import { type LeverChange, sortChanges } from './replay';

export const CLI_RUN = 'npm run --silent sim -- run';

export interface RunCommandInput {
  /** A preset id or the path of a scenario file. */
  scenario: string;
  seed: number;
  steps: number;
  /** Quarter index of step 0, for the dates of `--change`. */
  start: number;
  /** Changes at steps up to `steps`, in the order they were made. */
  changes: readonly LeverChange[];
}

/** The changes that decide the run: the last per lever and step, in the order the run applies them. */
export function effectiveChanges<T extends LeverChange>(changes: readonly T[]): T[] {
  const sorted = sortChanges(changes);
  return sorted.filter((c, k) => !sorted.slice(k + 1).some((d) => d.t === c.t && d.name === c.name));
}

export function runCommandLine(x: RunCommandInput): string {
  const changes = effectiveChanges(x.changes.filter((c) => c.t <= x.steps));
  const sets = changes.filter((c) => c.t === 0).map((c) => ` --set ${c.name}=${c.value}`);
  const later = changes
    .filter((c) => c.t > 0)
    .map((c) => ` --change ${c.name}=${c.value}@${formatQuarter(x.start + c.t)}`);
  return `${CLI_RUN} --scenario ${x.scenario} --seed ${x.seed} --steps ${x.steps}${sets.join('')}${later.join('')}`;
}
