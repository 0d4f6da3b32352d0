// Results pinned bit for bit across performance work: the final hash of runs of every preset at several
// seeds, under pins, slider changes, frozen decisions, perturbed parameters, a neutral 2012, scenarios
// with every number at an end of its range and a generated 30-actor roster; the calibrated continuity
// references of each world; and the records a recording Run gives (probabilities, per-term dU,
// utilities). An optimisation of the hot path must leave every one of them as it is: a change here is a
// change of the model, which needs its own commit, note and re-baselined fixture
// (UPDATE_GOLDEN=1 npx vitest run tests/unit/golden.test.ts rewrites it).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { widerRoster } from '../../bench/roster';
import { buildWorld } from '../../src/model/build';
import { Hasher } from '../../src/model/hash';
import type { World } from '../../src/model/world';
import { PRESET_IDS } from '../../src/scenario/presets';
import { perturbations, presetContext } from '../../src/sim/claims';
import { LeanRunner } from '../../src/sim/lean';
import type { LeverChange } from '../../src/sim/replay';
import { type Pins, Run } from '../../src/sim/run';
import { atBounds, preset } from '../fixtures/specs';

const FIXTURE = new URL('../fixtures/golden-hashes.json', import.meta.url);

interface Case {
  name: string;
  world: () => World;
  seeds: readonly number[];
  steps?: number;
  pins?: Pins;
  changes?: LeverChange[];
}

const SEEDS = [1, 2, 3, 17, 1000] as const;

function cases(): Case[] {
  const out: Case[] = [];
  for (const id of PRESET_IDS) out.push({ name: id, world: () => buildWorld(preset(id)), seeds: SEEDS });
  const post = () => buildWorld(preset('post-ukraine'));
  const pre = () => buildWorld(preset('pre-2022'));
  const pinned: [string, () => World, Pins][] = [
    ['post-ukraine war=1 sanctions=0.9', post, { war: 1, sanctions: 0.9 }],
    ['post-ukraine us_engagement=0.9 ru_econ_policy=0.1', post, { us_engagement: 0.9, ru_econ_policy: 0.1 }],
    ['post-ukraine beta=0', post, { beta: 0 }],
    ['post-ukraine beta=50 noise=0', post, { beta: 50, noise: 0 }],
    ['post-ukraine noise=0.2', post, { noise: 0.2 }],
    ['pre-2022 jp_rfe_openness=1 cn_jp_tension=0', pre, { jp_rfe_openness: 1, cn_jp_tension: 0 }],
    ['pre-2022 vn_cam_ranh=1 us_pivot=1', pre, { vn_cam_ranh: 1, us_pivot: 1 }],
    ['pre-2022 sanctions=1 war=1', pre, { sanctions: 1, war: 1 }],
  ];
  for (const [name, world, pins] of pinned) out.push({ name, world, pins, seeds: [1, 2, 3] });
  out.push({
    name: 'post-ukraine with slider changes',
    world: post,
    seeds: [1, 2],
    changes: [
      { t: 3, name: 'sanctions', value: 0.1 },
      { t: 6, name: 'us_engagement', value: 1 },
      { t: 6, name: 'war', value: 0 },
    ],
  });
  for (const id of ['pre-2022', 'post-ukraine']) {
    out.push({ name: `${id} frozen`, world: () => buildWorld({ ...preset(id), frozen: ['RU'] }), seeds: [1, 2] });
  }
  out.push({
    name: 'post-ukraine no decisions',
    world: () => {
      const s = preset('post-ukraine');
      return buildWorld({ ...s, frozen: s.actors.map((a) => a.id) });
    },
    seeds: [1],
  });
  // Every robustness perturbation of pre-2022 and post-ukraine (each free parameter at -25% and +25%).
  for (const p of perturbations()) {
    for (const id of ['pre-2022', 'post-ukraine']) {
      out.push({ name: `${id} ${p.label}`, world: () => presetContext(2, p).world(id), seeds: [1], steps: 12 });
    }
  }
  for (let b = 1; b <= 6; b++) {
    for (const id of ['pre-2022', 'post-ukraine']) {
      out.push({ name: `${id} at bounds #${b}`, world: () => buildWorld(atBounds(id, b)), seeds: [1, 2], steps: 12 });
    }
  }
  out.push({
    name: 'post-ukraine 30 actors',
    world: () => buildWorld(widerRoster(preset('post-ukraine'), 30)),
    seeds: [1],
    steps: 3,
  });
  return out;
}

function refsHash(w: World): string {
  return new Hasher().addArray(w.tieRef).digest();
}

function compute(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const c of cases()) {
    const w = c.world();
    const steps = c.steps ?? w.spec.steps;
    const runner = new LeanRunner(w, { pins: c.pins, changes: c.changes, steps });
    const hashes = [`refs ${refsHash(w)}`];
    for (const seed of c.seeds) {
      runner.run(seed, () => {});
      hashes.push(`${seed} ${runner.hash()}`);
    }
    out[c.name] = hashes;
  }
  // What a recording Run shows: every step's record (moves with their probabilities and per-term dU,
  // utilities, indicators), hashed as JSON.
  for (const id of ['pre-2022', 'post-ukraine']) {
    const run = new Run(preset(id), { seed: 1 });
    run.runTo(run.world.spec.steps);
    const h = new Hasher();
    const recs: string[] = [];
    for (let t = 0; t <= run.computed; t++) {
      const text = JSON.stringify(run.recordAt(t));
      for (let k = 0; k < text.length; k++) h.addNumber(text.charCodeAt(k));
      if (t % 8 === 0) recs.push(`t${t} ${new Hasher().addArray(Array.from(text, (ch) => ch.charCodeAt(0))).digest()}`);
    }
    out[`${id} records`] = [h.digest(), ...recs];
  }
  return out;
}

describe('golden results (bit for bit)', () => {
  it('every pinned run, calibration and record is unchanged', () => {
    const got = compute();
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(FIXTURE)) {
      writeFileSync(FIXTURE, `${JSON.stringify(got, null, 1)}\n`);
      if (process.env.UPDATE_GOLDEN !== '1') throw new Error('golden fixture was missing: written, check it in');
      return;
    }
    const want = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, string[]>;
    expect(Object.keys(got).sort()).toEqual(Object.keys(want).sort());
    for (const k of Object.keys(want)) expect(got[k], k).toEqual(want[k]);
  });
});
