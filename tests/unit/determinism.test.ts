// A run is a pure function of (scenario, seed, steps, pinned levers) (MODEL.md 9).
import { describe, expect, it } from 'vitest';
import { loadPreset } from '../../src/scenario/presets';
import { Run } from '../../src/sim/run';

function spec(id = 'post-ukraine') {
  const r = loadPreset(id);
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.spec;
}

function hashAfter(steps: number, seed: number, pins = {}) {
  const run = new Run(spec(), { seed, pins });
  run.runTo(steps);
  return run.hash();
}

describe('determinism', () => {
  it('gives the same hash and the same records for the same inputs', () => {
    const a = new Run(spec(), { seed: 7 });
    const b = new Run(spec(), { seed: 7 });
    a.runTo(16);
    b.runTo(16);
    expect(a.hash()).toBe(b.hash());
    expect(JSON.stringify(a.recordAt(16))).toBe(JSON.stringify(b.recordAt(16)));
  });

  it('gives different runs for different seeds', () => {
    const hashes = new Set([1, 2, 3, 4, 5].map((s) => hashAfter(8, s)));
    expect(hashes.size).toBe(5);
  });

  it('gives different runs for a different pinned lever', () => {
    expect(hashAfter(8, 1, { war: 0.5 })).not.toBe(hashAfter(8, 1));
  });

  it('resumes from a snapshot with an identical continuation', () => {
    const straight = new Run(spec(), { seed: 3 });
    straight.runTo(16);
    const partial = new Run(spec(), { seed: 3 });
    partial.runTo(6);
    const snap = JSON.parse(JSON.stringify(partial.snapshot()));
    const resumed = Run.resume(spec(), snap, { seed: 3 });
    expect(resumed.t).toBe(6);
    resumed.runTo(16);
    expect(resumed.hash()).toBe(straight.hash());
    expect(JSON.stringify(resumed.recordAt(16).ties)).toBe(JSON.stringify(straight.recordAt(16).ties));
  });

  it('a resumed run cannot seek before its snapshot, and says so', () => {
    const partial = new Run(spec(), { seed: 3 });
    partial.runTo(6);
    const resumed = Run.resume(spec(), partial.snapshot(), { seed: 3 });
    resumed.runTo(10);
    resumed.seek(2);
    expect(resumed.t).toBe(6);
    expect(() => resumed.recordAt(2)).toThrow(/step 2 is before the snapshot \(step 6\)/);
    expect(() => resumed.hash(12)).toThrow(/step 12 has not been computed \(computed up to 10\)/);
    expect(resumed.hash(8)).toBe(
      (() => {
        const straight = new Run(spec(), { seed: 3 });
        straight.runTo(8);
        return straight.hash();
      })(),
    );
  });

  it('a 20-step run equals the first 20 steps of a 40-step run', () => {
    const short = new Run(spec('pre-2022'), { seed: 11 });
    short.runTo(20);
    const long = new Run(spec('pre-2022'), { seed: 11 });
    long.runTo(39);
    for (let t = 0; t <= 20; t++) expect(long.hash(t)).toBe(short.hash(t));
  });

  it('seeking back and stepping forward replays the same states, not new ones', () => {
    const run = new Run(spec(), { seed: 5 });
    run.runTo(12);
    const h = run.hash(12);
    run.seek(3);
    expect(run.t).toBe(3);
    run.runTo(12);
    expect(run.hash()).toBe(h);
  });

  it('a lever set mid-run applies from that step on and leaves the past alone', () => {
    const run = new Run(spec(), { seed: 5 });
    run.runTo(12);
    const before = [0, 1, 2, 3, 4].map((t) => run.hash(t));
    const later = run.hash(12);
    run.seek(4);
    run.setLever('sanctions', 0.2);
    expect(run.computed).toBe(4);
    run.runTo(12);
    expect([0, 1, 2, 3].map((t) => run.hash(t))).toEqual(before.slice(0, 4));
    expect(run.recordAt(4).levers.sanctions).toBe(0.2);
    expect(run.hash(12)).not.toBe(later);
    // Pinned: the 2022Q4 event (sanctions 0.9) no longer moves it.
    expect(run.recordAt(12).levers.sanctions).toBe(0.2);
  });
});

describe('events', () => {
  it('a conditional event fires once, at the first step its condition holds', () => {
    const run = new Run(spec(), { seed: 1 });
    run.runTo(16);
    const ev = "Milestone: China passes 30% of Russia's trade";
    const fired = [...Array(17).keys()].filter((t) => run.recordAt(t).events.includes(ev));
    expect(fired).toHaveLength(1);
    const t = fired[0];
    expect(run.recordAt(t).indicators.ru_dependence_on_cn).toBeGreaterThan(0.3);
    expect(run.recordAt(t - 1).indicators.ru_dependence_on_cn).toBeLessThanOrEqual(0.3);
  });

  it('a pinned lever is not moved by a scheduled event', () => {
    const run = new Run(spec(), { seed: 1, pins: { sanctions: 0.5 } });
    run.runTo(16);
    for (let t = 0; t <= 16; t++) expect(run.recordAt(t).levers.sanctions).toBe(0.5);
    const free = new Run(spec(), { seed: 1 });
    free.runTo(16);
    expect(free.recordAt(16).levers.sanctions).toBe(0.9);
  });
});

describe('pinning events', () => {
  it('an event with pin: true holds its levers against later events and decisions, like a slider change', () => {
    const r = loadPreset('post-ukraine');
    if (!r.ok) throw new Error(r.errors.join('; '));
    const pinned = {
      ...r.spec,
      events: [...r.spec.events, { at: 1, set: { sanctions: 0.2, vn_cam_ranh: 0.9 }, label: 'user', pin: true }],
    };
    const run = new Run(pinned, { seed: 1 });
    run.runTo(16);
    for (let t = 1; t <= 16; t++) {
      expect(run.recordAt(t).levers.sanctions).toBe(0.2); // the 2022Q4 event (0.9) does not move it
      expect(run.recordAt(t).levers.vn_cam_ranh).toBe(0.9); // nor does Vietnam's own decision
    }
    // The same change made with setLever at step 1 gives the same trajectory.
    const slider = new Run(r.spec, { seed: 1 });
    slider.runTo(1);
    slider.setLever('sanctions', 0.2);
    slider.setLever('vn_cam_ranh', 0.9);
    slider.runTo(16);
    expect(JSON.stringify(slider.recordAt(16).ties)).toBe(JSON.stringify(run.recordAt(16).ties));
  });
});
