// Streaming ensembles (src/sim/stats.ts, lean.ts, stream.ts): the histogram quantiles stay within their
// stated bound of the exact ones, merges are exact, the lean runner sees what a Run sees, and the
// streamed ensemble equals the exact computation over kept trajectories.
import { describe, expect, it } from 'vitest';
import { buildWorld } from '../../src/model/build';
import { loadPreset } from '../../src/scenario/presets';
import { metricNames, metricValues } from '../../src/sim/ensemble';
import { CONFIGS, LeanRunner } from '../../src/sim/lean';
import { runWithChanges } from '../../src/sim/replay';
import { Run } from '../../src/sim/run';
import { errorBound, type Grid, Histograms, linearGrid, logGrid, Moments, quantileSorted } from '../../src/sim/stats';
import { blockCount, EnsembleMerger, EnsembleWorkerCore, QUANTILES, streamEnsemble } from '../../src/sim/stream';

/** xorshift: test data without Math.random, the same on every run. */
function rng(seed: number) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

function world(id = 'post-ukraine') {
  const r = loadPreset(id);
  if (!r.ok) throw new Error(r.errors.join('; '));
  return buildWorld(r.spec);
}

const QS = [0, 0.01, ...QUANTILES, 0.99, 1];

function checkBound(g: Grid, data: number[]) {
  const h = new Histograms([g]);
  for (const x of data) h.add(0, x);
  const sorted = Float64Array.from(data).sort();
  const est = new Float64Array(QS.length);
  h.quantiles(0, QS, est);
  QS.forEach((q, i) => {
    const exact = quantileSorted(sorted, q);
    const err = Math.abs(est[i] - exact);
    expect(err, `q=${q} exact=${exact} est=${est[i]}`).toBeLessThanOrEqual(errorBound(g, exact));
  });
  return { est, sorted };
}

describe('histogram quantiles', () => {
  const grid = linearGrid(0, 1, 400);
  const next = rng(7);
  const samples: [string, number[]][] = [
    ['one value', [0.3]],
    ['two values', [0.1, 0.9]],
    ['uniform', Array.from({ length: 5000 }, next)],
    ['clustered in one bin', Array.from({ length: 300 }, () => 0.5 + 0.002 * next())],
    ['bimodal', Array.from({ length: 999 }, (_, k) => (k % 2 ? 0.2 : 0.8) + 0.05 * next())],
    ['on bin edges and the ends', Array.from({ length: 401 }, (_, k) => k / 400)],
    ['constant', Array.from({ length: 50 }, () => 0.25)],
  ];
  it.each(samples)('linear grid, %s: within one bin width (0.0025) of the exact type-7 quantile', (_name, data) => {
    checkBound(grid, data);
  });

  it('is exact where every value is alike, and clamps to the exact min and max', () => {
    const { est } = checkBound(grid, [0.25, 0.25, 0.25]);
    expect([...est]).toEqual(QS.map(() => 0.25));
    const spread = checkBound(grid, [0.1, 0.2, 0.7]);
    expect(spread.est[0]).toBe(0.1);
    expect(spread.est[QS.length - 1]).toBe(0.7);
  });

  it('log grid (scenario indicators): within max(0.0002, ~1% of |x|), any sign, any scale', () => {
    const g = logGrid(1e-4, 1.01, 1e6);
    const n2 = rng(11);
    checkBound(
      g,
      Array.from({ length: 2000 }, () => (n2() - 0.3) * 10 ** (6 * n2() - 3)),
    );
    checkBound(
      g,
      Array.from({ length: 500 }, () => -0.4 + 0.01 * n2()),
    );
    expect(errorBound(g, 0.5)).toBeLessThan(0.5 * 0.0102);
    expect(errorBound(g, 0)).toBeCloseTo(2e-4, 12);
  });

  it('merges exactly: any split of the data gives the same counts and quantiles', () => {
    const next2 = rng(3);
    const data = Array.from({ length: 1000 }, () => -1 + 2 * next2());
    const g = linearGrid(-1, 1, 800);
    const whole = new Histograms([g]);
    for (const x of data) whole.add(0, x);
    const a = new Histograms([g]);
    const b = new Histograms([g]);
    data.forEach((x, k) => {
      (k % 3 ? a : b).add(0, x);
    });
    b.merge(a);
    expect(b.counts).toEqual(whole.counts);
    const qa = new Float64Array(5);
    const qb = new Float64Array(5);
    whole.quantiles(0, QUANTILES, qa);
    b.quantiles(0, QUANTILES, qb);
    expect(qb).toEqual(qa);
  });

  it('leaves NaN out of quantiles and counts it', () => {
    const h = new Histograms([grid]);
    for (const x of [0.1, Number.NaN, 0.3]) h.add(0, x);
    const q = new Float64Array(1);
    h.quantiles(0, [0.5], q);
    expect(Math.abs(q[0] - 0.2)).toBeLessThan(0.0025);
    expect(h.nan[0]).toBe(1);
  });
});

describe('moments', () => {
  it('Welford per block merged in block order matches the two-pass mean and SD', () => {
    const next = rng(5);
    const data = Array.from({ length: 1000 }, () => 1e3 + next());
    const merged = new Moments(1);
    for (let start = 0; start < data.length; start += 32) {
      const m = new Moments(1);
      for (const x of data.slice(start, start + 32)) {
        m.next();
        m.add(0, x);
      }
      merged.merge(m.n, m.mean, m.m2);
    }
    const mean = data.reduce((s, x) => s + x, 0) / data.length;
    const sd = Math.sqrt(data.reduce((s, x) => s + (x - mean) ** 2, 0) / (data.length - 1));
    expect(merged.n).toBe(1000);
    expect(merged.mean[0]).toBeCloseTo(mean, 10);
    expect(merged.sd(0) / sd).toBeCloseTo(1, 10);
  });
});

describe('lean runner', () => {
  it('sees the metrics, configurations and final hash of a Run with the same pins and changes', () => {
    const w = world();
    const steps = 12;
    const changes = [
      { t: 0, name: 'sanctions' as const, value: 0.5 },
      { t: 4, name: 'war' as const, value: 0.1 },
      { t: 4, name: 'war' as const, value: 0.2 },
    ];
    const runner = new LeanRunner(w, { steps, changes });
    const names = metricNames(w);
    for (const seed of [1, 9, 4294967295]) {
      const run = runWithChanges(w, seed, changes, steps);
      runner.run(seed, (t, v, config) => {
        expect(Array.from(v)).toEqual(Array.from(metricValues(w, run, t, names)));
        expect(CONFIGS[config]).toBe(run.recordAt(t).triangle.config);
      });
      expect(runner.hash()).toBe(run.hash(steps));
    }
  });

  it('pins levers for the whole run as Run does', () => {
    const w = world('pre-2022');
    const runner = new LeanRunner(w, { steps: 6, pins: { sanctions: 0.9, us_pivot: 0 } });
    const run = new Run(w, { seed: 3, pins: { sanctions: 0.9, us_pivot: 0 }, record: false });
    run.runTo(6);
    runner.run(3, () => {});
    expect(runner.hash()).toBe(run.hash(6));
  });
});

describe('streamed ensemble', () => {
  const w = world();
  const plan = { seeds: 70, seedStart: 5, steps: 8, pins: { jp_rfe_openness: 0.9 } };

  function exactColumns() {
    const names = metricNames(w);
    const runs = Array.from({ length: plan.seeds }, (_, k) => {
      const run = new Run(w, { seed: plan.seedStart + k, pins: plan.pins, record: false });
      run.runTo(plan.steps);
      return run;
    });
    return { names, runs };
  }

  it('is the exact quantiles, means and configuration shares of the kept trajectories', () => {
    const st = streamEnsemble(w, plan);
    expect(st.exact).toBe(true);
    const { names, runs } = exactColumns();
    const per = names.length;
    for (const t of [0, 3, 8]) {
      const rows = runs.map((run) => metricValues(w, run, t, names));
      for (const m of [0, 6, names.indexOf('CN-RU')]) {
        const col = Float64Array.from(rows, (r) => r[m]).sort();
        QUANTILES.forEach((q, i) => {
          expect(st.quantiles[i][t * per + m]).toBe(quantileSorted(col, q));
        });
        const mean = col.reduce((s, x) => s + x, 0) / col.length;
        expect(st.mean[t * per + m]).toBeCloseTo(mean, 13);
      }
      CONFIGS.forEach((c, i) => {
        const share = runs.filter((run) => run.recordAt(t).triangle.config === c).length / plan.seeds;
        expect(st.configs[t * CONFIGS.length + i]).toBe(share);
      });
    }
    expect(st.hash).toBe(runs[0].hash(plan.steps));
  });

  it('streams in fixed memory with quantiles within the stated bound, and the same moments', () => {
    const exact = streamEnsemble(w, plan);
    const sketch = streamEnsemble(w, { ...plan, exactLimit: 0 });
    expect(sketch.exact).toBe(false);
    expect(sketch.mean).toEqual(exact.mean);
    expect(sketch.sd).toEqual(exact.sd);
    expect(sketch.configs).toEqual(exact.configs);
    const per = exact.metrics.length;
    const extra = 6;
    let worst = 0;
    for (let c = 0; c < exact.mean.length; c++) {
      const m = c % per;
      QUANTILES.forEach((_, i) => {
        const e = exact.quantiles[i][c];
        const bound = m === extra ? Math.max(2e-4, 0.0102 * Math.abs(e)) : 0.0025;
        const err = Math.abs(sketch.quantiles[i][c] - e);
        worst = Math.max(worst, err / bound);
        expect(err).toBeLessThanOrEqual(bound);
      });
    }
    expect(worst).toBeGreaterThan(0); // the sketch is an estimate, not a copy of the exact path
  });

  it('keeps no values in streaming mode: block results carry moments only', () => {
    const core = new EnsembleWorkerCore(w, { ...plan, exactLimit: 0 });
    const r = core.runBlock(0);
    expect(r.values).toBeUndefined();
    expect(r.mean).toHaveLength((plan.steps + 1) * core.picked.length);
  });

  it('merges blocks arriving in any order into the same bytes', () => {
    const p = { ...plan, exactLimit: 0 };
    const reference = streamEnsemble(w, p);
    const cores = [new EnsembleWorkerCore(w, p), new EnsembleWorkerCore(w, p), new EnsembleWorkerCore(w, p)];
    const merger = EnsembleMerger.for(w, p, cores[0].runner.names);
    const blocks = Array.from({ length: blockCount(p.seeds) }, (_, b) => b).reverse();
    const results = blocks.map((b) => cores[b % 3].runBlock(b));
    for (const r of results) merger.addBlock(r);
    for (const c of cores) merger.addHistograms(c.histograms());
    expect(merger.result()).toEqual(reference);
  });

  it('summarises only the metrics asked for, in the order asked', () => {
    const st = streamEnsemble(w, { ...plan, metrics: ['CN-RU', 'ru_dependence_on_cn'] });
    const full = streamEnsemble(w, plan);
    const k = full.metrics.indexOf('CN-RU');
    expect(st.metrics).toEqual(['CN-RU', 'ru_dependence_on_cn']);
    expect(st.quantiles[2][2 * 2]).toBe(full.quantiles[2][2 * full.metrics.length + k]);
  });
});
