// No run can reach a non-finite value (issue 9): the argument is in docs/MODEL.md ("Bounds and
// limits"); this checks it at the bounds. Every number a scenario holds is set to one end of its
// range (which end, per field, is drawn), and the run goes the longest a scenario or the CLI asks for:
// the model's once-per-step check would stop it at the first non-finite value, and the state stays
// within the ranges the model promises.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LEVERS } from '../../src/model/levers';
import { PARAM_RANGES } from '../../src/model/params';
import { TERM_NAMES } from '../../src/model/spec';
import { RFE_STOCK_MAX } from '../../src/model/world';
import { AMOUNT_MIN, INVESTMENT_MAX, STEPS_MAX, TRADE_MAX } from '../../src/scenario/limits';
import { loadScenario } from '../../src/scenario/load';
import { PRESETS } from '../../src/scenario/presets';
import { Run } from '../../src/sim/run';

type Json = Record<string, unknown> & {
  actors: Record<string, unknown>[];
  ties: Record<string, number>;
  trade: Record<string, number>;
  energy: { shares: Record<string, number>; eastCapacity: number; eastCapacityGrowth: number; exports: number };
  rfe: { investment: Record<string, number>; development: number };
  security: { weight: number }[];
  weights: Record<string, Record<string, number>>;
};

/** post-ukraine with every number at an end of its range; `end(k)` says which end for the k-th field. */
function atBounds(end: (k: number) => boolean): Json {
  const s = structuredClone(PRESETS['post-ukraine']) as Json;
  let k = 0;
  const pick = (lo: number, hi: number) => (end(k++) ? hi : lo);
  // An amount's lower ends: 0, and the smallest positive amount.
  const amount = (hi: number) => (end(k++) ? hi : end(k++) ? AMOUNT_MIN : 0);
  for (const a of s.actors) {
    a.growth = pick(-0.2, 0.3);
    a.otherTrade = amount(TRADE_MAX);
    a.sanctionCompliance = pick(0, 1);
    a.commodityShare = pick(0, 1);
    a.warSupply = pick(0, 1);
  }
  for (const key of Object.keys(s.ties)) s.ties[key] = pick(-1, 1);
  for (const key of Object.keys(s.trade)) s.trade[key] = amount(TRADE_MAX);
  for (const id of Object.keys(s.rfe.investment)) s.rfe.investment[id] = amount(INVESTMENT_MAX);
  s.rfe.development = pick(0, 1);
  // Shares at a corner: everything to one buyer.
  const buyers = ['EU', 'CN', 'JP', 'KR', 'other'];
  const to = buyers[(end(k++) ? 1 : 0) + (end(k++) ? 2 : 0)];
  s.energy.shares = Object.fromEntries(buyers.map((b) => [b, b === to ? 1 : 0]));
  s.energy.eastCapacity = to === 'CN' ? 1 : pick(0, 1);
  s.energy.eastCapacityGrowth = pick(0, 0.1);
  s.energy.exports = amount(TRADE_MAX);
  s.navy = pick(0, 1);
  for (const x of s.security) x.weight = pick(-1, 1);
  for (const a of s.actors) {
    s.weights[a.id as string] = Object.fromEntries(TERM_NAMES.map((t) => [t, pick(0, 10)]));
  }
  s.levers = Object.fromEntries(LEVERS.map((l) => [l.name, pick(l.min, l.max)]));
  s.params = Object.fromEntries(Object.entries(PARAM_RANGES).map(([name, r]) => [name, pick(r.min, r.max)]));
  return s;
}

describe('runs at the bounds', () => {
  it(`stay finite and in range for ${STEPS_MAX} steps, whichever end each number is at`, () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 400, maxLength: 400 }), fc.nat(), (ends, seed) => {
        const r = loadScenario(atBounds((k) => ends[k % ends.length]));
        if (!r.ok) throw new Error(r.errors.join('; '));
        const run = new Run(r.spec, { seed, record: false });
        run.runTo(STEPS_MAX);
        const s = run.state;
        const n = run.world.n;
        for (const v of s.ties) expect(v >= -1 && v <= 1).toBe(true);
        for (let i = 0; i < n * n; i++) expect(Number.isFinite(s.trade[i]) && s.trade[i] >= 0).toBe(true);
        for (const v of s.other) expect(Number.isFinite(v) && v >= 0).toBe(true);
        for (const v of s.rfe) expect(v >= 0 && v <= RFE_STOCK_MAX).toBe(true);
        let sum = 0;
        for (const v of s.energy) {
          expect(v >= 0 && v <= 1).toBe(true);
          sum += v;
        }
        expect(sum).toBeCloseTo(1, 9);
        for (const [name, v] of Object.entries(run.indicatorsAt())) {
          expect(Number.isFinite(v), name).toBe(true);
          if (name !== 'ru_cn_trade_gap') expect(v >= 0 && v <= 1, name).toBe(true);
        }
        for (const u of Object.values(run.recordAt().utility)) expect(Number.isFinite(u.total)).toBe(true);
      }),
      { numRuns: 16, seed: 77 },
    );
  });

  it('all at the upper ends, all at the lower ends, and 3,000 steps at the upper ends', () => {
    for (const end of [true, false]) {
      const r = loadScenario(atBounds(() => end));
      if (!r.ok) throw new Error(r.errors.join('; '));
      const run = new Run(r.spec, { record: false });
      run.runTo(end ? 3000 : STEPS_MAX);
      for (const v of run.state.trade) expect(Number.isFinite(v)).toBe(true);
      for (const u of Object.values(run.recordAt().utility)) expect(Number.isFinite(u.total)).toBe(true);
    }
  });
});
