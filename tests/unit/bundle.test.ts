// The CLI as `npm run sim` runs it: from its bundle (dist-cli, built by tools/sim.mjs when stale). It
// prints what the sources print; --help and preset runs cannot reach zod or mathjs (no static import
// leads there), a scenario file loads them on demand; and a study sharded through GNU parallel merges
// to the unsharded bytes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/cli';

const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'dist-cli');
let dir = '';
// npm sets INIT_CWD (where the user typed the command), and the CLI resolves paths from it: the
// children here must resolve from their own working folder.
const env = { ...process.env };
delete env.INIT_CWD;

beforeAll(() => {
  const r = spawnSync(process.execPath, [join(ROOT, 'tools', 'sim.mjs'), '--build-only'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`building the CLI failed:\n${r.stderr}`);
  dir = mkdtempSync(join(tmpdir(), 'bundle-test-'));
}, 300_000);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function bundled(...args: string[]) {
  const r = spawnSync(process.execPath, [join(CLI, 'main.mjs'), ...args], { cwd: dir, encoding: 'utf8', env });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function inProcess(...args: string[]) {
  let out = '';
  const code = main(args, { stdout: { write: (s: string) => (out += s) }, stderr: { write: () => {} }, cwd: dir });
  return { code, out };
}

/** Files reachable from a bundle file through static imports. */
function staticClosure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(join(CLI, file), 'utf8');
  for (const m of text.matchAll(/(?:from|import)\s*["']\.\/([^"']+)["']/g)) staticClosure(m[1], seen);
  return seen;
}

describe('the CLI bundle', () => {
  it('prints what the sources print (help, a preset run, a scenario file, an ensemble on workers)', () => {
    for (const args of [
      ['--help'],
      ['run', '--scenario', 'post-ukraine', '--seed', '3', '--steps', '4'],
      ['run', '--scenario', join(ROOT, 'scenarios', 'pre-2022.json'), '--steps', '3', '--format', 'csv'],
      ['ensemble', '--scenario', 'post-ukraine', '--seeds', '40', '--steps', '5', '--format', 'csv'],
    ]) {
      const b = bundled(...args);
      expect(b.err).toBe('');
      expect(b.code).toBe(0);
      expect(b.out).toBe(inProcess(...args).out);
    }
  });

  it("refuses --out onto a preset's own file, as the sources do", () => {
    const file = join(ROOT, 'scenarios', 'pre-2022.json');
    const before = readFileSync(file, 'utf8');
    const b = bundled('run', '--scenario', 'pre-2022', '--steps', '1', '--out', file);
    expect(b.code).toBe(2);
    expect(b.err).toMatch(/is the scenario file of --scenario pre-2022/);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('reports a broken scenario file through the lazily loaded validator', () => {
    const b = bundled('run', '--scenario', join(ROOT, 'package.json'));
    expect(b.code).toBe(2);
    expect(b.err).toMatch(/^error: invalid scenario file .*package\.json/);
  });

  it('keeps zod and mathjs out of everything main.mjs imports; only scenario-load.mjs has them', () => {
    const reach = staticClosure('main.mjs');
    expect(reach.has('scenario-load.mjs')).toBe(false);
    for (const f of reach) {
      const text = readFileSync(join(CLI, f), 'utf8');
      expect(text, f).not.toMatch(/ZodError|createUnit|typed-function/);
    }
    const loader = readFileSync(join(CLI, 'scenario-load.mjs'), 'utf8');
    expect(loader).toMatch(/ZodError/);
    expect(loader).toMatch(/typed-function|typedFunction/);
    expect(readdirSync(CLI)).toContain('worker.mjs');
  });
});

describe('GNU parallel', () => {
  const hasParallel = spawnSync('parallel', ['--version'], { encoding: 'utf8' }).status === 0;
  if (!hasParallel && process.env.CI) {
    it("is installed in CI (.ci/run installs Debian's parallel)", () => {
      expect(hasParallel).toBe(true);
    });
  }
  it.skipIf(!hasParallel)('a 4-shard study run through parallel merges to the unsharded output', () => {
    const study = [
      'sensitivity',
      '--scenario',
      'post-ukraine',
      '--indicator',
      'ru_dependence_on_cn',
      '--method',
      'morris',
      '--inputs',
      'levers',
      '--samples',
      '3',
      '--seeds',
      '2',
      '--steps',
      '6',
      '--workers',
      '1',
    ];
    const whole = bundled(...study, '--format', 'csv');
    expect(whole.code).toBe(0);
    const r = spawnSync(
      'parallel',
      [
        '--halt',
        'now,fail=1',
        process.execPath,
        join(CLI, 'main.mjs'),
        ...study,
        '--shard',
        '{}/4',
        '--out',
        'shard-{}.jsonl',
        ':::',
        '1',
        '2',
        '3',
        '4',
      ],
      { cwd: dir, encoding: 'utf8', env },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const merged = bundled(
      'merge',
      'shard-1.jsonl',
      'shard-2.jsonl',
      'shard-3.jsonl',
      'shard-4.jsonl',
      '--format',
      'csv',
    );
    expect(merged.err).toBe('');
    expect(merged.out).toBe(whole.out);
  });
  if (!hasParallel && !process.env.CI) {
    it.skip('GNU parallel is not installed here (apt-get install parallel; .ci/run installs it): the 4-shard test is skipped', () => {});
  }
});
