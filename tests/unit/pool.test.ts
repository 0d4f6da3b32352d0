// The worker pool (src/sim/pool.ts on Node's worker_threads): the same bytes whatever the number of
// workers, in both quantile modes and for sensitivity studies; cancellation and errors come back as
// rejections and leave the pool usable.
import { afterAll, describe, expect, it } from 'vitest';
import { buildWorld } from '../../src/model/build';
import { loadPreset } from '../../src/scenario/presets';
import { agency } from '../../src/sim/agency';
import { efficacy } from '../../src/sim/efficacy';
import { ensembleResult } from '../../src/sim/ensemble';
import { withSamples } from '../../src/sim/experiment';
import { runSeeds } from '../../src/sim/lean';
import { nodePool } from '../../src/sim/nodePool';
import { CancelledError, type Pool } from '../../src/sim/pool';
import { type EnsemblePlan, streamEnsemble } from '../../src/sim/stream';
import { evaluatePoints, studyDesign, studyPlan } from '../../src/sim/study';

function preset(id = 'post-ukraine') {
  const r = loadPreset(id);
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.spec;
}

const pools: Pool[] = [];
function pool(n: number): Pool {
  const p = nodePool(n);
  pools.push(p);
  return p;
}
afterAll(() => {
  for (const p of pools) p.close();
});

describe('worker pool', () => {
  const spec = preset();
  const world = buildWorld(spec);
  const one = pool(1);
  const three = pool(3);

  it.each<[string, EnsemblePlan]>([
    ['exact quantiles', { seeds: 100, seedStart: 3, steps: 10, changes: [{ t: 2, name: 'war', value: 0.1 }] }],
    ['streamed histograms', { seeds: 150, seedStart: 1, steps: 8, pins: { sanctions: 0.5 }, exactLimit: 0 }],
  ])('ensemble (%s): 1 and 3 workers give the bytes of one thread', async (_what, plan) => {
    const reference = streamEnsemble(world, plan);
    const [a, b] = await Promise.all([one.ensemble(spec, plan), three.ensemble(spec, plan)]);
    expect(a).toEqual(reference);
    expect(b).toEqual(reference);
    const text = (x: typeof reference) => JSON.stringify(ensembleResult(world, x, { ...plan }));
    expect(text(b)).toBe(text(reference));
  });

  it('a sensitivity study: every point equals its in-process value, any number of workers', async () => {
    const plan = studyPlan(spec, {
      method: 'sobol',
      metric: 'CN-RU',
      inputs: ['war', 'alpha', 'us_pivot'],
      samples: 8,
      seeds: 2,
      steps: 5,
    });
    const design = studyDesign(plan);
    const reference = evaluatePoints(spec, plan, design, 0, design.count);
    const progress: number[] = [];
    const y3 = await three.study(spec, plan, { onProgress: (done) => progress.push(done) });
    expect(y3).toEqual(reference);
    expect(await one.study(spec, plan)).toEqual(reference);
    expect(progress[progress.length - 1]).toBeGreaterThan(1);
  });

  it("seeds' whole trajectories (what the claims read): the array runSeeds gives in one thread, any number of workers", async () => {
    const plan = { seedStart: 5, count: 23, steps: 6, pins: { war: 1 } };
    const reference = runSeeds(world, plan);
    expect(await three.seeds(spec, plan)).toEqual(reference);
    expect(await one.seeds(spec, plan)).toEqual(reference);
  });

  it('efficacy and agency with their samples run on the pool give the numbers of one thread', async () => {
    // Fresh worlds each time: samples are memoised per world.
    const pre = () => buildWorld(preset('pre-2022'));
    const levers = ['jp_rfe_openness', 'vn_cam_ranh'] as const;
    const outcomes = ['ru_dependence_on_cn', 'CN-RU', 'JP-RU'];
    const inProcess = efficacy(pre(), 6, levers, outcomes);
    expect(await withSamples(three, () => efficacy(pre(), 6, levers, outcomes))).toEqual(inProcess);
    const agencyHere = agency(pre(), 5, 'RU', {}, outcomes);
    const w = pre();
    expect(await withSamples(three, () => agency(w, 5, 'RU', {}, outcomes))).toEqual(agencyHere);
  });

  it('cancels a job (queued work dropped, a rejection back) and runs the next one', async () => {
    const controller = new AbortController();
    const job = three.ensemble(spec, { seeds: 3000, seedStart: 1, steps: 15 }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(job).rejects.toBeInstanceOf(CancelledError);
    const plan = { seeds: 40, seedStart: 1, steps: 4 };
    expect(await three.ensemble(spec, plan)).toEqual(streamEnsemble(world, plan));
  });

  it('reports a worker-side error as a rejection', async () => {
    await expect(one.ensemble(spec, { seeds: 5, seedStart: 1, steps: 3, metrics: ['nope'] })).rejects.toThrow(
      /unknown metric "nope"/,
    );
    expect(await one.ensemble(spec, { seeds: 5, seedStart: 1, steps: 3 })).toBeTruthy();
  });
});
