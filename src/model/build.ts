// Building a world: the static arrays of world.ts, then the calibration of the `continuity` term, which
// needs the utilities: the scenario's initial ties are taken to balance every actor's interests at the start.
import { computePotentials, makeScratch } from './derive';
import { createRng } from './rng';
import type { ModelSpec } from './spec';
import { tieMarginal } from './step';
import { compileWorld, initialState, N_TERMS, TERM_INDEX, type World } from './world';

export function buildWorld(spec: ModelSpec): World {
  const w = compileWorld(spec);
  calibrateContinuity(w);
  return w;
}

/**
 * Set each actor's reference for each tie so that, at the initial state and levers, the pull of its
 * other interests and the cost of moving away balance: ref = tie0 - slope / weight. Changes after the
 * start (levers, pins, events, others' moves) are then what moves the ties, not a mismatch between the
 * authors' initial ties and the model's utilities.
 */
function calibrateContinuity(world: World): void {
  // The slopes are taken under the calibration weights (the continuity weight included: the references
  // are where those preferences are at rest); the run then uses its own weights.
  const w: World = { ...world, weights: world.calibrationWeights };
  const n = w.n;
  const s = initialState(w, createRng(0).state());
  // At the calibration levers (the scenario's `levers`), as trade potentials are: pins are changes from it.
  s.levers.set(w.levers0);
  const sc = makeScratch(w);
  computePotentials(w, s, s.levers, sc.potential, sc.otherPotential, sc.base);
  // A weight below 1e-6 counts as none: dividing a slope by it would send the reference past any bound.
  const kappa = (i: number) => {
    const k = w.weights[i * N_TERMS + TERM_INDEX.continuity];
    return k < 1e-6 ? 0 : k;
  };
  for (let i = 0; i < n; i++) {
    const k = kappa(i);
    if (k === 0) continue;
    for (let j = 0; j < n; j++)
      if (j !== i) world.tieRef[i * n + j] = w.t0[i * n + j] - tieMarginal(w, s, sc, i, j) / k;
  }
  // A move also shifts the ties the actor expects to follow it (the Heider conjecture), and their own
  // continuity costs: a few Newton steps on each reference bring every full slope to zero.
  for (let it = 0; it < CALIBRATION_ROUNDS; it++) {
    const next = world.tieRef.slice();
    for (let i = 0; i < n; i++) {
      const k = kappa(i);
      if (k === 0) continue;
      for (let j = 0; j < n; j++) if (j !== i) next[i * n + j] -= tieMarginal(w, s, sc, i, j, true) / k;
    }
    world.tieRef.set(next);
  }
}

/** Rounds of the refinement: each shrinks the largest remaining slope about threefold (1 -> 1e-5 in twelve). */
const CALIBRATION_ROUNDS = 12;
