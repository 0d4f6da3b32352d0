// Extra indicators that fail after the start (issue 9): a value that is not a finite number at some
// step is reported as missing there, with a visible warning, and the run goes on unchanged.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load';
import { PRESETS } from '../../src/scenario/presets';
import { Run } from '../../src/sim/run';
import { callCli, tempFolder } from './harness';

// Finite at the start (t = 0 gives -0.5), infinite at t = 2, and the log of a negative number from t = 4 (log(0.5) at t = 3).
const file = structuredClone(PRESETS['post-ukraine']) as Record<string, unknown>;
file.indicators = [
  ...(file.indicators as unknown[]),
  { name: 'spike', label: 'spike', expr: '1 / (t - 2)' },
  { name: 'late', label: 'late', expr: 'log(3.5 - t)' },
];

const folder = tempFolder('indicators-test-', (dir) => writeFileSync(join(dir, 'gaps.json'), JSON.stringify(file)));
const cli = (...argv: string[]) => callCli(folder(), argv);

describe('an extra indicator with no number at some steps', () => {
  it('the run API marks those steps missing and the run is the same as without the indicators', () => {
    const r = loadScenario(file);
    if (!r.ok) throw new Error(r.errors.join('; '));
    const run = new Run(r.spec);
    run.runTo(6);
    expect(run.recordAt(1).missing).toBeUndefined();
    expect(run.recordAt(2).missing).toEqual(['spike']);
    expect(run.recordAt(3).missing).toBeUndefined();
    expect(run.recordAt(4).missing).toEqual(['late']);
    expect(Number.isNaN(run.indicatorsAt(2).spike)).toBe(true);
    const plain = loadScenario(PRESETS['post-ukraine']);
    if (!plain.ok) throw new Error();
    const reference = new Run(plain.spec);
    reference.runTo(6);
    expect(run.hash(6)).toBe(reference.hash(6));
  });

  it('JSON: null at those steps, listed in "missing", and one warning line per indicator on stderr', () => {
    const r = cli('run', '--scenario', 'gaps.json', '--steps', '6');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.trajectory[2].indicators.spike).toBeNull();
    expect(j.trajectory[2].missing).toEqual(['spike']);
    expect(j.trajectory[3].indicators.spike).toBe(1);
    expect(j.trajectory[5].indicators.late).toBeNull();
    expect(r.err.trimEnd().split('\n')).toEqual([
      'warning: indicator spike gave no number at 1 of 7 steps (2022Q3): reported as missing there (null in JSON, an empty cell in CSV)',
      'warning: indicator late gave no number at 3 of 7 steps (2023Q1, 2023Q2, 2023Q3): reported as missing there (null in JSON, an empty cell in CSV)',
    ]);
  });

  it('CSV: an empty cell at those steps, never "NaN"', () => {
    const r = cli('run', '--scenario', 'gaps.json', '--steps', '6', '--format', 'csv');
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    const header = lines[1].split(',');
    const col = header.indexOf('spike');
    expect(lines[2 + 2].split(',')[col]).toBe('');
    expect(lines[2 + 3].split(',')[col]).toBe('1');
    expect(r.out).not.toMatch(/NaN/);
    expect(r.err).toMatch(/^warning: indicator spike /);
  });

  it('ensemble, compare and sweep warn when a mean has no number', () => {
    for (const argv of [
      ['ensemble', '--scenario', 'gaps.json', '--seeds', '2', '--steps', '6'],
      ['compare', '--a', 'gaps.json', '--b', 'gaps.json', '--seeds', '2', '--steps', '4'],
      ['sweep', '--scenario', 'gaps.json', '--lever', 'war', '--values', '0,1', '--seeds', '2', '--steps', '4'],
    ]) {
      const r = cli(...argv);
      expect(r.code, argv[0]).toBe(0);
      expect(r.err, argv[0]).toMatch(/^warning: indicator late gave no number/m);
    }
  });
});
