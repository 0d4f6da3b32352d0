// Quantities derived from a state: trade potentials, energy prices, indicators, utilities.
// Everything here is a pure function of (world, state, levers) and writes into caller-owned arrays.
import { dpow } from './dmath';
import { INDICATOR_NAMES, type IndicatorName, TERM_NAMES } from './spec';
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
  embargo,
  growthAt,
  growthYears,
  L,
  N_BUYERS,
  N_TERMS,
  ruDyadFactor,
  ruOtherFactor,
  type State,
  sanctionFactor,
  TERM_INDEX,
  type World,
} from './world';

export const N_INDICATORS = INDICATOR_NAMES.length;
export const IND: Readonly<Record<IndicatorName, number>> = Object.fromEntries(
  INDICATOR_NAMES.map((n, i) => [n, i]),
) as Record<IndicatorName, number>;

/** Scratch buffers for one run, so the hot loop allocates nothing. */
export interface Scratch {
  potential: Float64Array;
  otherPotential: Float64Array;
  terms: Float64Array;
  terms2: Float64Array;
  energy: Float64Array;
}

export function makeScratch(w: World): Scratch {
  return {
    potential: new Float64Array(w.n * w.n),
    otherPotential: new Float64Array(w.n),
    terms: new Float64Array(N_TERMS),
    terms2: new Float64Array(N_TERMS),
    energy: new Float64Array(N_BUYERS),
  };
}

/** Trade potential scales with the tie relative to its structural level. */
function tieFactor(w: World, i: number, j: number, ties: Float64Array): number {
  const k = i * w.n + j;
  return Math.max(0.05, 1 + w.params.tradeTieElasticity * (ties[k] - w.t0[k]));
}

/** Growth of the RFE-investment channel: investment-led trade (Sakhalin, Arctic LNG). */
function rfeFactor(w: World, s: State, j: number): number {
  if (!w.investor[j]) return 1;
  return 1 + (w.params.investTradeElasticity * (s.rfe[j] - w.k0[j])) / (w.k0[j] + 1);
}

/** Potential of one non-Russian dyad: gravity growth times the tie factor. */
function dyadPotential(w: World, s: State, i: number, j: number): number {
  return w.x0[i * w.n + j] * dyadGrowth(w, i, j, s.t) * tieFactor(w, i, j, s.ties);
}

/**
 * Russia's row: sanctions cut trade with complying partners; part of what is lost is diverted to
 * non-complying partners in proportion to their (tie-weighted) trade, each capped at a multiple of
 * its base, the overflow going to partners outside the roster (MODEL.md 8: "China first, limited by
 * capacity").
 */
/** Lever-dependent factors of Russia's row, recomputed only when the levers differ from last time. */
interface RuLeverFactors {
  key: Float64Array;
  /** Trade factor per partner relative to calibration, and the share kept under sanctions. */
  f: Float64Array;
  keep: Float64Array;
  fO: number;
  keepO: number;
  base: Float64Array;
}
const ruMemo = new WeakMap<World, RuLeverFactors>();
const CAL_FLOOR = 0.05;

function ruLeverFactors(w: World, lev: Float64Array): RuLeverFactors {
  let m = ruMemo.get(w);
  if (m) {
    let same = true;
    for (let k = 0; k < lev.length; k++) {
      if (m.key[k] !== lev[k]) {
        same = false;
        break;
      }
    }
    if (same) return m;
  } else {
    m = {
      key: new Float64Array(lev.length),
      f: new Float64Array(w.n),
      keep: new Float64Array(w.n),
      fO: 1,
      keepO: 1,
      base: new Float64Array(w.n),
    };
    ruMemo.set(w, m);
  }
  m.key.set(lev);
  const p = w.params;
  const sanc = lev[L.sanctions];
  const sanc0 = w.levers0[L.sanctions];
  for (let j = 0; j < w.n; j++) {
    if (j === w.ru) continue;
    // Calibration denominators are floored: a scenario that starts under total sanctions (factor 0)
    // would otherwise divide by zero.
    m.f[j] = ruDyadFactor(w, lev, j) / Math.max(CAL_FLOOR, w.ruFactor0[j]);
    m.keep[j] =
      sanctionFactor(w, sanc, w.compliance[j]) / Math.max(CAL_FLOOR, sanctionFactor(w, sanc0, w.compliance[j]));
  }
  m.fO = ruOtherFactor(w, lev) / Math.max(CAL_FLOOR, w.ruOtherFactor0);
  m.keepO =
    sanctionFactor(w, sanc, p.otherCompliance) / Math.max(CAL_FLOOR, sanctionFactor(w, sanc0, p.otherCompliance));
  return m;
}

export function russiaRow(w: World, s: State, lev: Float64Array, P: Float64Array, O: Float64Array): void {
  const n = w.n;
  const ru = w.ru;
  const p = w.params;
  let lost = 0;
  let weightSum = 0;
  const m = ruLeverFactors(w, lev);
  const baseOf = m.base;
  const g = growthAt(w, s.t);
  for (let j = 0; j < n; j++) {
    if (j === ru) continue;
    const base = w.x0[ru * n + j] * Math.sqrt(g[ru] * g[j]) * tieFactor(w, ru, j, s.ties) * rfeFactor(w, s, j);
    baseOf[j] = base;
    P[ru * n + j] = base * m.f[j];
    const keep = m.keep[j];
    if (keep < 1) lost += base * (1 - keep);
    if (w.compliance[j] < 0.5) weightSum += base * (1 - w.compliance[j]);
  }
  const gO = dpow(Math.sqrt((1 + w.growth[ru]) * (1 + p.otherGrowth)), growthYears(s.t));
  const baseO = w.o0[ru] * gO;
  O[ru] = baseO * m.fO;
  if (m.keepO < 1) lost += baseO * (1 - m.keepO);
  const wO = baseO * (1 - p.otherCompliance);
  weightSum += wO;
  const diverted = p.diversion * lost;
  if (diverted > 0 && weightSum > 0) {
    let overflow = 0;
    for (let j = 0; j < n; j++) {
      if (j === ru || w.compliance[j] >= 0.5) continue;
      const base = baseOf[j];
      const want = (diverted * base * (1 - w.compliance[j])) / weightSum;
      const got = Math.min(want, p.diversionCap * base);
      overflow += want - got;
      P[ru * n + j] += got;
    }
    O[ru] += (diverted * wO) / weightSum + overflow;
  }
  for (let j = 0; j < n; j++) P[j * n + ru] = P[ru * n + j];
}

export function computePotentials(w: World, s: State, lev: Float64Array, P: Float64Array, O: Float64Array): void {
  const n = w.n;
  for (let i = 0; i < n; i++) {
    P[i * n + i] = 0;
    if (i !== w.ru) O[i] = w.o0[i] * actorGrowth(w, i, s.t);
    for (let j = i + 1; j < n; j++) {
      if (i === w.ru || j === w.ru) continue;
      const v = dyadPotential(w, s, i, j);
      P[i * n + j] = v;
      P[j * n + i] = v;
    }
  }
  russiaRow(w, s, lev, P, O);
}

/** Recompute the potentials a change of tie (i, j) or of an investor's stock can affect. */
export function refreshPotential(
  w: World,
  s: State,
  lev: Float64Array,
  P: Float64Array,
  O: Float64Array,
  i: number,
  j: number,
): void {
  if (i === w.ru || j === w.ru || j < 0) {
    russiaRow(w, s, lev, P, O);
    return;
  }
  const v = dyadPotential(w, s, i, j);
  P[i * w.n + j] = v;
  P[j * w.n + i] = v;
}

// ---------- energy ----------

/** Alternatives to China weighed in Russia's bargaining: the West and Japan/Korea fully, others half. */
export function negotiatingSpace(e: Float64Array): number {
  const alt = e[B_EU] + e[B_JP] + e[B_KR] + 0.5 * e[B_OTHER];
  const denom = alt + e[B_CN];
  return denom > 0 ? alt / denom : 1;
}

/** Russia's energy revenue per unit volume: China's discount grows as Russia's alternatives shrink. */
export function energyRevenue(w: World, e: Float64Array): number {
  const p = w.params;
  const cnPrice = 1 - p.cnMaxDiscount * (1 - negotiatingSpace(e));
  return e[B_EU] + e[B_JP] + e[B_KR] + e[B_CN] * cnPrice + e[B_OTHER] * (1 - p.otherDiscount);
}

// ---------- indicators ----------

export function totalTrade(w: World, X: Float64Array, O: Float64Array, i: number): number {
  let s = O[i];
  for (let j = 0; j < w.n; j++) s += X[i * w.n + j];
  return s > 0 ? s : 1e-9;
}

export function rfeChinaShare(w: World, s: State): number {
  let tot = 0;
  for (let i = 0; i < w.n; i++) tot += s.rfe[i];
  return tot > 0 && w.cn >= 0 ? s.rfe[w.cn] / tot : 0;
}

export function rfeShare(w: World, s: State, i: number): number {
  let tot = 0;
  for (let k = 0; k < w.n; k++) tot += s.rfe[k];
  return tot > 0 ? s.rfe[i] / tot : 0;
}

/** Russia's engagement with Asian partner j: its trade share plus political warmth. */
function engagement(w: World, s: State, X: Float64Array, totRU: number, j: number): number {
  const k = w.ru * w.n + j;
  return X[k] / totRU + 0.1 * Math.max(0, s.ties[k]);
}

export function ruAutonomy(w: World, s: State, X: Float64Array, O: Float64Array): number {
  const totRU = totalTrade(w, X, O, w.ru);
  let all = 0;
  let beyond = 0;
  for (let j = 0; j < w.n; j++) {
    if (j === w.ru || !w.asian[j]) continue;
    const e = engagement(w, s, X, totRU, j);
    all += e;
    if (j !== w.cn) beyond += e;
  }
  return all > 0 ? beyond / all : 0;
}

export function ruSeaPresence(w: World, s: State, lev: Float64Array): number {
  const n = w.n;
  const vn = w.vn >= 0 ? Math.max(0, s.ties[w.ru * n + w.vn]) : 0;
  const asean = w.asean >= 0 ? Math.max(0, s.ties[w.ru * n + w.asean]) : 0;
  const base = w.vn >= 0 ? 0.5 * lev[L.vn_cam_ranh] : 0;
  return clamp(base + 0.3 * vn + 0.2 * asean, 0, 1);
}

/** All indicators of MODEL.md section 5 from a trade array (actual or potential). */
export function indicators(
  w: World,
  s: State,
  lev: Float64Array,
  X: Float64Array,
  O: Float64Array,
  out: Float64Array,
): Float64Array {
  const n = w.n;
  const totRU = totalTrade(w, X, O, w.ru);
  const totCN = totalTrade(w, X, O, w.cn);
  out[IND.ru_dependence_on_cn] = X[w.ru * n + w.cn] / totRU;
  out[IND.cn_dependence_on_ru] = X[w.cn * n + w.ru] / totCN;
  out[IND.ru_autonomy] = ruAutonomy(w, s, X, O);
  out[IND.ru_negotiating_space] = negotiatingSpace(s.energy);
  out[IND.rfe_development] = s.rfeDev;
  out[IND.ru_sea_presence] = ruSeaPresence(w, s, lev);
  return out;
}

// ---------- utility ----------

/**
 * Effective alignment of i toward j in `security`: base weight, scaled by its lever. In the security
 * term, Cam Ranh access turns Russia–Vietnam warmth into a military presence (weight 1 + vn_cam_ranh).
 */
export function alignment(w: World, lev: Float64Array, i: number, j: number): number {
  const k = i * w.n + j;
  const a = w.secW[k];
  if (a === 0) return 0;
  const li = w.secLever[k];
  return li >= 0 ? a * (1 + lev[li]) : a;
}

let secBuffer = new Float64Array(0);
function secScratch(n: number): Float64Array {
  if (secBuffer.length < n) secBuffer = new Float64Array(n);
  return secBuffer;
}

/**
 * Actor i's `security` is linear in its own ties: security_i = sum_j tie_ij * c_j, with
 * c_j = a_ij * mil_ij + heider * sum_k a_ik * tie_jk * mil_jk (k != i, j). The coefficients do not
 * involve i's own ties, so a move of i toward anyone leaves them unchanged; decisions compute them
 * once per actor.
 */
export function securityCoefficients(
  w: World,
  s: State,
  lev: Float64Array,
  i: number,
  out: Float64Array,
): Float64Array {
  const n = w.n;
  const T = s.ties;
  const a = alignRow(w, lev, i);
  const cam = w.vn >= 0 ? 1 + lev[L.vn_cam_ranh] : 1;
  const h = w.params.heider;
  for (let j = 0; j < n; j++) {
    out[j] = 0;
    if (j === i) continue;
    let third = 0;
    const row = j * n;
    for (let k = 0; k < n; k++) {
      if (k === i || k === j || a[k] === 0) continue;
      const mil = (j === w.ru && k === w.vn) || (j === w.vn && k === w.ru) ? cam : 1;
      third += a[k] * T[row + k] * mil;
    }
    const milIJ = (i === w.ru && j === w.vn) || (i === w.vn && j === w.ru) ? cam : 1;
    out[j] = a[j] * milIJ + h * third;
  }
  return out;
}

let alignScratch = new Float64Array(0);
/** Row i of the effective alignment matrix, into a reused buffer. */
function alignRow(w: World, lev: Float64Array, i: number): Float64Array {
  if (alignScratch.length < w.n) alignScratch = new Float64Array(w.n);
  for (let k = 0; k < w.n; k++) alignScratch[k] = alignment(w, lev, i, k);
  return alignScratch;
}

function counterweightScale(w: World, lev: Float64Array, i: number): number {
  const li = w.cwLever[i];
  return li >= 0 ? lev[li] : w.cwConst[i];
}

/** Yield on RFE investment for investor i: development times policy, times Japan's openness. */
export function rfeYield(w: World, s: State, lev: Float64Array, i: number): number {
  let y = s.rfeDev * (0.5 + effectivePolicy(w, lev));
  if (i === w.jp) y *= 0.5 + lev[L.jp_rfe_openness];
  return y;
}

/**
 * Actor i's utility, term by term and weighted, into out[TERM_INDEX]. Evaluated on the trade
 * potential (where trade is heading given today's ties and levers): that is what a move changes.
 * Returns the total.
 */
export function utility(
  w: World,
  s: State,
  lev: Float64Array,
  P: Float64Array,
  O: Float64Array,
  i: number,
  out: Float64Array,
  /** Actor i's security coefficients, when the caller knows they are unchanged (see below). */
  secCoef?: Float64Array,
): number {
  const n = w.n;
  const T = s.ties;
  const wt = w.weights;
  const base = i * N_TERMS;
  out.fill(0);
  const ru = w.ru;
  const cn = w.cn;
  const us = w.us;

  // triangle: tie_ij + tie_ik - tie_jk; the US weighs the last part by us_engagement.
  if (wt[base + TERM_INDEX.triangle] !== 0 && (i === us || i === cn || i === ru)) {
    const j = i === us ? cn : us;
    const k = i === ru ? cn : ru;
    const c = i === us ? lev[L.us_engagement] : 1;
    out[TERM_INDEX.triangle] = T[i * n + j] + T[i * n + k] - c * T[j * n + k];
  }

  // economy: trade relative to its growth path, plus energy revenue (RU), RFE returns, lever costs.
  if (wt[base + TERM_INDEX.economy] !== 0) {
    let tr = O[i];
    for (let j = 0; j < n; j++) tr += P[i * n + j];
    let e = tr / (w.tot0[i] * actorGrowth(w, i, s.t)) - 1;
    if (i === ru) e += w.params.energyWeight * (energyRevenue(w, s.energy) - 1);
    if (w.investor[i]) e += (s.rfe[i] / 5) * (rfeYield(w, s, lev, i) - w.params.capitalCost);
    const d = w.decision[i];
    if (d >= 0) e -= w.params.leverCost * lev[d] * lev[d];
    out[TERM_INDEX.economy] = e;
  }

  if (i === ru) {
    // autonomy: convex penalty on over-dependence: on China in trade and RFE investment, and on any
    // one energy buyer (the concentration of sales among the roster's buyers).
    if (wt[base + TERM_INDEX.autonomy] !== 0) {
      const dep = P[ru * n + cn] / totalTrade(w, P, O, ru);
      const kCN = rfeChinaShare(w, s);
      const e = s.energy;
      const hhi = e[B_EU] * e[B_EU] + e[B_CN] * e[B_CN] + e[B_JP] * e[B_JP] + e[B_KR] * e[B_KR];
      out[TERM_INDEX.autonomy] = -(dep * dep + kCN * kCN + hhi);
    }
    // status: standing as an Asian player apart from China.
    if (wt[base + TERM_INDEX.status] !== 0) {
      let sum = 0;
      let cnt = 0;
      for (let j = 0; j < n; j++) {
        if (j === ru || j === cn || !w.asian[j]) continue;
        sum += T[ru * n + j];
        cnt++;
      }
      out[TERM_INDEX.status] = (cnt > 0 ? sum / cnt : 0) + ruSeaPresence(w, s, lev);
    }
    // war_needs: suppliers and partners that do not sanction Russia, scaled by war.
    if (wt[base + TERM_INDEX.war_needs] !== 0) {
      let sum = 0;
      for (let j = 0; j < n; j++) {
        if (j === ru) continue;
        sum += (1 - w.compliance[j]) * w.warSupply[j] * T[ru * n + j];
      }
      out[TERM_INDEX.war_needs] = lev[L.war] * sum;
    }
  }

  // leverage: China's gains from Russia's dependence (trade share, weak bargaining, RFE stake).
  if (i === cn && wt[base + TERM_INDEX.leverage] !== 0) {
    const dep = P[ru * n + cn] / totalTrade(w, P, O, ru);
    out[TERM_INDEX.leverage] = (dep + (1 - negotiatingSpace(s.energy)) + rfeChinaShare(w, s)) / 3;
  }

  // security: ties with allies and against threats, plus the friends of friends / enemies of enemies.
  if (wt[base + TERM_INDEX.security] !== 0) {
    const c = secCoef ?? securityCoefficients(w, s, lev, i, secScratch(n));
    let sec = 0;
    for (let j = 0; j < n; j++) if (j !== i) sec += T[i * n + j] * c[j];
    out[TERM_INDEX.security] = sec;
  }

  // counterweight: value of Russia not being wholly aligned with China.
  if (wt[base + TERM_INDEX.counterweight] !== 0 && i !== ru && i !== cn) {
    const c = counterweightScale(w, lev, i);
    if (c !== 0) {
      const tie = (T[i * n + ru] - T[cn * n + ru]) / 2;
      const inv = w.investor[i] ? (rfeShare(w, s, i) - rfeChinaShare(w, s)) / 2 : 0;
      out[TERM_INDEX.counterweight] = c * (tie + inv);
    }
  }

  // compliance: the cost of warmth, trade and investment with Russia under sanctions.
  if (i !== ru && w.compliance[i] > 0 && wt[base + TERM_INDEX.compliance] !== 0) {
    const k = i * n + ru;
    const b = w.x0[k] * dyadGrowth(w, i, ru, s.t);
    const tradeRel = b > 0 ? P[k] / b : 0;
    // Investment falls under financial sanctions, which (like the energy embargo) bite only above
    // Crimea-era levels: Japan's 2014 measures did not stop Arctic LNG 2.
    const inv = w.investor[i] ? (s.rfe[i] / 5) * embargo(w, lev) : 0;
    out[TERM_INDEX.compliance] = -w.compliance[i] * (lev[L.sanctions] * (Math.max(0, T[k]) + 0.5 * tradeRel) + inv);
  }

  let total = 0;
  for (let t = 0; t < N_TERMS; t++) {
    out[t] *= wt[base + t];
    total += out[t];
  }
  return total;
}

export { TERM_NAMES };
