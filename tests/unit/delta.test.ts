// The differenced tie trials (model/delta.ts) against the definition (step.ts, referenceTieDU: apply the
// trial, refresh the potentials, evaluate the whole utility, undo): every option of every actor toward
// every other at every step of many runs, in the presets, under pins that switch the diversion, the
// war and the embargo on, with every robustness perturbation, with the conjecture off, and in scenarios
// with every number at an end of its range. The two must agree to rounding, and so choose alike.
import { describe, expect, it } from 'vitest';
import { widerRoster } from '../../bench/roster';
import { buildWorld } from '../../src/model/build';
import { TieDelta } from '../../src/model/delta';
import { computePotentials, makeScratch, utility } from '../../src/model/derive';
import { LEVER_INDEX, type LeverName } from '../../src/model/levers';
import { createRng } from '../../src/model/rng';
import { TERM_NAMES } from '../../src/model/spec';
import { applyEvents, referenceTieDU, step } from '../../src/model/step';
import { initialState, type State, type World } from '../../src/model/world';
import { PRESET_IDS } from '../../src/scenario/presets';
import { perturbations, presetContext } from '../../src/sim/claims';
import type { Pins } from '../../src/sim/run';
import { atBounds, preset } from '../fixtures/specs';

interface Tally {
  options: number;
  worst: number;
  flips: number;
}

/**
 * Step a run; before each step compare both forms on every option. The tolerance is relative to the
 * size of the actor's utility terms (the definition subtracts two sums of them: its own rounding is
 * about that size times 1e-16).
 */
function compare(w: World, seed: number, steps: number, pins: Pins, tally: Tally): void {
  const s: State = initialState(w, createRng(seed).state());
  for (const [name, v] of Object.entries(pins)) {
    s.levers[LEVER_INDEX[name as LeverName]] = v as number;
    s.pinned[LEVER_INDEX[name as LeverName]] = 1;
  }
  applyEvents(w, s);
  const sc = makeScratch(w);
  const td = new TieDelta(w);
  const ref = new Float64Array(3);
  const fast = new Float64Array(3);
  const n = w.n;
  const terms = new Float64Array(TERM_NAMES.length);
  for (let t = 0; t < steps; t++) {
    computePotentials(w, s, s.levers, sc.potential, sc.otherPotential, sc.base);
    td.begin(s, s.levers, sc.potential, sc.otherPotential, sc.sec, w.weights);
    for (let i = 0; i < n; i++) {
      td.actor(i);
      const u = utility(w, s, s.levers, sc.potential, sc.otherPotential, i, terms, sc.sec);
      // The whole utility from the differenced form's quantities is the definition's, bit for bit.
      if (!Object.is(td.utilityTotal(), u))
        expect.fail(`${w.spec.id} t${t} ${w.ids[i]}: utility ${td.utilityTotal()} vs ${u}`);
      let size = 1;
      for (const x of terms) size += Math.abs(x);
      for (let j = 0; j < n; j++) {
        if (j === i) continue;
        referenceTieDU(w, s, sc, i, j, ref);
        td.options(j, fast);
        for (let m = 0; m < 3; m++) {
          tally.options++;
          if (ref[m] === Number.NEGATIVE_INFINITY || fast[m] === Number.NEGATIVE_INFINITY) {
            expect(fast[m], `${w.spec.id} t${t} ${w.ids[i]}->${w.ids[j]} option ${m - 1}`).toBe(ref[m]);
            continue;
          }
          const err = Math.abs(fast[m] - ref[m]) / size;
          tally.worst = Math.max(tally.worst, err);
          if (err > 1e-13) {
            expect.fail(
              `${w.spec.id} seed ${seed} t${t} ${w.ids[i]}->${w.ids[j]} option ${m - 1}: differenced ${fast[m]}, definition ${ref[m]}`,
            );
          }
        }
        // The ordering of the options, which is what a choice reads, is the same.
        if (Math.sign(fast[0] - fast[2]) !== Math.sign(ref[0] - ref[2]) && Math.abs(ref[0] - ref[2]) > 1e-12 * size)
          tally.flips++;
      }
    }
    step(w, s, sc);
  }
}

describe('differenced tie trials', () => {
  const tally: Tally = { options: 0, worst: 0, flips: 0 };

  it('agree with the definition in every preset', () => {
    for (const id of PRESET_IDS) for (const seed of [1, 2]) compare(buildWorld(preset(id)), seed, 16, {}, tally);
  });

  it('agree with the diversion, the embargo and the war on, and under extreme levers', () => {
    const post = buildWorld(preset('post-ukraine'));
    const pre = buildWorld(preset('pre-2022'));
    const pins: Pins[] = [
      { war: 1, sanctions: 1 },
      { sanctions: 0.9, ru_econ_policy: 0, us_engagement: 1 },
      { beta: 0, noise: 0.2 },
      { jp_rfe_openness: 1, cn_jp_tension: 1, vn_cam_ranh: 1, us_pivot: 1 },
    ];
    for (const p of pins) {
      compare(post, 3, 12, p, tally);
      compare(pre, 3, 12, p, tally);
    }
  });

  it('agree under every robustness perturbation and with the conjecture off', () => {
    for (const p of perturbations()) compare(presetContext(2, p).world('post-ukraine'), 4, 6, {}, tally);
    for (const id of ['pre-2022', 'post-ukraine']) {
      const s = preset(id);
      compare(buildWorld({ ...s, params: { ...s.params, conjecture: 0 } }), 5, 8, {}, tally);
      compare(buildWorld({ ...s, params: { ...s.params, heider: 0, threatBalancing: 0 } }), 5, 8, {}, tally);
    }
  });

  it('agree with every number at an end of its range', () => {
    for (let b = 1; b <= 12; b++) {
      for (const id of ['pre-2022', 'post-ukraine']) compare(buildWorld(atBounds(id, b, 7)), b, 10, {}, tally);
    }
  });

  it('agree on a 30-actor roster', () => {
    compare(buildWorld(widerRoster(preset('post-ukraine'), 30)), 1, 2, {}, tally);
  });

  it('order the options alike (what a choice reads)', () => {
    expect(tally.options).toBeGreaterThan(100_000);
    expect(tally.flips).toBe(0);
    console.log(
      `differenced vs definition: ${tally.options} options, largest relative difference ${tally.worst.toExponential(2)}`,
    );
  });
});
