// The CLI's sensitivity, --shard and merge, in process: a study split into any number of shards and
// merged prints the bytes of the unsharded study (json, csv and table); merge names what is wrong with
// a set of shard files; the worker pool (mainAsync) prints the bytes of one thread.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, mainAsync } from '../../src/cli/cli';

interface Result {
  code: number;
  out: string;
  err: string;
}

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'study-cli-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function io() {
  const r = { out: '', err: '' };
  return {
    r,
    io: {
      stdout: { write: (s: string) => (r.out += s) },
      stderr: { write: (s: string) => (r.err += s) },
      cwd: dir,
    },
  };
}

function cli(...argv: string[]): Result {
  const { r, io: sinks } = io();
  const code = main(argv, sinks);
  return { code, ...r };
}

async function cliAsync(...argv: string[]): Promise<Result> {
  const { r, io: sinks } = io();
  const code = await mainAsync(argv, sinks);
  return { code, ...r };
}

const SOBOL = [
  'sensitivity',
  '--scenario',
  'post-ukraine',
  '--indicator',
  'ru_dependence_on_cn',
  '--method',
  'sobol',
  '--inputs',
  'war,sanctions,alpha',
  '--samples',
  '8',
  '--seeds',
  '2',
  '--steps',
  '4',
  '--bootstrap',
  '50',
];
const SWEEP = [
  'sweep',
  '--scenario',
  'pre-2022',
  '--lever',
  'sanctions',
  '--values',
  '0:1:0.2',
  '--seeds',
  '3',
  '--steps',
  '5',
];

/** Run a study as n shards into files, then merge them (files in reverse order) with `extra` options. */
function sharded(base: string[], n: number, extra: string[], tag: string): Result {
  const files: string[] = [];
  for (let i = 1; i <= n; i++) {
    const f = `${tag}-${i}-of-${n}.jsonl`;
    const r = cli(...base, '--shard', `${i}/${n}`, '--out', f);
    expect(r.code, r.err).toBe(0);
    files.push(f);
  }
  return cli('merge', ...files.reverse(), ...extra);
}

describe('sensitivity', () => {
  it('Morris on the model: every input ranked by mu*, with intervals, deterministic', () => {
    const args = [
      'sensitivity',
      '--scenario',
      'post-ukraine',
      '--indicator',
      'ru_dependence_on_cn',
      '--method',
      'morris',
      '--inputs',
      'sanctions,cn_jp_tension,epsilon',
      '--samples',
      '4',
      '--seeds',
      '2',
      '--steps',
      '6',
    ];
    const r = cli(...args);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ method: 'morris', indicator: 'ru_dependence_on_cn', samples: 4, evaluations: 16 });
    expect(j.inputs.map((i: { name: string }) => i.name)).toEqual(['sanctions', 'cn_jp_tension', 'epsilon']);
    expect(j.inputs[0].muStar.value).toBeGreaterThan(0);
    expect(j.inputs[2].muStar.value).toBe(0);
    expect(cli(...args).out).toBe(r.out);
    const t = cli(...args, '--format', 'table');
    expect(t.out).toMatch(/morris sensitivity of ru_dependence_on_cn at 2023Q3/);
    expect(t.out).toMatch(/\nsanctions +lever +0\.\.1 /);
  });

  it("CSV: one row per input with the method's columns", () => {
    const r = cli(...SOBOL, '--format', 'csv');
    expect(r.code, r.err).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^# strategic-triangle sensitivity: .*method: sobol; indicator: ru_dependence_on_cn/);
    expect(lines[1]).toBe('input,kind,low_end,high_end,base,S1,S1_lo,S1_hi,ST,ST_lo,ST_hi');
    expect(lines).toHaveLength(2 + 3);
  });

  it.each([
    [['--method', 'morris'], /missing option --indicator/],
    [['--indicator', 'x', '--method', 'morris'], /unknown indicator "x"/],
    [['--indicator', 'CN-RU', '--method', 'fast'], /--method: unknown method "fast"/],
    [['--indicator', 'CN-RU', '--method', 'oat', '--samples', '4'], /--samples does not apply to --method oat/],
    [['--indicator', 'CN-RU', '--method', 'morris', '--inputs', 'war,wat'], /unknown input "wat"/],
    [
      ['--indicator', 'CN-RU', '--method', 'morris', '--range', 'war=0:2'],
      /--range war=0:2: needs lo <= hi within 0..1/,
    ],
    [['--indicator', 'CN-RU', '--method', 'morris', '--range', 'war'], /--range "war": expected NAME=LO:HI/],
    [['--indicator', 'CN-RU', '--method', 'morris', '--set', 'war=0.5'], /--set war: it is one of the study's inputs/],
    [['--indicator', 'CN-RU', '--method', 'morris', '--shard', '5/4'], /--shard \(i\)=5 is out of range 1..4/],
    [['--indicator', 'CN-RU', '--method', 'morris', '--shard', '1/4', '--format', 'csv'], /give --format to merge/],
    [['--indicator', 'CN-RU', '--method', 'morris', '--workers', '0'], /--workers=0 is out of range/],
  ])('refuses %j with one clear line', (extra, message) => {
    const r = cli('sensitivity', '--scenario', 'post-ukraine', ...(extra as string[]));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message as RegExp);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});

describe('shards and merge', () => {
  it.each(['json', 'csv', 'table'])(
    'a sensitivity study in 4 or 3 shards merges to the unsharded bytes (%s)',
    (fmt) => {
      const whole = cli(...SOBOL, '--format', fmt);
      expect(whole.code, whole.err).toBe(0);
      expect(sharded(SOBOL, 4, ['--format', fmt], `sobol-${fmt}`).out).toBe(whole.out);
      expect(sharded(SOBOL, 3, ['--format', fmt], `sobol3-${fmt}`).out).toBe(whole.out);
    },
  );

  it.each(['json', 'csv', 'table'])(
    'a sweep in 4 shards (more shards than values too) merges to its bytes (%s)',
    (fmt) => {
      const whole = cli(...SWEEP, '--format', fmt);
      expect(whole.code, whole.err).toBe(0);
      expect(sharded(SWEEP, 4, ['--format', fmt], `sweep-${fmt}`).out).toBe(whole.out);
      expect(sharded(SWEEP, 8, ['--format', fmt], `sweep8-${fmt}`).out).toBe(whole.out);
    },
  );

  it('writes a header with the whole study, then one line per item of its slice', () => {
    const r = cli(...SWEEP, '--shard', '2/4');
    const lines = r.out
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ format: 'strategic-triangle-shard', command: 'sweep', shard: [2, 4], items: 6 });
    expect(lines.slice(1).map((l) => l.i)).toEqual([1, 2]);
    expect(lines[1].value).toBe(0.2);
  });

  it('names what is wrong with a set of shard files', () => {
    for (let i = 1; i <= 3; i++) cli(...SWEEP, '--shard', `${i}/3`, '--out', `m-${i}.jsonl`);
    expect(cli(...SWEEP, '--seed-start', '2', '--shard', '1/3', '--out', 'other-1.jsonl').code).toBe(0);
    writeFileSync(
      join(dir, 'cut.jsonl'),
      readFileSync(join(dir, 'm-2.jsonl'), 'utf8').split('\n').slice(0, 2).join('\n'),
    );
    writeFileSync(join(dir, 'junk.jsonl'), 'hello\n');
    const cases: [string[], RegExp][] = [
      [['m-1.jsonl', 'm-3.jsonl'], /missing shard 2 of 3/],
      [['m-1.jsonl', 'm-2.jsonl', 'm-2.jsonl', 'm-3.jsonl'], /shard 2\/3 is given twice/],
      [['m-2.jsonl', 'm-3.jsonl', 'other-1.jsonl'], /other-1\.jsonl belongs to another study/],
      [['m-1.jsonl', 'cut.jsonl', 'm-3.jsonl'], /cut\.jsonl \(shard 2\/3\) has 1 items, expected 2/],
      [['junk.jsonl'], /junk\.jsonl, line 1: not a JSON object/],
      [['nothere.jsonl'], /cannot read nothere\.jsonl: no such file/],
      [[], /give the shard files to merge/],
    ];
    for (const [files, message] of cases) {
      const r = cli('merge', ...files);
      expect(r.code, files.join(' ')).toBe(2);
      expect(r.err).toMatch(message);
    }
    expect(cli('merge', 'm-3.jsonl', 'm-1.jsonl', 'm-2.jsonl', '--format', 'csv').code).toBe(0);
  });
});

describe('worker threads', () => {
  it('ensemble, sweep and sensitivity print the same bytes on 1, 2 and 3 workers', async () => {
    const cases = [
      ['ensemble', '--scenario', 'post-ukraine', '--seeds', '70', '--steps', '6', '--format', 'csv'],
      [...SWEEP, '--format', 'csv'],
      [...SOBOL, '--format', 'json'],
    ];
    for (const args of cases) {
      const one = cli(...args);
      expect(one.code, one.err).toBe(0);
      for (const w of ['2', '3']) {
        const r = await cliAsync(...args, '--workers', w);
        expect(r.err).toBe('');
        expect(r.out).toBe(one.out);
      }
    }
  });
});
