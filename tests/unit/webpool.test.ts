// The browser pool (src/sim/webPool.ts, webWorker.ts) in headless Chromium: the same bytes as Node for
// any number of Web Workers, for bands and for a sensitivity study; and its worker bundle stays free of
// zod and mathjs, whose parsers would add tens of kB to it.
import { describe, expect, it } from 'vitest';
import { buildWorld } from '../../src/model/build';
import { loadPreset } from '../../src/scenario/presets';
import { bands } from '../../src/sim/bands';
import { type EnsemblePlan, streamEnsemble } from '../../src/sim/stream';
import { evaluatePoints, type StudyOptions, studyDesign, studyPlan } from '../../src/sim/study';
import { hasChromium, withPoolPage } from '../../tools/browser-pool';
import { workerBundle } from '../../tools/worker-size';

const spec = (() => {
  const r = loadPreset('post-ukraine');
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.spec;
})();

interface Check {
  bands(id: string, plan: EnsemblePlan, workers: number): Promise<string>;
  study(id: string, o: StudyOptions, workers: number): Promise<number[]>;
}

describe('the web worker bundle', () => {
  it('has no zod or mathjs, and no more than the model and the sim', async () => {
    const b = await workerBundle();
    expect(b.text).not.toMatch(/ZodError|createUnit|typed-function|typedFunction/);
    // The 20 kB is a target the bench reports (worker_kb_gz: 24.1 kB, the incremental utility
    // change of model/delta.ts being 4 kB of it). This ceiling catches a parser or a schema pulled in by an
    // import (zod alone is over 50 kB gzipped), not a few hundred bytes of model.
    expect(b.gzipBytes).toBeLessThanOrEqual(28 * 1024);
  });
});

describe.skipIf(!hasChromium() && !process.env.CI)('the browser pool (headless Chromium)', () => {
  it('bands and a study: the bytes of Node, with 1 and 3 Web Workers', async () => {
    const plan: EnsemblePlan = {
      seeds: 200,
      seedStart: 7,
      steps: 15,
      changes: [{ t: 4, name: 'sanctions', value: 0.4 }],
      metrics: ['ru_dependence_on_cn', 'ru_autonomy', 'CN-RU'],
    };
    const expected = JSON.stringify(bands(streamEnsemble(buildWorld(spec), plan)));
    const o: StudyOptions = { method: 'oat', metric: 'ru_cn_trade_gap', inputs: ['war', 'alpha'], seeds: 3, steps: 6 };
    const sp = studyPlan(spec, o);
    const design = studyDesign(sp);
    const expectedY = Array.from(evaluatePoints(spec, sp, design, 0, design.count));
    const got = await withPoolPage(async (page) => {
      return page.evaluate(
        async ({ plan, o }) => {
          const check = (window as unknown as { poolCheck: Check }).poolCheck;
          return {
            one: await check.bands('post-ukraine', plan, 1),
            three: await check.bands('post-ukraine', plan, 3),
            study: await check.study('post-ukraine', o, 3),
          };
        },
        { plan, o },
      );
    });
    expect(got.one).toBe(expected);
    expect(got.three).toBe(expected);
    expect(got.study).toEqual(expectedY);
  });
});
