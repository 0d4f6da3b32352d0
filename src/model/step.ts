// One quarter: logit decisions, then tie, trade, energy and RFE dynamics, then scheduled events.
import {
  alignment,
  computePotentials,
  IND,
  indicators,
  N_INDICATORS,
  refreshRows,
  russiaRow,
  type Scratch,
  utility,
} from './derive';
import { dexp, dlog, dpow, dtanh } from './dmath';
import { assertFinite } from './finite';
import { LEVER_NAMES } from './levers';
import { createRng, normal, type Rng } from './rng';
import { INDICATOR_NAMES } from './spec';
import {
  actorGrowth,
  B_CN,
  B_EU,
  B_JP,
  B_KR,
  B_OTHER,
  clamp,
  dyadGrowth,
  effectivePolicy,
  energyCap,
  growthYears,
  hashState,
  L,
  N_BUYERS,
  N_POLICY,
  N_TERMS,
  POLICY_SLOT,
  RFE_STOCK_MAX,
  type State,
  TERM_INDEX,
  type World,
} from './world';

export const MOVES = [-1, 0, 1] as const;
export type PolicyKind = keyof typeof POLICY_SLOT;
export const POLICY_KINDS: readonly PolicyKind[] = ['energy', 'invest', 'lever', 'navy'];

/** Receives each decision of a step (for explanations); a lean run passes none. */
export interface Recorder {
  decision(
    actor: number,
    kind: 'tie' | PolicyKind,
    target: number,
    move: number,
    probability: number,
    /** Utility change of the chosen move against holding, per term (weighted). */
    dTerms: Float64Array,
  ): void;
}

const scratchDU = new Float64Array(3);
const scratchP = new Float64Array(3);
/** Trial order: hold first (the baseline), then the two moves. */
const TRIALS = [0, -1, 1] as const;

/** Logit choice by inverse CDF over (-1, 0, +1) with one uniform, so paired runs stay coupled. */
function choose(beta: number, du: Float64Array, u: number, probs: Float64Array): number {
  let max = Number.NEGATIVE_INFINITY;
  for (let m = 0; m < 3; m++) if (du[m] > max) max = du[m];
  let sum = 0;
  for (let m = 0; m < 3; m++) {
    // An infeasible move (-Infinity) has probability 0, whatever beta (0 * -Infinity would be NaN).
    const e = du[m] === Number.NEGATIVE_INFINITY ? 0 : dexp(beta * (du[m] - max));
    probs[m] = e;
    sum += e;
  }
  let acc = 0;
  for (let m = 0; m < 3; m++) {
    probs[m] /= sum;
    acc += probs[m];
    if (u < acc) return m;
  }
  return 2;
}

/** Which policies actor i has, in draw order. */
export function policiesOf(w: World, i: number): PolicyKind[] {
  const out: PolicyKind[] = [];
  if (i === w.ru) out.push('energy');
  if (w.investor[i]) out.push('invest');
  if (w.decision[i] >= 0) out.push('lever');
  if (i === w.ru && w.vn >= 0) out.push('navy');
  return out;
}

/** The buyers a shift east draws from and a shift west goes to (within their demand caps). */
const WEST = [B_EU, B_JP, B_KR] as const;

/** Shift energy shares by one move: +1 east (to China, within capacity), -1 west (within demand caps). */
export function shiftEnergy(
  w: World,
  s: State,
  lev: Float64Array,
  e: Float64Array,
  move: number,
  amount: number,
): void {
  if (move === 0) return;
  if (move > 0) {
    const room = Math.max(0, s.eastCap - e[B_CN]);
    let westTotal = 0;
    for (const b of WEST) westTotal += e[b];
    const x = Math.min(amount, room, westTotal);
    if (x <= 0) return;
    const f = x / westTotal;
    for (const b of WEST) e[b] -= e[b] * f;
    e[B_CN] += x;
  } else {
    let roomTotal = 0;
    for (const b of WEST) roomTotal += Math.max(0, energyCap(w, s, lev, b) - e[b]);
    const x = Math.min(amount, e[B_CN], roomTotal);
    if (x <= 0) return;
    for (const b of WEST) e[b] += (x * Math.max(0, energyCap(w, s, lev, b) - e[b])) / roomTotal;
    e[B_CN] -= x;
  }
}

/** One investment move: a share of the stock, so large and small investors move in proportion. */
function investAmount(w: World, stock: number): number {
  return w.params.investStep * Math.max(1, stock);
}

/** Russia's naval presence can grow only as far as Vietnam's access allows. */
function navyRoom(w: World, lev: Float64Array): number {
  return w.vn >= 0 ? lev[L.vn_cam_ranh] : 0;
}

/** Move actor i's decision lever by one step, within [0, 1], unless it is pinned. */
function applyLeverMove(w: World, s: State, lev: Float64Array, i: number, move: number): void {
  const d = w.decision[i];
  if (d < 0 || s.pinned[d]) return;
  // Rounded to 1e-9 so that repeated steps of 0.05 read 0.75, not 0.7500000000000002.
  lev[d] = Math.round(clamp(lev[d] + move * w.params.leverStep, 0, 1) * 1e9) / 1e9;
}

/** Ties a trial changed, to be put back: flat (index, value) pairs. */
class TieLog {
  idx: Int32Array;
  val: Float64Array;
  len = 0;
  constructor(size: number) {
    this.idx = new Int32Array(size);
    this.val = new Float64Array(size);
  }
  set(T: Float64Array, n: number, a: number, b: number, v: number): void {
    this.idx[this.len] = a * n + b;
    this.val[this.len++] = T[a * n + b];
    T[a * n + b] = v;
    T[b * n + a] = v;
  }
  restore(T: Float64Array, n: number): void {
    for (let q = this.len - 1; q >= 0; q--) {
      const k = this.idx[q];
      const a = Math.floor(k / n);
      const b = k - a * n;
      T[k] = this.val[q];
      T[b * n + a] = this.val[q];
    }
    this.len = 0;
  }
}

/**
 * Apply a tie move of i toward j for a lookahead: the tie itself, and what i expects of the others
 * (MODEL.md 8, the Heider conjecture): j's ties follow i's friends and enemies, third parties' ties
 * with i follow their stance toward j, and an investor's RFE stake follows its tie with Russia.
 */
function applyTieTrial(w: World, s: State, log: TieLog, i: number, j: number, v: number, d: number): number {
  const n = w.n;
  const T = s.ties;
  const conj = w.params.conjecture;
  log.set(T, n, i, j, v);
  if (d !== 0 && conj !== 0) {
    for (let k = 0; k < n; k++) {
      if (k === i || k === j) continue;
      const tik = T[i * n + k];
      const tjk = T[j * n + k];
      log.set(T, n, j, k, clamp(tjk + conj * tik * d, -1, 1));
      log.set(T, n, i, k, clamp(tik + conj * tjk * d, -1, 1));
    }
  }
  // The investor whose stake responds, if this is a tie between Russia and an investor.
  const inv = i === w.ru && w.investor[j] ? j : j === w.ru && w.investor[i] ? i : -1;
  if (inv >= 0 && d !== 0) {
    const before = s.rfe[inv];
    s.rfe[inv] = Math.max(0, before * (1 + w.params.investTie * d));
    return before;
  }
  return Number.NaN;
}

/**
 * Decide every actor's moves for this quarter (MODEL.md 8): for each actor, in roster order, its
 * move toward every other actor in roster order, then its policy moves. Each choice is logit over
 * the change in the actor's utility if the move were kept over the lookahead horizon, given the
 * others' last moves and what the actor expects of their responses.
 */
function decide(
  w: World,
  s: State,
  rng: Rng,
  sc: Scratch,
  newMoves: Int8Array,
  newPolicy: Int8Array,
  rec?: Recorder,
): void {
  const n = w.n;
  const p = w.params;
  const lev = s.levers;
  const beta = lev[L.beta];
  const P = sc.potential;
  const O = sc.otherPotential;
  const T = s.ties;
  computePotentials(w, s, lev, P, O, sc.base);
  const terms = sc.terms;
  const hold = sc.terms2;
  const dTerms = new Float64Array(N_TERMS);
  const du = scratchDU;
  const probs = scratchP;
  const log = new TieLog(2 * n + 1);
  const reach = (p.horizon * p.alpha) / 2;
  for (let i = 0; i < n; i++) {
    const frozen = w.frozen[i] === 1;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const u = rng.next();
      const k = i * n + j;
      if (frozen) {
        newMoves[k] = 0;
        continue;
      }
      const t0 = T[k];
      const other = s.moves[j * n + i];
      const vHold = clamp(t0 + reach * other, -1, 1);
      let u0 = 0;
      // Evaluate hold first, then the two moves. A move that the clamp at ±1 makes identical to holding
      // is not a move: it is left out of the choice.
      for (const m of TRIALS) {
        const v = clamp(t0 + reach * (m + other), -1, 1);
        if (m !== 0 && v === vHold) {
          du[m + 1] = Number.NEGATIVE_INFINITY;
          continue;
        }
        const before = applyTieTrial(w, s, log, i, j, v, v - vHold);
        refreshRows(w, s, lev, P, O, sc.base, i, j);
        const total = utility(w, s, lev, P, O, i, m === 0 ? hold : terms, sc.align);
        if (m === 0) u0 = total;
        du[m + 1] = total - u0;
        undoTieTrial(w, s, log, i, j, before);
      }
      refreshRows(w, s, lev, P, O, sc.base, i, j);
      const c = choose(beta, du, u, probs);
      const move = c - 1;
      newMoves[k] = move;
      if (rec && move !== 0) rec.decision(i, 'tie', j, move, probs[c], recordTerms(w, s, lev, sc, i, j, move, other));
    }
    const policies = policiesOf(w, i);
    for (let q = 0; q < policies.length; q++) {
      const kind = policies[q];
      const u = rng.next();
      const slot = i * N_POLICY + POLICY_SLOT[kind];
      if (frozen || (kind === 'lever' && s.pinned[w.decision[i]])) {
        newPolicy[slot] = 0;
        continue;
      }
      let u0 = 0;
      for (const m of TRIALS) {
        const undo = applyPolicyTrial(w, s, lev, sc, i, kind, m);
        if (!undo) {
          // Nothing to move (no stock left to sell, no room east or west, a lever at its bound).
          du[m + 1] = Number.NEGATIVE_INFINITY;
          continue;
        }
        const total = utility(w, s, lev, P, O, i, m === 0 ? hold : terms, sc.align);
        if (m === 0) u0 = total;
        du[m + 1] = total - u0;
        undo();
      }
      const c = choose(beta, du, u, probs);
      const move = c - 1;
      newPolicy[slot] = move;
      if (rec && move !== 0) {
        const undo = applyPolicyTrial(w, s, lev, sc, i, kind, move);
        utility(w, s, lev, P, O, i, terms, sc.align);
        undo?.();
        for (let t = 0; t < N_TERMS; t++) dTerms[t] = terms[t] - hold[t];
        const target = kind === 'lever' ? w.decision[i] : -1;
        rec.decision(i, kind, target, move, probs[c], dTerms);
      }
    }
  }
}

/**
 * The slope of i's utility along its tie with j at this state, continuity left out unless asked: how much i
 * gains per unit of warmth toward j, with everything it expects of the others (the calibration of `continuity`).
 */
export function tieMarginal(w: World, s: State, sc: Scratch, i: number, j: number, withContinuity = false): number {
  const n = w.n;
  const lev = s.levers;
  const P = sc.potential;
  const O = sc.otherPotential;
  const h = (w.params.horizon * w.params.alpha) / 2;
  const t0 = s.ties[i * n + j];
  const log = new TieLog(2 * n + 1);
  const cont = TERM_INDEX.continuity;
  const value = (v: number): number => {
    const before = applyTieTrial(w, s, log, i, j, v, v - t0);
    refreshRows(w, s, lev, P, O, sc.base, i, j);
    const total = utility(w, s, lev, P, O, i, sc.terms, sc.align) - (withContinuity ? 0 : sc.terms[cont]);
    undoTieTrial(w, s, log, i, j, before);
    return total;
  };
  const up = clamp(t0 + h, -1, 1);
  const down = clamp(t0 - h, -1, 1);
  const slope = up > down ? (value(up) - value(down)) / (up - down) : 0;
  refreshRows(w, s, lev, P, O, sc.base, i, j);
  return slope;
}

function undoTieTrial(w: World, s: State, log: TieLog, i: number, j: number, before: number): void {
  log.restore(s.ties, w.n);
  if (!Number.isNaN(before)) s.rfe[i === w.ru ? j : i] = before;
}

/** The per-term utility change of a chosen tie move against holding (for explanations only). */
function recordTerms(
  w: World,
  s: State,
  lev: Float64Array,
  sc: Scratch,
  i: number,
  j: number,
  move: number,
  other: number,
): Float64Array {
  const n = w.n;
  const p = w.params;
  const reach = (p.horizon * p.alpha) / 2;
  const t0 = s.ties[i * n + j];
  const vHold = clamp(t0 + reach * other, -1, 1);
  const v = clamp(t0 + reach * (move + other), -1, 1);
  const log = new TieLog(2 * n + 1);
  const hold = new Float64Array(N_TERMS);
  const moved = new Float64Array(N_TERMS);
  let before = applyTieTrial(w, s, log, i, j, vHold, 0);
  refreshRows(w, s, lev, sc.potential, sc.otherPotential, sc.base, i, j);
  utility(w, s, lev, sc.potential, sc.otherPotential, i, hold, sc.align);
  undoTieTrial(w, s, log, i, j, before);
  before = applyTieTrial(w, s, log, i, j, v, v - vHold);
  refreshRows(w, s, lev, sc.potential, sc.otherPotential, sc.base, i, j);
  utility(w, s, lev, sc.potential, sc.otherPotential, i, moved, sc.align);
  undoTieTrial(w, s, log, i, j, before);
  refreshRows(w, s, lev, sc.potential, sc.otherPotential, sc.base, i, j);
  for (let q = 0; q < N_TERMS; q++) moved[q] -= hold[q];
  return moved;
}

const NOTHING = () => {};

/**
 * Apply a policy move to the state for a lookahead; returns the function that undoes it, or null
 * when the move changes nothing (it is then not a real option).
 */
function applyPolicyTrial(
  w: World,
  s: State,
  lev: Float64Array,
  sc: Scratch,
  i: number,
  kind: PolicyKind,
  m: number,
): (() => void) | null {
  if (m === 0) return NOTHING;
  const p = w.params;
  const P = sc.potential;
  const O = sc.otherPotential;
  if (kind === 'energy') {
    const saved = sc.energy;
    saved.set(s.energy);
    shiftEnergy(w, s, lev, s.energy, m, p.horizon * p.energyStep);
    let changed = false;
    for (let b = 0; b < N_BUYERS; b++) if (s.energy[b] !== saved[b]) changed = true;
    if (!changed) return null;
    russiaRow(w, s, lev, P, O, sc.base);
    const keep = saved.slice();
    return () => {
      s.energy.set(keep);
      russiaRow(w, s, lev, P, O, sc.base);
    };
  }
  if (kind === 'invest') {
    const before = s.rfe[i];
    const after = clamp(before + m * p.horizon * investAmount(w, before), 0, RFE_STOCK_MAX);
    if (after === before) return null;
    s.rfe[i] = after;
    russiaRow(w, s, lev, P, O, sc.base);
    return () => {
      s.rfe[i] = before;
      russiaRow(w, s, lev, P, O, sc.base);
    };
  }
  if (kind === 'navy') {
    const before = s.navy;
    const after = clamp(before + m * p.horizon * p.navyStep, 0, navyRoom(w, lev));
    if (after === before) return null;
    s.navy = after;
    // Russia expects Vietnam's rivals to cool toward it as its ships arrive (the Heider conjecture
    // applied to China's South China Sea interest).
    const log = new TieLog(w.n);
    const n = w.n;
    for (let k = 0; k < n; k++) {
      if (k === w.ru || k === w.vn) continue;
      const a = alignment(w, lev, k, w.vn);
      if (a < 0)
        log.set(
          s.ties,
          n,
          k,
          w.ru,
          clamp(s.ties[k * n + w.ru] + p.conjecture * a * p.scsCost * (after - before), -1, 1),
        );
    }
    if (log.len > 0) russiaRow(w, s, lev, P, O, sc.base);
    return () => {
      s.navy = before;
      if (log.len > 0) {
        log.restore(s.ties, n);
        russiaRow(w, s, lev, P, O, sc.base);
      }
    };
  }
  // A decision lever may move trade (a scenario can make any lever a decision): recompute potentials.
  const d = w.decision[i];
  const before = lev[d];
  const after = clamp(before + m * p.horizon * p.leverStep, 0, 1);
  if (after === before) return null;
  lev[d] = after;
  computePotentials(w, s, lev, P, O, sc.base);
  return () => {
    lev[d] = before;
    computePotentials(w, s, lev, P, O, sc.base);
  };
}

/** The environment of an event condition: indicators, levers, t and year. */
export function conditionEnv(w: World, s: State, ind: Float64Array): Record<string, number> {
  const env: Record<string, number> = { t: s.t, year: Math.floor((w.spec.start + s.t) / 4) };
  INDICATOR_NAMES.forEach((name, k) => {
    env[name] = ind[k];
  });
  LEVER_NAMES.forEach((name, k) => {
    env[name] = s.levers[k];
  });
  return env;
}

/** Fire scheduled events due at the state's step (in file order); pinned levers are left alone. */
export function applyEvents(w: World, s: State): string[] {
  const fired: string[] = [];
  const events = w.spec.events;
  let env: Record<string, number> | null = null;
  for (let e = 0; e < events.length; e++) {
    if (s.fired[e]) continue;
    const ev = events[e];
    if (s.t < ev.at) continue;
    if (ev.when) {
      if (!env) env = conditionEnv(w, s, indicators(w, s, s.levers, s.trade, s.other, new Float64Array(N_INDICATORS)));
      if (!ev.when(env)) continue;
    }
    s.fired[e] = 1;
    for (const name of LEVER_NAMES) {
      const v = ev.set[name];
      if (v === undefined) continue;
      const k = L[name];
      if (s.pinned[k]) continue;
      s.levers[k] = v;
      if (ev.pin) s.pinned[k] = 1;
    }
    fired.push(ev.label);
    env = null;
  }
  return fired;
}

/** Energy: Russia's move, forced rerouting of embargoed flows, drift toward growing demand. */
function energyDynamics(w: World, s: State, move: number): void {
  const p = w.params;
  const lev = s.levers;
  const e = s.energy;
  shiftEnergy(w, s, lev, e, move, p.energyStep);
  // Embargoed flows must go: to China within capacity, the rest to buyers outside the roster.
  for (const b of [B_EU, B_JP, B_KR]) {
    const cap = energyCap(w, s, lev, b);
    if (e[b] > cap) {
      const x = (e[b] - cap) * p.energyReroute;
      e[b] -= x;
      const toCN = Math.min(x, Math.max(0, s.eastCap - e[B_CN]));
      e[B_CN] += toCN;
      e[B_OTHER] += x - toCN;
    }
  }
  // Market drift: shares follow where demand grows, within each buyer's cap.
  let targetSum = 0;
  const target = new Float64Array(N_BUYERS);
  for (let b = 0; b < N_BUYERS; b++) {
    const a = w.buyerActor[b];
    const g = b === B_OTHER ? dpow(1 + p.otherGrowth, growthYears(s.t)) : a >= 0 ? actorGrowth(w, a, s.t) : 1;
    // A western buyer's demand follows its cap: embargo, Japan's openness, the Far East's capacity.
    target[b] = (b === B_CN || b === B_OTHER ? w.e0[b] : energyCap(w, s, lev, b)) * g;
    targetSum += target[b];
  }
  for (let b = 0; b < N_BUYERS; b++) {
    if (b === B_OTHER) continue;
    const want = target[b] / targetSum;
    const cap = energyCap(w, s, lev, b);
    const d = p.energyDrift * (Math.min(want, cap) - e[b]);
    e[b] += d;
    e[B_OTHER] -= d;
  }
  // Keep shares a partition of 1 (rounding and floors).
  let sum = 0;
  for (let b = 0; b < N_BUYERS; b++) {
    if (e[b] < 0) e[b] = 0;
    sum += e[b];
  }
  for (let b = 0; b < N_BUYERS; b++) e[b] /= sum;
  s.eastCap = Math.min(1, s.eastCap + w.eastCapGrowth);
}

/** RFE development approaches a target set by total investment and economic policy. */
function rfeDynamics(w: World, s: State): void {
  const p = w.params;
  let k = 0;
  let k0 = 0;
  for (let i = 0; i < w.n; i++) {
    k += s.rfe[i];
    k0 += w.k0[i];
  }
  const pol = effectivePolicy(w, s.levers);
  const pol0 = effectivePolicy(w, w.levers0);
  const ratio = k0 > 0 ? Math.sqrt(k / k0) : 1;
  const target = clamp((w.spec.rfe.development * ratio * (0.4 + 0.6 * pol)) / (0.4 + 0.6 * pol0), 0, 1);
  s.rfeDev = clamp(s.rfeDev + p.rfeRate * (target - s.rfeDev), 0, 1);
}

/** Advance the state by one quarter. The generator is used in a fixed order and count per step. */
export function step(w: World, s: State, sc: Scratch, rec?: Recorder): void {
  const n = w.n;
  const p = w.params;
  const rng = createRng('', s.rng);
  const newMoves = new Int8Array(n * n);
  const newPolicy = new Int8Array(n * N_POLICY);
  decide(w, s, rng, sc, newMoves, newPolicy, rec);

  // Ties: moves, Heider balance, trade warming, structural pull, shocks (MODEL.md 8).
  const T = s.ties;
  const X = s.trade;
  const next = new Float64Array(n * n);
  const noise = s.levers[L.noise];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const eps = normal(rng);
      const k = i * n + j;
      let bal = 0;
      if (n > 2) {
        for (let m = 0; m < n; m++) if (m !== i && m !== j) bal += T[i * n + m] * T[m * n + j];
        bal /= n - 2;
      }
      const b = w.x0[k] * dyadGrowth(w, i, j, s.t);
      const econ = dtanh(dlog((X[k] + 1) / (b + 1)));
      const v = clamp(
        T[k] +
          (p.alpha * (newMoves[k] + newMoves[j * n + i])) / 2 +
          p.gamma * bal +
          p.eta * econ +
          p.anchor * (w.t0[k] - T[k]) +
          noise * eps,
        -1,
        1,
      );
      next[k] = v;
      next[j * n + i] = v;
    }
  }
  T.set(next);
  s.moves.set(newMoves);
  s.policy.set(newPolicy);

  // Policies: energy, RFE investment, decision levers, Russia's ships.
  const ruPolicy = w.ru * N_POLICY;
  energyDynamics(w, s, w.ru >= 0 ? newPolicy[ruPolicy + POLICY_SLOT.energy] : 0);
  for (let i = 0; i < n; i++) {
    const slot = i * N_POLICY;
    if (w.investor[i])
      s.rfe[i] = clamp(
        s.rfe[i] * (1 - p.depreciation) + newPolicy[slot + POLICY_SLOT.invest] * investAmount(w, s.rfe[i]),
        0,
        RFE_STOCK_MAX,
      );
    if (w.decision[i] >= 0) applyLeverMove(w, s, s.levers, i, newPolicy[slot + POLICY_SLOT.lever]);
  }
  if (w.ru >= 0) s.navy = clamp(s.navy + newPolicy[ruPolicy + POLICY_SLOT.navy] * p.navyStep, 0, navyRoom(w, s.levers));
  rfeDynamics(w, s);

  // Trade moves toward its potential under the new ties and levers.
  s.t += 1;
  const P = sc.potential;
  const O = sc.otherPotential;
  computePotentials(w, s, s.levers, P, O, sc.base);
  for (let k = 0; k < n * n; k++) X[k] += p.rho * (P[k] - X[k]);
  for (let i = 0; i < n; i++) s.other[i] += p.rho * (O[i] - s.other[i]);

  s.rng = rng.state();
  applyEvents(w, s);
  assertFinite(w, s);
}

/** Exported for indicator helpers that want the index by name. */
export { hashState, IND };
