// The range a scenario file may give each model parameter: 0 up to 1 (shares and rates) or the larger
// bound listed here. Without zod, so the sensitivity study can read it where the schema is not loaded.
import { DEFAULT_PARAMS, type Params } from '../model/spec';

/** Upper bounds of the model parameters that are not shares or rates in 0..1. */
export const PARAM_MAX: Partial<Record<keyof Params, number>> = {
  horizon: 40,
  tradeTieElasticity: 5,
  diversionCap: 10,
  heider: 5,
  investStep: 10,
  energyWeight: 5,
  capitalCost: 5,
};

export const PARAM_NAMES = Object.keys(DEFAULT_PARAMS) as (keyof Params)[];

export function paramRange(name: keyof Params): { min: number; max: number } {
  return { min: 0, max: PARAM_MAX[name] ?? 1 };
}
