// The model's input, as plain data: what a validated scenario compiles to. The model imports nothing
// else of ours, so `scenario/` maps JSON files onto this shape and the model never sees zod.
import type { LeverName } from './levers';
import { PARAM_NAMES, PARAM_RANGES, type ParamName } from './params';

export const TERM_NAMES = [
  'triangle',
  'economy',
  'autonomy',
  'status',
  'leverage',
  'security',
  'counterweight',
  'war_needs',
  'compliance',
  'continuity',
] as const;
export type TermName = (typeof TERM_NAMES)[number];

export const INDICATOR_NAMES = [
  'ru_dependence_on_cn',
  'cn_dependence_on_ru',
  'ru_autonomy',
  'ru_negotiating_space',
  'rfe_development',
  'ru_sea_presence',
] as const;
export type IndicatorName = (typeof INDICATOR_NAMES)[number];

/** Buyers of Russian energy (MODEL.md section 3). `other` is everyone outside the roster (India, Turkey...). */
export const ENERGY_BUYERS = ['EU', 'CN', 'JP', 'KR', 'other'] as const;
export type EnergyBuyer = (typeof ENERGY_BUYERS)[number];

export interface ActorSpec {
  id: string;
  name: string;
  color: string;
  /** 0..1: how fully this actor applies Western sanctions on Russia. */
  sanctionCompliance: number;
  /** Counts toward Russia's Asian standing (`status`, `ru_autonomy`). */
  asian: boolean;
  /** Annual real growth of the actor's trade (gravity: a dyad grows with the geometric mean). */
  growth: number;
  /** Trade with partners outside the roster, USD bn per year. */
  otherTrade: number;
  /** 0..1: capacity to supply Russia's war (munitions, dual-use goods). */
  warSupply: number;
  /** Lever name or number scaling this actor's `counterweight` term (0 = none). */
  counterweightScale: LeverName | number;
}

export interface SecuritySpec {
  a: string;
  b: string;
  /** Alignment, -1 (threat) .. +1 (ally). */
  weight: number;
  /** Optional lever that scales the weight: effective = weight * (1 + lever). */
  scale?: LeverName;
  /** Optional lever that tempers the weight: effective = weight * (1 + scale) * (1 - damp). */
  damp?: LeverName;
}

export interface EventSpec {
  /** Step index at which the event becomes eligible (from the `at` date). */
  at: number;
  set: Partial<Record<LeverName, number>>;
  /** Optional condition in the sandboxed expression language; compiled by scenario/. */
  when?: (env: Readonly<Record<string, number>>) => boolean;
  whenText?: string;
  label: string;
  /**
   * Pin the levers it sets from then on (as a user's slider change does): later events and decisions
   * leave them. A lever already pinned (by `pinned` or `--set`) is not changed.
   */
  pin?: boolean;
}

export interface ExtraIndicatorSpec {
  name: string;
  label: string;
  expr: string;
  evaluate: (env: Readonly<Record<string, number>>) => number;
}

/** The model's free parameters: range and default in PARAM_RANGES (params.ts), meaning and reasoning in paramText.ts. */
export type Params = Record<ParamName, number>;

export const DEFAULT_PARAMS: Readonly<Params> = Object.fromEntries(
  PARAM_NAMES.map((k) => [k, PARAM_RANGES[k].default]),
) as Params;

export interface ModelSpec {
  id: string;
  title: string;
  /** Start date as a quarter index: year * 4 + (quarter - 1). */
  start: number;
  steps: number;
  seed: number;
  actors: ActorSpec[];
  /** Dense N*N, symmetric, zero diagonal. */
  ties: Float64Array;
  /** Dense N*N, symmetric, USD bn per year. */
  trade: Float64Array;
  energy: {
    shares: Record<EnergyBuyer, number>;
    eastCapacity: number;
    eastCapacityGrowth: number;
    /** Value of Russia's energy exports, USD bn per year (part of its trade with each buyer); 0: not split out. */
    exports: number;
  };
  rfe: { investment: Record<string, number>; development: number };
  /** Russia's naval presence in Southeast Asia at the start (0..1). */
  navy: number;
  levers: Record<LeverName, number>;
  /**
   * Levers the scenario pins at a value for the whole run, as `--set` does: events and decisions do not
   * move them. `levers` stay the calibration point (the values under which the initial data was observed).
   */
  pinned: Partial<Record<LeverName, number>>;
  security: SecuritySpec[];
  /** weights[actorId][term] */
  weights: Record<string, Partial<Record<TermName, number>>>;
  /**
   * The weights under which the initial ties are taken to balance every actor's interests (the calibration
   * of `continuity`): the scenario's own, unless it says its start reflects other preferences; a user's
   * weight edits leave them, so an edit is a change of preferences in the same world.
   */
  calibrationWeights: Record<string, Partial<Record<TermName, number>>>;
  /** Levers that are an actor's decision: { VN: "vn_cam_ranh", US: "us_pivot" }. */
  decisions: Record<string, LeverName>;
  /**
   * Actors whose decisions are frozen: every choice is `hold` (the generator is still drawn, so a run with
   * frozen decisions is paired with the same run without). Measures how much of a change the choices make.
   */
  frozen: string[];
  params: Params;
  events: EventSpec[];
  indicators: ExtraIndicatorSpec[];
}
