// For any levers in range and any seed: ties stay in [-1, 1] (symmetric, zero diagonal), energy
// shares stay in [0, 1] and sum to 1, indicators stay in [0, 1], nothing is NaN.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LEVERS, type LeverName } from '../../src/model/levers';
import { ENERGY_BUYERS } from '../../src/model/spec';
import { loadPreset, PRESET_IDS } from '../../src/scenario/presets';
import { Run } from '../../src/sim/run';

const leverArb = fc.record(
  Object.fromEntries(LEVERS.map((l) => [l.name, fc.double({ min: l.min, max: l.max, noNaN: true })])) as Record<
    LeverName,
    fc.Arbitrary<number>
  >,
);

describe('invariants under any levers and seed', () => {
  it('hold at every step', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PRESET_IDS),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        leverArb,
        fc.integer({ min: 1, max: 24 }),
        (id, seed, levers, steps) => {
          const r = loadPreset(id);
          if (!r.ok) throw new Error(r.errors.join('; '));
          const run = new Run(r.spec, { seed, pins: levers });
          const n = run.world.n;
          for (let t = 0; t <= steps; t++) {
            if (t > 0) run.step();
            const s = run.state;
            for (let i = 0; i < n; i++) {
              expect(s.ties[i * n + i]).toBe(0);
              for (let j = 0; j < n; j++) {
                const v = s.ties[i * n + j];
                expect(v).toBeGreaterThanOrEqual(-1);
                expect(v).toBeLessThanOrEqual(1);
                expect(v).toBe(s.ties[j * n + i]);
                expect(Number.isFinite(s.trade[i * n + j]) && s.trade[i * n + j] >= 0).toBe(true);
              }
            }
            let sum = 0;
            ENERGY_BUYERS.forEach((_, b) => {
              expect(s.energy[b]).toBeGreaterThanOrEqual(0);
              expect(s.energy[b]).toBeLessThanOrEqual(1);
              sum += s.energy[b];
            });
            expect(sum).toBeCloseTo(1, 9);
            for (const [name, v] of Object.entries(run.indicatorsAt())) {
              expect(Number.isFinite(v), `${name} at t=${t}`).toBe(true);
              if (!name.startsWith('ru_cn_trade_gap')) {
                expect(v).toBeGreaterThanOrEqual(0);
                expect(v).toBeLessThanOrEqual(1);
              }
            }
            expect(Number.isFinite(s.rfeDev)).toBe(true);
            for (const x of s.rfe) expect(Number.isFinite(x) && x >= 0).toBe(true);
            for (const u of Object.values(run.recordAt().utility)) expect(Number.isFinite(u.total)).toBe(true);
          }
        },
      ),
      { numRuns: 60, seed: 20261123 },
    );
  });
});
