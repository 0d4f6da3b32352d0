// The app's live bands (src/app/liveBands.ts) in Node, on a worker_threads pool: the request names
// every input (a lever change or compare makes a new key, the same inputs the same key); the result
// is the single-thread ensemble's quantiles and configuration shares, starts at the run shown, and in
// compare mode carries B's band and the paired difference; the chart model places the stacked
// configurations and the A − B chart.
import { afterAll, describe, expect, it } from 'vitest';
import { bandMetrics, chartsModel, DIFF_METRICS } from '../../src/app/charts';
import { type Computed, RunCache, type Runs } from '../../src/app/derive';
import { computeLive, LIVE_SEEDS, liveKey, liveRequest } from '../../src/app/liveBands';
import { makeTimeline } from '../../src/app/timeline';
import { buildWorld } from '../../src/model/build';
import { loadPreset } from '../../src/scenario/presets';
import { bands } from '../../src/sim/bands';
import { CONFIGS, metricNames, runSeeds } from '../../src/sim/lean';
import { nodePool } from '../../src/sim/nodePool';
import { pairedDifference } from '../../src/sim/paired';
import { streamEnsemble } from '../../src/sim/stream';

function preset(id: string) {
  const r = loadPreset(id);
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r;
}

const pool = nodePool(2);
afterAll(() => pool.close());

function runsOf(a: Computed, b: Computed | null): Runs {
  return {
    a,
    b,
    ghost: null,
    timeline: makeTimeline(
      { start: a.spec.start, steps: a.horizon },
      b ? { start: b.spec.start, steps: b.horizon } : null,
    ),
  };
}

describe('live bands', () => {
  const cache = new RunCache();
  const edits = [{ t: 2, name: 'sanctions' as const, value: 0.1 }];
  const a = cache.get('post-ukraine', preset('post-ukraine'), 4, edits, {});
  const b = cache.get('no-war-2022', preset('no-war-2022'), 4, [], {});
  const metricsOf = (c: Computed) => bandMetrics(c);

  it('a request names every input: the same inputs, the same key; a change, compare or seed, another', () => {
    const r = liveRequest(runsOf(a, null), metricsOf, DIFF_METRICS);
    expect(r.seeds).toBe(LIVE_SEEDS);
    expect(liveKey(liveRequest(runsOf(a, null), metricsOf, DIFF_METRICS))).toBe(liveKey(r));
    const other = cache.get('post-ukraine', preset('post-ukraine'), 4, [{ ...edits[0], value: 0.2 }], {});
    expect(liveKey(liveRequest(runsOf(other, null), metricsOf, DIFF_METRICS))).not.toBe(liveKey(r));
    const seed = cache.get('post-ukraine', preset('post-ukraine'), 5, edits, {});
    expect(liveKey(liveRequest(runsOf(seed, null), metricsOf, DIFF_METRICS))).not.toBe(liveKey(r));
    const cmp = liveRequest(runsOf(a, b), metricsOf, DIFF_METRICS);
    expect(liveKey(cmp)).not.toBe(liveKey(r));
    expect(cmp.diff).toEqual([...DIFF_METRICS]);
    expect(r.diff).toEqual([]);
  });

  it("is the single-thread ensemble's bands, from the seed shown, and in compare mode B's and A − B", async () => {
    const runs = runsOf(a, b);
    const req = { ...liveRequest(runs, metricsOf, DIFF_METRICS), seeds: 40 };
    const v = await computeLive(pool, req, new AbortController().signal, () => 0);
    const plan = { seeds: 40, seedStart: 4, steps: a.horizon, changes: req.a.changes, metrics: req.a.metrics };
    const ref = bands(streamEnsemble(buildWorld(a.spec), plan));
    expect(v.metrics.ru_dependence_on_cn.med).toEqual(ref.metrics.ru_dependence_on_cn.q50);
    expect(v.metrics['CN-RU'].q25).toEqual(ref.metrics['CN-RU'].q25);
    expect(v.configs).toEqual(ref.configs);
    // The first seed is the run shown: its final state's hash.
    expect(v.hash).toBe(a.records[a.horizon].hash);
    for (let t = 0; t <= a.horizon; t++) expect(CONFIGS.reduce((s, c) => s + v.configs[c][t], 0)).toBeCloseTo(1, 12);
    expect(v.b?.metrics.ru_autonomy.hi.length).toBe(b.horizon + 1);
    const wa = buildWorld(a.spec);
    const wb = buildWorld(b.spec);
    const paired = pairedDifference(
      {
        values: runSeeds(wa, { seedStart: 4, count: 40, steps: a.horizon, changes: req.a.changes }),
        names: metricNames(wa),
        steps: a.horizon,
        offset: runs.timeline.a.offset,
      },
      {
        values: runSeeds(wb, { seedStart: 4, count: 40, steps: b.horizon }),
        names: metricNames(wb),
        steps: b.horizon,
        offset: runs.timeline.b?.offset ?? 0,
      },
      40,
      DIFF_METRICS,
      runs.timeline.last + 1,
    );
    expect(v.diff?.['CN-RU'].med).toEqual(paired.metrics['CN-RU'][2]);
    expect(v.diff?.ru_autonomy.lo).toEqual(paired.metrics.ru_autonomy[0]);
  }, 60000);

  it('the chart model: the stacked configurations after the banded charts; A − B in compare mode only', async () => {
    const runs = runsOf(a, b);
    const v = await computeLive(
      pool,
      { ...liveRequest(runs, metricsOf, DIFF_METRICS), seeds: 10 },
      new AbortController().signal,
      () => 0,
    );
    const m = chartsModel(runs, v);
    const ids = m.charts.map((c) => c.group.id);
    expect(ids.indexOf('configs')).toBe(ids.indexOf('ties') + 1);
    expect(ids.indexOf('diff')).toBe(ids.indexOf('configs') + 1);
    const cfg = m.charts[ids.indexOf('configs')];
    expect(cfg.series.map((s) => s.name)).toEqual([...CONFIGS]);
    expect(cfg.series.map((s) => s.short)).toContain('Stable marriage');
    const diff = m.charts[ids.indexOf('diff')];
    expect(diff.range[0]).toBe(-diff.range[1]);
    // This seed's difference is A − B at the same date.
    const k = diff.series.findIndex((s) => s.name === 'ru_dependence_on_cn');
    const t = 3;
    const along = (c: Computed, off: number) => c.records[t - off].indicators.ru_dependence_on_cn;
    expect(diff.series[k].a[t]).toBeCloseTo(
      along(a, runs.timeline.a.offset) - along(b, runs.timeline.b?.offset ?? 0),
      12,
    );
    const single = chartsModel(runsOf(a, null), v).charts.map((c) => c.group.id);
    expect(single).not.toContain('diff');
    expect(single).toContain('configs');
  }, 60000);
});
