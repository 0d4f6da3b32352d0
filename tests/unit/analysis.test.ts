// The Analysis tab's sensitivity form: what it refuses (one message naming the problem), and that the
// command it shows computes the numbers the app computes (the CLI run in process on the same plan).
import { describe, expect, it } from 'vitest';
import { APP_LIMITS, readStudyForm, type StudyForm } from '../../src/app/analysis';
import { main } from '../../src/cli/cli';
import { loadPreset } from '../../src/scenario/presets';
import { runStudy } from '../../src/sim/study';

const loaded = loadPreset('post-ukraine');
if (!loaded.ok) throw new Error(loaded.errors.join('; '));
const spec = loaded.spec;
const form = (f: Partial<StudyForm>): StudyForm => ({
  indicator: 'CN-RU',
  method: 'sobol',
  samples: '8',
  seeds: '8',
  ...f,
});

function cliJson(command: string): unknown {
  const argv = command.replace('npm run --silent sim -- ', '').split(' ');
  let out = '';
  let err = '';
  const code = main([...argv, '--format', 'json', '--workers', '1'], {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    cwd: process.cwd(),
  });
  expect(err).toBe('');
  expect(code).toBe(0);
  return JSON.parse(out);
}

describe('the sensitivity form', () => {
  it.each([
    [{ samples: '0' }, /sample size .* from 2 to 4,096 \(you gave "0"\)/],
    [{ samples: '1e9' }, /whole number from 2 to 4,096 \(you gave "1e9"\)/],
    [{ samples: '' }, /you gave ""/],
    [{ method: 'morris' as const, samples: '100000' }, /from 2 to 1,000 .*the CLI takes up to 10,000/],
    [{ seeds: '0' }, /Seeds per point must be a whole number from 1 to 100/],
    [{ seeds: '2.5' }, /you gave "2.5"/],
    [{ indicator: 'nonsense' }, /Unknown indicator "nonsense"/],
  ])('refuses %j with one message', (f, msg) => {
    const r = readStudyForm(spec, 'post-ukraine', form(f));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(msg);
  });

  it('refuses a study past the runs it will do in a browser, and gives the CLI command instead', () => {
    const r = readStudyForm(spec, 'post-ukraine', form({ samples: '4096', seeds: '100' }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toContain(`the app runs up to ${APP_LIMITS.runs.toLocaleString('en-US')}`);
    expect(r.message).toContain('--method sobol --samples 4096 --seeds 100');
  });

  it('OAT takes no sample size; its design is 1 + 2k points', () => {
    const r = readStudyForm(spec, 'post-ukraine', form({ method: 'oat', samples: 'ignored' }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.request.points).toBe(1 + 2 * r.request.plan.inputs.length);
    expect(r.request.command).not.toContain('--samples');
  });

  it.each(['morris'] as const)("the command shown prints the app's numbers (%s)", (method) => {
    const r = readStudyForm(spec, 'post-ukraine', form({ method, samples: '2', seeds: '1' }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // The app's result is analyse(plan, outputs) on the pool; the pool equals one thread (pool.test.ts).
    const app = JSON.parse(JSON.stringify(runStudy(spec, r.request.plan)));
    expect(cliJson(r.request.command)).toEqual(app);
  });
});
