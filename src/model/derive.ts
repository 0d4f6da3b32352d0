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
  type State,
  sanctionFactor,
  TERM_INDEX,
  type World,
  warImportFactor,
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
  /** Russia's non-energy base trade per partner, kept by `russiaRow` for the diversion. */
  base: Float64Array;
  /** Effective security alignment of one actor toward each other actor. */
  align: Float64Array;
}

export function makeScratch(w: World): Scratch {
  return {
    potential: new Float64Array(w.n * w.n),
    otherPotential: new Float64Array(w.n),
    terms: new Float64Array(N_TERMS),
    terms2: new Float64Array(N_TERMS),
    energy: new Float64Array(N_BUYERS),
    base: new Float64Array(w.n),
    align: new Float64Array(w.n),
  };
}

// ---------- trade potentials ----------

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
 * Russia's row. Non-energy trade follows gravity, ties, investment and the war economy's imports;
 * sanctions cut it with complying partners and part of what is lost is diverted to non-complying
 * partners ("China first, limited by capacity"), less what effective economic policy makes at home; what
 * goes through a third country is partly Chinese goods in transit, which adds to that country's trade with China.
 * Energy is the other part: each buyer's share of Russia's energy exports times their value.
 */
export function russiaRow(
  w: World,
  s: State,
  lev: Float64Array,
  P: Float64Array,
  O: Float64Array,
  base: Float64Array,
): void {
  const n = w.n;
  const ru = w.ru;
  const p = w.params;
  const g = growthAt(w, s.t);
  const sanc = lev[L.sanctions];
  // Failed economic policy shrinks what Russia makes and sells beyond energy ("unable to compete").
  const policy = Math.max(0, 1 + p.policyTrade * (effectivePolicy(w, lev) - effectivePolicy(w, w.levers0)));
  let lost = 0;
  let weightSum = 0;
  for (let j = 0; j < n; j++) {
    if (j === ru) continue;
    const c = w.compliance[j];
    const b =
      w.ne0[j] *
      policy *
      Math.sqrt(g[ru] * g[j]) *
      tieFactor(w, ru, j, s.ties) *
      rfeFactor(w, s, j) *
      (warImportFactor(p, lev, c, w.warSupply[j]) / w.warImport0[j]);
    base[j] = b;
    const keep = sanctionFactor(p, sanc, c) / w.keep0[j];
    P[ru * n + j] = b * keep;
    if (keep < 1) lost += b * (1 - keep);
    if (c < 0.5) weightSum += b * (1 - c);
  }
  const gO = dpow(Math.sqrt((1 + w.growth[ru]) * (1 + p.otherGrowth)), growthYears(s.t));
  const baseO = w.neO0 * gO * policy;
  const keepO = sanctionFactor(p, sanc, p.otherCompliance) / w.keepO0;
  O[ru] = baseO * keepO;
  if (keepO < 1) lost += baseO * (1 - keepO);
  const wO = baseO * (1 - p.otherCompliance);
  weightSum += wO;
  const diverted = p.diversion * (1 - p.substitution * effectivePolicy(w, lev)) * lost;
  const cn = w.cn;
  for (let j = 0; j < n; j++) {
    if (j === ru || j === cn || cn < 0) continue;
    const v = dyadPotential(w, s, j, cn);
    P[j * n + cn] = v;
    P[cn * n + j] = v;
  }
  if (diverted > 0 && weightSum > 0) {
    let overflow = 0;
    for (let j = 0; j < n; j++) {
      if (j === ru || w.compliance[j] >= 0.5) continue;
      const want = (diverted * base[j] * (1 - w.compliance[j])) / weightSum;
      const got = Math.min(want, p.diversionCap * base[j]);
      overflow += want - got;
      P[ru * n + j] += got;
      // Parallel imports through a third country are largely Chinese goods: its trade with China grows too.
      if (j !== cn && cn >= 0) {
        P[j * n + cn] += p.transit * got;
        P[cn * n + j] = P[j * n + cn];
      }
    }
    O[ru] += (diverted * wO) / weightSum + overflow;
  }
  const E = w.energyExports;
  if (E > 0) {
    for (let b = 0; b < N_BUYERS; b++) {
      const a = w.buyerActor[b];
      if (a >= 0) P[ru * n + a] += s.energy[b] * E;
      else if (b === B_OTHER) O[ru] += s.energy[b] * E;
    }
  }
  for (let j = 0; j < n; j++) P[j * n + ru] = P[ru * n + j];
}

export function computePotentials(
  w: World,
  s: State,
  lev: Float64Array,
  P: Float64Array,
  O: Float64Array,
  base: Float64Array = new Float64Array(w.n),
): void {
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
  russiaRow(w, s, lev, P, O, base);
}

/** Recompute the potentials of every dyad of actors a and b (b may be -1), after their ties changed. */
export function refreshRows(
  w: World,
  s: State,
  lev: Float64Array,
  P: Float64Array,
  O: Float64Array,
  base: Float64Array,
  a: number,
  b: number,
): void {
  const n = w.n;
  for (let k = 0; k < n; k++) {
    if (k === w.ru) continue;
    if (a !== w.ru && a !== k) {
      const v = dyadPotential(w, s, a, k);
      P[a * n + k] = v;
      P[k * n + a] = v;
    }
    if (b >= 0 && b !== w.ru && b !== k) {
      const v = dyadPotential(w, s, b, k);
      P[b * n + k] = v;
      P[k * n + b] = v;
    }
  }
  russiaRow(w, s, lev, P, O, base);
}

// ---------- energy ----------

/** Russia's alternatives to buyer x: the other buyers' shares (outside the roster at half weight) against x's. */
function alternativesTo(e: Float64Array, x: number): number {
  let alt = 0;
  for (let b = 0; b < N_BUYERS; b++) if (b !== x) alt += b === B_OTHER ? 0.5 * e[b] : e[b];
  const denom = alt + e[x];
  return denom > 0 ? alt / denom : 1;
}

/** Bargaining room with China: falls as China becomes the only buyer. */
export function alternativesToChina(e: Float64Array): number {
  return alternativesTo(e, B_CN);
}

/**
 * `ru_negotiating_space` (001: "negotiating space vis-a-vis China as well as the European countries"):
 * Russia's room against China and against Europe, each weighted by how much of its energy that buyer
 * takes. It falls as either becomes the only buyer: before 2022 Europe held the leverage, after it China.
 */
export function negotiatingSpace(e: Float64Array): number {
  const big = e[B_CN] + e[B_EU];
  if (big <= 0) return 1;
  return (e[B_CN] * alternativesTo(e, B_CN) + e[B_EU] * alternativesTo(e, B_EU)) / big;
}

/**
 * Russia's energy revenue per unit volume: a large buyer's discount grows as Russia's alternatives to it
 * shrink, China's (pipeline monopsony) more than Europe's (a market with many buyers).
 */
export function energyRevenue(w: World, e: Float64Array): number {
  const p = w.params;
  const cnPrice = 1 - p.cnMaxDiscount * (1 - alternativesToChina(e));
  const euPrice = 1 - p.euMaxDiscount * (1 - alternativesTo(e, B_EU));
  return e[B_EU] * euPrice + e[B_JP] + e[B_KR] + e[B_CN] * cnPrice + e[B_OTHER] * (1 - p.otherDiscount);
}

// ---------- indicators ----------

export function totalTrade(w: World, X: Float64Array, O: Float64Array, i: number): number {
  let s = O[i];
  for (let j = 0; j < w.n; j++) s += X[i * w.n + j];
  return s > 0 ? s : 1e-9;
}

export function rfeChinaShare(w: World, s: State): number {
  return w.cn >= 0 ? rfeShare(w, s, w.cn) : 0;
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

/** What Russia has in Southeast Asia: the ships it keeps there and its ties with Vietnam and ASEAN. */
export function ruSeaPresence(w: World, s: State): number {
  const n = w.n;
  const vn = w.vn >= 0 ? Math.max(0, s.ties[w.ru * n + w.vn]) : 0;
  const asean = w.asean >= 0 ? Math.max(0, s.ties[w.ru * n + w.asean]) : 0;
  return clamp(0.5 * s.navy + 0.3 * vn + 0.2 * asean, 0, 1);
}

/** All indicators of MODEL.md section 5 from a trade array (actual or potential). */
export function indicators(
  w: World,
  s: State,
  _lev: Float64Array,
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
  out[IND.ru_sea_presence] = ruSeaPresence(w, s);
  return out;
}

// ---------- utility ----------

/** Effective alignment of i toward j in `security`: base weight, scaled by its lever. */
export function alignment(w: World, lev: Float64Array, i: number, j: number): number {
  const k = i * w.n + j;
  const a = w.secW[k];
  if (a === 0) return 0;
  const li = w.secLever[k];
  const ld = w.secDamp[k];
  return a * (li >= 0 ? 1 + lev[li] : 1) * (ld >= 0 ? 1 - lev[ld] : 1);
}

/**
 * The threat that i and its ally j face together (Walt's balance of threat): i's hostility toward those
 * j also counts as threats, as the levers set it (the rebalance for China, the war for Russia).
 */
export function sharedThreat(w: World, lev: Float64Array, a: Float64Array, i: number, j: number): number {
  let th = 0;
  for (let k = 0; k < w.n; k++) {
    if (k === i || k === j || a[k] >= 0) continue;
    if (alignment(w, lev, j, k) < 0) th -= a[k];
  }
  return th;
}

/**
 * Actor i's `security`: sum_j tie_ij * c_ij. The direct part is i's alignment with j, an ally's worth
 * growing with the threats they share; the Heider part is how j stands with i's allies and threats; and a
 * rival of Vietnam counts Russia's ships at Cam Ranh against Russia (China's South China Sea interest).
 */
function security(w: World, s: State, lev: Float64Array, i: number, a: Float64Array): number {
  const n = w.n;
  const T = s.ties;
  const p = w.params;
  for (let k = 0; k < n; k++) a[k] = k === i ? 0 : alignment(w, lev, i, k);
  const vnRival = w.vn >= 0 && w.ru >= 0 && i !== w.vn ? Math.min(0, a[w.vn]) : 0;
  let sec = 0;
  for (let j = 0; j < n; j++) {
    if (j === i) continue;
    const tij = T[i * n + j];
    if (tij === 0) continue;
    let c = a[j] > 0 ? a[j] * (1 + p.threatBalancing * sharedThreat(w, lev, a, i, j)) : a[j];
    let third = 0;
    const row = j * n;
    for (let k = 0; k < n; k++) if (k !== i && k !== j && a[k] !== 0) third += a[k] * T[row + k];
    c += p.heider * third;
    if (j === w.ru && vnRival < 0) c += vnRival * p.scsCost * s.navy;
    sec += tij * c;
  }
  return sec;
}

function counterweightScale(w: World, lev: Float64Array, i: number): number {
  const li = w.cwLever[i];
  return li >= 0 ? lev[li] : w.cwConst[i];
}

/** Yield on RFE investment for investor i: development and policy, Japan's openness, and political risk. */
export function rfeYield(w: World, s: State, lev: Float64Array, i: number): number {
  let y = s.rfeDev * (0.5 + effectivePolicy(w, lev));
  if (i === w.jp) y *= 0.5 + lev[L.jp_rfe_openness];
  return y * Math.max(0, 1 + w.params.investTie * s.ties[i * w.n + w.ru]);
}

/** The convex cost of a share above the threshold: nothing below it, then biting hard (1 at a share of 1). */
export function overdependence(x: number, threshold: number): number {
  const e = Math.max(0, x - threshold) / Math.max(1e-9, 1 - threshold);
  return e * e;
}

/** Shares of Russia's trade, RFE investment and energy exports that go to China (from potential trade). */
export function dependenceParts(w: World, s: State, P: Float64Array, O: Float64Array): [number, number, number] {
  return [P[w.ru * w.n + w.cn] / totalTrade(w, P, O, w.ru), rfeChinaShare(w, s), s.energy[B_CN]];
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
  align: Float64Array = new Float64Array(w.n),
): number {
  const n = w.n;
  const T = s.ties;
  const p = w.params;
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

  // economy: trade relative to its growth path, plus energy revenue (RU), RFE returns, policy costs.
  if (wt[base + TERM_INDEX.economy] !== 0) {
    let tr = O[i];
    for (let j = 0; j < n; j++) tr += P[i * n + j];
    let e = tr / (w.tot0[i] * actorGrowth(w, i, s.t)) - 1;
    if (i === ru) {
      e += p.energyWeight * (energyRevenue(w, s.energy) - 1);
      e -= p.navyCost * s.navy * s.navy * (1 + lev[L.war]);
    }
    // An investor weighs its RFE stake against what it first put in (a project's merit, not a share of GDP).
    if (w.investor[i]) e += (s.rfe[i] / Math.max(1, w.k0[i])) * (rfeYield(w, s, lev, i) - p.capitalCost);
    const d = w.decision[i];
    if (d >= 0) e -= p.leverCost * lev[d] * lev[d];
    out[TERM_INDEX.economy] = e;
  }

  if (i === ru) {
    // autonomy: convex cost of dependence on China in trade, RFE investment and energy sales.
    if (wt[base + TERM_INDEX.autonomy] !== 0) {
      const [dep, kCN, eCN] = dependenceParts(w, s, P, O);
      const th = p.autonomyThreshold;
      out[TERM_INDEX.autonomy] = -(overdependence(dep, th) + overdependence(kCN, th) + overdependence(eCN, th));
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
      out[TERM_INDEX.status] = (cnt > 0 ? sum / cnt : 0) + ruSeaPresence(w, s);
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
    const [dep, kCN] = dependenceParts(w, s, P, O);
    out[TERM_INDEX.leverage] = (dep + (1 - alternativesToChina(s.energy)) + kCN) / 3;
  }

  if (wt[base + TERM_INDEX.security] !== 0) out[TERM_INDEX.security] = security(w, s, lev, i, align);

  // counterweight: value of Russia not being aligned with China, and of its own RFE stake against China's.
  if (wt[base + TERM_INDEX.counterweight] !== 0 && i !== ru && i !== cn) {
    const c = counterweightScale(w, lev, i);
    if (c !== 0) {
      const inv = w.investor[i] ? (rfeShare(w, s, i) - rfeChinaShare(w, s)) / 2 : 0;
      out[TERM_INDEX.counterweight] = c * (-T[cn * n + ru] + inv);
    }
  }

  // compliance: the cost of warmth, trade and investment with Russia under sanctions; US engagement with
  // Russia's Asian relations lifts part of it for Asian partners.
  if (i !== ru && w.compliance[i] > 0 && wt[base + TERM_INDEX.compliance] !== 0) {
    const k = i * n + ru;
    const b = w.x0[k] * dyadGrowth(w, i, ru, s.t);
    const tradeRel = b > 0 ? P[k] / b : 0;
    // Investment falls under financial sanctions, which (like the energy embargo) bite only above
    // Crimea-era levels: Japan's 2014 measures did not stop Arctic LNG 2.
    const inv = w.investor[i] ? (s.rfe[i] / 5) * embargo(w, lev) : 0;
    const relief = w.asian[i] ? 1 - p.engagementRelief * lev[L.us_engagement] : 1;
    out[TERM_INDEX.compliance] =
      -w.compliance[i] * relief * (lev[L.sanctions] * (Math.max(0, T[k]) + 0.5 * tradeRel) + inv);
  }

  // continuity: moving a relationship costs political capital (history, geography, domestic politics), more
  // the further it goes from its reference: the point where the actor's calibration preferences were at
  // rest on the initial ties (build.ts), not the initial tie itself.
  if (wt[base + TERM_INDEX.continuity] !== 0) {
    let c = 0;
    for (let j = 0; j < n; j++) {
      const d = T[i * n + j] - w.tieRef[i * n + j];
      c += d * d;
    }
    out[TERM_INDEX.continuity] = -c / 2;
  }

  let total = 0;
  for (let t = 0; t < N_TERMS; t++) {
    out[t] *= wt[base + t];
    total += out[t];
  }
  return total;
}

export { TERM_NAMES };
