// The app's ensemble band (src/sim/band.ts): computed from plain JSON the way the worker gets it, its
// first seed is the run the app shows (same scenario file, weights and lever changes), its quantiles
// are ordered, and it is the ensemble of runWithChanges over consecutive seeds.
import { describe, expect, it } from 'vitest';
import { RunCache } from '../../src/app/derive';
import { loadPreset } from '../../src/scenario/presets';
import { BAND_SEEDS, type BandRequest, computeBand } from '../../src/sim/band';
import { metricNames, metricValues, quantileSorted } from '../../src/sim/ensemble';
import { runWithChanges } from '../../src/sim/replay';

const METRICS = ['ru_dependence_on_cn', 'cn_dependence_on_ru', 'ru_autonomy', 'CN-RU'];

function base(id: string) {
  const r = loadPreset(id);
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r;
}

async function band(req: Omit<BandRequest, 'gen'>) {
  const out = await computeBand(JSON.parse(JSON.stringify({ ...req, gen: 1 })) as BandRequest);
  if (!out.ok) throw new Error('error' in out ? out.error : 'cancelled');
  return out.result;
}

describe('ensemble band', () => {
  it('starts from the run shown: same file, weights and lever changes give the same final hash', async () => {
    const edits = [
      { t: 0, name: 'sanctions' as const, value: 0.2 },
      { t: 5, name: 'war' as const, value: 0.3 },
    ];
    const weights = { RU: { autonomy: 3 } };
    const shown = new RunCache().get('post-ukraine', base('post-ukraine'), 4, edits, weights);
    const r = await band({
      file: shown.file,
      changes: [...shown.edits],
      seed: 4,
      seeds: 3,
      steps: shown.horizon,
      metrics: METRICS,
    });
    expect(r.hash).toBe(shown.records[shown.horizon].hash);
    expect(r.metrics.ru_dependence_on_cn.med).toHaveLength(shown.horizon + 1);
  });

  it('is the 5/50/95% quantiles of runWithChanges over seeds seed..seed+N-1', async () => {
    const b = base('pre-2022');
    const changes = [{ t: 3, name: 'us_pivot' as const, value: 0.2 }];
    const r = await band({ file: b.file, changes, seed: 10, seeds: 7, steps: 12, metrics: METRICS });
    const runs = Array.from({ length: 7 }, (_, s) => runWithChanges(b.spec, 10 + s, changes, 12));
    const k = metricNames(runs[0].world).indexOf('CN-RU');
    for (const t of [0, 6, 12]) {
      const col = Float64Array.from(runs, (run) => metricValues(run.world, run, t)[k]).sort();
      expect(r.metrics['CN-RU'].lo[t]).toBe(quantileSorted(col, 0.05));
      expect(r.metrics['CN-RU'].med[t]).toBe(quantileSorted(col, 0.5));
      expect(r.metrics['CN-RU'].hi[t]).toBe(quantileSorted(col, 0.95));
    }
  });

  it('has ordered quantiles with some spread, and stops when cancelled', async () => {
    const b = base('post-ukraine');
    const r = await band({ file: b.file, changes: [], seed: 1, seeds: BAND_SEEDS, steps: 16, metrics: METRICS });
    for (const m of METRICS) {
      const q = r.metrics[m];
      for (let t = 0; t <= 16; t++) {
        expect(q.lo[t]).toBeLessThanOrEqual(q.med[t]);
        expect(q.med[t]).toBeLessThanOrEqual(q.hi[t]);
      }
    }
    expect(r.metrics.ru_dependence_on_cn.hi[16]).toBeGreaterThan(r.metrics.ru_dependence_on_cn.lo[16]);
    let n = 0;
    const out = await computeBand(
      { gen: 2, file: b.file, changes: [], seed: 1, seeds: 10, steps: 4, metrics: METRICS },
      { cancelled: () => ++n > 3 },
    );
    expect(out.ok).toBe(false);
  });

  it('reports a scenario that does not load instead of throwing', async () => {
    const out = await computeBand({
      gen: 3,
      file: { id: 'x' },
      changes: [],
      seed: 1,
      seeds: 2,
      steps: 2,
      metrics: METRICS,
    });
    expect(out.ok).toBe(false);
    expect('error' in out && out.error.length > 0).toBe(true);
  });
});
