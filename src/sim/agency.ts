// How much of what happens the actors' choices make: the same runs with every decision frozen (all hold),
// and with one actor's frozen, against the model as it is.

import type { ModelSpec } from '../model/spec';
import type { World } from '../model/world';
import { HEADLINE_OUTCOMES } from './efficacy';
import { toWorld } from './ensemble';
import { type Effect, effect, frozenWorld, mean, sample, valuesAt } from './experiment';
import type { Pins } from './run';

export interface AgencyRow {
  metric: string;
  start: number;
  /** Mean change from the start to the horizon, with decisions and with every decision frozen. */
  change: number;
  changeFrozen: number;
  /** Share of the change the decisions make: (change - changeFrozen) / change; null when there is no change. */
  decisionsShare: number | null;
  /** The model against all decisions frozen (a = frozen, b = the model), and against `actor` frozen. */
  vsFrozen: Effect;
  vsActorFrozen: Effect;
}

export function agency(
  spec: ModelSpec | World,
  seeds: number,
  actor = 'RU',
  pins: Pins = {},
  outcomes: readonly string[] = HEADLINE_OUTCOMES,
): AgencyRow[] {
  const world = toWorld(spec);
  const frozen = frozenWorld(world, 'all');
  const actorFrozen = frozenWorld(world, [actor]);
  const full = sample(world, pins, seeds);
  const fz = sample(frozen, pins, seeds);
  return outcomes.map((metric) => {
    const start = valuesAt(full, metric, 0)[0];
    const change = mean(valuesAt(full, metric)) - start;
    const changeFrozen = mean(valuesAt(fz, metric)) - start;
    return {
      metric,
      start,
      change,
      changeFrozen,
      decisionsShare: Math.abs(change) > 1e-9 ? (change - changeFrozen) / change : null,
      vsFrozen: effect({ world: frozen, pins }, { world, pins }, metric, seeds),
      vsActorFrozen: effect({ world: actorFrozen, pins }, { world, pins }, metric, seeds),
    };
  });
}
