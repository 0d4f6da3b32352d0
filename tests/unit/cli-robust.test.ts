// The CLI under bad input (issue 9): --out never overwrites an input, and every flag with a bad value
// gets exit status 2 and one line starting "error: ", with control characters escaped.
import { linkSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_SEEDS, MAX_SWEEP_VALUES } from '../../src/cli/args';
import { ERROR_CHARS_MAX } from '../../src/cli/cli';
import { OPTIONS } from '../../src/cli/commands';
import { COMMANDS, type Command } from '../../src/cli/help';
import { READ_WAIT_MS } from '../../src/cli/readFile';
import { EXPR_CHARS_MAX, EXPR_DEPTH_MAX } from '../../src/scenario/expr';
import { scenarioJsonSchemaText } from '../../src/scenario/jsonSchema';
import {
  ACTORS_MAX,
  AMOUNT_MIN,
  EVENTS_MAX,
  INDICATORS_MAX,
  INVESTMENT_MAX,
  PAIRS_MAX,
  SOURCES_MAX,
  START_MAX,
  START_MIN,
  STEPS_MAX,
  TRADE_MAX,
} from '../../src/scenario/limits';
import { PROBLEMS_LISTED } from '../../src/scenario/messages';
import { CONTROL, callCli, tempFolder } from './harness';

const ROOT = resolve(__dirname, '../..');
const preset = readFileSync(join(ROOT, 'scenarios/post-ukraine.json'), 'utf8');

const folder = tempFolder('cli-robust-', (dir) => {
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(folder(), 'in.json'), preset);
  writeFileSync(join(dir, 'other.json'), preset);
  symlinkSync(join(folder(), 'in.json'), join(dir, 'link.json'));
  linkSync(join(folder(), 'in.json'), join(dir, 'hard.json'));
});
const cli = (...argv: string[]) => callCli(folder(), argv);

describe('--out that resolves to an input file is refused, and the input is kept', () => {
  it.each([
    ['the same name', ['run', '--scenario', 'in.json', '--steps', '1', '--out', 'in.json']],
    ['another spelling of the path', ['run', '--scenario', 'in.json', '--steps', '1', '--out', 'sub/../in.json']],
    ['a symbolic link to it', ['run', '--scenario', 'in.json', '--steps', '1', '--out', 'link.json']],
    ['a hard link to it', ['run', '--scenario', 'in.json', '--steps', '1', '--out', 'hard.json']],
    [
      'scenario b of compare',
      ['compare', '--a', 'other.json', '--b', 'in.json', '--seeds', '1', '--steps', '1', '--out', 'in.json'],
    ],
    [
      'the scenario of a sweep',
      [
        'sweep',
        '--scenario',
        'link.json',
        '--lever',
        'war',
        '--values',
        '0',
        '--seeds',
        '1',
        '--steps',
        '1',
        '--out',
        'in.json',
      ],
    ],
  ])('%s', (_name, argv) => {
    const r = cli(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^error: --out .* is the scenario file .*: nothing was written\n$/);
    expect(readFileSync(join(folder(), 'in.json'), 'utf8')).toBe(preset);
  });

  it('another file is written as before', () => {
    const r = cli('run', '--scenario', 'in.json', '--steps', '1', '--out', 'result.json');
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(folder(), 'result.json'), 'utf8')).steps).toBe(1);
  });
});

it("--out onto a preset's own file is refused too", () => {
  const file = join(ROOT, 'scenarios/pre-2022.json');
  const before = readFileSync(file, 'utf8');
  const r = cli('run', '--scenario', 'pre-2022', '--steps', '1', '--out', file);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(
    /^error: --out .*pre-2022\.json is the scenario file of --scenario pre-2022: nothing was written/,
  );
  expect(readFileSync(file, 'utf8')).toBe(before);
});

describe('every flag with bad values: exit status 2, one line "error: ...", control characters escaped', () => {
  const BASE: Record<Command, string[]> = {
    run: ['--scenario', 'post-ukraine', '--steps', '1'],
    ensemble: ['--scenario', 'post-ukraine', '--seeds', '1', '--steps', '1'],
    compare: ['--a', 'post-ukraine', '--b', 'no-war-2022', '--seeds', '1', '--steps', '1'],
    sweep: ['--scenario', 'post-ukraine', '--lever', 'war', '--values', '0', '--seeds', '1', '--steps', '1'],
    efficacy: ['--scenario', 'post-ukraine', '--seeds', '2'],
    agency: ['--scenario', 'post-ukraine', '--seeds', '2'],
    sensitivity: [
      '--scenario',
      'post-ukraine',
      '--indicator',
      'CN-RU',
      '--method',
      'oat',
      '--inputs',
      'war',
      '--seeds',
      '1',
      '--steps',
      '1',
    ],
    merge: ['no-such-shard.jsonl'],
    'claims-map': ['--samples', '2', '--seeds', '2', '--only', 'C10'],
  };
  // Values no option accepts (a name, a number, a date, a pin, a format, a lever list).
  const HOSTILE = [
    '',
    ' ',
    'x\ny',
    '\u0000',
    '\u001b[31mred',
    'a\u202eb',
    'NaN',
    'Infinity',
    '1e999',
    '0x10',
    'x'.repeat(10_000),
  ];
  const BAD: Record<string, string[]> = {
    scenario: [...HOSTILE, 'post-ukrane', 'nowhere/x.json', '/dev/null', '.'],
    a: [...HOSTILE, 'nowhere/x.json'],
    b: [...HOSTILE, 'nowhere/x.json'],
    seed: [...HOSTILE, '-1', '1.5', '4294967296', '+-1'],
    seeds: [...HOSTILE, '0', '-1', '100001', '2.5'],
    'seed-start': [...HOSTILE, '-1', '4294967296', '1.5'],
    steps: [...HOSTILE, '-1', '401', '2.5', '1e2'],
    set: [
      ...HOSTILE,
      'war',
      'war=',
      'war=2',
      'peace=1',
      'war=0,war=1',
      '=1',
      'war=0,',
      'beta=51',
      'noise=-0'.replace('-0', '-1'),
    ],
    'set-b': [...HOSTILE, 'war', 'war=2', 'peace=1'],
    change: [
      ...HOSTILE,
      'war=0.5',
      'war=0.5@2022',
      'war=0.5@2022Q5',
      'war=2@2022Q2',
      'peace=1@2022Q2',
      'war=0.5@1999Q1',
      'war=0.5@2099Q1',
    ],
    format: [...HOSTILE, 'xml', 'JSON', 'table '],
    lever: [...HOSTILE, 'peace', 'WAR'],
    values: [...HOSTILE, '0,', ',', '0:1', '1:0:0.5', '0:1:0', '0:1:-1', '2', '0,x', '0:1:0.000001'],
    out: ['', ' ', '.', 'nowhere/x.json', '\u0000', 'sub'],
    pretty: ['1', 'yes'],
    help: ['1'],
    'no-decisions': ['1', 'yes'],
    frozen: [...HOSTILE, 'XX', 'RU,XX', 'ru'],
    actor: [...HOSTILE, 'XX', 'ru'],
    workers: [...HOSTILE, '0', '-1', '257', '1.5'],
    shard: [...HOSTILE, '1', '0/4', '5/4', '1/0', '-1/4', '1/4/2', 'a/b', '1.5/4', '1/10001'],
    indicator: [...HOSTILE, 'nope', 'cn-ru'],
    method: [...HOSTILE, 'sobel', 'MORRIS'],
    samples: [...HOSTILE, '0', '1', '-1', '65537', '2.5'],
    inputs: [...HOSTILE, 'peace', 'levers,,params', 'war,nope'],
    range: [...HOSTILE, 'war', 'war=0', 'war=1:0', 'war=0:2', 'nope=0:1', 'war=x:1', 'war=0:1:2'],
    'design-seed': [...HOSTILE, '-1', '4294967296', '1.5'],
    bootstrap: [...HOSTILE, '-1', '100001', '1.5'],
    only: [...HOSTILE, 'C99', 'c1', 'C1,,C2', 'C1,C1', 'V1'],
  };
  const cases: [Command, string, string][] = [];
  for (const cmd of COMMANDS) {
    for (const flag of Object.keys(OPTIONS[cmd])) {
      for (const value of BAD[flag] ?? []) cases.push([cmd, flag, value]);
    }
  }
  for (const cmd of COMMANDS) {
    cases.push([cmd, 'sc\nenario', '1'], [cmd, '\u001b[2J', '1']);
  }

  it('covers every flag of every command', () => {
    for (const cmd of COMMANDS) for (const flag of Object.keys(OPTIONS[cmd])) expect(BAD[flag], flag).toBeDefined();
  });

  const shown = (x: string) => JSON.stringify(x).slice(1, -1).slice(0, 40);
  it.each(cases.map(([cmd, flag, value]) => [cmd, shown(flag), shown(value), flag, value]))(
    '%s --%s=%s',
    (cmd, _flagShown, _valueShown, flag, value) => {
      const argv = [...BASE[cmd as Command]];
      const k = argv.indexOf(`--${flag}`);
      if (k >= 0) argv.splice(k, 2);
      const r = cli(cmd, ...argv, `--${flag}=${value}`);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toMatch(/^error: [^\n]*\n$/);
      expect(r.err.slice(0, -1)).not.toMatch(CONTROL);
      expect(r.err.length).toBeLessThanOrEqual(1100);
    },
  );
});

describe('--help names every limit', () => {
  it('each limit appears with its value in the global help, and the file limits in the published schema', () => {
    const help = cli('--help').out;
    const limits: [string, string][] = [
      ['file size', '1 MiB'],
      ['actors', `${ACTORS_MAX} actors`],
      ['pairs', `${PAIRS_MAX}`],
      ['events', `${EVENTS_MAX} events`],
      ['indicators', `${INDICATORS_MAX} extra indicators`],
      ['sources', `${SOURCES_MAX} sources`],
      ['expression length', `${EXPR_CHARS_MAX} characters`],
      ['expression depth', `${EXPR_DEPTH_MAX} levels`],
      ['problems listed', `first ${PROBLEMS_LISTED} problems`],
      ['steps', `0..${STEPS_MAX}`],
      ['start', `${START_MIN}..${START_MAX}`],
      ['trade', `${TRADE_MAX}`],
      ['investment', `${INVESTMENT_MAX}`],
      ['smallest amount', `${AMOUNT_MIN}`],
      ['seeds', `1..${MAX_SEEDS}`],
      ['sweep values', `at most ${MAX_SWEEP_VALUES} values`],
      ['error line', `${ERROR_CHARS_MAX} characters`],
      ['pipe wait', `${READ_WAIT_MS / 1000} s`],
    ];
    for (const [what, text] of limits) expect(help, what).toContain(text);
    const schema = scenarioJsonSchemaText();
    for (const text of ['1 MiB', `${EXPR_DEPTH_MAX} levels`, `${PAIRS_MAX} pairs`, `${AMOUNT_MIN}`])
      expect(schema, text).toContain(text);
  });
});
