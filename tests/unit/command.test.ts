// The command line that reproduces a run of the app (issue 9): one function builds it from the app's
// lever changes, and the CLI accepts every command it builds and prints the hash the app shows.
import { describe, expect, it } from 'vitest';
import { reproduce } from '../../src/app/reproduce';
import { loadPreset } from '../../src/scenario/presets';
import { runCommandLine } from '../../src/sim/command';
import { type LeverChange, runWithChanges } from '../../src/sim/replay';
import { callCli } from './harness';

const START = 2022 * 4;

function spec() {
  const r = loadPreset('post-ukraine');
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.spec;
}

/** Run a command line as the CLI would (its words after `npm run --silent sim --`). */
function hashPrinted(command: string): string {
  const words = command.replace(/^npm run --silent sim -- /, '').split(' ');
  const r = callCli(undefined, words);
  expect(r.err, command).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.out).hash;
}

describe('the footer command', () => {
  const cases: [string, LeverChange[]][] = [
    // A link may set one lever twice at step 0: the app applies both in order, so the last one holds.
    [
      'one lever set twice at step 0',
      [
        { t: 0, name: 'war', value: 0.3 },
        { t: 0, name: 'war', value: 0.7 },
      ],
    ],
    [
      'one lever set twice at a later step, and once at the start',
      [
        { t: 0, name: 'sanctions', value: 0.2 },
        { t: 3, name: 'sanctions', value: 0.5 },
        { t: 3, name: 'sanctions', value: 0.9 },
      ],
    ],
    [
      'several levers, out of order',
      [
        { t: 4, name: 'us_pivot', value: 1 },
        { t: 0, name: 'noise', value: 0 },
        { t: 2, name: 'war', value: 0 },
        { t: 0, name: 'noise', value: 0.1 },
      ],
    ],
  ];

  it.each(cases)('%s: the CLI accepts it and prints the app hash', (_name, changes) => {
    const t = 6;
    const app = runWithChanges(spec(), 5, changes, t);
    const command = runCommandLine({ scenario: 'post-ukraine', seed: 5, steps: t, start: START, changes });
    expect(hashPrinted(command)).toBe(app.hash(t));
    const footer = reproduce({
      id: 'post-ukraine',
      preset: true,
      seed: 5,
      t,
      start: START,
      edits: changes,
      weights: false,
      exportName: 'post-ukraine.json',
    });
    expect(footer.command).toBe(command);
    expect(footer.exact).toBe(true);
  });

  it('names each lever once per step, the last value given', () => {
    expect(runCommandLine({ scenario: 'post-ukraine', seed: 5, steps: 6, start: START, changes: cases[0][1] })).toBe(
      'npm run --silent sim -- run --scenario post-ukraine --seed 5 --steps 6 --set war=0.7',
    );
  });
});
