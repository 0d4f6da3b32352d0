// The command line that reproduces what the app shows. The CLI's `run` prints the hash of the state
// at its last step (`--steps t`), so the hash in the footer (the state at step t) is reproduced by
// `run --steps t` with the same scenario, seed and changes. Lever changes at step 0 are `--set` (a pin
// from the start, as the app's change at step 0 is), later ones `--change lever=value@date` (the same
// Run.setLever at the same step); weights and imported scenarios need the exported scenario file.
import { formatQuarter } from '../model/time';
import { runCommandLine } from '../sim/command';
import type { LeverEdit } from './doc';

export interface ReproduceInput {
  /** Scenario id in the app. */
  id: string;
  /** A preset the CLI knows by id (an imported scenario is not). */
  preset: boolean;
  seed: number;
  /** The step shown. */
  t: number;
  /** Quarter index of step 0, for dates in the explanation. */
  start: number;
  edits: readonly LeverEdit[];
  /** The user changed utility weights. */
  weights: boolean;
  /** Name of the file "export scenario (JSON)" saves. */
  exportName: string;
}

export interface Reproduce {
  /** The command to paste into a shell at the project's root. */
  command: string;
  /** It prints exactly the hash shown. */
  exact: boolean;
  /** What to do first (export the file) and what the command reproduces, in words. */
  note: string;
}

const BASE = 'npm run --silent sim -- run';

export function reproduce(x: ReproduceInput): Reproduce {
  const now = x.edits.filter((e) => e.t <= x.t);
  const later = x.edits.filter((e) => e.t > x.t);
  const laterNote = later.length
    ? ` Your change${later.length > 1 ? 's' : ''} from ${formatQuarter(x.start + Math.min(...later.map((e) => e.t)))} on come${later.length > 1 ? '' : 's'} after this step and do not affect it.`
    : '';
  const midRun = now.some((e) => e.t > 0);
  if (x.preset && !x.weights) {
    return {
      command: runCommandLine({ scenario: x.id, seed: x.seed, steps: x.t, start: x.start, changes: now }),
      exact: true,
      note: `The CLI prints the hash of its last step: this one.${laterNote}`,
    };
  }
  const why = !x.preset
    ? 'this scenario was imported'
    : x.weights && midRun
      ? 'you changed weights and levers after the start'
      : x.weights
        ? 'you changed utility weights'
        : 'you changed levers after the start';
  const command = `${BASE} --scenario ${x.exportName} --seed ${x.seed} --steps ${x.t}`;
  // The file carries every lever change after step 0 as an event, and which events have fired is part
  // of the hashed state: with such changes the trajectory is the same but the hash is not.
  const anyMidRun = x.edits.some((e) => e.t > 0);
  if (!anyMidRun) {
    return {
      command,
      exact: true,
      note: `The CLI needs the exported scenario file (${why}): use "export scenario (JSON)" and save it as ${x.exportName}. It prints this hash.${laterNote}`,
    };
  }
  return {
    command,
    exact: false,
    note:
      `The CLI needs the exported scenario file (${why}): use "export scenario (JSON)" and save it as ${x.exportName}. ` +
      'It reproduces the ties and indicators of this run, but not this hash: the file holds your changes after the start as ' +
      'extra events, and which events have fired is part of the hashed state.',
  };
}
