import { spawnSync } from 'node:child_process';
import { lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/cli';
import { LEVER_NAMES, LEVERS } from '../../src/model/levers';
import { INDICATOR_NAMES } from '../../src/model/spec';
import { loadPreset, PRESET_IDS } from '../../src/scenario/presets';
import { CONFIGS, metricNames } from '../../src/sim/ensemble';
import { Run } from '../../src/sim/run';

const ROOT = resolve(__dirname, '../..');

interface Result {
  code: number;
  out: string;
  err: string;
}

function cli(...argv: string[]): Result {
  let out = '';
  let err = '';
  const code = main(argv, {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    cwd: dir,
  });
  return { code, out, err };
}

function csvLines(text: string): string[] {
  return text.trimEnd().split('\n');
}

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cli-test-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function postUkraine() {
  const r = loadPreset('post-ukraine');
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.spec;
}

describe('run', () => {
  it('prints the JSON trajectory with roster, levers and the final hash', () => {
    const r = cli('run', '--scenario', 'post-ukraine', '--steps', '4', '--seed', '3');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const j = JSON.parse(r.out);
    expect(j.scenario).toBe('post-ukraine');
    expect(j.seed).toBe(3);
    expect(j.steps).toBe(4);
    expect(j.start).toBe('2022Q1');
    expect(j.horizon).toBe('2023Q1');
    expect(j.actors.map((a: { id: string }) => a.id).slice(0, 3)).toEqual(['US', 'CN', 'RU']);
    expect(Object.keys(j.actors[0]).sort()).toEqual(['color', 'id', 'name']);
    expect(Object.keys(j.levers.initial)).toEqual([...LEVER_NAMES]);
    expect(j.levers.pinned).toEqual({});
    expect(j.levers.set).toEqual({});

    // The hash is the state hash of the same run computed directly.
    const run = new Run(postUkraine(), { seed: 3 });
    run.runTo(4);
    expect(j.hash).toBe(run.hash());
    expect(j.hash).toMatch(/^[0-9a-f]{16}$/);

    expect(j.trajectory).toHaveLength(5);
    expect(j.trajectory.map((e: { t: number }) => e.t)).toEqual([0, 1, 2, 3, 4]);
    const last = j.trajectory[4];
    expect(last.date).toBe('2023Q1');
    expect(last.ties['CN-RU']).toBe(run.recordAt(4).ties['CN-RU']);
    expect(typeof last.ties['CN-US']).toBe('number');
    for (const name of INDICATOR_NAMES) expect(typeof last.indicators[name]).toBe('number');
    expect(CONFIGS).toContain(last.triangle.config);
    expect(Object.keys(last.triangle.roles)).toEqual(['US', 'CN', 'RU']);
    expect(typeof last.utility.RU.total).toBe('number');
    expect(typeof last.utility.RU.terms.autonomy).toBe('number');
    expect(Array.isArray(last.moves)).toBe(true);
    expect(last.moves.length).toBeGreaterThan(0);
    expect(Object.keys(last.moves[0])).toEqual(
      expect.arrayContaining(['actor', 'kind', 'target', 'move', 'label', 'p', 'dU']),
    );
  });

  it('writes CSV: a # comment, a header of run,seed,t,date,metrics...,triangle and one row per step', () => {
    const r = cli('run', '--scenario', 'post-ukraine', '--steps', '6', '--format', 'csv', '--set', 'noise=0.05');
    expect(r.code).toBe(0);
    const lines = csvLines(r.out);
    expect(lines).toHaveLength(1 + 1 + 7);
    expect(lines[0]).toMatch(/^# /);
    expect(lines[0]).toContain('scenario: post-ukraine');
    expect(lines[0]).toContain('seed: 1');
    expect(lines[0]).toContain('steps: 6');
    expect(lines[0]).toContain('pinned: noise=0.05');
    const header = lines[1].split(',');
    const world = new Run(postUkraine()).world;
    expect(header).toEqual(['run', 'seed', 't', 'date', ...metricNames(world), 'triangle']);
    expect(header).toContain('ru_cn_trade_gap');
    expect(header).toContain('CN-RU');
    for (let k = 2; k < lines.length; k++) {
      const cells = lines[k].split(',');
      expect(cells).toHaveLength(header.length);
      expect(cells[0]).toBe('1');
      expect(cells[2]).toBe(String(k - 2));
      expect(CONFIGS).toContain(cells[cells.length - 1]);
    }
    expect(lines[2].split(',')[3]).toBe('2022Q1');
  });

  it('CSV and JSON describe the same run', () => {
    const j = JSON.parse(cli('run', '--scenario', 'pre-2022', '--steps', '5').out);
    const lines = csvLines(cli('run', '--scenario', 'pre-2022', '--steps', '5', '--format', 'csv').out);
    expect(lines[0]).toContain(`hash: ${j.hash}`);
    const header = lines[1].split(',');
    const row = lines[7].split(',');
    expect(Number(row[header.indexOf('CN-RU')])).toBe(j.trajectory[5].ties['CN-RU']);
    expect(Number(row[header.indexOf('ru_dependence_on_cn')])).toBe(j.trajectory[5].indicators.ru_dependence_on_cn);
  });

  it('--set pins a lever: the value is held, shown, and the run differs from the unpinned one', () => {
    const free = JSON.parse(cli('run', '--scenario', 'post-ukraine', '--steps', '6').out);
    const pinned = JSON.parse(
      cli('run', '--scenario', 'post-ukraine', '--steps', '6', '--set', 'war=0', '--set', 'sanctions=0.25').out,
    );
    expect(pinned.hash).not.toBe(free.hash);
    expect(pinned.levers.set).toEqual({ war: 0, sanctions: 0.25 });
    expect(pinned.levers.pinned).toEqual({ war: 0, sanctions: 0.25 });
    // The 2022Q1 invasion event would set war to 1; the pin holds it at 0 at every step.
    for (const e of pinned.trajectory) {
      expect(e.levers.war).toBe(0);
      expect(e.levers.sanctions).toBe(0.25);
    }
    expect(free.trajectory[6].levers.war).toBe(1);
    expect(pinned.trajectory[6].ties['EU-RU']).not.toBe(free.trajectory[6].ties['EU-RU']);
  });

  it("shows the scenario's own pins alongside --set", () => {
    const j = JSON.parse(cli('run', '--scenario', 'us-engages-russia', '--steps', '1', '--set', 'war=0.5').out);
    const own = loadPreset('us-engages-russia');
    if (!own.ok) throw new Error('preset');
    expect(Object.keys(own.spec.pinned).length).toBeGreaterThan(0);
    expect(j.levers.set).toEqual({ war: 0.5 });
    expect(j.levers.pinned).toMatchObject({ ...own.spec.pinned, war: 0.5 });
  });

  it('the order of --set options does not change the output', () => {
    const a = cli('run', '--scenario', 'post-ukraine', '--steps', '2', '--set', 'war=0', '--set', 'beta=10');
    const b = cli('run', '--scenario', 'post-ukraine', '--steps', '2', '--set', 'beta=10,war=0');
    expect(a.code).toBe(0);
    expect(a.out).toBe(b.out);
  });

  it('is deterministic: the same arguments print the same bytes, another seed does not', () => {
    const args = ['run', '--scenario', 'post-ukraine', '--steps', '8', '--seed', '42'];
    const a = cli(...args);
    const b = cli(...args);
    expect(a.out).toBe(b.out);
    const c = cli('run', '--scenario', 'post-ukraine', '--steps', '8', '--seed', '43');
    expect(JSON.parse(c.out).hash).not.toBe(JSON.parse(a.out).hash);
  });

  it('reads a scenario file, relative to the working directory', () => {
    const file = JSON.parse(readFileSync(join(ROOT, 'scenarios/post-ukraine.json'), 'utf8'));
    file.id = 'my-copy';
    file.steps = 3;
    writeFileSync(join(dir, 'copy.json'), JSON.stringify(file));
    const r = cli('run', '--scenario', 'copy.json', '--format', 'csv');
    expect(r.code).toBe(0);
    const lines = csvLines(r.out);
    expect(lines[0]).toContain('scenario: my-copy');
    expect(lines).toHaveLength(2 + 4);
    // Same data as the preset: same trajectory.
    const preset = csvLines(cli('run', '--scenario', 'post-ukraine', '--steps', '3', '--format', 'csv').out);
    expect(lines.slice(1)).toEqual(preset.slice(1));
  });

  it('--pretty indents the JSON without changing its content', () => {
    const a = cli('run', '--scenario', 'post-ukraine', '--steps', '1');
    const b = cli('run', '--scenario', 'post-ukraine', '--steps', '1', '--pretty');
    expect(b.out).toContain('\n  "scenario"');
    expect(JSON.parse(b.out)).toEqual(JSON.parse(a.out));
  });
});

describe('ensemble', () => {
  it('JSON: per step, mean and quantiles of every metric and the shares of configurations', () => {
    const r = cli(
      'ensemble',
      '--scenario',
      'post-ukraine',
      '--seeds',
      '6',
      '--steps',
      '3',
      '--seed-start',
      '10',
      '--set',
      'us_pivot=1',
    );
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ scenario: 'post-ukraine', seeds: 6, seedStart: 10, steps: 3, pins: { us_pivot: 1 } });
    expect(j.metrics).toContain('ru_dependence_on_cn');
    expect(j.metrics).toContain('CN-RU');
    expect(j.trajectory).toHaveLength(4);
    for (const st of j.trajectory) {
      expect(Object.keys(st.metrics)).toEqual(j.metrics);
      for (const m of j.metrics) {
        const q = st.metrics[m];
        expect(q.q05).toBeLessThanOrEqual(q.q25);
        expect(q.q25).toBeLessThanOrEqual(q.q50);
        expect(q.q50).toBeLessThanOrEqual(q.q75);
        expect(q.q75).toBeLessThanOrEqual(q.q95);
        expect(q.mean).toBeGreaterThanOrEqual(q.q05 - 1e-12);
        expect(q.sd).toBeGreaterThanOrEqual(0);
      }
      expect(Object.keys(st.configs)).toEqual([...CONFIGS]);
      const total = Object.values(st.configs as Record<string, number>).reduce((s, x) => s + x, 0);
      expect(total).toBeCloseTo(1, 12);
    }
    // Seeds spread the trajectories: at step 3 the quantiles of a tie are apart.
    const q = j.trajectory[3].metrics['CN-RU'];
    expect(q.q95).toBeGreaterThan(q.q05);
  });

  it('CSV: one wide row per step with _mean/_sd/_q05/_q25/_q50/_q75/_q95 per metric and share_ per configuration', () => {
    const r = cli('ensemble', '--scenario', 'post-ukraine', '--seeds', '4', '--steps', '5', '--format', 'csv');
    expect(r.code).toBe(0);
    const lines = csvLines(r.out);
    expect(lines).toHaveLength(2 + 6);
    expect(lines[0]).toMatch(/^# .*seeds: 4; seed-start: 1; steps: 5/);
    const header = lines[1].split(',');
    const names = metricNames(new Run(postUkraine()).world);
    expect(header.slice(0, 9)).toEqual([
      't',
      'date',
      `${names[0]}_mean`,
      `${names[0]}_sd`,
      `${names[0]}_q05`,
      `${names[0]}_q25`,
      `${names[0]}_q50`,
      `${names[0]}_q75`,
      `${names[0]}_q95`,
    ]);
    expect(header).toHaveLength(2 + 7 * names.length + CONFIGS.length);
    expect(header.slice(-CONFIGS.length)).toEqual(CONFIGS.map((c) => `share_${c}`));
    for (const line of lines.slice(2)) expect(line.split(',')).toHaveLength(header.length);
  });

  it('is deterministic and differs by seed start', () => {
    const args = ['ensemble', '--scenario', 'post-ukraine', '--seeds', '3', '--steps', '4', '--format', 'csv'];
    expect(cli(...args).out).toBe(cli(...args).out);
    const shifted = cli(...args, '--seed-start', '100').out;
    expect(csvLines(shifted)[5]).not.toBe(csvLines(cli(...args).out)[5]);
  });
});

describe('compare', () => {
  it('JSON: paired rows of mean difference b - a and the share of seeds where b > a', () => {
    const r = cli('compare', '--a', 'post-ukraine', '--b', 'no-war-2022', '--seeds', '5', '--steps', '8');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({
      a: 'post-ukraine',
      b: 'no-war-2022',
      seeds: 5,
      seedStart: 1,
      steps: 8,
      horizon: '2024Q1',
    });
    const row = j.rows.find((x: { metric: string }) => x.metric === 'ru_dependence_on_cn');
    expect(row.meanDiff).toBeCloseTo(row.meanB - row.meanA, 12);
    expect(row.shareBGreater).toBeGreaterThanOrEqual(0);
    expect(row.shareBGreater).toBeLessThanOrEqual(1);
    // Without the war, Russia depends less on China (the seeds' main claim, visible even at 5 seeds).
    expect(row.meanDiff).toBeLessThan(0);
    expect(j.rows.map((x: { metric: string }) => x.metric)).toContain('CN-RU');
  });

  it('a scenario against itself gives zero differences; --set-b pins b only', () => {
    const same = JSON.parse(
      cli('compare', '--a', 'post-ukraine', '--b', 'post-ukraine', '--seeds', '3', '--steps', '4').out,
    );
    for (const row of same.rows) {
      expect(row.meanDiff).toBe(0);
      expect(row.shareBGreater).toBe(0);
    }
    const pinned = JSON.parse(
      cli(
        'compare',
        '--a',
        'post-ukraine',
        '--b',
        'post-ukraine',
        '--seeds',
        '3',
        '--steps',
        '4',
        '--set-b',
        'sanctions=0',
      ).out,
    );
    expect(pinned.pins).toEqual({});
    expect(pinned.pinsB).toEqual({ sanctions: 0 });
    const dep = pinned.rows.find((x: { metric: string }) => x.metric === 'ru_dependence_on_cn');
    expect(dep.meanDiff).not.toBe(0);
  });

  it('CSV and table formats', () => {
    const args = ['compare', '--a', 'post-ukraine', '--b', 'no-war-2022', '--seeds', '2', '--steps', '2'];
    const csv = csvLines(cli(...args, '--format', 'csv').out);
    expect(csv[0]).toMatch(/^# .*a: post-ukraine; b: no-war-2022/);
    expect(csv[1]).toBe('metric,mean_a,mean_b,mean_diff,share_b_greater');
    const names = metricNames(new Run(postUkraine()).world);
    expect(csv).toHaveLength(2 + names.length);
    const table = cli(...args, '--format', 'table');
    expect(table.code).toBe(0);
    const lines = table.out.split('\n');
    const head = lines.findIndex((l) => l.startsWith('metric'));
    expect(lines[head]).toMatch(/^metric\s+mean a\s+mean b\s+b - a\s+share b > a$/);
    expect(lines[head + 1]).toMatch(/^-+( +-+){4}$/);
    // Aligned: every data row is as long as the rule under the header.
    const width = lines[head + 1].length;
    for (const l of lines.slice(head + 2).filter((x) => x)) expect(l.length).toBe(width);
    expect(table.out).toContain('horizon 2022Q3');
  });
});

describe('sweep', () => {
  it('JSON: one row of horizon means per value', () => {
    const r = cli(
      'sweep',
      '--scenario',
      'post-ukraine',
      '--lever',
      'sanctions',
      '--values',
      '0,1',
      '--seeds',
      '3',
      '--steps',
      '6',
    );
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({
      scenario: 'post-ukraine',
      lever: 'sanctions',
      seeds: 3,
      steps: 6,
      horizon: '2023Q3',
      pins: {},
    });
    expect(j.rows.map((x: { value: number }) => x.value)).toEqual([0, 1]);
    expect(Object.keys(j.rows[0].means)).toEqual(j.metrics);
    expect(j.rows[1].means.ru_dependence_on_cn).toBeGreaterThan(j.rows[0].means.ru_dependence_on_cn);
  });

  it('from:to:step values, CSV with the lever as first column, and a table', () => {
    const args = [
      'sweep',
      '--scenario',
      'post-ukraine',
      '--lever',
      'noise',
      '--values',
      '0:0.2:0.05',
      '--seeds',
      '2',
      '--steps',
      '2',
    ];
    const csv = csvLines(cli(...args, '--format', 'csv').out);
    expect(csv[0]).toMatch(/^# .*lever: noise/);
    const header = csv[1].split(',');
    expect(header[0]).toBe('noise');
    expect(header.slice(1)).toEqual(metricNames(new Run(postUkraine()).world));
    expect(csv.slice(2).map((l) => l.split(',')[0])).toEqual(['0', '0.05', '0.1', '0.15', '0.2']);
    const table = cli(...args, '--format', 'table').out;
    expect(table).toMatch(/metric\s+noise=0\s+noise=0\.05\s+noise=0\.1\s+noise=0\.15\s+noise=0\.2/);
  });
});

describe('--out', () => {
  it('writes the output to the file instead of stdout', () => {
    const r = cli('run', '--scenario', 'post-ukraine', '--steps', '2', '--format', 'csv', '--out', 'out.csv');
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    const written = readFileSync(join(dir, 'out.csv'), 'utf8');
    expect(written).toBe(cli('run', '--scenario', 'post-ukraine', '--steps', '2', '--format', 'csv').out);
  });

  it('leaves an existing file alone on error, and leaves no temp files', () => {
    const path = join(dir, 'keep.json');
    writeFileSync(path, 'precious');
    for (const bad of [
      ['--set', 'war=7'],
      ['--steps', '-1'],
      ['--seed', 'x'],
    ]) {
      const r = cli('run', '--scenario', 'post-ukraine', '--out', path, ...bad);
      expect(r.code).toBe(2);
      expect(readFileSync(path, 'utf8')).toBe('precious');
    }
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('--steps 0 gives the start state, whose hash the app shows at step 0', () => {
    const r = cli('run', '--scenario', 'post-ukraine', '--steps', '0');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.trajectory).toHaveLength(1);
    expect(j.hash).toBe(j.trajectory[0].hash);
  });

  it('--out writes through a symbolic link and leaves the link in place', () => {
    const target = join(dir, 'real.csv');
    const link = join(dir, 'link.csv');
    writeFileSync(target, 'old');
    symlinkSync(target, link);
    const r = cli('run', '--scenario', 'post-ukraine', '--steps', '1', '--format', 'csv', '--out', link);
    expect(r.code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toMatch(/^# strategic-triangle run/);
  });

  it('compare defaults to the shorter horizon and names both dates', () => {
    const r = cli('compare', '--a', 'pre-2022', '--b', 'post-ukraine', '--seeds', '2', '--format', 'json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.steps).toBe(15);
    expect([j.horizon, j.horizonB]).toEqual(['2015Q4', '2025Q4']);
  });

  it('an unwritable --out is an input error', () => {
    const r = cli('run', '--scenario', 'post-ukraine', '--steps', '1', '--out', join(dir, 'no/such/dir/x.json'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^error: --out: cannot write .*no such folder, or files cannot be created there\n$/);
  });
});

describe('errors: one line, "error: ", exit status 2, nothing on stdout', () => {
  const cases: [string, string[], RegExp][] = [
    ['no command', [], /missing command/],
    ['unknown command', ['simulate'], /unknown command "simulate"/],
    ['option before the command', ['--scenario', 'x'], /expected a command/],
    ['unknown option', ['run', '--scenario', 'post-ukraine', '--sead', '1'], /unknown option --sead/],
    [
      'mistyped option',
      ['run', '--scenaro', 'post-ukraine'],
      /unknown option --scenaro for "run" \(did you mean --scenario\?\)/,
    ],
    [
      '--seed for an ensemble',
      ['ensemble', '--scenario', 'post-ukraine', '--seed', '3'],
      /takes --seeds N and --seed-start S/,
    ],
    ['missing --scenario', ['run', '--steps', '3'], /missing option --scenario/],
    ['missing --seeds', ['ensemble', '--scenario', 'post-ukraine'], /missing option --seeds/],
    ['missing --b', ['compare', '--a', 'post-ukraine', '--seeds', '2'], /missing option --b/],
    [
      'missing --lever',
      ['sweep', '--scenario', 'post-ukraine', '--values', '0,1', '--seeds', '2'],
      /missing option --lever/,
    ],
    [
      'missing --values',
      ['sweep', '--scenario', 'post-ukraine', '--lever', 'war', '--seeds', '2'],
      /missing option --values/,
    ],
    ['option without its value', ['run', '--scenario'], /option --scenario needs a value/],
    ['stray argument', ['run', '--scenario', 'post-ukraine', 'extra'], /unexpected argument "extra"/],
    [
      'repeated option',
      ['run', '--scenario', 'post-ukraine', '--seed', '1', '--seed', '2'],
      /--seed is given more than once/,
    ],
    ['bad number', ['run', '--scenario', 'post-ukraine', '--seed', 'abc'], /--seed: "abc" is not a number/],
    [
      'fractional steps',
      ['run', '--scenario', 'post-ukraine', '--steps', '2.5'],
      /--steps: "2.5" is not a whole number/,
    ],
    [
      'bad lever value',
      ['run', '--scenario', 'post-ukraine', '--set', 'war=lots'],
      /--set war: "lots" is not a number/,
    ],
    ['--set without =', ['run', '--scenario', 'post-ukraine', '--set', 'war'], /expected lever=value/],
    ['unknown lever', ['run', '--scenario', 'post-ukraine', '--set', 'peace=1'], /unknown lever "peace"/],
    [
      'lever out of range',
      ['run', '--scenario', 'post-ukraine', '--set', 'beta=51'],
      /beta=51 is out of range 0\.\.50/,
    ],
    ['lever set twice', ['run', '--scenario', 'post-ukraine', '--set', 'war=0,war=1'], /war is set more than once/],
    [
      'unknown scenario',
      ['run', '--scenario', 'post-ukrane'],
      /unknown scenario "post-ukrane" \(presets: .*post-ukraine/,
    ],
    [
      'missing file',
      ['run', '--scenario', 'nowhere/x.json'],
      /cannot read scenario file nowhere\/x\.json: no such file/,
    ],
    ['directory as file', ['run', '--scenario', '.'], /cannot read scenario file \.: it is a directory/],
    ['steps 401', ['run', '--scenario', 'post-ukraine', '--steps', '401'], /--steps=401 is out of range 0\.\.400/],
    ['empty --out', ['run', '--scenario', 'post-ukraine', '--out', ''], /--out needs a file name/],
    ['seeds 0', ['ensemble', '--scenario', 'post-ukraine', '--seeds', '0'], /--seeds=0 is out of range 1\.\.100000/],
    [
      'seeds too many',
      ['ensemble', '--scenario', 'post-ukraine', '--seeds', '100001'],
      /--seeds=100001 is out of range/,
    ],
    [
      'seed too large',
      ['run', '--scenario', 'post-ukraine', '--seed', '4294967296'],
      /--seed=4294967296 is out of range/,
    ],
    ['unknown format', ['run', '--scenario', 'post-ukraine', '--format', 'xml'], /unknown format "xml"/],
    [
      'table for run',
      ['run', '--scenario', 'post-ukraine', '--format', 'table'],
      /unknown format "table" \(formats: json, csv\)/,
    ],
    [
      'unknown sweep lever',
      ['sweep', '--scenario', 'post-ukraine', '--lever', 'peace', '--values', '0', '--seeds', '1'],
      /--lever: unknown lever "peace"/,
    ],
    [
      'sweep value out of range',
      ['sweep', '--scenario', 'post-ukraine', '--lever', 'noise', '--values', '0,0.3', '--seeds', '1'],
      /noise=0\.3 is out of range 0\.\.0\.2/,
    ],
    [
      'sweep bad values',
      ['sweep', '--scenario', 'post-ukraine', '--lever', 'war', '--values', '0,x', '--seeds', '1'],
      /--values: "x" is not a number/,
    ],
    [
      'sweep lever also --set',
      ['sweep', '--scenario', 'post-ukraine', '--lever', 'war', '--values', '0,1', '--seeds', '1', '--set', 'war=1'],
      /conflicts with --lever war/,
    ],
    ['help for unknown command', ['help', 'fly'], /unknown command "fly"/],
  ];
  it.each(cases)('%s', (_name, argv, message) => {
    const r = cli(...argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^error: /);
    expect(r.err).toMatch(message);
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
  });

  it('an invalid scenario file: a first line, then its problems, each naming the field', () => {
    const file = JSON.parse(readFileSync(join(ROOT, 'scenarios/post-ukraine.json'), 'utf8'));
    file.actors[1].color = 'red';
    file.steps = 1000;
    file.ties['CN-XX'] = 0.2;
    file.surprise = true;
    writeFileSync(join(dir, 'broken.json'), JSON.stringify(file));
    const r = cli('run', '--scenario', join(dir, 'broken.json'));
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    const lines = r.err.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^error: invalid scenario file .*broken\.json \(\d+ problems?\):$/);
    const body = lines.slice(1).join('\n');
    expect(body).toMatch(/^ {2}actors\[1\]\.color: /m);
    expect(body).toMatch(/^ {2}steps: /m);
    expect(body).toMatch(/"surprise"/);
  });

  it('a file that is not JSON, and a long list of problems is cut short', () => {
    writeFileSync(join(dir, 'notjson.json'), '{"id": ');
    const r = cli('run', '--scenario', 'notjson.json');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^error: invalid scenario file notjson\.json \(1 problem\):\n {2}not valid JSON/);

    const file = JSON.parse(readFileSync(join(ROOT, 'scenarios/post-ukraine.json'), 'utf8'));
    for (const a of file.actors) a.color = 'red';
    writeFileSync(join(dir, 'colours.json'), JSON.stringify(file));
    const many = cli('run', '--scenario', 'colours.json');
    const lines = many.err.trimEnd().split('\n');
    expect(lines[0]).toMatch(/\(10 problems\):$/);
    expect(lines.length).toBeLessThan(12);
    expect(lines[lines.length - 1]).toMatch(/\.\.\. and \d+ more/);
  });

  it('an unexpected internal failure prints one line and exits 1', () => {
    let err = '';
    const code = main(['run', '--scenario', 'post-ukraine', '--steps', '1'], {
      stdout: {
        write: () => {
          throw new Error('disk on fire\n    at somewhere (x.ts:1:1)');
        },
      },
      stderr: { write: (s: string) => (err += s) },
    });
    expect(code).toBe(1);
    expect(err).toMatch(/^error: internal error: disk on fire/);
    expect(err.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('--help', () => {
  it('global help documents commands, levers with ranges, presets, indicators, formats and exit codes', () => {
    for (const argv of [['--help'], ['-h'], ['help']]) {
      const r = cli(...argv);
      expect(r.code).toBe(0);
      expect(r.err).toBe('');
      for (const c of ['run', 'ensemble', 'compare', 'sweep']) expect(r.out).toContain(`  ${c} `);
      for (const l of LEVERS) expect(r.out).toMatch(new RegExp(`${l.name}\\s+${l.min}\\.\\.${l.max}\\s`));
      for (const l of LEVERS) expect(r.out).toContain(l.meaning);
      for (const id of PRESET_IDS) expect(r.out).toContain(id);
      for (const name of INDICATOR_NAMES) expect(r.out).toContain(name);
      expect(r.out).toMatch(/Exit status:[\s\S]*0 {2}success[\s\S]*1 {2}internal error[\s\S]*2 {2}bad input/);
      expect(r.out).toContain('Examples:');
    }
  });

  it('per-command help, even with other (wrong) options on the line', () => {
    for (const c of ['run', 'ensemble', 'compare', 'sweep']) {
      const r = cli(c, '--help');
      expect(r.code).toBe(0);
      expect(r.out).toMatch(new RegExp(`^${c}: `));
      expect(r.out).toContain(`sim -- ${c} `);
      expect(r.out).toContain('--format');
      expect(r.out).toContain('jp_rfe_openness');
    }
    expect(cli('sweep', '--bogus', '-h').out).toMatch(/^sweep: /);
    expect(cli('help', 'compare').out).toMatch(/^compare: /);
    expect(cli('ensemble', '--help').out).toContain('_q05');
    expect(cli('compare', '--help').out).toContain('table');
  });
});

describe('the real command (npm run --silent sim)', () => {
  function npmSim(...argv: string[]) {
    return spawnSync('npm', ['run', '--silent', 'sim', '--', ...argv], { cwd: ROOT, encoding: 'utf8' });
  }

  it('exits 0 and prints the same hash for the same call twice', () => {
    const args = ['run', '--scenario', 'post-ukraine', '--seed', '5', '--steps', '6', '--format', 'csv'];
    const a = npmSim(...args);
    const b = npmSim(...args);
    expect(a.status).toBe(0);
    expect(b.status).toBe(0);
    const hashA = /hash: ([0-9a-f]{16})/.exec(a.stdout)?.[1];
    expect(hashA).toBeDefined();
    expect(/hash: ([0-9a-f]{16})/.exec(b.stdout)?.[1]).toBe(hashA);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toBe(cli(...args).out);
  }, 60_000);

  it('exits 2 with one error line on bad input, and no stack trace', () => {
    const r = npmSim('run', '--scenario', 'post-ukraine', '--set', 'war=2');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    const errLines = r.stderr.split('\n').filter((l) => l && !l.startsWith('npm warn'));
    expect(errLines).toEqual(['error: --set: war=2 is out of range 0..1']);
  }, 60_000);
});

describe('--change lever=value@date', () => {
  it('replays a slider change at that quarter exactly (same hash as Run.setLever there)', async () => {
    const { runWithChanges } = await import('../../src/sim/replay');
    const { loadPreset } = await import('../../src/scenario/presets');
    const r = loadPreset('post-ukraine');
    if (!r.ok) throw new Error(r.errors.join('; '));
    const run = runWithChanges(
      r.spec,
      2,
      [
        { t: 3, name: 'sanctions', value: 0.2 },
        { t: 5, name: 'war', value: 0.4 },
      ],
      10,
    );
    const out = cli(
      'run',
      '--scenario',
      'post-ukraine',
      '--seed',
      '2',
      '--steps',
      '10',
      '--change',
      'war=0.4@2023Q2',
      '--change',
      'sanctions=0.2@2022Q4',
    );
    expect(out.code).toBe(0);
    const j = JSON.parse(out.out);
    expect(j.hash).toBe(run.hash(10));
    expect(j.trajectory[3].levers.sanctions).toBe(0.2);
    expect(j.trajectory[2].levers.sanctions).toBe(0.8);
    expect(j.trajectory[10].levers.sanctions).toBe(0.2); // the 2022Q4 event no longer moves it
    expect(j.levers.changes).toEqual([
      { lever: 'sanctions', value: 0.2, from: '2022Q4' },
      { lever: 'war', value: 0.4, from: '2023Q2' },
    ]);
  });

  it('a lever set at the start may change again later, as in the app', async () => {
    const { runWithChanges } = await import('../../src/sim/replay');
    const { loadPreset } = await import('../../src/scenario/presets');
    const r = loadPreset('post-ukraine');
    if (!r.ok) throw new Error(r.errors.join('; '));
    const out = cli(
      'run',
      '--scenario',
      'post-ukraine',
      '--seed',
      '4',
      '--steps',
      '6',
      '--set',
      'war=0.5',
      '--change',
      'war=0.2@2022Q4',
    );
    expect(out.code).toBe(0);
    const j = JSON.parse(out.out);
    expect(j.trajectory.map((s: { levers: { war: number } }) => s.levers.war)).toEqual([
      0.5, 0.5, 0.5, 0.2, 0.2, 0.2, 0.2,
    ]);
    const app = runWithChanges(
      r.spec,
      4,
      [
        { t: 0, name: 'war', value: 0.5 },
        { t: 3, name: 'war', value: 0.2 },
      ],
      6,
    );
    expect(app.recordAt(6).ties).toEqual(j.trajectory[6].ties);
  });

  it.each([
    [['--change', 'war=0.4'], /expected lever=value@YYYYQn/],
    [['--change', 'peace=1@2023Q1'], /unknown lever "peace"/],
    [['--change', 'war=4@2023Q1'], /war=4 is out of range 0\.\.1/],
    [['--change', 'war=0.4@2030Q1'], /2030Q1 is outside the run \(2022Q1\.\.2025Q4\)/],
  ])('rejects %j', (args, message) => {
    const r = cli('run', '--scenario', 'post-ukraine', ...(args as string[]));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});
