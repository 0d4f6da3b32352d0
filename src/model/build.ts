// Building a world: the static arrays of world.ts, then the calibration of the `continuity` term, which
// needs the utilities: the scenario's initial ties are taken to balance every actor's interests at the start.
import { computePotentials, makeScratch, refreshRows, utility } from './derive';
import { createRng } from './rng';
import type { ModelSpec } from './spec';
import { applyTieTrial, undoTieTrial } from './step';
import { clamp, compileWorld, initialState, N_TERMS, TERM_INDEX, type World } from './world';

export function buildWorld(spec: ModelSpec): World {
  const w = compileWorld(spec);
  calibrateContinuity(w);
  return w;
}

const CONT = TERM_INDEX.continuity;
// calibrateContinuity relies on continuity being utility()'s last term.
if (CONT !== N_TERMS - 1) throw new Error('continuity must be the last utility term');

/**
 * Set each actor's reference for each tie so that, at the initial state and levers, the pull of its
 * other interests and the cost of moving away balance: ref = tie0 - slope / weight. Changes after the
 * start (levers, pins, events, others' moves) are then what moves the ties, not a mismatch between the
 * authors' initial ties and the model's utilities.
 *
 * The slope of i's utility along its tie with j is a difference quotient over a move up and a move down
 * (with what i expects of the others: the Heider conjecture). Utility sums its weighted terms in order,
 * continuity last, and only continuity reads the references: so each trial's other terms are summed once
 * (two full utilities per tie), and every pass only re-adds the continuity of the trial's row of ties,
 * in the same order and with the same operations as utility(): the references are the ones a full
 * evaluation per trial and pass gives, bit for bit (tests/unit/golden.test.ts).
 */
function calibrateContinuity(w: World): void {
  // The slopes are taken under the calibration weights (the continuity weight included: the references
  // are where those preferences are at rest); the run then uses its own weights.
  const weights = w.calibrationWeights;
  const n = w.n;
  const s = initialState(w, createRng(0).state());
  // At the calibration levers (the scenario's `levers`), as trade potentials are: pins are changes from it.
  s.levers.set(w.levers0);
  const sc = makeScratch(w);
  computePotentials(w, s, s.levers, sc.potential, sc.otherPotential, sc.base);
  // A weight below 1e-6 counts as none: dividing a slope by it would send the reference past any bound.
  const kappa = (i: number) => {
    const k = weights[i * N_TERMS + CONT];
    return k < 1e-6 ? 0 : k;
  };
  const h = (w.params.horizon * w.params.alpha) / 2;
  const ref = w.tieRef;
  // Per directed tie: the trials' ties (up, down), the other terms' sum at each, and i's row of ties there.
  const up = new Float64Array(n * n);
  const down = new Float64Array(n * n);
  const restUp = new Float64Array(n * n);
  const restDown = new Float64Array(n * n);
  const rowUp = new Float64Array(n * n * n);
  const rowDown = new Float64Array(n * n * n);
  const terms = sc.terms;
  const trial = (i: number, j: number, v: number, rows: Float64Array): number => {
    const t0 = s.ties[i * n + j];
    const before = applyTieTrial(w, s, sc.log, i, j, v, v - t0);
    refreshRows(w, s, s.levers, sc.potential, sc.otherPotential, sc.base, i, j);
    utility(w, s, s.levers, sc.potential, sc.otherPotential, i, terms, sc.sec, Number.NaN, weights);
    rows.set(s.ties.subarray(i * n, (i + 1) * n), (i * n + j) * n);
    undoTieTrial(w, s, sc.log, i, j, before);
    // utility()'s running total up to continuity, the last term.
    let rest = 0;
    for (let t = 0; t < CONT; t++) rest += terms[t];
    return rest;
  };
  for (let i = 0; i < n; i++) {
    if (kappa(i) === 0) continue;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const k = i * n + j;
      const t0 = s.ties[k];
      up[k] = clamp(t0 + h, -1, 1);
      down[k] = clamp(t0 - h, -1, 1);
      if (up[k] > down[k]) {
        restUp[k] = trial(i, j, up[k], rowUp);
        restDown[k] = trial(i, j, down[k], rowDown);
      }
    }
  }
  // utility()'s continuity term, weighted, for the trial of tie k (i's row in `rows`) under refs `r`.
  const continuity = (i: number, k: number, rows: Float64Array, r: Float64Array): number => {
    let c = 0;
    for (let m = 0; m < n; m++) {
      const d = rows[k * n + m] - r[i * n + m];
      c += d * d;
    }
    return (-c / 2) * weights[i * N_TERMS + CONT];
  };
  // First, continuity left out (a trial's total less its continuity), each reference set as it goes.
  for (let i = 0; i < n; i++) {
    const kp = kappa(i);
    if (kp === 0) continue;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const k = i * n + j;
      let slope = 0;
      if (up[k] > down[k]) {
        const cu = continuity(i, k, rowUp, ref);
        const cd = continuity(i, k, rowDown, ref);
        slope = (restUp[k] + cu - cu - (restDown[k] + cd - cd)) / (up[k] - down[k]);
      }
      ref[k] = w.t0[k] - slope / kp;
    }
  }
  // A move also shifts the ties the actor expects to follow it (the Heider conjecture), and their own
  // continuity costs: a few Newton steps on each reference bring every full slope to zero.
  const next = new Float64Array(n * n);
  for (let it = 0; it < CALIBRATION_ROUNDS; it++) {
    next.set(ref);
    for (let i = 0; i < n; i++) {
      const kp = kappa(i);
      if (kp === 0) continue;
      for (let j = 0; j < n; j++) {
        if (j === i) continue;
        const k = i * n + j;
        let slope = 0;
        if (up[k] > down[k]) {
          slope =
            (restUp[k] + continuity(i, k, rowUp, ref) - (restDown[k] + continuity(i, k, rowDown, ref))) /
            (up[k] - down[k]);
        }
        next[k] -= slope / kp;
      }
    }
    ref.set(next);
  }
}

/** Rounds of the refinement: each shrinks the largest remaining slope about threefold (1 -> 1e-5 in twelve). */
const CALIBRATION_ROUNDS = 12;
