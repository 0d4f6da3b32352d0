// The compiled world (static data on typed arrays) and the mutable state of a run.
import { dpow } from './dmath';
import { LEVER_INDEX, LEVER_NAMES, type LeverName } from './levers';
import type { RngState } from './rng';
import { ENERGY_BUYERS, type ModelSpec, type Params, TERM_NAMES, type TermName } from './spec';

export const N_TERMS = TERM_NAMES.length;
export const N_LEVERS = LEVER_NAMES.length;
export const N_BUYERS = ENERGY_BUYERS.length;
export const TERM_INDEX: Readonly<Record<TermName, number>> = Object.fromEntries(
  TERM_NAMES.map((n, i) => [n, i]),
) as Record<TermName, number>;

export const B_EU = 0;
export const B_CN = 1;
export const B_JP = 2;
export const B_KR = 3;
export const B_OTHER = 4;

/** Lever indices used by the mechanisms, looked up once. */
export const L = LEVER_INDEX;

export interface World {
  readonly spec: ModelSpec;
  readonly n: number;
  readonly ids: readonly string[];
  readonly index: ReadonlyMap<string, number>;
  readonly us: number;
  readonly cn: number;
  readonly ru: number;
  /** -1 where the actor is not on the roster. */
  readonly jp: number;
  readonly vn: number;
  readonly asean: number;
  readonly params: Params;
  readonly compliance: Float64Array;
  readonly asian: Uint8Array;
  readonly growth: Float64Array;
  readonly commodity: Float64Array;
  readonly warSupply: Float64Array;
  /** Lever index scaling the counterweight term, or -1 (then cwConst applies). */
  readonly cwLever: Int8Array;
  readonly cwConst: Float64Array;
  /** Structural ties (the scenario's initial ties): the anchor ties relax toward. */
  readonly t0: Float64Array;
  readonly x0: Float64Array;
  readonly o0: Float64Array;
  /** Initial total trade of each actor (roster partners + others). */
  readonly tot0: Float64Array;
  /** Base alignment a_ij of `security`, and the lever that scales it (-1: none). */
  readonly secW: Float64Array;
  readonly secLever: Int8Array;
  /** weights[i * N_TERMS + term] */
  readonly weights: Float64Array;
  /** Actor index of each energy buyer, -1 for `other` or an absent actor. */
  readonly buyerActor: Int8Array;
  readonly e0: Float64Array;
  readonly eastCapGrowth: number;
  /** Which actors invest in the RFE (non-zero initial stock or listed). */
  readonly investor: Uint8Array;
  readonly k0: Float64Array;
  /** Lever index that actor i decides, or -1. */
  readonly decision: Int8Array;
  /** The scenario's initial lever values: the calibration point where trade potential equals trade. */
  readonly levers0: Float64Array;
  readonly pinned: Uint8Array;
  /** Calibration factors per RU dyad partner at levers0 (so that potential = data at t = 0). */
  readonly ruFactor0: Float64Array;
  readonly ruOtherFactor0: number;
  readonly energyCap0: Float64Array;
  /** Memo of each actor's growth factor by step (pure: a cache, not state). */
  readonly growthMemo: Float64Array[];
}

export interface State {
  t: number;
  levers: Float64Array;
  ties: Float64Array;
  trade: Float64Array;
  other: Float64Array;
  energy: Float64Array;
  eastCap: number;
  rfe: Float64Array;
  rfeDev: number;
  /** Last tie moves: moves[i * n + j] is i's move toward j (-1, 0, +1). */
  moves: Int8Array;
  /** Last policy moves: policy[i * 3 + kind], kind 0 energy shift, 1 RFE investment, 2 decision lever. */
  policy: Int8Array;
  /** Levers pinned for this run (scenario pins, `--set`, or a user's slider): events and decisions leave them. */
  pinned: Uint8Array;
  /** Events already fired. */
  fired: Uint8Array;
  rng: RngState;
}

export function cloneState(s: State): State {
  return {
    t: s.t,
    levers: s.levers.slice(),
    ties: s.ties.slice(),
    trade: s.trade.slice(),
    other: s.other.slice(),
    energy: s.energy.slice(),
    eastCap: s.eastCap,
    rfe: s.rfe.slice(),
    rfeDev: s.rfeDev,
    moves: s.moves.slice(),
    policy: s.policy.slice(),
    pinned: s.pinned.slice(),
    fired: s.fired.slice(),
    rng: { ...s.rng },
  };
}

export function clamp(x: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, x));
}

export function leverArray(values: Partial<Record<LeverName, number>>, base?: Float64Array): Float64Array {
  const out = base ? base.slice() : new Float64Array(N_LEVERS);
  for (const name of LEVER_NAMES) {
    const v = values[name];
    if (v !== undefined) out[LEVER_INDEX[name]] = v;
  }
  return out;
}

/** Share of trade a complying partner keeps under sanctions. */
export function sanctionFactor(w: World, sanctions: number, compliance: number): number {
  return Math.max(0, 1 - sanctions * compliance * w.params.sanctionDepth);
}

/** Failed economic policy shrinks Russia's non-commodity trade; raw-material trade is unaffected. */
export function policyFactor(commodity: number, policy: number): number {
  return commodity + (1 - commodity) * (0.5 + policy);
}

/** The policy that reaches the civilian economy: the war economy crowds part of it out. */
export function effectivePolicy(w: { params: { warDrag: number } }, lev: Float64Array): number {
  return lev[L.ru_econ_policy] * (1 - w.params.warDrag * lev[L.war]);
}

/** Japan's openness scales its trade with and demand from Russia (the one actor-specific lever). */
export function opennessFactor(openness: number): number {
  return 0.5 + openness;
}

export function buildWorld(spec: ModelSpec): World {
  const n = spec.actors.length;
  const ids = spec.actors.map((a) => a.id);
  const index = new Map<string, number>();
  ids.forEach((id, i) => {
    index.set(id, i);
  });
  const at = (id: string) => index.get(id) ?? -1;
  const p = spec.params;
  const compliance = new Float64Array(n);
  const asian = new Uint8Array(n);
  const growth = new Float64Array(n);
  const commodity = new Float64Array(n);
  const warSupply = new Float64Array(n);
  const cwLever = new Int8Array(n).fill(-1);
  const cwConst = new Float64Array(n);
  const o0 = new Float64Array(n);
  spec.actors.forEach((a, i) => {
    compliance[i] = a.sanctionCompliance;
    asian[i] = a.asian ? 1 : 0;
    growth[i] = a.growth;
    commodity[i] = a.commodityShare;
    warSupply[i] = a.warSupply;
    o0[i] = a.otherTrade;
    if (typeof a.counterweightScale === 'number') cwConst[i] = a.counterweightScale;
    else cwLever[i] = LEVER_INDEX[a.counterweightScale];
  });
  const x0 = spec.trade.slice();
  const tot0 = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = o0[i];
    for (let j = 0; j < n; j++) s += x0[i * n + j];
    tot0[i] = s > 0 ? s : 1;
  }
  const secW = new Float64Array(n * n);
  const secLever = new Int8Array(n * n).fill(-1);
  for (const s of spec.security) {
    const a = at(s.a);
    const b = at(s.b);
    if (a < 0 || b < 0) continue;
    const li = s.scale ? LEVER_INDEX[s.scale] : -1;
    secW[a * n + b] = s.weight;
    secW[b * n + a] = s.weight;
    secLever[a * n + b] = li;
    secLever[b * n + a] = li;
  }
  const weights = new Float64Array(n * N_TERMS);
  ids.forEach((id, i) => {
    const wt = spec.weights[id] ?? {};
    TERM_NAMES.forEach((term, k) => {
      weights[i * N_TERMS + k] = wt[term] ?? 0;
    });
  });
  const buyerActor = new Int8Array(N_BUYERS).fill(-1);
  ENERGY_BUYERS.forEach((b, k) => {
    if (b !== 'other') buyerActor[k] = at(b);
  });
  const e0 = new Float64Array(N_BUYERS);
  ENERGY_BUYERS.forEach((b, k) => {
    e0[k] = spec.energy.shares[b] ?? 0;
  });
  const investor = new Uint8Array(n);
  const k0 = new Float64Array(n);
  for (const [id, v] of Object.entries(spec.rfe.investment).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const i = at(id);
    if (i >= 0) {
      investor[i] = 1;
      k0[i] = v;
    }
  }
  const decision = new Int8Array(n).fill(-1);
  for (const id of Object.keys(spec.decisions).sort()) {
    const i = at(id);
    if (i >= 0) decision[i] = LEVER_INDEX[spec.decisions[id]];
  }
  const levers0 = leverArray(spec.levers);
  const pinned = new Uint8Array(N_LEVERS);
  for (const name of LEVER_NAMES) if (spec.pinned[name] !== undefined) pinned[LEVER_INDEX[name]] = 1;

  const partial: Omit<World, 'ruFactor0' | 'ruOtherFactor0' | 'energyCap0' | 'growthMemo'> = {
    spec,
    n,
    ids,
    index,
    us: at('US'),
    cn: at('CN'),
    ru: at('RU'),
    jp: at('JP'),
    vn: at('VN'),
    asean: at('ASEAN'),
    params: p,
    compliance,
    asian,
    growth,
    commodity,
    warSupply,
    cwLever,
    cwConst,
    t0: spec.ties.slice(),
    x0,
    o0,
    tot0,
    secW,
    secLever,
    weights,
    buyerActor,
    e0,
    eastCapGrowth: spec.energy.eastCapacityGrowth,
    investor,
    k0,
    decision,
    levers0,
    pinned,
  };
  const ruFactor0 = new Float64Array(n);
  const energyCap0 = new Float64Array(N_BUYERS);
  const w = { ...partial, ruFactor0, ruOtherFactor0: 1, energyCap0, growthMemo: [] } as World;
  for (let j = 0; j < n; j++) ruFactor0[j] = ruDyadFactor(w, levers0, j);
  const ruOtherFactor0 = ruOtherFactor(w, levers0);
  for (let b = 0; b < N_BUYERS; b++) energyCap0[b] = rawEnergyCap(w, levers0, b);
  return { ...partial, ruFactor0, ruOtherFactor0, energyCap0, growthMemo: [] };
}

/** Lever-dependent factor on Russia's trade with partner j: sanctions, policy, Japan's openness. */
export function ruDyadFactor(w: World, lev: Float64Array, j: number): number {
  let f = sanctionFactor(w, lev[L.sanctions], w.compliance[j]) * policyFactor(w.commodity[j], effectivePolicy(w, lev));
  if (j === w.jp) f *= opennessFactor(lev[L.jp_rfe_openness]);
  return f;
}

export function ruOtherFactor(w: World, lev: Float64Array): number {
  return (
    sanctionFactor(w, lev[L.sanctions], w.params.otherCompliance) *
    policyFactor(w.params.otherCommodityShare, effectivePolicy(w, lev))
  );
}

/** Energy embargo intensity: Crimea-level sanctions left energy alone; it bites above a threshold. */
export function embargo(w: World, lev: Float64Array): number {
  const th = w.params.embargoThreshold;
  return clamp((lev[L.sanctions] - th) / Math.max(1e-9, 1 - th), 0, 1);
}

/** How much a western buyer would take (before normalisation to its initial share). */
function rawEnergyCap(w: World, lev: Float64Array, b: number): number {
  if (b === B_CN || b === B_OTHER) return 1;
  const a = w.buyerActor[b];
  const c = a >= 0 ? w.compliance[a] : 0;
  let cap = Math.max(0, 1 - embargo(w, lev) * c * 0.95);
  if (b === B_JP) cap *= opennessFactor(lev[L.jp_rfe_openness]);
  return cap;
}

/** Demand cap of buyer b (share of Russia's exports it will take); CN is capped by capacity. */
export function energyCap(w: World, s: State, lev: Float64Array, b: number): number {
  if (b === B_OTHER) return 1;
  if (b === B_CN) return s.eastCap;
  if (w.buyerActor[b] < 0) return 0;
  const base0 = w.energyCap0[b] > 0 ? w.energyCap0[b] : 1;
  return (w.e0[b] * rawEnergyCap(w, lev, b)) / base0;
}

/** Gravity growth of dyad (i, j) after t quarters: geometric mean of the two actors' growth. */
export function dyadGrowth(w: World, i: number, j: number, t: number): number {
  const g = growthAt(w, t);
  return Math.sqrt(g[i] * g[j]);
}

export function actorGrowth(w: World, i: number, t: number): number {
  return growthAt(w, t)[i];
}

/**
 * Growth compounds for GROWTH_STEPS quarters (100 years, the longest run a scenario or the CLI asks
 * for), then trade holds its level. Compounding without end leaves a double: at 30% a year (the
 * schema's bound) (1 + g)^(t/4) overflows after about 10,800 quarters, which the Run API can reach.
 * No run of up to GROWTH_STEPS quarters is changed by the bound.
 */
export const GROWTH_STEPS = 400;

/** Years of compounding growth at step t. */
export function growthYears(t: number): number {
  return Math.min(t, GROWTH_STEPS) / 4;
}

/**
 * Ceiling of one investor's RFE stock, USD bn (ten thousand times world GDP). An investor that keeps
 * investing multiplies its stock by up to (1 + investStep) a quarter, so without a ceiling a long run,
 * or a short one at investStep's bound, overflows. It is far above what any preset reaches in
 * GROWTH_STEPS quarters (10 * 1.04^400 < 1e8); at the ceiling, investing more is not an option.
 */
export const RFE_STOCK_MAX = 1e9;

/** Every actor's growth factor after t quarters, (1 + g)^(t/4), computed once per step. */
export function growthAt(w: World, t: number): Float64Array {
  const tg = Math.min(t, GROWTH_STEPS);
  let g = w.growthMemo[tg];
  if (!g) {
    g = new Float64Array(w.n);
    for (let i = 0; i < w.n; i++) g[i] = dpow(1 + w.growth[i], growthYears(tg));
    w.growthMemo[tg] = g;
  }
  return g;
}

export function initialState(w: World, rng: RngState): State {
  const n = w.n;
  return {
    t: 0,
    levers: leverArray(w.spec.pinned, w.levers0),
    ties: w.t0.slice(),
    trade: w.x0.slice(),
    other: w.o0.slice(),
    energy: w.e0.slice(),
    eastCap: Math.max(w.spec.energy.eastCapacity, w.e0[B_CN]),
    rfe: w.k0.slice(),
    rfeDev: w.spec.rfe.development,
    moves: new Int8Array(n * n),
    policy: new Int8Array(n * 3),
    pinned: w.pinned.slice(),
    fired: new Uint8Array(w.spec.events.length),
    rng: { ...rng },
  };
}
