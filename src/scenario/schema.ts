// The scenario file format (MODEL.md 10): a zod schema with field-level messages, published as
// scenarios/scenario.schema.json by `npm run schema`.
import { z } from 'zod';
import { LEVER_NAMES, LEVERS } from '../model/levers';
import { DEFAULT_PARAMS, ENERGY_BUYERS, type Params, TERM_NAMES } from '../model/spec';
import { EXPR_CHARS_MAX } from './expr';

// No generated code: zod would otherwise probe `new Function` (which the app's Content-Security-Policy
// refuses, and reports as a violation) to compile its checks. Validation stays the same, a little slower.
z.config({ jitless: true });

const id = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]{0,15}$/, 'an actor id is 1-16 capital letters, digits or _, starting with a letter');
const unit = z.number().min(0).max(1);
const quarter = z.string().regex(/^\d{4}Q[1-4]$/, 'a date is written YYYYQn, e.g. 2022Q1');

/** The longest run a scenario or the CLI asks for, in quarters. */
export const STEPS_MAX = 400;
/**
 * Dates are written YYYYQn (files, --change, CSV): a scenario starts between 1000Q1 and 9899Q4, so that
 * every date of a run of up to STEPS_MAX quarters has four digits and an exported file loads back.
 */
export const START_MIN = '1000Q1';
export const START_MAX = '9899Q4';
const startDate = quarter.refine(
  (d) => d >= START_MIN && d <= START_MAX,
  `the start must be from ${START_MIN} to ${START_MAX}, so that every date of a run of up to ${STEPS_MAX} quarters is written with four digits`,
);
const pairKey = z.string().regex(/^[A-Z][A-Z0-9_]*-[A-Z][A-Z0-9_]*$/, 'a pair is written "A-B", e.g. "CN-RU"');
const leverName = z.enum(LEVER_NAMES);
const termName = z.enum(TERM_NAMES);

const leverShape = Object.fromEntries(
  LEVERS.map((l) => [l.name, z.number().min(l.min).max(l.max).optional().describe(l.meaning)]),
) as Record<(typeof LEVER_NAMES)[number], z.ZodOptional<z.ZodNumber>>;
const leverValues = z.strictObject(leverShape);

/**
 * Limits on size (and so on work): the loader refuses a file past any of them before validating its
 * contents, so a hostile file costs no more than a large valid one. --help lists them all.
 */
export const ACTORS_MAX = 24;
/** One tie, trade or security entry per pair of actors. */
export const PAIRS_MAX = (ACTORS_MAX * (ACTORS_MAX - 1)) / 2;
export const EVENTS_MAX = 1000;
export const INDICATORS_MAX = 50;
export const SOURCES_MAX = 500;
export const TEXT_CHARS_MAX = 10_000;

/**
 * Upper bounds of amounts in USD bn. World trade is about 25,000 USD bn a year and the world's stock of
 * foreign direct investment about 45,000: the bounds leave room for any counterfactual and keep every
 * product of the model's factors far inside a double (docs/MODEL.md, "Bounds and limits").
 */
export const TRADE_MAX = 100_000;
export const INVESTMENT_MAX = 10_000;

/** A number in [min, max], with a message that names the range (and unit) when it is not. */
function range(min: number, max: number, unit = '') {
  const msg = `must be from ${min} to ${max}${unit ? ` ${unit}` : ''}`;
  return z.number().min(min, msg).max(max, msg);
}
/**
 * The smallest positive amount, USD bn (USD 1 million): below it an amount is 0. A positive amount
 * near the smallest double divides to NaN once growth shrinks it (docs/MODEL.md, "Bounds and limits").
 */
export const AMOUNT_MIN = 0.001;

/** An amount: 0, or from AMOUNT_MIN to `max`. */
function amount(max: number, unit: string) {
  return z
    .number()
    .min(0, `must be at least 0 ${unit}`)
    .max(max, `must be at most ${max} ${unit}`)
    .refine((v) => v === 0 || v >= AMOUNT_MIN, `must be 0 or at least ${AMOUNT_MIN} ${unit}`);
}

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

const paramShape = Object.fromEntries(
  (Object.keys(DEFAULT_PARAMS) as (keyof Params)[]).map((k) => {
    const r = PARAMS[k];
    return [k, range(r.min, r.max, r.unit).optional().describe(`${r.meaning} (${r.unit})`)];
  }),
) as Record<keyof Params, z.ZodOptional<z.ZodNumber>>;

export const actorSchema = z.strictObject({
  id,
  name: z.string().min(1).max(40),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour is written #rrggbb'),
  sanctionCompliance: unit.describe('0..1: how fully this actor applies Western sanctions on Russia'),
  asian: z.boolean().describe("counts toward Russia's Asian standing"),
  growth: z.number().min(-0.2).max(0.3).describe('annual real growth of its trade'),
  otherTrade: amount(TRADE_MAX, 'USD bn per year').describe('trade with partners outside the roster, USD bn per year'),
  commodityShare: unit.default(0.5).describe('raw-material share of its trade with Russia'),
  warSupply: unit.default(0).describe("capacity to supply Russia's war"),
  counterweightScale: z
    .union([leverName, z.number().min(0).max(1)])
    .default(0)
    .describe('lever or number scaling the value it puts on Russia not being wholly aligned with China'),
});

export const eventSchema = z.strictObject({
  at: quarter.describe('date from which the event may fire'),
  set: leverValues.describe('lever values the event sets (pinned levers are left alone)'),
  when: z.string().min(1).max(EXPR_CHARS_MAX).optional().describe('condition in the expression language'),
  label: z.string().min(1).max(120),
  pin: z.boolean().optional().describe('hold the levers it sets from then on: later events and decisions leave them'),
});

export const scenarioSchema = z.strictObject({
  $schema: z.string().optional(),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,47}$/, 'an id is lower-case letters, digits and -'),
  title: z.string().min(1).max(120),
  description: z.string().min(1).max(TEXT_CHARS_MAX),
  sources: z
    .record(z.string().max(200), z.string().max(2000))
    .default({})
    .describe(`where each number comes from, by field (at most ${SOURCES_MAX})`),
  start: startDate,
  steps: z.number().int().min(1).max(STEPS_MAX),
  seed: z.number().int().min(0).max(4294967295).default(1),
  actors: z.array(actorSchema).min(3).max(ACTORS_MAX),
  ties: z
    .record(pairKey, z.number().min(-1).max(1))
    .describe(`initial ties, "A-B": -1..1 (at most ${PAIRS_MAX} pairs)`),
  trade: z.record(pairKey, amount(TRADE_MAX, 'USD bn per year')).describe('trade, "A-B": USD bn per year'),
  energy: z.strictObject({
    shares: z
      .strictObject(
        Object.fromEntries(ENERGY_BUYERS.map((b) => [b, unit.default(0)])) as Record<
          (typeof ENERGY_BUYERS)[number],
          z.ZodDefault<typeof unit>
        >,
      )
      .describe("shares of Russia's energy exports by buyer, summing to 1; a buyer left out takes 0"),
    eastCapacity: unit.describe("the largest share of Russia's energy exports China can take now"),
    eastCapacityGrowth: z.number().min(0).max(0.1).describe('growth of that capacity per quarter'),
  }),
  rfe: z.strictObject({
    investment: z.record(id, amount(INVESTMENT_MAX, 'USD bn')).describe('RFE investment stock by investor, USD bn'),
    development: unit,
  }),
  levers: leverValues.default({}),
  pinned: leverValues.default({}).describe('levers held at a value for the whole run, as --set does'),
  security: z
    .array(
      z.strictObject({
        between: z.tuple([id, id]),
        weight: z.number().min(-1).max(1),
        scale: leverName.optional(),
        note: z.string().max(200).optional(),
      }),
    )
    .max(PAIRS_MAX)
    .default([]),
  weights: z.record(id, z.partialRecord(termName, z.number().min(0).max(10))).default({}),
  decisions: z.record(id, leverName).default({}),
  params: z.strictObject(paramShape).default({}),
  events: z.array(eventSchema).max(EVENTS_MAX).default([]),
  indicators: z
    .array(
      z.strictObject({
        name: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'an indicator name is lower_snake_case'),
        label: z.string().min(1).max(80),
        expr: z.string().min(1).max(EXPR_CHARS_MAX),
      }),
    )
    .max(INDICATORS_MAX)
    .default([]),
});

export type ScenarioFile = z.infer<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
