// One quarter: logit decisions, then tie, trade, energy and RFE dynamics, then scheduled events.
import {
  computePotentials,
  IND,
  indicators,
  N_INDICATORS,
  refreshPotential,
  type Scratch,
  securityCoefficients,
  utility,
} from './derive';
import { dexp, dlog, dpow, dtanh } from './dmath';
import { assertFinite } from './finite';
import { Hasher } from './hash';
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
  L,
  N_BUYERS,
  N_TERMS,
  RFE_STOCK_MAX,
  type State,
  type World,
} from './world';

export const MOVES = [-1, 0, 1] as const;
export type PolicyKind = 'energy' | 'invest' | 'lever';
export const POLICY_KINDS: readonly PolicyKind[] = ['energy', 'invest', 'lever'];

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
  return out;
}

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
  const west = [B_EU, B_JP, B_KR];
  if (move > 0) {
    const room = Math.max(0, s.eastCap - e[B_CN]);
    let westTotal = 0;
    for (const b of west) westTotal += e[b];
    const x = Math.min(amount, room, westTotal);
    if (x <= 0) return;
    for (const b of west) e[b] -= (x * e[b]) / westTotal;
    e[B_CN] += x;
  } else {
    let roomTotal = 0;
    const room = [0, 0, 0];
    west.forEach((b, k) => {
      room[k] = Math.max(0, energyCap(w, s, lev, b) - e[b]);
      roomTotal += room[k];
    });
    const x = Math.min(amount, e[B_CN], roomTotal);
    if (x <= 0) return;
    west.forEach((b, k) => {
      e[b] += (x * room[k]) / roomTotal;
    });
    e[B_CN] -= x;
  }
}

/** One investment move: a share of the stock, so large and small investors move in proportion. */
function investAmount(w: World, stock: number): number {
  return w.params.investStep * Math.max(1, stock);
}

/** Move actor i's decision lever by one step, within [0, 1], unless it is pinned. */
function applyLeverMove(w: World, s: State, lev: Float64Array, i: number, move: number): void {
  const d = w.decision[i];
  if (d < 0 || s.pinned[d]) return;
  // Rounded to 1e-9 so that repeated steps of 0.05 read 0.75, not 0.7500000000000002.
  lev[d] = Math.round(clamp(lev[d] + move * w.params.leverStep, 0, 1) * 1e9) / 1e9;
}

/**
 * Decide every actor's moves for this quarter (MODEL.md 8): for each actor, in roster order, its
 * move toward every other actor in roster order, then its policy moves. Each choice is logit over
 * the one-step-ahead utility change given the others' last moves.
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
  computePotentials(w, s, lev, P, O);
  const terms = sc.terms;
  const hold = sc.terms2;
  const dTerms = new Float64Array(N_TERMS);
  const du = scratchDU;
  const probs = scratchP;
  const secCoef = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    securityCoefficients(w, s, lev, i, secCoef);
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const u = rng.next();
      const k = i * n + j;
      const kt = j * n + i;
      const t0 = T[k];
      const other = s.moves[kt];
      let u0 = 0;
      // Evaluate hold first, then the two moves, restoring the tie each time. A move that the clamp
      // at ±1 makes identical to holding is not a move: it is left out of the choice.
      const vHold = clamp(t0 + (p.horizon * p.alpha * other) / 2, -1, 1);
      for (const m of TRIALS) {
        const v = clamp(t0 + (p.horizon * p.alpha * (m + other)) / 2, -1, 1);
        if (m !== 0 && v === vHold) {
          du[m + 1] = Number.NEGATIVE_INFINITY;
          continue;
        }
        T[k] = v;
        T[kt] = v;
        refreshPotential(w, s, lev, P, O, i, j);
        const total = utility(w, s, lev, P, O, i, m === 0 ? hold : terms, secCoef);
        if (m === 0) u0 = total;
        du[m + 1] = total - u0;
      }
      T[k] = t0;
      T[kt] = t0;
      refreshPotential(w, s, lev, P, O, i, j);
      const c = choose(beta, du, u, probs);
      const move = c - 1;
      newMoves[k] = move;
      if (rec && move !== 0) {
        const v = clamp(t0 + (p.horizon * p.alpha * (move + other)) / 2, -1, 1);
        T[k] = v;
        T[kt] = v;
        refreshPotential(w, s, lev, P, O, i, j);
        utility(w, s, lev, P, O, i, terms, secCoef);
        for (let q = 0; q < N_TERMS; q++) dTerms[q] = terms[q] - hold[q];
        T[k] = t0;
        T[kt] = t0;
        refreshPotential(w, s, lev, P, O, i, j);
        rec.decision(i, 'tie', j, move, probs[c], dTerms);
      }
    }
    const policies = policiesOf(w, i);
    for (let q = 0; q < policies.length; q++) {
      const kind = policies[q];
      const u = rng.next();
      const slot = i * 3 + (kind === 'energy' ? 0 : kind === 'invest' ? 1 : 2);
      if (kind === 'lever' && s.pinned[w.decision[i]]) {
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
        const total = utility(w, s, lev, P, O, i, m === 0 ? hold : terms);
        if (m === 0) u0 = total;
        du[m + 1] = total - u0;
        undo();
      }
      const c = choose(beta, du, u, probs);
      const move = c - 1;
      newPolicy[slot] = move;
      if (rec && move !== 0) {
        const undo = applyPolicyTrial(w, s, lev, sc, i, kind, move);
        utility(w, s, lev, P, O, i, terms);
        undo?.();
        for (let t = 0; t < N_TERMS; t++) dTerms[t] = terms[t] - hold[t];
        const target = kind === 'lever' ? w.decision[i] : -1;
        rec.decision(i, kind, target, move, probs[c], dTerms);
      }
    }
  }
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
  if (kind === 'energy') {
    const saved = sc.energy;
    saved.set(s.energy);
    shiftEnergy(w, s, lev, s.energy, m, w.params.horizon * w.params.energyStep);
    let changed = false;
    for (let b = 0; b < N_BUYERS; b++) if (s.energy[b] !== saved[b]) changed = true;
    if (!changed) return null;
    return () => {
      s.energy.set(saved);
    };
  }
  if (kind === 'invest') {
    const before = s.rfe[i];
    const after = clamp(before + m * w.params.horizon * investAmount(w, before), 0, RFE_STOCK_MAX);
    if (after === before) return null;
    s.rfe[i] = after;
    refreshPotential(w, s, lev, sc.potential, sc.otherPotential, w.ru, i);
    return () => {
      s.rfe[i] = before;
      refreshPotential(w, s, lev, sc.potential, sc.otherPotential, w.ru, i);
    };
  }
  // A decision lever may move trade (a scenario can make any lever a decision): recompute potentials.
  const d = w.decision[i];
  const before = lev[d];
  const after = clamp(before + m * w.params.horizon * w.params.leverStep, 0, 1);
  if (after === before) return null;
  lev[d] = after;
  computePotentials(w, s, lev, sc.potential, sc.otherPotential);
  return () => {
    lev[d] = before;
    computePotentials(w, s, lev, sc.potential, sc.otherPotential);
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
    target[b] = w.e0[b] * g;
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
  const newPolicy = new Int8Array(n * 3);
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

  // Policies: energy, RFE investment, decision levers.
  energyDynamics(w, s, w.ru >= 0 ? newPolicy[w.ru * 3] : 0);
  for (let i = 0; i < n; i++) {
    if (w.investor[i])
      s.rfe[i] = clamp(
        s.rfe[i] * (1 - p.depreciation) + newPolicy[i * 3 + 1] * investAmount(w, s.rfe[i]),
        0,
        RFE_STOCK_MAX,
      );
    if (w.decision[i] >= 0) applyLeverMove(w, s, s.levers, i, newPolicy[i * 3 + 2]);
  }
  rfeDynamics(w, s);

  // Trade moves toward its potential under the new ties and levers.
  s.t += 1;
  const P = sc.potential;
  const O = sc.otherPotential;
  computePotentials(w, s, s.levers, P, O);
  for (let k = 0; k < n * n; k++) X[k] += p.rho * (P[k] - X[k]);
  for (let i = 0; i < n; i++) s.other[i] += p.rho * (O[i] - s.other[i]);

  s.rng = rng.state();
  applyEvents(w, s);
  assertFinite(w, s);
}

/** Hash of the full state, generator included: equal hashes mean identical continuations. */
export function hashState(s: State): string {
  const h = new Hasher();
  h.addNumber(s.t)
    .addArray(s.levers)
    .addArray(s.ties)
    .addArray(s.trade)
    .addArray(s.other)
    .addArray(s.energy)
    .addNumber(s.eastCap)
    .addArray(s.rfe)
    .addNumber(s.rfeDev)
    .addArray(s.moves)
    .addArray(s.policy)
    .addArray(s.pinned)
    .addArray(s.fired)
    .addNumber(s.rng.c)
    .addNumber(s.rng.s0)
    .addNumber(s.rng.s1)
    .addNumber(s.rng.s2);
  return h.digest();
}

/** Exported for indicator helpers that want the index by name. */
export { IND };
