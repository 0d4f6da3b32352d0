// Long runs (issue 9): a Run keeps every step of a scenario's horizon, then keyframes, and recomputes
// the steps between them when asked; what it answers is the same as a run that kept everything.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LEVERS } from '../../src/model/levers';
import { loadScenario } from '../../src/scenario/load';
import { loadPreset, PRESETS } from '../../src/scenario/presets';
import { DENSE_STEPS, KEYFRAME_EVERY, Run } from '../../src/sim/run';

function preset(id: string) {
  const r = loadPreset(id);
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.spec;
}

type Op =
  | { kind: 'seek'; t: number }
  | { kind: 'runTo'; t: number }
  | { kind: 'step' }
  | { kind: 'set'; lever: number; value: number }
  | { kind: 'ask'; t: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('seek' as const), t: fc.integer({ min: 0, max: 24 }) }),
  fc.record({ kind: fc.constant('runTo' as const), t: fc.integer({ min: 0, max: 24 }) }),
  fc.record({ kind: fc.constant('step' as const) }),
  fc.record({
    kind: fc.constant('set' as const),
    lever: fc.integer({ min: 0, max: 7 }),
    value: fc.double({ min: 0, max: 1, noNaN: true }),
  }),
  fc.record({ kind: fc.constant('ask' as const), t: fc.integer({ min: 0, max: 24 }) }),
);

describe('keyframes', () => {
  it('any sequence of seeks, steps and lever changes answers as a run that keeps every step', () => {
    const spec = preset('post-ukraine');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 2, max: 6 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.array(opArb, { minLength: 1, maxLength: 25 }),
        (dense, every, seed, ops) => {
          const lean = new Run(spec, { seed, denseSteps: dense, keyframeEvery: every });
          const full = new Run(spec, { seed, denseSteps: Number.POSITIVE_INFINITY });
          for (const op of ops) {
            for (const r of [lean, full]) {
              if (op.kind === 'seek') r.seek(op.t);
              else if (op.kind === 'runTo') r.runTo(op.t);
              else if (op.kind === 'step') r.step();
              else if (op.kind === 'set') r.setLever(LEVERS[op.lever].name, op.value);
            }
            if (op.kind === 'ask') {
              const t = Math.min(op.t, full.computed);
              expect(lean.hash(t)).toBe(full.hash(t));
              expect(JSON.stringify(lean.recordAt(t))).toBe(JSON.stringify(full.recordAt(t)));
            }
            expect(lean.t).toBe(full.t);
            expect(lean.computed).toBe(full.computed);
            expect(lean.hash()).toBe(full.hash());
          }
          expect(JSON.stringify(lean.recordAt())).toBe(JSON.stringify(full.recordAt()));
        },
      ),
      { numRuns: 40, seed: 9 },
    );
  });

  it('a lever set inside a stretch recomputed before: the later steps of that stretch are the new ones', () => {
    const spec = preset('post-ukraine');
    const lean = new Run(spec, { denseSteps: 0, keyframeEvery: 8 });
    const full = new Run(spec, { denseSteps: Number.POSITIVE_INFINITY });
    for (const r of [lean, full]) {
      r.runTo(20);
      r.seek(6); // recomputes steps 1..7 of the old run
      r.seek(3);
      r.setLever('war', 0);
      r.runTo(20);
    }
    for (let t = 0; t <= 20; t++) expect(lean.hash(t), `step ${t}`).toBe(full.hash(t));
  });

  it('a resumed run keeps keyframes from its snapshot on', () => {
    const spec = preset('post-ukraine');
    const a = new Run(spec, { record: false });
    a.runTo(30);
    const resumed = Run.resume(spec, a.snapshot(), { record: false, denseSteps: 0, keyframeEvery: 5 });
    resumed.runTo(80);
    a.runTo(80);
    for (const t of [79, 31, 30, 64, 80, 33]) expect(resumed.hash(t)).toBe(a.hash(t));
    expect(() => resumed.hash(29)).toThrow(/before the snapshot/);
  });

  it('a scenario horizon is kept whole: seeking within it recomputes nothing', () => {
    const run = new Run(preset('pre-2022'), { record: false });
    run.runTo(DENSE_STEPS);
    expect(run.statesHeld).toBe(DENSE_STEPS + 1);
  });

  // Before, every state was kept: 100,000 steps of post-ukraine held 100,001 states (about 670 MB of
  // RSS without move records). The run here is at the bounds: three actors growing 30% a year, which
  // overflowed a double after about 10,800 steps.
  it('100,000 steps stay finite and in range, holding about DENSE_STEPS + steps / KEYFRAME_EVERY states', () => {
    const keep = ['US', 'CN', 'RU'];
    const s = structuredClone(PRESETS['post-ukraine']) as Record<string, never> & {
      actors: { id: string; growth: number }[];
      security: { between: string[] }[];
      energy: { shares: Record<string, number> };
      rfe: { investment: Record<string, number> };
    };
    const only = (o: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(o).filter(([k]) => k.split('-').every((x) => keep.includes(x))));
    s.actors = s.actors.filter((a) => keep.includes(a.id)).map((a) => ({ ...a, growth: 0.3 }));
    for (const f of ['ties', 'trade', 'weights', 'decisions'] as const) s[f] = only(s[f]) as never;
    s.security = s.security.filter((x) => x.between.every((a) => keep.includes(a)));
    s.rfe.investment = { CN: 10 };
    s.energy.shares = { CN: s.energy.shares.CN, other: 1 - s.energy.shares.CN };
    const r = loadScenario(s);
    if (!r.ok) throw new Error(r.errors.join('; '));
    const run = new Run(r.spec, { record: false });
    let passed = '';
    for (const t of [10_000, 20_000, 30_000, 40_000, 50_000, 54_321, 60_000, 70_000, 80_000, 90_000, 100_000]) {
      run.runTo(t);
      if (t === 54_321) passed = run.hash();
      const st = run.state;
      for (const v of st.ties) expect(v >= -1 && v <= 1).toBe(true);
      for (const v of [...st.trade, ...st.other, ...st.rfe]) expect(Number.isFinite(v) && v >= 0).toBe(true);
      for (const v of Object.values(run.indicatorsAt())) expect(Number.isFinite(v)).toBe(true);
    }
    expect(run.statesHeld).toBeLessThanOrEqual(DENSE_STEPS + 100_000 / KEYFRAME_EVERY + 2);
    // A seek back recomputes one stretch, and gives the state the run passed through.
    run.seek(54_321);
    expect(run.hash()).toBe(passed);
    expect(run.statesHeld).toBeLessThanOrEqual(DENSE_STEPS + 100_000 / KEYFRAME_EVERY + 2 + KEYFRAME_EVERY);
  });
});
