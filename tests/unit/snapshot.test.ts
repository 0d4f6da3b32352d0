// Run.resume (issue 9): a snapshot is checked (shape, ranges, hash) before a run stands on it, and a
// damaged one is refused with a message naming what is wrong.
import { describe, expect, it } from 'vitest';
import { loadPreset } from '../../src/scenario/presets';
import { Run, type Snapshot, SnapshotError } from '../../src/sim/run';

function spec() {
  const r = loadPreset('post-ukraine');
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.spec;
}

function snapshot(): Snapshot {
  const run = new Run(spec(), { seed: 3 });
  run.runTo(5);
  return JSON.parse(JSON.stringify(run.snapshot()));
}

type Damage = (s: Record<string, unknown> & Snapshot) => void;

describe('Run.resume checks the snapshot', () => {
  it('a snapshot that went through JSON resumes with an identical continuation', () => {
    const straight = new Run(spec(), { seed: 3 });
    straight.runTo(9);
    const resumed = Run.resume(spec(), snapshot(), { seed: 3 });
    resumed.runTo(9);
    expect(resumed.hash()).toBe(straight.hash());
  });

  const cases: [string, Damage, RegExp][] = [
    ['not an object', (s) => Object.assign(s, { ties: 'x' }), /^snapshot: ties: expected 100 numbers/],
    ['a tie missing', (s) => s.ties.pop(), /^snapshot: ties: expected 100 numbers, got 99$/],
    ['a tie out of range', (s) => (s.ties[1] = 5), /^snapshot: ties\[1\]: 5 is outside -1\.\.1$/],
    ['ties not symmetric', (s) => (s.ties[1] = 0.123), /^snapshot: ties\[1\]: differs from ties\[10\]/],
    [
      'a NaN tie (null in JSON)',
      (s) => ((s.ties as unknown[])[2] = null),
      /^snapshot: ties\[2\]: null is not a number$/,
    ],
    ['negative trade', (s) => (s.trade[1] = -1), /^snapshot: trade\[1\]: -1 is negative$/],
    [
      'infinite trade',
      (s) => (s.trade[1] = Number.POSITIVE_INFINITY),
      /^snapshot: trade\[1\]: Infinity is not a finite number$/,
    ],
    ['energy shares not summing to 1', (s) => (s.energy[0] += 0.5), /^snapshot: energy: shares sum to 1\.5/],
    ['a move of 3', (s) => (s.moves[1] = 3), /^snapshot: moves\[1\]: 3 is not -1, 0 or 1$/],
    ['a lever out of its range', (s) => (s.levers[0] = 2), /^snapshot: levers\[0\] \(war\): 2 is outside 0\.\.1$/],
    ['fired flags of another scenario', (s) => s.fired.push(0), /^snapshot: fired: expected 3 numbers, got 4$/],
    ['a fractional step', (s) => (s.t = 1.5), /^snapshot: t: 1\.5 is not a whole number of steps/],
    ['no generator state', (s) => delete (s as Partial<Snapshot>).rng, /^snapshot: rng: missing/],
    ['a generator value out of range', (s) => (s.rng.s0 = 2), /^snapshot: rng\.s0: 2 is outside 0\.\.1/],
    ['no hash', (s) => delete (s as Partial<Snapshot>).hash, /^snapshot: hash: missing/],
    [
      'a change the ranges allow',
      (s) => (s.ties[1] = s.ties[10] = s.ties[1] + 1e-9),
      /^snapshot: hash: .* does not match its content/,
    ],
    ['an unknown field', (s) => Object.assign(s, { extra: 1 }), /^snapshot: unknown field "extra"$/],
  ];

  it.each(cases)('refuses %s, naming it', (_name, damage, message) => {
    const s = snapshot() as Record<string, unknown> & Snapshot;
    damage(s);
    expect(() => Run.resume(spec(), s, { seed: 3 })).toThrow(SnapshotError);
    expect(() => Run.resume(spec(), s, { seed: 3 })).toThrow(message);
  });

  it('refuses what is not a snapshot at all', () => {
    for (const x of [null, 1, 'snapshot', [], {}]) {
      expect(() => Run.resume(spec(), x as unknown as Snapshot)).toThrow(SnapshotError);
    }
  });
});
