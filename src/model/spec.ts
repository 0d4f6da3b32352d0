// The model's input, as plain data: what a validated scenario compiles to. The model imports nothing
// else of ours, so `scenario/` maps JSON files onto this shape and the model never sees zod.
import type { LeverName } from './levers';

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
  /** Share of this actor's trade with Russia that is raw materials (energy, metals, grain), 0..1. */
  commodityShare: number;
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

export interface Params {
  /** Tie change per unit of mean move (MODEL.md 8: alpha). */
  alpha: number;
  /** Quarters over which an actor weighs a move, as if kept that long (scales every lookahead). */
  horizon: number;
  /** Heider balance strength (gamma). */
  gamma: number;
  /** Trade-to-tie warming (eta). */
  eta: number;
  /** Pull of each tie back toward its structural level (its initial value) per quarter. */
  anchor: number;
  /** Trade adjustment rate toward its potential per quarter (rho). */
  rho: number;
  /** Elasticity of trade potential to the tie (kT). */
  tradeTieElasticity: number;
  /** Depth of sanctions: share of trade a fully complying actor cuts at sanctions = 1. */
  sanctionDepth: number;
  /** Share of Russia's sanction-lost trade that is diverted to non-complying partners. */
  diversion: number;
  /** A non-complying partner can absorb at most this multiple of its base trade as diverted trade. */
  diversionCap: number;
  /** Compliance of Russia's partners outside the roster. */
  otherCompliance: number;
  /** |tie| below epsilon counts as neutral in the triangle classification. */
  epsilon: number;
  /** Weight of the friend-of-friend / enemy-of-enemy part of `security`. */
  heider: number;
  /** Share of Russian energy exports moved by one `shift east`/`shift west` move. */
  energyStep: number;
  /** Fastest rate at which forced (embargoed) energy flows are rerouted per quarter. */
  energyReroute: number;
  /** Maximum discount China extracts when it is Russia's only buyer. */
  cnMaxDiscount: number;
  /** Discount at which Russia sells to buyers outside the roster. */
  otherDiscount: number;
  /** RFE investment change per move, as a share of the investor's stock (at least USD 1 bn's worth). */
  investStep: number;
  /** Quarterly depreciation of RFE investment. */
  depreciation: number;
  /** Lever change per policy move (us_pivot, vn_cam_ranh). */
  leverStep: number;
  /** Cost of a decision lever (us_pivot, vn_cam_ranh) to the actor that moves it: leverCost * lever^2. */
  leverCost: number;
  /** Commodity share of Russia's trade with partners outside the roster. */
  otherCommodityShare: number;
  /** Annual growth of energy demand outside the roster. */
  otherGrowth: number;
  /** Sanctions level above which energy is embargoed (Crimea-era sanctions left energy alone). */
  embargoThreshold: number;
  /** Quarterly drift of Russia's energy shares toward where demand grows. */
  energyDrift: number;
  /** Weight of energy revenue in Russia's economy term (energy is about half of its exports). */
  energyWeight: number;
  /** Required return on RFE investment: yield below it makes investors withdraw. */
  capitalCost: number;
  /** RFE development approaches its target at this rate per quarter. */
  rfeRate: number;
  /** Share of economic policy's effect the war economy crowds out at war = 1. */
  warDrag: number;
  /** Investment-led trade: relative trade gain per relative growth of an investor's RFE stock. */
  investTradeElasticity: number;
}

export const DEFAULT_PARAMS: Readonly<Params> = {
  alpha: 0.02,
  horizon: 4,
  gamma: 0.02,
  eta: 0.02,
  anchor: 0.04,
  rho: 0.3,
  tradeTieElasticity: 0.6,
  sanctionDepth: 0.9,
  diversion: 0.55,
  diversionCap: 1.5,
  otherCompliance: 0.4,
  epsilon: 0.05,
  heider: 0.3,
  energyStep: 0.01,
  energyReroute: 0.35,
  cnMaxDiscount: 0.4,
  otherDiscount: 0.2,
  investStep: 0.04,
  depreciation: 0.005,
  leverStep: 0.05,
  leverCost: 0.3,
  otherCommodityShare: 0.6,
  otherGrowth: 0.03,
  embargoThreshold: 0.3,
  energyDrift: 0.03,
  energyWeight: 0.5,
  capitalCost: 0.2,
  rfeRate: 0.05,
  warDrag: 0.5,
  investTradeElasticity: 0.1,
};

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
  energy: { shares: Record<EnergyBuyer, number>; eastCapacity: number; eastCapacityGrowth: number };
  rfe: { investment: Record<string, number>; development: number };
  levers: Record<LeverName, number>;
  /**
   * Levers the scenario pins at a value for the whole run, as `--set` does: events and decisions do not
   * move them. `levers` stay the calibration point (the values under which the initial data was observed).
   */
  pinned: Partial<Record<LeverName, number>>;
  security: SecuritySpec[];
  /** weights[actorId][term] */
  weights: Record<string, Partial<Record<TermName, number>>>;
  /** Levers that are an actor's decision: { VN: "vn_cam_ranh", US: "us_pivot" }. */
  decisions: Record<string, LeverName>;
  params: Params;
  events: EventSpec[];
  indicators: ExtraIndicatorSpec[];
}
