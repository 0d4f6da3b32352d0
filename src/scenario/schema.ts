// The scenario file format (MODEL.md 10): a zod schema with field-level messages, published as
// scenarios/scenario.schema.json by `npm run schema`.
import { z } from 'zod';
import { LEVER_NAMES, LEVERS } from '../model/levers';
import { DEFAULT_PARAMS, ENERGY_BUYERS, TERM_NAMES } from '../model/spec';

// No generated code: zod would otherwise probe `new Function` (which the app's Content-Security-Policy
// refuses, and reports as a violation) to compile its checks. Validation stays the same, a little slower.
z.config({ jitless: true });

const id = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]{0,15}$/, 'an actor id is 1-16 capital letters, digits or _, starting with a letter');
const unit = z.number().min(0).max(1);
const quarter = z.string().regex(/^\d{4}Q[1-4]$/, 'a date is written YYYYQn, e.g. 2022Q1');
const pairKey = z.string().regex(/^[A-Z][A-Z0-9_]*-[A-Z][A-Z0-9_]*$/, 'a pair is written "A-B", e.g. "CN-RU"');
const leverName = z.enum(LEVER_NAMES);
const termName = z.enum(TERM_NAMES);

const leverShape = Object.fromEntries(
  LEVERS.map((l) => [l.name, z.number().min(l.min).max(l.max).optional().describe(l.meaning)]),
) as Record<(typeof LEVER_NAMES)[number], z.ZodOptional<z.ZodNumber>>;
const leverValues = z.strictObject(leverShape);

/** Upper bounds of the model parameters that are not shares or rates in 0..1. */
const PARAM_MAX: Partial<Record<keyof typeof DEFAULT_PARAMS, number>> = {
  horizon: 40,
  tradeTieElasticity: 5,
  diversionCap: 10,
  heider: 5,
  investStep: 10,
  energyWeight: 5,
  capitalCost: 5,
};
const paramShape = Object.fromEntries(
  Object.keys(DEFAULT_PARAMS).map((k) => [
    k,
    z
      .number()
      .min(0)
      .max(PARAM_MAX[k as keyof typeof DEFAULT_PARAMS] ?? 1)
      .optional(),
  ]),
) as Record<keyof typeof DEFAULT_PARAMS, z.ZodOptional<z.ZodNumber>>;

export const actorSchema = z.strictObject({
  id,
  name: z.string().min(1).max(40),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour is written #rrggbb'),
  sanctionCompliance: unit.describe('0..1: how fully this actor applies Western sanctions on Russia'),
  asian: z.boolean().describe("counts toward Russia's Asian standing"),
  growth: z.number().min(-0.2).max(0.3).describe('annual real growth of its trade'),
  otherTrade: z.number().min(0).describe('trade with partners outside the roster, USD bn per year'),
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
  when: z.string().min(1).max(500).optional().describe('condition in the expression language'),
  label: z.string().min(1).max(120),
  pin: z.boolean().optional().describe('hold the levers it sets from then on: later events and decisions leave them'),
});

export const scenarioSchema = z.strictObject({
  $schema: z.string().optional(),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,47}$/, 'an id is lower-case letters, digits and -'),
  title: z.string().min(1).max(120),
  description: z.string().min(1),
  sources: z.record(z.string(), z.string()).default({}).describe('where each number comes from, by field'),
  start: quarter,
  steps: z.number().int().min(1).max(400),
  seed: z.number().int().min(0).max(4294967295).default(1),
  actors: z.array(actorSchema).min(3).max(24),
  ties: z.record(pairKey, z.number().min(-1).max(1)).describe('initial ties, "A-B": -1..1'),
  trade: z.record(pairKey, z.number().min(0)).describe('trade, "A-B": USD bn per year'),
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
    investment: z.record(id, z.number().min(0)).describe('RFE investment stock by investor, USD bn'),
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
        note: z.string().optional(),
      }),
    )
    .default([]),
  weights: z.record(id, z.partialRecord(termName, z.number().min(0).max(10))).default({}),
  decisions: z.record(id, leverName).default({}),
  params: z.strictObject(paramShape).default({}),
  events: z.array(eventSchema).default([]),
  indicators: z
    .array(
      z.strictObject({
        name: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'an indicator name is lower_snake_case'),
        label: z.string().min(1).max(80),
        expr: z.string().min(1).max(500),
      }),
    )
    .default([]),
});

export type ScenarioFile = z.infer<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
