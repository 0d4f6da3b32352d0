// The CLI under bad input (issue 9): --out never overwrites an input, and every flag with a bad value
// gets exit status 2 and one line starting "error: ", with control characters escaped.
import { linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/cli';

const ROOT = resolve(__dirname, '../..');
const preset = readFileSync(join(ROOT, 'scenarios/post-ukraine.json'), 'utf8');

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cli-robust-'));
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'in.json'), preset);
  writeFileSync(join(dir, 'other.json'), preset);
  symlinkSync(join(dir, 'in.json'), join(dir, 'link.json'));
  linkSync(join(dir, 'in.json'), join(dir, 'hard.json'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = main(argv, {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    cwd: dir,
  });
  return { code, out, err };
}

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
    expect(readFileSync(join(dir, 'in.json'), 'utf8')).toBe(preset);
  });

  it('another file is written as before', () => {
    const r = cli('run', '--scenario', 'in.json', '--steps', '1', '--out', 'result.json');
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'result.json'), 'utf8')).steps).toBe(1);
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
