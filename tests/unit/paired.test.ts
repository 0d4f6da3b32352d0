// The paired difference of the compare view (src/sim/paired.ts): A − B seed by seed at the same date,
// checked against runs made one by one with the model's Run; identical sides give a band of zeros; and
// the pool gives the same bytes with 1 and 3 workers as one thread.
import { afterAll, describe, expect, it } from 'vitest';
import { buildWorld } from '../../src/model/build';
import { loadPreset } from '../../src/scenario/presets';
import { metricValues } from '../../src/sim/ensemble';
import { metricNames, runSeeds } from '../../src/sim/lean';
import { nodePool } from '../../src/sim/nodePool';
import { pairedDifference, pairedOnPool } from '../../src/sim/paired';
import type { Pool } from '../../src/sim/pool';
import { runWithChanges } from '../../src/sim/replay';

function preset(id: string) {
  const r = loadPreset(id);
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.spec;
}

const pools: Pool[] = [];
afterAll(() => {
  for (const p of pools) p.close();
});

describe('paired difference', () => {
  const specA = preset('post-ukraine');
  const specB = preset('no-war-2022');
  const wa = buildWorld(specA);
  const wb = buildWorld(specB);
  const changes = [{ t: 2, name: 'sanctions' as const, value: 0.2 }];
  const seeds = 20;
  const steps = 8;
  // B starts one quarter later on the shared timeline: A's step s + 1 pairs with B's step s.
  const offB = 1;
  const length = steps + 2;
  const names = metricNames(wa);
  const metrics = ['ru_dependence_on_cn', 'CN-RU'];
  const side = (w: typeof wa, values: Float64Array, offset: number) => ({
    values,
    names: metricNames(w),
    steps,
    offset,
  });

  it('is A − B of each seed at the same date, its median the middle of the sorted differences', () => {
    const va = runSeeds(wa, { seedStart: 5, count: seeds, steps, changes });
    const vb = runSeeds(wb, { seedStart: 5, count: seeds, steps });
    const p = pairedDifference(side(wa, va, 0), side(wb, vb, offB), seeds, metrics, length);
    const m = names.indexOf('ru_dependence_on_cn');
    for (const t of [1, 4, 8]) {
      const diffs: number[] = [];
      for (let r = 0; r < seeds; r++) {
        const ra = runWithChanges(wa, 5 + r, changes, steps);
        const rb = runWithChanges(wb, 5 + r, [], steps);
        diffs.push(metricValues(wa, ra, t, names)[m] - metricValues(wb, rb, t - offB, metricNames(wb))[m]);
      }
      diffs.sort((x, y) => x - y);
      // 20 values: the median is halfway between the 10th and the 11th; 5% is 0.95 of the way from the 1st.
      expect(p.metrics.ru_dependence_on_cn[2][t]).toBeCloseTo((diffs[9] + diffs[10]) / 2, 12);
      expect(p.metrics.ru_dependence_on_cn[0][t]).toBeCloseTo(diffs[0] + 0.95 * (diffs[1] - diffs[0]), 12);
    }
    // Only A runs at timeline step 0 (B has not started), only B at the last: no difference there.
    expect(p.metrics['CN-RU'][2][0]).toBeNull();
    expect(p.metrics['CN-RU'][2][length - 1]).toBeNull();
  });

  it('of a run against itself is zero at every quantile', () => {
    const va = runSeeds(wa, { seedStart: 1, count: seeds, steps });
    const p = pairedDifference(side(wa, va, 0), side(wa, va, 0), seeds, metrics, steps + 1);
    for (const q of p.metrics['CN-RU']) for (const v of q) expect(v).toBe(0);
  });

  it('on the pool: the same bytes with 1 and 3 workers as in one thread', async () => {
    const reference = pairedDifference(
      side(wa, runSeeds(wa, { seedStart: 9, count: 70, steps, changes }), 0),
      side(wb, runSeeds(wb, { seedStart: 9, count: 70, steps }), offB),
      70,
      metrics,
      length,
    );
    for (const n of [1, 3]) {
      const pool = nodePool(n);
      pools.push(pool);
      const got = await pairedOnPool(
        pool,
        { spec: specA, plan: { seedStart: 9, count: 70, steps, changes }, names, offset: 0 },
        { spec: specB, plan: { seedStart: 9, count: 70, steps }, names: metricNames(wb), offset: offB },
        metrics,
        length,
      );
      expect(JSON.stringify(got)).toBe(JSON.stringify(reference));
      expect(got).toEqual(reference);
    }
  }, 60000);
});
