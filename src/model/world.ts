// The compiled world (static data on typed arrays) and the mutable state of a run.
import { dpow } from './dmath';
import { Hasher } from './hash';
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
  readonly warSupply: Float64Array;
  /** Lever index scaling the counterweight term, or -1 (then cwConst applies). */
  readonly cwLever: Int8Array;
  readonly cwConst: Float64Array;
  /** Structural ties (the scenario's initial ties): the anchor ties relax toward. */
  readonly t0: Float64Array;
  /**
   * Directed reference of each actor's `continuity` term: tieRef[i*n+j] is where i's cost of moving its tie
   * with j is zero, set so that the scenario's initial ties balance each actor's interests at the start.
   */
  readonly tieRef: Float64Array;
  readonly x0: Float64Array;
  readonly o0: Float64Array;
  /** Initial total trade of each actor (roster partners + others). */
  readonly tot0: Float64Array;
  /** Base alignment a_ij of `security`, and the lever that scales it (-1: none). */
  readonly secW: Float64Array;
  readonly secLever: Int8Array;
  readonly secDamp: Int8Array;
  /** weights[i * N_TERMS + term] */
  readonly weights: Float64Array;
  /** The weights the continuity term is calibrated under (spec.calibrationWeights), same layout. */
  readonly calibrationWeights: Float64Array;
  /** Actor index of each energy buyer, -1 for `other` or an absent actor. */
  readonly buyerActor: Int8Array;
  readonly e0: Float64Array;
  readonly eastCapGrowth: number;
  /** Which actors invest in the RFE (non-zero initial stock or listed). */
  readonly investor: Uint8Array;
  readonly k0: Float64Array;
  /** Lever index that actor i decides, or -1. */
  readonly decision: Int8Array;
  /** 1 where the actor's decisions are frozen (always hold). */
  readonly frozen: Uint8Array;
  /** The scenario's initial lever values: the calibration point where trade potential equals trade. */
  readonly levers0: Float64Array;
  readonly pinned: Uint8Array;
  /** Russia's non-energy trade with each partner at t = 0 (its trade minus the energy it buys), USD bn. */
  readonly ne0: Float64Array;
  /** The same for Russia's partners outside the roster. */
  readonly neO0: number;
  /** Value of Russia's energy exports, USD bn per year. */
  readonly energyExports: number;
  /** Energy-buyer index of each actor (B_EU...), or -1. */
  readonly buyerOf: Int8Array;
  /** Sanction keep factor and war-import factor of each partner at the calibration levers. */
  readonly keep0: Float64Array;
  readonly keepO0: number;
  readonly warImport0: Float64Array;
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
  /** Russia's naval presence in Southeast Asia (0..1), deployed through Cam Ranh Bay as far as access allows. */
  navy: number;
  /** Last tie moves: moves[i * n + j] is i's move toward j (-1, 0, +1). */
  moves: Int8Array;
  /** Last policy moves: policy[i * N_POLICY + slot] (see POLICY_SLOT). */
  policy: Int8Array;
  /** Levers pinned for this run (scenario pins, `--set`, or a user's slider): events and decisions leave them. */
  pinned: Uint8Array;
  /** Events already fired. */
  fired: Uint8Array;
  rng: RngState;
}

/** Slots of an actor's policy moves in `State.policy`. */
export const POLICY_SLOT = { energy: 0, invest: 1, lever: 2, navy: 3 } as const;
export const N_POLICY = 4;

type ArrayKind = 'f64' | 'i8' | 'u8';
/**
 * Every field of `State` but the generator, in one table: cloning, snapshots and the hash all read it, so a
 * field added to the state cannot be left out of one of them (a hash that misses a field breaks replay silently).
 */
export const STATE_FIELDS: readonly (
  | { name: 't' | 'eastCap' | 'rfeDev' | 'navy'; kind: 'num' }
  | { name: 'levers' | 'ties' | 'trade' | 'other' | 'energy' | 'rfe'; kind: 'f64' }
  | { name: 'moves' | 'policy'; kind: 'i8' }
  | { name: 'pinned' | 'fired'; kind: 'u8' }
)[] = [
  { name: 't', kind: 'num' },
  { name: 'levers', kind: 'f64' },
  { name: 'ties', kind: 'f64' },
  { name: 'trade', kind: 'f64' },
  { name: 'other', kind: 'f64' },
  { name: 'energy', kind: 'f64' },
  { name: 'eastCap', kind: 'num' },
  { name: 'rfe', kind: 'f64' },
  { name: 'rfeDev', kind: 'num' },
  { name: 'navy', kind: 'num' },
  { name: 'moves', kind: 'i8' },
  { name: 'policy', kind: 'i8' },
  { name: 'pinned', kind: 'u8' },
  { name: 'fired', kind: 'u8' },
];

const ARRAY_OF: Record<ArrayKind, { from(x: ArrayLike<number>): Float64Array | Int8Array | Uint8Array }> = {
  f64: Float64Array,
  i8: Int8Array,
  u8: Uint8Array,
};

type Fields = Record<string, number | Float64Array | Int8Array | Uint8Array>;

export function cloneState(s: State): State {
  const src = s as unknown as Fields;
  const out: Fields = {};
  for (const f of STATE_FIELDS) {
    const v = src[f.name];
    out[f.name] = typeof v === 'number' ? v : v.slice();
  }
  return { ...(out as unknown as Omit<State, 'rng'>), rng: { ...s.rng } };
}

/** Plain numbers of every state field (JSON-able), and back: the snapshot format. */
export function stateToPlain(s: State): Record<string, number | number[]> {
  const src = s as unknown as Fields;
  const out: Record<string, number | number[]> = {};
  for (const f of STATE_FIELDS) {
    const v = src[f.name];
    out[f.name] = typeof v === 'number' ? v : Array.from(v);
  }
  return out;
}

export function stateFromPlain(plain: Readonly<Record<string, unknown>>, rng: RngState): State {
  const out: Fields = {};
  for (const f of STATE_FIELDS) {
    const v = plain[f.name];
    out[f.name] = f.kind === 'num' ? (v as number) : ARRAY_OF[f.kind].from(v as ArrayLike<number>);
  }
  return { ...(out as unknown as Omit<State, 'rng'>), rng: { ...rng } };
}

/** Hash of the full state, generator included: equal hashes mean identical continuations. */
export function hashState(s: State): string {
  const h = new Hasher();
  const src = s as unknown as Fields;
  for (const f of STATE_FIELDS) {
    const v = src[f.name];
    if (typeof v === 'number') h.addNumber(v);
    else h.addArray(v);
  }
  return h.addNumber(s.rng.c).addNumber(s.rng.s0).addNumber(s.rng.s1).addNumber(s.rng.s2).digest();
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
export function sanctionFactor(p: { sanctionDepth: number }, sanctions: number, compliance: number): number {
  return Math.max(0, 1 - sanctions * compliance * p.sanctionDepth);
}

/** The policy that reaches the civilian economy: the war economy crowds part of it out. */
export function effectivePolicy(w: { params: { warDrag: number } }, lev: Float64Array): number {
  return lev[L.ru_econ_policy] * (1 - w.params.warDrag * lev[L.war]);
}

/** Japan's openness scales its demand for Russian energy and its RFE yield (the one actor-specific lever). */
export function opennessFactor(openness: number): number {
  return 0.5 + openness;
}

/** The world's static arrays; `buildWorld` (build.ts) adds the calibration that needs the utilities. */
export function compileWorld(spec: ModelSpec): World {
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
  const warSupply = new Float64Array(n);
  const cwLever = new Int8Array(n).fill(-1);
  const cwConst = new Float64Array(n);
  const o0 = new Float64Array(n);
  spec.actors.forEach((a, i) => {
    compliance[i] = a.sanctionCompliance;
    asian[i] = a.asian ? 1 : 0;
    growth[i] = a.growth;
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
  const secDamp = new Int8Array(n * n).fill(-1);
  for (const s of spec.security) {
    const a = at(s.a);
    const b = at(s.b);
    if (a < 0 || b < 0) continue;
    const li = s.scale ? LEVER_INDEX[s.scale] : -1;
    secW[a * n + b] = s.weight;
    secW[b * n + a] = s.weight;
    secLever[a * n + b] = li;
    secLever[b * n + a] = li;
    const ld = s.damp ? LEVER_INDEX[s.damp] : -1;
    secDamp[a * n + b] = ld;
    secDamp[b * n + a] = ld;
  }
  const weightArray = (ws: ModelSpec['weights']) => {
    const out = new Float64Array(n * N_TERMS);
    ids.forEach((id, i) => {
      const wt = ws[id] ?? {};
      TERM_NAMES.forEach((term, k) => {
        out[i * N_TERMS + k] = wt[term] ?? 0;
      });
    });
    return out;
  };
  const weights = weightArray(spec.weights);
  const calibrationWeights = weightArray(spec.calibrationWeights);
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
  const frozen = new Uint8Array(n);
  for (const id of spec.frozen) {
    const i = at(id);
    if (i >= 0) frozen[i] = 1;
  }
  const levers0 = leverArray(spec.levers);
  const pinned = new Uint8Array(N_LEVERS);
  for (const name of LEVER_NAMES) if (spec.pinned[name] !== undefined) pinned[LEVER_INDEX[name]] = 1;

  const energyExports = spec.energy.exports;
  const buyerOf = new Int8Array(n).fill(-1);
  for (let b = 0; b < N_BUYERS; b++) if (buyerActor[b] >= 0) buyerOf[buyerActor[b]] = b;
  const ru = at('RU');
  const ne0 = new Float64Array(n);
  const keep0 = new Float64Array(n);
  const warImport0 = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    if (j === ru || ru < 0) continue;
    const b = buyerOf[j];
    ne0[j] = Math.max(0, x0[ru * n + j] - (b >= 0 ? e0[b] * energyExports : 0));
    keep0[j] = Math.max(CAL_FLOOR, sanctionFactor(p, levers0[L.sanctions], compliance[j]));
    warImport0[j] = warImportFactor(p, levers0, compliance[j], warSupply[j]);
  }
  const neO0 = ru >= 0 ? Math.max(0, o0[ru] - e0[B_OTHER] * energyExports) : 0;
  const keepO0 = Math.max(CAL_FLOOR, sanctionFactor(p, levers0[L.sanctions], p.otherCompliance));
  // One object literal with every field, so every World shares one hidden class: a spread made each
  // World a shape of its own, and code that met several Worlds (the app, a bench, a band) deoptimised.
  const w: World = {
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
    warSupply,
    cwLever,
    cwConst,
    t0: spec.ties.slice(),
    tieRef: spec.ties.slice(),
    x0,
    o0,
    tot0,
    secW,
    secLever,
    secDamp,
    weights,
    calibrationWeights,
    buyerActor,
    e0,
    eastCapGrowth: spec.energy.eastCapacityGrowth,
    investor,
    k0,
    decision,
    frozen,
    levers0,
    pinned,
    ne0,
    neO0,
    energyExports,
    buyerOf,
    keep0,
    keepO0,
    warImport0,
    energyCap0: new Float64Array(N_BUYERS),
    growthMemo: [],
  };
  // The energy caps at the calibration levers read the world itself; they are filled in once, here.
  for (let b = 0; b < N_BUYERS; b++) w.energyCap0[b] = rawEnergyCap(w, levers0, b);
  return w;
}

/** Calibration denominators are floored: a scenario that starts under total sanctions would divide by zero. */
const CAL_FLOOR = 0.05;

/** The war economy's demand for imports from a supplier that does not sanction Russia (munitions, dual-use goods). */
export function warImportFactor(p: Params, lev: Float64Array, compliance: number, warSupply: number): number {
  return 1 + p.warImports * lev[L.war] * warSupply * (1 - compliance);
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
  return (w.e0[b] * rawEnergyCap(w, lev, b) * developmentFactor(w, s, b)) / base0;
}

/**
 * Sales to Japan and Korea go through the Far East's ports, LNG plants and pipelines (Sakhalin): RFE
 * development widens what they can take (001: energy cooperation with Japan and the RFE go together).
 */
function developmentFactor(w: World, s: State, b: number): number {
  if (b !== B_JP && b !== B_KR) return 1;
  const d0 = w.spec.rfe.development;
  return d0 > 0 ? clamp(s.rfeDev / d0, 0.5, 2) : 1;
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
    navy: w.spec.navy,
    moves: new Int8Array(n * n),
    policy: new Int8Array(n * N_POLICY),
    pinned: w.pinned.slice(),
    fired: new Uint8Array(w.spec.events.length),
    rng: { ...rng },
  };
}
