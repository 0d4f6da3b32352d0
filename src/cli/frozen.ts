// --no-decisions and --frozen: run a scenario with some or all of its actors' choices frozen (every
// choice is hold), to see how much of a result the choices make.
import type { ModelSpec } from '../model/spec';
import { CliError, type OptionSpec } from './args';

export const FROZEN_OPTIONS: OptionSpec = {
  'no-decisions': { type: 'boolean' },
  frozen: { type: 'string' },
};

export const FROZEN_HELP = [
  "--no-decisions     freeze every actor's decisions (every choice is hold): what the levers, events and",
  '                   dynamics do without anyone choosing; same seeds, so it pairs with the normal run',
  "--frozen IDS       freeze only these actors' decisions, e.g. --frozen RU or --frozen US,CN",
];

type Values = Record<string, string | string[] | boolean | undefined>;

/** The scenario with the frozen actors the options name (on top of any the scenario freezes itself). */
export function applyFrozen(v: Values, spec: ModelSpec): ModelSpec {
  const all = v['no-decisions'] === true;
  const list = typeof v.frozen === 'string' ? v.frozen : undefined;
  if (all && list !== undefined) throw new CliError('--no-decisions freezes everyone: leave out --frozen');
  if (!all && list === undefined) return spec;
  const ids = spec.actors.map((a) => a.id);
  let frozen: string[];
  if (all) frozen = ids;
  else {
    frozen = (list ?? '').split(',').map((x) => x.trim());
    for (const id of frozen) {
      if (!ids.includes(id))
        throw new CliError(`--frozen: unknown actor "${id}" (the roster of ${spec.id}: ${ids.join(', ')})`);
    }
  }
  return { ...spec, frozen: [...new Set([...spec.frozen, ...frozen])] };
}
