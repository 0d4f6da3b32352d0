// The app's pure parts: links, the command line that reproduces the hash shown, the exported scenario
// file, and the numbers of the explain panel.
import { describe, expect, it } from 'vitest';
import { reproduce } from '../../src/app/reproduce';
import { compute, recomputeFrom, retraces } from '../../src/app/sim';
import { type LeverEdit, type ParseContext, parse } from '../../src/app/state';
import { type LoadResult, loadScenario } from '../../src/scenario/load';
import { loadPreset } from '../../src/scenario/presets';
import { scenarioJson } from '../../src/ui/export';
import { fmtDelta } from '../../src/ui/format';

function preset(id: string): LoadResult & { ok: true } {
  const r = loadPreset(id);
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r;
}

const ctx: ParseContext = {
  known: ['post-ukraine', 'no-war-2022', 'pre-2022'],
  defaultScenario: 'post-ukraine',
  defaultSeed: () => 1,
  horizon: () => 10,
  steps: () => 30,
  counterpart: (id) => (id === 'post-ukraine' ? 'no-war-2022' : 'post-ukraine'),
  actors: () => ['US', 'CN', 'RU'],
};

describe('links', () => {
  it('a scenario compared with itself falls back to its counterpart, with a message', () => {
    const p = parse('?scenario=post-ukraine&compare=post-ukraine', ctx);
    expect(p.state.compare).toBe('no-war-2022');
    expect(p.problems.join(' ')).toMatch(/itself/);
  });

  it('the step is clamped to the comparison, lever changes only to the scenario own length', () => {
    const p = parse('?scenario=pre-2022&t=20&set=war:0.5@25&compare=post-ukraine', ctx);
    expect(p.state.t).toBe(10);
    expect(p.problems.join(' ')).toMatch(/comparison/);
    expect(p.state.edits).toEqual([{ t: 25, name: 'war', value: 0.5 }]);
  });

  it('weights up to 10 are accepted, above are not', () => {
    expect(parse('?w=RU.autonomy:10', ctx).state.weights).toEqual({ RU: { autonomy: 10 } });
    expect(parse('?w=RU.autonomy:10.5', ctx).problems.join(' ')).toMatch(/0\.\.10/);
  });
});

describe('the command that reproduces the hash shown', () => {
  const base = {
    id: 'post-ukraine',
    preset: true,
    seed: 3,
    t: 5,
    start: 2022 * 4,
    weights: false,
    exportName: 'post-ukraine.json',
  };

  it('a preset with changes at step 0: --set, exact', () => {
    const r = reproduce({ ...base, edits: [{ t: 0, name: 'war', value: 0.5 }] });
    expect(r.command).toBe('npm run --silent sim -- run --scenario post-ukraine --seed 3 --steps 5 --set war=0.5');
    expect(r.exact).toBe(true);
  });

  it('a change after the step shown does not matter to its hash', () => {
    const r = reproduce({ ...base, edits: [{ t: 8, name: 'war', value: 0.5 }] });
    expect(r.command).toBe('npm run --silent sim -- run --scenario post-ukraine --seed 3 --steps 5');
    expect(r.exact).toBe(true);
    expect(r.note).toMatch(/2024Q1 on comes after this step/);
  });

  it('weights or an imported scenario need the exported file, still exact', () => {
    expect(reproduce({ ...base, weights: true, edits: [] })).toMatchObject({
      command: 'npm run --silent sim -- run --scenario post-ukraine.json --seed 3 --steps 5',
      exact: true,
    });
    expect(reproduce({ ...base, preset: false, id: 'mine', exportName: 'mine.json', edits: [] }).command).toContain(
      '--scenario mine.json',
    );
  });

  it('a mid-run change on a preset is --change lever=value@date, exact', () => {
    const r = reproduce({
      ...base,
      edits: [
        { t: 0, name: 'war', value: 0.5 },
        { t: 2, name: 'sanctions', value: 0.4 },
      ],
    });
    expect(r.command).toBe(
      'npm run --silent sim -- run --scenario post-ukraine --seed 3 --steps 5 --set war=0.5 --change sanctions=0.4@2022Q3',
    );
    expect(r.exact).toBe(true);
  });

  it('a mid-run change with weights needs the file and is not hash-exact', () => {
    const r = reproduce({ ...base, weights: true, edits: [{ t: 2, name: 'war', value: 0.5 }] });
    expect(r.command).toContain('--scenario post-ukraine.json');
    expect(r.exact).toBe(false);
    expect(r.note).toMatch(/not this hash/);
  });
});

describe('export scenario (JSON)', () => {
  function check(id: string, seed: number, edits: LeverEdit[]): { problem: string | null; text: string } {
    const base = preset(id);
    const app = compute(id, base, seed, edits, {}, base.spec.steps);
    const text = scenarioJson(base.file, edits, base.spec.start, seed);
    expect(loadScenario(JSON.parse(text)).ok).toBe(true);
    return { problem: retraces(text, seed, app.run, base.spec.steps), text };
  }

  it('a change after the start becomes a pinning event and the file retraces the app run', () => {
    // post-ukraine's 2022Q4 event would raise the sanctions again; Vietnam decides vn_cam_ranh itself.
    const edits: LeverEdit[] = [
      { t: 2, name: 'sanctions', value: 0.5 },
      { t: 2, name: 'vn_cam_ranh', value: 0.9 },
    ];
    const { problem, text } = check('post-ukraine', 5, edits);
    expect(problem).toBeNull();
    const file = JSON.parse(text);
    expect(file.events).toContainEqual(expect.objectContaining({ at: '2022Q3', set: { sanctions: 0.5 }, pin: true }));
  });

  it('changes at step 0 go into pinned', () => {
    const { problem, text } = check('post-ukraine', 2, [{ t: 0, name: 'war', value: 0.2 }]);
    expect(problem).toBeNull();
    expect(JSON.parse(text).pinned.war).toBe(0.2);
  });

  it('a lever changed twice, and a lever the scenario pins changed later, still retrace', () => {
    expect(
      check('post-ukraine', 7, [
        { t: 0, name: 'war', value: 0.6 },
        { t: 3, name: 'war', value: 0.2 },
        { t: 9, name: 'war', value: 0.9 },
      ]).problem,
    ).toBeNull();
    // japan-counterweight pins jp_rfe_openness at 0.9.
    expect(check('japan-counterweight', 7, [{ t: 4, name: 'jp_rfe_openness', value: 0.2 }]).problem).toBeNull();
  });

  it('without pinning, a later scheduled event would move the lever: the check notices', () => {
    const base = preset('post-ukraine');
    const edits: LeverEdit[] = [{ t: 2, name: 'sanctions', value: 0.5 }];
    const app = compute('post-ukraine', base, 5, edits, {}, base.spec.steps);
    const file = JSON.parse(scenarioJson(base.file, edits, base.spec.start, 5));
    for (const e of file.events) delete e.pin;
    expect(retraces(JSON.stringify(file), 5, app.run, base.spec.steps)).toMatch(/sanctions differs from 2022Q4/);
  });

  it('a decision lever changed twice cannot be carried by a file: the check says so', () => {
    const { problem } = check('post-ukraine', 5, [
      { t: 2, name: 'vn_cam_ranh', value: 0.9 },
      { t: 6, name: 'vn_cam_ranh', value: 0.1 },
    ]);
    expect(problem).toMatch(/vn_cam_ranh/);
  });
});

describe('explain numbers', () => {
  it('utility changes keep their sign and two significant digits, however small', () => {
    expect(fmtDelta(0.04)).toBe('+0.04');
    expect(fmtDelta(-0.0042)).toBe('−0.0042');
    expect(fmtDelta(0.000312)).toBe('+0.00031');
    expect(fmtDelta(-0.019999999999999962)).toBe('−0.02');
    expect(fmtDelta(1.234)).toBe('+1.2');
    expect(fmtDelta(0)).toBe('0');
    expect(fmtDelta(4e-7)).toBe('+<0.000001');
  });
});

describe('a slider change recomputes only the future', () => {
  it('gives the same run, record for record, as computing from scratch', () => {
    const base = preset('pre-2022');
    const seed = 7;
    const h = base.spec.steps;
    let edits: LeverEdit[] = [];
    let a = compute('pre-2022', base, seed, edits, {}, h);
    // A drag at step 12 (several values), then a change at step 20, then one back at step 5.
    const moves: LeverEdit[] = [
      { t: 12, name: 'sanctions', value: 0.1 },
      { t: 12, name: 'sanctions', value: 0.15 },
      { t: 12, name: 'war', value: 0.6 },
      { t: 12, name: 'sanctions', value: 0.2 },
      { t: 20, name: 'us_pivot', value: 0.3 },
      { t: 5, name: 'cn_jp_tension', value: 0.9 },
    ];
    for (const m of moves) {
      edits = [...edits.filter((e) => e.t < m.t || (e.t === m.t && e.name !== m.name)), m];
      const before = a.run;
      a = recomputeFrom(a, 'pre-2022', base, seed, edits, {}, h, m.t);
      expect(a.run).toBe(before); // the incremental path, not a fallback to a full compute
      const fresh = compute('pre-2022', base, seed, edits, {}, h);
      expect(a.run.hash(h)).toBe(fresh.run.hash(h));
      expect(JSON.stringify(a.records)).toBe(JSON.stringify(fresh.records));
    }
  });
});
