// The model's parameters as a scenario file may give them: meaning, unit and range. Without zod, so the
// sensitivity study reads the same ranges where the schema is not loaded; schema.ts builds on it.
import { DEFAULT_PARAMS, type Params } from '../model/spec';

export interface ParamRange {
  min: number;
  max: number;
  unit: string;
  meaning: string;
}

/**
 * The model's parameters (`params` in a scenario): one row each, with its meaning, unit and range. A
 * parameter is not accepted in a file until it has a row here (the type requires one per key of
 * Params). Ranges are the honest span of the quantity (a share is 0..1) and, where it multiplies
 * something over time, narrow enough that no run can reach a non-finite value (docs/MODEL.md, "Bounds
 * and limits"); the defaults live with the model (DEFAULT_PARAMS).
 */
export const PARAMS: Readonly<Record<keyof Params, ParamRange>> = {
  alpha: { min: 0, max: 1, unit: 'tie per move', meaning: 'tie change per unit of mean move' },
  horizon: { min: 0, max: 40, unit: 'quarters', meaning: 'how long an actor weighs a move as if kept' },
  gamma: { min: 0, max: 1, unit: 'per quarter', meaning: 'Heider balance strength' },
  eta: { min: 0, max: 1, unit: 'per quarter', meaning: 'warming of a tie by trade above its growth path' },
  anchor: { min: 0, max: 1, unit: 'per quarter', meaning: 'pull of a tie back to its structural level' },
  rho: { min: 0, max: 1, unit: 'per quarter', meaning: 'trade adjustment rate toward its potential' },
  tradeTieElasticity: { min: 0, max: 5, unit: 'ratio', meaning: 'elasticity of trade potential to the tie' },
  sanctionDepth: { min: 0, max: 1, unit: 'share', meaning: 'share of trade a fully complying actor cuts' },
  diversion: { min: 0, max: 1, unit: 'share', meaning: "share of Russia's sanction-lost trade diverted" },
  diversionCap: { min: 0, max: 10, unit: 'multiple', meaning: 'diverted trade a partner absorbs, of its base' },
  otherCompliance: { min: 0, max: 1, unit: 'share', meaning: "compliance of Russia's partners outside the roster" },
  epsilon: { min: 0, max: 1, unit: 'tie', meaning: '|tie| below it counts as neutral in the triangle' },
  heider: { min: 0, max: 5, unit: 'weight', meaning: 'weight of friends of friends in security' },
  energyStep: { min: 0, max: 1, unit: 'share', meaning: "share of Russia's energy exports one move shifts" },
  energyReroute: { min: 0, max: 1, unit: 'per quarter', meaning: 'rate at which embargoed flows are rerouted' },
  cnMaxDiscount: { min: 0, max: 1, unit: 'share', meaning: "China's discount when it is Russia's only buyer" },
  otherDiscount: { min: 0, max: 1, unit: 'share', meaning: 'discount to buyers outside the roster' },
  investStep: { min: 0, max: 10, unit: 'share of stock', meaning: 'RFE investment change per move' },
  depreciation: { min: 0, max: 1, unit: 'per quarter', meaning: 'depreciation of RFE investment' },
  leverStep: { min: 0, max: 1, unit: 'lever', meaning: 'lever change per policy move' },
  leverCost: { min: 0, max: 1, unit: 'utility', meaning: 'cost of a decision lever: leverCost * lever^2' },
  otherCommodityShare: { min: 0, max: 1, unit: 'share', meaning: 'commodity share of trade outside the roster' },
  otherGrowth: { min: 0, max: 0.3, unit: 'per year', meaning: 'growth of energy demand outside the roster' },
  embargoThreshold: { min: 0, max: 1, unit: 'lever', meaning: 'sanctions level above which energy is embargoed' },
  energyDrift: { min: 0, max: 1, unit: 'per quarter', meaning: 'drift of energy shares toward growing demand' },
  energyWeight: { min: 0, max: 5, unit: 'weight', meaning: "weight of energy revenue in Russia's economy" },
  capitalCost: { min: 0, max: 5, unit: 'per year', meaning: 'required return on RFE investment' },
  rfeRate: { min: 0, max: 1, unit: 'per quarter', meaning: 'rate at which RFE development nears its target' },
  warDrag: { min: 0, max: 1, unit: 'share', meaning: "share of economic policy's effect the war crowds out" },
  investTradeElasticity: { min: 0, max: 1, unit: 'ratio', meaning: 'trade gain per relative growth of RFE stock' },
};

export const PARAM_NAMES = Object.keys(DEFAULT_PARAMS) as (keyof Params)[];

export function paramRange(name: keyof Params): { min: number; max: number } {
  return { min: PARAMS[name].min, max: PARAMS[name].max };
}
