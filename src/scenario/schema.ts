// The scenario file format (MODEL.md 10): a zod schema with field-level messages, published as
// scenarios/scenario.schema.json by `npm run schema`.
import { z } from 'zod';
import { LEVER_NAMES, LEVERS } from '../model/levers';
import { PARAM_NAMES, type ParamName } from '../model/params';
import { PARAM_INFO } from '../model/paramText';
import { ENERGY_BUYERS, TERM_NAMES } from '../model/spec';
import { EXPR_CHARS_MAX } from './exprAst';
import {
  ACTORS_MAX,
  AMOUNT_MIN,
  EVENTS_MAX,
  INDICATORS_MAX,
  INVESTMENT_MAX,
  PAIRS_MAX,
  SOURCES_MAX,
  START_MAX,
  START_MIN,
  STEPS_MAX,
  TEXT_CHARS_MAX,
  TRADE_MAX,
} from './limits';

// No generated code: zod would otherwise probe `new Function` (which the app's Content-Security-Policy
// refuses, and reports as a violation) to compile its checks. Validation stays the same, a little slower.
z.config({ jitless: true });

const id = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]{0,15}$/, 'an actor id is 1-16 capital letters, digits or _, starting with a letter');
const unit = z.number().min(0).max(1);
const quarter = z.string().regex(/^\d{4}Q[1-4]$/, 'a date is written YYYYQn, e.g. 2022Q1');

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

/** A number in [min, max], with a message that names the range (and unit) when it is not. */
function range(min: number, max: number, unit = '') {
  const msg = `must be from ${min} to ${max}${unit ? ` ${unit}` : ''}`;
  return z.number().min(min, msg).max(max, msg);
}

/** An amount: 0, or from AMOUNT_MIN to `max`. */
function amount(max: number, unit: string) {
  return z
    .number()
    .min(0, `must be at least 0 ${unit}`)
    .max(max, `must be at most ${max} ${unit}`)
    .refine((v) => v === 0 || v >= AMOUNT_MIN, `must be 0 or at least ${AMOUNT_MIN} ${unit}`);
}

/**
 * The model's parameters (`params` in a scenario), from the model's one table (src/model/params.ts): its
 * meaning, unit, default and range. Ranges are the honest span of the quantity (a share is 0..1) and, where
 * it multiplies something over time, narrow enough that no run can reach a non-finite value (docs/MODEL.md,
 * "Bounds and limits").
 */
const paramShape = Object.fromEntries(
  PARAM_NAMES.map((k) => {
    const r = PARAM_INFO[k];
    return [k, range(r.min, r.max, r.unit).optional().describe(`${r.meaning} (${r.unit})`)];
  }),
) as Record<ParamName, z.ZodOptional<z.ZodNumber>>;

export const actorSchema = z.strictObject({
  id,
  name: z.string().min(1).max(40),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour is written #rrggbb'),
  sanctionCompliance: unit.describe('0..1: how fully this actor applies Western sanctions on Russia'),
  asian: z.boolean().describe("counts toward Russia's Asian standing"),
  growth: z.number().min(-0.2).max(0.3).describe('annual real growth of its trade'),
  otherTrade: amount(TRADE_MAX, 'USD bn per year').describe('trade with partners outside the roster, USD bn per year'),
  commodityShare: unit
    .optional()
    .describe('ignored since model v2 split energy out of trade; kept so older files load'),
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
    exports: amount(TRADE_MAX, 'USD bn per year')
      .default(0)
      .describe(
        "value of Russia's energy exports, USD bn per year: part of its trade with each buyer (0: not split out)",
      ),
  }),
  rfe: z.strictObject({
    investment: z.record(id, amount(INVESTMENT_MAX, 'USD bn')).describe('RFE investment stock by investor, USD bn'),
    development: unit,
  }),
  navy: unit.default(0).describe("Russia's naval presence in Southeast Asia at the start (0..1)"),
  levers: leverValues.default({}),
  pinned: leverValues.default({}).describe('levers held at a value for the whole run, as --set does'),
  security: z
    .array(
      z.strictObject({
        between: z.tuple([id, id]),
        weight: z.number().min(-1).max(1),
        scale: leverName.optional(),
        damp: leverName.optional().describe('lever that tempers the weight: weight * (1 + scale) * (1 - damp)'),
        note: z.string().max(200).optional(),
      }),
    )
    .max(PAIRS_MAX)
    .default([]),
  weights: z.record(id, z.partialRecord(termName, z.number().min(0).max(10))).default({}),
  calibration: z
    .strictObject({
      weights: z.record(id, z.partialRecord(termName, z.number().min(0).max(10))).default({}),
      note: z.string().max(2000).optional(),
    })
    .optional()
    .describe(
      'preferences under which the initial ties are in balance, where they differ from `weights` (terms not listed take `weights`)',
    ),
  decisions: z.record(id, leverName).default({}),
  frozen: z
    .union([z.literal('all'), z.array(id).max(ACTORS_MAX)])
    .default([])
    .describe('actors whose decisions are frozen (every choice is hold), or "all": how much do the choices matter?'),
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
