// The change in an actor's utility from one tie move, computed from what the move changes (MODEL.md 8).
// A trial of i's move toward j changes the tie itself, the two rows the Heider conjecture moves (i's and
// j's ties with everyone else), perhaps an investor's stake, and through them the trade potentials of
// i's row and of Russia's row. Each term of i's utility is evaluated from those O(n) changes against its
// value at the step's state, not over the whole state: security's Heider part moves only in the rows the
// trial touched, continuity only in i's row, Russia's diversion only through the partners whose trade
// with it changed. derive.ts's utility() is the definition; this is the same function differenced, so
// the values agree with it to rounding (tests/unit/delta.test.ts checks every option of many runs).
//
// The common trial (an actor other than Russia and China, toward anyone but Russia) runs in one method
// with no calls that take or return a number: V8 boxes a double that crosses a call it does not inline,
// and those allocations were a third of the cost. Inputs and results travel in fields.
import { alternativesToChina, energyRevenue, overdependence, type SecurityCache } from './derive';
import {
  B_CN,
  B_OTHER,
  clamp,
  effectivePolicy,
  embargo,
  growthFactors,
  L,
  N_BUYERS,
  N_TERMS,
  type State,
  sanctionFactor,
  TERM_INDEX,
  type World,
  warImportFactor,
} from './world';

const T_TRIANGLE = TERM_INDEX.triangle;
const T_ECONOMY = TERM_INDEX.economy;
const T_AUTONOMY = TERM_INDEX.autonomy;
const T_STATUS = TERM_INDEX.status;
const T_LEVERAGE = TERM_INDEX.leverage;
const T_SECURITY = TERM_INDEX.security;
const T_COUNTERWEIGHT = TERM_INDEX.counterweight;
const T_WAR = TERM_INDEX.war_needs;
const T_COMPLIANCE = TERM_INDEX.compliance;
const T_CONTINUITY = TERM_INDEX.continuity;

// Slots of one move in TieDelta.pm: the tie's value and move, i's ties with Russia and China and j's with
// Russia after the move, the changes of i's trade, security and continuity, and the result.
const PM_V = 0;
const PM_D = 1;
const PM_IRU = 2;
const PM_ICN = 3;
const PM_JRU = 4;
const PM_TR = 5;
const PM_DS = 6;
const PM_DC = 7;
const PM_OUT = 8;
const PM_SIZE = 9;

/**
 * Per run: buffers and the quantities of the current step (`begin`) and actor (`actor`) that every trial
 * reads. `options(j, du)` fills the utility change of each of the actor's options toward j against
 * holding; `delta(j, v, d)` is U_i(state with the trial) - U_i(state) for the trial applyTieTrial makes:
 * tie (i, j) at v and, for a move (d != 0), the conjecture's rows and the investor's stake.
 */
export class TieDelta {
  private readonly n: number;
  private s!: State;
  private lev!: Float64Array;
  private P!: Float64Array;
  private O!: Float64Array;
  private sec!: SecurityCache;
  private wt!: Float64Array;
  private reach = 0;
  // The step: gravity base x0 * growth of each dyad, Russia's row (USD bn) and its parts.
  private readonly A: Float64Array;
  private readonly ruK: Float64Array;
  private readonly ruKeep: Float64Array;
  private readonly ruWar: Float64Array;
  private readonly ruEnergy: Float64Array;
  private readonly b0: Float64Array;
  private readonly got0: Float64Array;
  private lost0 = 0;
  private ws0 = 0;
  private divFactor = 0;
  private baseOKeep = 0;
  private lostO = 0;
  private wO = 0;
  private energyO = 0;
  private rfeTot0 = 0;
  private cap = 0;
  // The actor: security coefficients, each term's value at the step's state, per-actor constants.
  private i = -1;
  private readonly c0: Float64Array;
  private readonly base = new Float64Array(N_TERMS);
  private econ0 = 0;
  private econG = 1;
  private invest0 = 0;
  private yieldBase = 0;
  private complyFactor = 0;
  private complyStake = 0;
  // The trial: inputs, i's and j's rows, Russia's non-energy trade and diversion, the stake, the result.
  private v = 0;
  private d = 0;
  private out = 0;
  private j = -1;
  private readonly rowI: Float64Array;
  private readonly rowJ: Float64Array;
  private readonly b1: Float64Array;
  private readonly got1: Float64Array;
  private readonly pRu: Float64Array;
  private ruTot = 0;
  private ruAll = false;
  private lost1 = 0;
  private ws1 = 0;
  private active1 = false;
  private div1 = 0;
  private inv = -1;
  private rfeNew = 0;
  /** pairTrial's inputs and results, PM_SIZE slots per move. */
  private readonly pm = new Float64Array(2 * PM_SIZE);

  constructor(private readonly w: World) {
    const n = w.n;
    this.n = n;
    this.A = new Float64Array(n * n);
    this.ruK = new Float64Array(n);
    this.ruKeep = new Float64Array(n);
    this.ruWar = new Float64Array(n);
    this.ruEnergy = new Float64Array(n);
    this.b0 = new Float64Array(n);
    this.got0 = new Float64Array(n);
    this.c0 = new Float64Array(n);
    this.rowI = new Float64Array(n);
    this.rowJ = new Float64Array(n);
    this.b1 = new Float64Array(n);
    this.got1 = new Float64Array(n);
    this.pRu = new Float64Array(n);
  }

  /** Whether this world has what the differenced terms assume (every preset and loaded scenario does). */
  static applies(w: World): boolean {
    return w.ru >= 0 && w.cn >= 0 && w.us >= 0;
  }

  /**
   * The step's quantities, at state s under levers lev, with P and O the potentials of s (computePotentials)
   * and `weights` the utility weights (w.weights, or the calibration's).
   */
  begin(
    s: State,
    lev: Float64Array,
    P: Float64Array,
    O: Float64Array,
    sec: SecurityCache,
    weights: Float64Array,
  ): void {
    const w = this.w;
    const n = this.n;
    const p = w.params;
    const ru = w.ru;
    this.s = s;
    this.lev = lev;
    this.P = P;
    this.O = O;
    this.sec = sec.at(lev);
    this.wt = weights;
    this.i = -1;
    this.reach = (p.horizon * p.alpha) / 2;
    this.cap = p.diversionCap;
    const gf = growthFactors(w, s.t);
    const dyad = gf.dyad;
    for (let k = 0; k < n * n; k++) this.A[k] = w.x0[k] * dyad[k];
    // Russia's row as russiaRow computes it (same expressions, same order).
    const sanc = lev[L.sanctions];
    const policy = Math.max(0, 1 + p.policyTrade * (effectivePolicy(w, lev) - effectivePolicy(w, w.levers0)));
    const E = w.energyExports;
    for (let k = 0; k < n; k++) {
      this.ruEnergy[k] = 0;
      if (k === ru) continue;
      const c = w.compliance[k];
      this.ruK[k] = w.ne0[k] * policy * dyad[ru * n + k];
      this.ruWar[k] = warImportFactor(p, lev, c, w.warSupply[k]) / w.warImport0[k];
      this.ruKeep[k] = sanctionFactor(p, sanc, c) / w.keep0[k];
    }
    if (E > 0)
      for (let b = 0; b < N_BUYERS; b++) if (w.buyerActor[b] >= 0) this.ruEnergy[w.buyerActor[b]] = s.energy[b] * E;
    this.energyO = E > 0 ? s.energy[B_OTHER] * E : 0;
    const baseO = w.neO0 * gf.ruOther * policy;
    const keepO = sanctionFactor(p, sanc, p.otherCompliance) / w.keepO0;
    this.baseOKeep = baseO * keepO;
    // 0 unless keepO < 1, as russiaRow adds it; adding 0 to a sum of non-negative terms is exact.
    this.lostO = keepO < 1 ? baseO * (1 - keepO) : 0;
    this.wO = baseO * (1 - p.otherCompliance);
    this.divFactor = p.diversion * (1 - p.substitution * effectivePolicy(w, lev));
    let lost = 0;
    let ws = 0;
    for (let k = 0; k < n; k++) {
      if (k === ru) continue;
      const b = this.bOf(k, s.ties[ru * n + k], s.rfe[k]);
      this.b0[k] = b;
      if (this.ruKeep[k] < 1) lost += b * (1 - this.ruKeep[k]);
      if (w.compliance[k] < 0.5) ws += b * (1 - w.compliance[k]);
    }
    lost += this.lostO;
    ws += this.wO;
    this.lost0 = lost;
    this.ws0 = ws;
    const div = this.divFactor * lost;
    const active = div > 0 && ws > 0;
    for (let k = 0; k < n; k++) {
      const c = w.compliance[k];
      this.got0[k] = active && k !== ru && c < 0.5 ? gotOf(div, this.b0[k], c, ws, this.cap) : 0;
    }
    let tot = 0;
    for (let k = 0; k < n; k++) tot += s.rfe[k];
    this.rfeTot0 = tot;
  }

  /** Actor i's coefficients, constants and term values at the step's state; call before i's trials. */
  actor(i: number): void {
    const w = this.w;
    const n = this.n;
    const s = this.s;
    const T = s.ties;
    const p = w.params;
    const lev = this.lev;
    this.i = i;
    // A lever trial of the actor before may have left the cache at its levers.
    this.sec.at(lev);
    // security: c_ij' = direct + heider * (Heider part over i's stances) (+ Russia's ships), as security().
    const sc = this.sec;
    const a = sc.align;
    const ai = i * n;
    const len = sc.stanceLen[i];
    const vnRival = w.vn >= 0 && w.ru >= 0 && i !== w.vn ? Math.min(0, a[ai + w.vn]) : 0;
    for (let j = 0; j < n; j++) {
      if (j === i) {
        this.c0[j] = 0;
        continue;
      }
      let c = sc.direct[ai + j];
      let third = 0;
      const row = j * n;
      for (let q = 0; q < len; q++) {
        const k = sc.stance[ai + q];
        if (k !== j) third += a[ai + k] * T[row + k];
      }
      c += p.heider * third;
      if (j === w.ru && vnRival < 0) c += vnRival * p.scsCost * s.navy;
      this.c0[j] = c;
    }
    // Constants of the economy's stake and of compliance (their variable parts are i's tie with Russia,
    // its trade with Russia and its stake).
    this.econG = w.tot0[i] * growthFactors(w, s.t).actor[i];
    let y = s.rfeDev * (0.5 + effectivePolicy(w, lev));
    if (i === w.jp) y *= 0.5 + lev[L.jp_rfe_openness];
    this.yieldBase = y;
    this.complyFactor = -w.compliance[i] * (w.asian[i] ? 1 - p.engagementRelief * lev[L.us_engagement] : 1);
    this.complyStake = w.investor[i] ? embargo(w, lev) : 0;
    // Every term at the state itself: the trial machinery with nothing changed.
    for (let k = 0; k < n; k++) this.rowI[k] = T[ai + k];
    this.j = -1;
    this.inv = -1;
    this.ruAll = false;
    this.lost1 = this.lost0;
    this.ws1 = this.ws0;
    this.div1 = this.divFactor * this.lost0;
    this.active1 = this.div1 > 0 && this.ws1 > 0;
    this.values(this.base);
    this.econ0 = this.tradeOf();
    this.invest0 = this.investPart();
  }

  /**
   * The actor's whole utility at the step's state (after `actor`): utility()'s total, term for term and in
   * its order, from the quantities `actor` computed (O(n) where utility() is O(n x stances)).
   */
  utilityTotal(): number {
    const w = this.w;
    const n = this.n;
    const i = this.i;
    const s = this.s;
    const T = s.ties;
    const p = w.params;
    const lev = this.lev;
    const wt = this.wt;
    const wb = i * N_TERMS;
    const ai = i * n;
    const out = this.totals;
    out.set(this.base);
    if (wt[wb + T_ECONOMY] !== 0) {
      let e = this.econ0 / this.econG - 1;
      if (i === w.ru) {
        e += p.energyWeight * (energyRevenue(w, s.energy) - 1);
        e -= p.navyCost * s.navy * s.navy * (1 + lev[L.war]);
      }
      if (w.investor[i]) e += this.invest0;
      const d = w.decision[i];
      if (d >= 0) e -= p.leverCost * lev[d] * lev[d];
      out[T_ECONOMY] = e;
    }
    if (wt[wb + T_SECURITY] !== 0) {
      let sec = 0;
      for (let j = 0; j < n; j++) {
        if (j === i) continue;
        const tij = T[ai + j];
        if (tij === 0) continue;
        sec += tij * this.c0[j];
      }
      out[T_SECURITY] = sec;
    }
    if (wt[wb + T_CONTINUITY] !== 0) {
      let c = 0;
      for (let j = 0; j < n; j++) {
        const d = T[ai + j] - w.tieRef[ai + j];
        c += d * d;
      }
      out[T_CONTINUITY] = -c / 2;
    }
    let total = 0;
    for (let t = 0; t < N_TERMS; t++) total += out[t] * wt[wb + t];
    return total;
  }

  private readonly totals = new Float64Array(N_TERMS);

  /**
   * The utility change of each of the actor's options toward j (-1, 0, +1) against holding, into du: what
   * step.ts's referenceTieDU computes, to rounding. A move that the clamp at ±1 makes identical to holding
   * is not a move: it gets -Infinity, and is left out of the choice.
   */
  options(j: number, du: Float64Array): void {
    const n = this.n;
    const i = this.i;
    const t0 = this.s.ties[i * n + j];
    const other = this.s.moves[j * n + i];
    const reach = this.reach;
    const vHold = clamp(t0 + reach * other, -1, 1);
    let dh = 0;
    if (vHold !== t0) {
      this.v = vHold;
      this.d = 0;
      this.holdTrial(j);
      dh = this.out;
    }
    du[1] = 0;
    const w = this.w;
    const vm = clamp(t0 + reach * (-1 + other), -1, 1);
    const vp = clamp(t0 + reach * (1 + other), -1, 1);
    if (vm !== vHold && vp !== vHold && i !== w.ru && i !== w.cn && j !== w.ru && w.params.conjecture !== 0) {
      // Both moves at once (the common case): one pass over the two rows.
      const pm = this.pm;
      pm[PM_V] = vm;
      pm[PM_D] = vm - vHold;
      pm[PM_SIZE + PM_V] = vp;
      pm[PM_SIZE + PM_D] = vp - vHold;
      this.pairTrial(j);
      du[0] = pm[PM_OUT] - dh;
      du[2] = pm[PM_SIZE + PM_OUT] - dh;
      return;
    }
    for (let m = -1; m <= 1; m += 2) {
      const v = m < 0 ? vm : vp;
      if (v === vHold) du[m + 1] = Number.NEGATIVE_INFINITY;
      else {
        this.v = v;
        this.d = v - vHold;
        this.trial(j);
        du[m + 1] = this.out - dh;
      }
    }
  }

  /**
   * trial() for both moves of an actor other than Russia and China toward anyone but Russia, the
   * conjecture on: the inputs and results in pm (PM_* slots, the down move first). Same sums as trial().
   */
  private pairTrial(j: number): void {
    const w = this.w;
    const n = this.n;
    const i = this.i;
    const T = this.s.ties;
    const p = w.params;
    const ru = w.ru;
    const cn = w.cn;
    const ai = i * n;
    const aj = j * n;
    const A = this.A;
    const P = this.P;
    const t0w = w.t0;
    const ref = w.tieRef;
    const c0 = this.c0;
    const a = this.sec.align;
    const pm = this.pm;
    const conj = p.conjecture;
    const tte = p.tradeTieElasticity;
    const h = p.heider;
    const aij = a[ai + j];
    const dm = pm[PM_D];
    const dp = pm[PM_SIZE + PM_D];
    // No stake moves (Russia is not in the trial).
    this.j = j;
    this.inv = -1;
    let dsM = 0;
    let dsP = 0;
    let dcM = 0;
    let dcP = 0;
    let trM = 0;
    let trP = 0;
    let d3M = 0;
    let d3P = 0;
    for (let k = 0; k < n; k++) {
      if (k === i || k === j) continue;
      const tik = T[ai + k];
      const tjk = T[aj + k];
      const njkM = unit(tjk + conj * tik * dm);
      const nikM = unit(tik + conj * tjk * dm);
      const njkP = unit(tjk + conj * tik * dp);
      const nikP = unit(tik + conj * tjk * dp);
      const ck = c0[k];
      let cM = ck;
      let cP = ck;
      if (aij !== 0) {
        cM += h * aij * (njkM - tjk);
        cP += h * aij * (njkP - tjk);
      }
      dsM += nikM * cM - tik * ck;
      dsP += nikP * cP - tik * ck;
      const aik = a[ai + k];
      if (aik !== 0) {
        d3M += aik * (njkM - tjk);
        d3P += aik * (njkP - tjk);
      }
      const kk = ai + k;
      const gravity = k !== ru && k !== cn;
      if (nikM !== tik) {
        const r = ref[kk];
        dcM += (nikM - r) * (nikM - r) - (tik - r) * (tik - r);
        if (gravity) trM += A[kk] * Math.max(0.05, 1 + tte * (nikM - t0w[kk])) - P[kk];
      }
      if (nikP !== tik) {
        const r = ref[kk];
        dcP += (nikP - r) * (nikP - r) - (tik - r) * (tik - r);
        if (gravity) trP += A[kk] * Math.max(0.05, 1 + tte * (nikP - t0w[kk])) - P[kk];
      }
      if (k === ru) {
        pm[PM_IRU] = nikM;
        pm[PM_SIZE + PM_IRU] = nikP;
        pm[PM_JRU] = njkM;
        pm[PM_SIZE + PM_JRU] = njkP;
      } else if (k === cn) {
        pm[PM_ICN] = nikM;
        pm[PM_SIZE + PM_ICN] = nikP;
      }
    }
    // The tie (i, j) itself, as trial() takes it (j's own entry of its row stays 0).
    const tij = T[ai + j];
    for (let q = 0; q < 2; q++) {
      const off = q * PM_SIZE;
      const v = pm[off + PM_V];
      let dc = q === 0 ? dcM : dcP;
      let tr = q === 0 ? trM : trP;
      if (v !== tij) {
        const r = ref[ai + j];
        dc += (v - r) * (v - r) - (tij - r) * (tij - r);
        if (j !== cn) tr += A[ai + j] * Math.max(0.05, 1 + tte * (v - t0w[ai + j])) - P[ai + j];
      }
      if (j === cn) pm[off + PM_ICN] = v;
      const d3 = q === 0 ? d3M : d3P;
      pm[off + PM_DS] = (q === 0 ? dsM : dsP) + (v * (c0[j] + h * d3) - tij * c0[j]);
      pm[off + PM_DC] = dc;
      pm[off + PM_TR] = tr;
      this.finishPair(j, off);
    }
  }

  /** The rest of one move of pairTrial: Russia's row at i and j, trade, compliance, and the other terms. */
  private finishPair(j: number, off: number): void {
    const w = this.w;
    const n = this.n;
    const i = this.i;
    const s = this.s;
    const p = w.params;
    const wt = this.wt;
    const wb = i * N_TERMS;
    const ru = w.ru;
    const cn = w.cn;
    const ai = i * n;
    const pm = this.pm;
    const A = this.A;
    const keep = this.ruKeep;
    const comp = w.compliance;
    const tte = p.tradeTieElasticity;
    const iRu = pm[off + PM_IRU];
    const iCn = pm[off + PM_ICN];
    const jRu = pm[off + PM_JRU];
    let lost = this.lost0;
    let ws = this.ws0;
    let bi = 0;
    for (let q = 0; q < 2; q++) {
      const k = q === 0 ? i : j;
      const kk = ru * n + k;
      const tf = Math.max(0.05, 1 + tte * ((q === 0 ? iRu : jRu) - w.t0[kk]));
      const rf = w.investor[k] ? 1 + (p.investTradeElasticity * (s.rfe[k] - w.k0[k])) / (w.k0[k] + 1) : 1;
      const b = this.ruK[k] * tf * rf * this.ruWar[k];
      if (q === 0) bi = b;
      const db = b - this.b0[k];
      if (db !== 0) {
        if (keep[k] < 1) lost += db * (1 - keep[k]);
        if (comp[k] < 0.5) ws += db * (1 - comp[k]);
      }
    }
    const div1 = this.divFactor * lost;
    const active = div1 > 0 && ws > 0;
    let du = 0;
    const we = wt[wb + T_ECONOMY];
    const wcomp = comp[i] > 0 ? wt[wb + T_COMPLIANCE] : 0;
    if (we !== 0 || wcomp !== 0) {
      const ci = comp[i];
      const got = active && ci < 0.5 ? gotOf(div1, bi, ci, ws, this.cap) : 0;
      let pRu = bi * keep[i];
      if (active && ci < 0.5) pRu += got;
      pRu += this.ruEnergy[i];
      if (we !== 0) {
        const kc = ai + cn;
        let pCn = A[kc] * Math.max(0.05, 1 + tte * (iCn - w.t0[kc]));
        if (active && ci < 0.5) pCn += p.transit * got;
        const dTr = pm[off + PM_TR] + (pCn - this.P[kc] + (pRu - this.P[ai + ru]));
        const invest = w.investor[i]
          ? (s.rfe[i] / Math.max(1, w.k0[i])) * (this.yieldBase * Math.max(0, 1 + p.investTie * iRu) - p.capitalCost)
          : 0;
        du += we * (dTr / this.econG + (invest - this.invest0));
      }
      if (wcomp !== 0) {
        const b = A[ai + ru];
        const tradeRel = b > 0 ? pRu / b : 0;
        const stake = this.complyStake === 0 ? 0 : (s.rfe[i] / 5) * this.complyStake;
        const value = this.complyFactor * (this.lev[L.sanctions] * (Math.max(0, iRu) + 0.5 * tradeRel) + stake);
        du += wcomp * (value - this.base[T_COMPLIANCE]);
      }
    }
    const wsec = wt[wb + T_SECURITY];
    if (wsec !== 0) du += wsec * pm[off + PM_DS];
    const wc = wt[wb + T_CONTINUITY];
    if (wc !== 0) du += wc * (-pm[off + PM_DC] / 2);
    // China-Russia tie after the move: j's row if j is China.
    const cnRu = j === cn ? jRu : s.ties[cn * n + ru];
    let x = wt[wb + T_TRIANGLE];
    if (x !== 0 && i === w.us) {
      const value = iCn + iRu - this.lev[L.us_engagement] * cnRu;
      du += x * (value - this.base[T_TRIANGLE]);
    }
    x = wt[wb + T_COUNTERWEIGHT];
    if (x !== 0 && j === cn) {
      const li = w.cwLever[i];
      const c = li >= 0 ? this.lev[li] : w.cwConst[i];
      if (c !== 0) {
        const inv = w.investor[i] ? (this.rfeShare(i) - this.rfeShare(cn)) / 2 : 0;
        du += x * (c * (-cnRu + inv) - this.base[T_COUNTERWEIGHT]);
      } else du += x * (0 - this.base[T_COUNTERWEIGHT]);
    }
    pm[off + PM_OUT] = du;
  }

  /** U_i with tie (i, j) at v, after a move of d (0: no conjecture), minus U_i at the step's state. */
  delta(j: number, v: number, d: number): number {
    this.v = v;
    this.d = d;
    this.trial(j);
    return this.out;
  }

  /**
   * Holding while j moves: only tie (i, j) changes (no conjecture, no stake). For an actor other than
   * Russia and China, toward anyone but Russia, that moves i's row at j alone, and Russia's row not at all.
   */
  private holdTrial(j: number): void {
    const w = this.w;
    const i = this.i;
    const ru = w.ru;
    const cn = w.cn;
    if (i === ru || i === cn || j === ru) {
      this.trial(j);
      return;
    }
    const n = this.n;
    const p = w.params;
    const wt = this.wt;
    const wb = i * N_TERMS;
    const kk = i * n + j;
    const v = this.v;
    const t = this.s.ties[kk];
    let du = 0;
    const we = wt[wb + T_ECONOMY];
    if (we !== 0) {
      let x = this.A[kk] * Math.max(0.05, 1 + p.tradeTieElasticity * (v - w.t0[kk]));
      if (j === cn && this.got0[i] !== 0) x += p.transit * this.got0[i];
      du += we * ((x - this.P[kk]) / this.econG);
    }
    const ws = wt[wb + T_SECURITY];
    if (ws !== 0) du += ws * ((v - t) * this.c0[j]);
    const wc = wt[wb + T_CONTINUITY];
    if (wc !== 0) {
      const r = w.tieRef[kk];
      du += wc * (-((v - r) * (v - r) - (t - r) * (t - r)) / 2);
    }
    const x = wt[wb + T_TRIANGLE];
    if (x !== 0 && i === w.us && j === cn) du += x * (v - t);
    this.out = du;
  }

  /** The trial of (this.v, this.d) toward j: its utility change into this.out. */
  private trial(j: number): void {
    const w = this.w;
    const n = this.n;
    const i = this.i;
    const s = this.s;
    const T = s.ties;
    const p = w.params;
    const wt = this.wt;
    const wb = i * N_TERMS;
    const ru = w.ru;
    const cn = w.cn;
    const rowI = this.rowI;
    const rowJ = this.rowJ;
    const ai = i * n;
    const aj = j * n;
    const A = this.A;
    const P = this.P;
    const t0w = w.t0;
    const ref = w.tieRef;
    const c0 = this.c0;
    const a = this.sec.align;
    const v = this.v;
    const d = this.d;
    const conj = p.conjecture;
    const tte = p.tradeTieElasticity;
    const h = p.heider;
    const aij = a[ai + j];
    const moved = d !== 0 && conj !== 0;
    // Row i's entries outside Russia's and China's columns are plain gravity (unless i is one of them).
    const plain = i !== ru && i !== cn;
    this.j = j;
    // One pass over k: the rows after the trial (applyTieTrial: the conjecture reads the state's ties),
    // and the parts of security, continuity and i's trade that each entry changes.
    let dTr = 0;
    let ds = 0;
    let dc = 0;
    let dThirdJ = 0;
    for (let k = 0; k < n; k++) {
      const tik = T[ai + k];
      const tjk = T[aj + k];
      if (k === i) {
        rowI[k] = tik;
        rowJ[k] = v;
        continue;
      }
      let nik = tik;
      let njk = tjk;
      if (k === j) nik = v;
      else if (moved) {
        njk = unit(tjk + conj * tik * d);
        nik = unit(tik + conj * tjk * d);
      }
      rowI[k] = nik;
      rowJ[k] = njk;
      if (k !== j) {
        // security: c_ik moves with the Heider part through T[k][j] (if i has a stance on j).
        let c = c0[k];
        if (moved && aij !== 0) c += h * aij * (njk - tjk);
        ds += nik * c - tik * c0[k];
        const aik = a[ai + k];
        if (moved && aik !== 0) dThirdJ += aik * (njk - tjk);
      }
      if (nik !== tik) {
        const r = ref[ai + k];
        dc += (nik - r) * (nik - r) - (tik - r) * (tik - r);
        if (plain && k !== ru && k !== cn) {
          const kk = ai + k;
          dTr += A[kk] * Math.max(0.05, 1 + tte * (nik - t0w[kk])) - P[kk];
        }
      }
    }
    // security through j itself: c_ij moves with every entry of j's row.
    ds += v * (c0[j] + (moved ? h * dThirdJ : 0)) - T[ai + j] * c0[j];
    // The investor whose stake responds, for a tie between Russia and an investor.
    let inv = -1;
    if (d !== 0) inv = i === ru && w.investor[j] ? j : j === ru && w.investor[i] ? i : -1;
    this.inv = inv;
    if (inv >= 0) this.rfeNew = Math.max(0, s.rfe[inv] * (1 + p.investTie * d));

    // Russia's row: every partner if Russia is in the trial; else only i's and j's trade with it changed.
    const ruAll = i === ru || j === ru;
    this.ruAll = ruAll;
    const keep = this.ruKeep;
    const comp = w.compliance;
    if (ruAll) this.russiaAll();
    else {
      let lost = this.lost0;
      let ws = this.ws0;
      for (let q = 0; q < 2; q++) {
        const k = q === 0 ? i : j;
        const kk = ru * n + k;
        const tRu = q === 0 ? rowI[ru] : rowJ[ru];
        const tf = Math.max(0.05, 1 + tte * (tRu - t0w[kk]));
        const rf = w.investor[k] ? 1 + (p.investTradeElasticity * (s.rfe[k] - w.k0[k])) / (w.k0[k] + 1) : 1;
        const b = this.ruK[k] * tf * rf * this.ruWar[k];
        this.b1[k] = b;
        const db = b - this.b0[k];
        if (db !== 0) {
          if (keep[k] < 1) lost += db * (1 - keep[k]);
          if (comp[k] < 0.5) ws += db * (1 - comp[k]);
        }
      }
      this.lost1 = lost;
      this.ws1 = ws;
    }
    const div1 = this.divFactor * this.lost1;
    const ws1 = this.ws1;
    const active = div1 > 0 && ws1 > 0;
    this.div1 = div1;
    this.active1 = active;

    let du = 0;
    const we = wt[wb + T_ECONOMY];
    const wcomp = plain && comp[i] > 0 ? wt[wb + T_COMPLIANCE] : 0;
    if (plain && (we !== 0 || wcomp !== 0)) {
      // i's trade with Russia and with China (goods in transit) after the trial.
      const bi = this.b1[i];
      const ci = comp[i];
      const got = active && ci < 0.5 ? gotOf(div1, bi, ci, ws1, this.cap) : 0;
      let pRu = bi * keep[i];
      if (active && ci < 0.5) pRu += got;
      pRu += this.ruEnergy[i];
      if (we !== 0) {
        const kc = ai + cn;
        let pCn = A[kc] * Math.max(0.05, 1 + tte * (rowI[cn] - t0w[kc]));
        if (active && ci < 0.5) pCn += p.transit * got;
        dTr += pCn - P[kc] + (pRu - P[ai + ru]);
        const stake = inv === i ? this.rfeNew : s.rfe[i];
        const invest = w.investor[i]
          ? (stake / Math.max(1, w.k0[i])) * (this.yieldBase * Math.max(0, 1 + p.investTie * rowI[ru]) - p.capitalCost)
          : 0;
        du += we * (dTr / this.econG + (invest - this.invest0));
      }
      if (wcomp !== 0) {
        const b = A[ai + ru];
        const tradeRel = b > 0 ? pRu / b : 0;
        const stake = this.complyStake === 0 ? 0 : ((inv === i ? this.rfeNew : s.rfe[i]) / 5) * this.complyStake;
        const value = this.complyFactor * (this.lev[L.sanctions] * (Math.max(0, rowI[ru]) + 0.5 * tradeRel) + stake);
        du += wcomp * (value - this.base[T_COMPLIANCE]);
      }
    } else if (!plain) du += this.cornerTerms();
    const ws = wt[wb + T_SECURITY];
    if (ws !== 0) du += ws * ds;
    const wc = wt[wb + T_CONTINUITY];
    if (wc !== 0) du += wc * (-dc / 2);
    let x = wt[wb + T_TRIANGLE];
    if (x !== 0 && i === w.us) {
      const value =
        rowI[cn] + rowI[ru] - this.lev[L.us_engagement] * (j === cn ? rowJ[ru] : j === ru ? rowJ[cn] : T[cn * n + ru]);
      du += x * (value - this.base[T_TRIANGLE]);
    }
    // counterweight reads the China-Russia tie and the stakes: a trial moves them only through China,
    // Russia or i's own stake.
    x = wt[wb + T_COUNTERWEIGHT];
    if (x !== 0 && plain && (j === cn || j === ru)) du += x * (this.counterweight() - this.base[T_COUNTERWEIGHT]);
    this.out = du;
  }

  /** Russia's non-energy trade with partner k at tie tRu and stake rfe, as russiaRow computes it. */
  private bOf(k: number, tRu: number, rfe: number): number {
    const w = this.w;
    const kk = w.ru * this.n + k;
    const tf = Math.max(0.05, 1 + w.params.tradeTieElasticity * (tRu - w.t0[kk]));
    const rf = w.investor[k] ? 1 + (w.params.investTradeElasticity * (rfe - w.k0[k])) / (w.k0[k] + 1) : 1;
    return this.ruK[k] * tf * rf * this.ruWar[k];
  }

  private rfeOf(k: number): number {
    return k === this.inv ? this.rfeNew : this.s.rfe[k];
  }

  /** Russia's row after a trial with Russia in it (its row is rowI or rowJ): every partner's trade, the diversion's sums. */
  private russiaAll(): void {
    const w = this.w;
    const n = this.n;
    const ru = w.ru;
    const keep = this.ruKeep;
    const comp = w.compliance;
    const row = ru === this.i ? this.rowI : this.rowJ;
    const t0w = w.t0;
    const tte = w.params.tradeTieElasticity;
    const ite = w.params.investTradeElasticity;
    const rfe = this.s.rfe;
    const inv = this.inv;
    let lost = 0;
    let ws = 0;
    for (let k = 0; k < n; k++) {
      if (k === ru) continue;
      const tf = Math.max(0.05, 1 + tte * (row[k] - t0w[ru * n + k]));
      const stake = k === inv ? this.rfeNew : rfe[k];
      const rf = w.investor[k] ? 1 + (ite * (stake - w.k0[k])) / (w.k0[k] + 1) : 1;
      const b = this.ruK[k] * tf * rf * this.ruWar[k];
      this.b1[k] = b;
      if (keep[k] < 1) lost += b * (1 - keep[k]);
      if (comp[k] < 0.5) ws += b * (1 - comp[k]);
    }
    this.lost1 = lost + this.lostO;
    this.ws1 = ws + this.wO;
  }

  /**
   * Russia's whole row of potentials after the trial into pRu (as russiaRow sums it), each partner's share
   * of the diversion into got1, and Russia's total trade (totalTrade's sum) into ruTot.
   */
  private ruRow(): void {
    const w = this.w;
    const n = this.n;
    const ru = w.ru;
    const comp = w.compliance;
    const keep = this.ruKeep;
    const active = this.active1;
    const div = this.div1;
    const ws = this.ws1;
    const cap = this.cap;
    const trial = this.j >= 0;
    const all = this.ruAll;
    let overflow = 0;
    for (let k = 0; k < n; k++) {
      if (k === ru) {
        this.pRu[k] = 0;
        this.got1[k] = 0;
        continue;
      }
      const b = !trial ? this.b0[k] : all || k === this.i || k === this.j ? this.b1[k] : this.b0[k];
      let x = b * keep[k];
      let got = 0;
      if (active && comp[k] < 0.5) {
        const want = (div * b * (1 - comp[k])) / ws;
        got = Math.min(want, cap * b);
        overflow += want - got;
        x += got;
      }
      this.got1[k] = got;
      this.pRu[k] = x + this.ruEnergy[k];
    }
    let tot = this.baseOKeep;
    if (active) tot += (div * this.wO) / ws + overflow;
    tot += this.energyO;
    for (let k = 0; k < n; k++) if (k !== ru) tot += this.pRu[k];
    this.ruTot = tot;
  }

  /** Sum of the actor's row of trade potentials and its trade outside the roster, after the trial (ruRow called). */
  private tradeOf(): number {
    const w = this.w;
    const n = this.n;
    const i = this.i;
    const ru = w.ru;
    const cn = w.cn;
    if (i === ru) return this.ruTot;
    const T = this.s.ties;
    const P = this.P;
    const row = this.rowI;
    const ai = i * n;
    const tte = w.params.tradeTieElasticity;
    const transit = w.params.transit;
    let tr = this.O[i];
    for (let m = 0; m < n; m++) {
      if (m === i) continue;
      if (m === ru) tr += this.pRu[i];
      else if (m === cn || i === cn) {
        // P[k][cn] (k the one that is not China): gravity, and the goods in transit through k.
        const k = m === cn ? i : m;
        const kk = k * n + cn;
        let x = this.A[kk] * Math.max(0.05, 1 + tte * (row[m] - w.t0[kk]));
        if (this.active1 && w.compliance[k] < 0.5) x += transit * this.got1[k];
        tr += x;
      } else if (row[m] !== T[ai + m]) {
        const kk = ai + m;
        tr += this.A[kk] * Math.max(0.05, 1 + tte * (row[m] - w.t0[kk]));
      } else tr += P[ai + m];
    }
    return tr;
  }

  /** The economy term's RFE part for the actor (an investor's stake weighed by its yield), after the trial. */
  private investPart(): number {
    const w = this.w;
    const i = this.i;
    if (!w.investor[i]) return 0;
    const y = this.yieldBase * Math.max(0, 1 + w.params.investTie * this.rowI[w.ru]);
    return (this.rfeOf(i) / Math.max(1, w.k0[i])) * (y - w.params.capitalCost);
  }

  /** Share of the RFE stock held by k after the trial. */
  private rfeShare(k: number): number {
    let tot = this.rfeTot0;
    if (this.inv >= 0) {
      tot = 0;
      for (let m = 0; m < this.n; m++) tot += this.rfeOf(m);
    }
    return tot > 0 ? this.rfeOf(k) / tot : 0;
  }

  /** The state's tie (a, b) after the trial, for a and b other than i. */
  private tieAfter(a: number, b: number): number {
    if (a === this.j) return this.rowJ[b];
    if (b === this.j) return this.rowJ[a];
    return this.s.ties[a * this.n + b];
  }

  /**
   * The weighted change of Russia's or China's terms other than security and continuity (economy, triangle,
   * Russia's autonomy, status and war needs, China's leverage and compliance), each from its value after
   * the trial: these read Russia's whole row.
   */
  private cornerTerms(): number {
    const w = this.w;
    const i = this.i;
    const wt = this.wt;
    const wb = i * N_TERMS;
    const base = this.base;
    this.ruRow();
    const ruTot = this.ruTot;
    let du = 0;
    let x = wt[wb + T_ECONOMY];
    if (x !== 0) {
      const g = this.econG;
      du += x * (this.tradeOf() / g - this.econ0 / g + (this.investPart() - this.invest0));
    }
    x = wt[wb + T_TRIANGLE];
    if (x !== 0) du += x * (this.triangle() - base[T_TRIANGLE]);
    if (i === w.ru) {
      x = wt[wb + T_AUTONOMY];
      if (x !== 0) du += x * (this.autonomy(ruTot) - base[T_AUTONOMY]);
      x = wt[wb + T_STATUS];
      if (x !== 0) du += x * (this.status() - base[T_STATUS]);
      x = wt[wb + T_WAR];
      if (x !== 0) du += x * (this.warNeeds() - base[T_WAR]);
    } else {
      x = wt[wb + T_LEVERAGE];
      if (x !== 0) du += x * (this.leverage(ruTot) - base[T_LEVERAGE]);
      x = wt[wb + T_COMPLIANCE];
      if (x !== 0 && w.compliance[i] > 0) du += x * (this.compliance() - base[T_COMPLIANCE]);
    }
    return du;
  }

  /** The terms other than economy, security and continuity, unweighted, at the step's state (j < 0). */
  private values(out: Float64Array): void {
    const w = this.w;
    const i = this.i;
    const wt = this.wt;
    const wb = i * N_TERMS;
    const ru = w.ru;
    const cn = w.cn;
    out.fill(0);
    if (wt[wb + T_TRIANGLE] !== 0 && (i === w.us || i === cn || i === ru)) out[T_TRIANGLE] = this.triangle();
    this.ruRow();
    const ruTot = this.ruTot;
    if (i === ru) {
      if (wt[wb + T_AUTONOMY] !== 0) out[T_AUTONOMY] = this.autonomy(ruTot);
      if (wt[wb + T_STATUS] !== 0) out[T_STATUS] = this.status();
      if (wt[wb + T_WAR] !== 0) out[T_WAR] = this.warNeeds();
    }
    if (i === cn && wt[wb + T_LEVERAGE] !== 0) out[T_LEVERAGE] = this.leverage(ruTot);
    if (wt[wb + T_COUNTERWEIGHT] !== 0 && i !== ru && i !== cn) out[T_COUNTERWEIGHT] = this.counterweight();
    if (i !== ru && w.compliance[i] > 0 && wt[wb + T_COMPLIANCE] !== 0) out[T_COMPLIANCE] = this.compliance();
  }

  /** triangle: tie_ij + tie_ik - tie_jk; the US weighs the last part by us_engagement. */
  private triangle(): number {
    const w = this.w;
    const i = this.i;
    const a = i === w.us ? w.cn : w.us;
    const b = i === w.ru ? w.cn : w.ru;
    const c = i === w.us ? this.lev[L.us_engagement] : 1;
    return this.rowI[a] + this.rowI[b] - c * this.tieAfter(a, b);
  }

  private autonomy(ruTot: number): number {
    const th = this.w.params.autonomyThreshold;
    return -(
      overdependence(this.pRu[this.w.cn] / (ruTot > 0 ? ruTot : 1e-9), th) +
      overdependence(this.rfeShare(this.w.cn), th) +
      overdependence(this.s.energy[B_CN], th)
    );
  }

  /** Russia's standing as an Asian player apart from China (i is Russia: its row is rowI). */
  private status(): number {
    const w = this.w;
    const row = this.rowI;
    let sum = 0;
    let cnt = 0;
    for (let k = 0; k < this.n; k++) {
      if (k === w.ru || k === w.cn || !w.asian[k]) continue;
      sum += row[k];
      cnt++;
    }
    const vn = w.vn >= 0 ? Math.max(0, row[w.vn]) : 0;
    const asean = w.asean >= 0 ? Math.max(0, row[w.asean]) : 0;
    return (cnt > 0 ? sum / cnt : 0) + clamp(0.5 * this.s.navy + 0.3 * vn + 0.2 * asean, 0, 1);
  }

  private warNeeds(): number {
    const w = this.w;
    let sum = 0;
    for (let k = 0; k < this.n; k++) {
      if (k === w.ru) continue;
      sum += (1 - w.compliance[k]) * w.warSupply[k] * this.rowI[k];
    }
    return this.lev[L.war] * sum;
  }

  private leverage(ruTot: number): number {
    const dep = this.pRu[this.w.cn] / (ruTot > 0 ? ruTot : 1e-9);
    return (dep + (1 - alternativesToChina(this.s.energy)) + this.rfeShare(this.w.cn)) / 3;
  }

  private counterweight(): number {
    const w = this.w;
    const i = this.i;
    const li = w.cwLever[i];
    const c = li >= 0 ? this.lev[li] : w.cwConst[i];
    if (c === 0) return 0;
    const inv = w.investor[i] ? (this.rfeShare(i) - this.rfeShare(w.cn)) / 2 : 0;
    return c * (-this.tieAfter(w.cn, w.ru) + inv);
  }

  private compliance(): number {
    const w = this.w;
    const i = this.i;
    const b = this.A[i * this.n + w.ru];
    const tradeRel = b > 0 ? this.pRu[i] / b : 0;
    const stake = this.complyStake === 0 ? 0 : (this.rfeOf(i) / 5) * this.complyStake;
    return this.complyFactor * (this.lev[L.sanctions] * (Math.max(0, this.rowI[w.ru]) + 0.5 * tradeRel) + stake);
  }
}

/** What a non-complying partner absorbs of Russia's diverted trade (russiaRow's `got`). */
function gotOf(div: number, b: number, c: number, ws: number, cap: number): number {
  const want = (div * b * (1 - c)) / ws;
  return Math.min(want, cap * b);
}

/** clamp(x, -1, 1) (the same value for every x, NaN and -0 included), as a branch the JIT keeps cheap. */
function unit(x: number): number {
  // biome-ignore lint/complexity/useMathMinMax: Math.max/min's NaN handling costs more here than the branch
  return x > 1 ? 1 : x < -1 ? -1 : x;
}
