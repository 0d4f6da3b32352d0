// sim claims-map: the point-biserial association on a known case, the hypercube's points as perturbations
// of the presets, and a map split into any number of shards merging to the bytes of the unsharded map
// (json, csv, table), in process.
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/cli';
import { measureClaims, presetContext } from '../../src/sim/claims';
import { analyseMap, claimsMapPlan, evaluateMap, mapDesign, mapPoint } from '../../src/sim/claimsMap';
import { tempFolder } from './harness';

const dir = tempFolder('claims-map-');

function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = main(argv, {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    cwd: dir(),
  });
  return { code, out, err };
}

describe('claims map', () => {
  it('finds the parameter a verdict follows, with its shares in each half, and none for a constant verdict', () => {
    const plan = claimsMapPlan({ samples: 40, seeds: 2, claims: ['C1', 'C7'] });
    const design = mapDesign(plan);
    const k = plan.inputs.length;
    const alpha = plan.inputs.findIndex((i) => i.name === 'alpha');
    // C7 "holds" exactly where alpha is in the upper half of its range; C1 everywhere.
    const points = Array.from({ length: 40 }, (_, p) => ({
      i: p,
      holds: { C1: true, C7: design[p * k + alpha] >= 0.5 },
    }));
    const r = analyseMap(plan, points);
    const c7 = r.claims.find((c) => c.id === 'C7');
    expect(c7?.holds).toBe(20);
    expect(c7?.parameters[0].name).toBe('alpha');
    expect(c7?.parameters[0].r).toBeGreaterThan(0.8);
    expect(c7?.parameters[0].shareLow).toBe(0);
    expect(c7?.parameters[0].shareHigh).toBe(1);
    expect(c7?.parameters[0].marked).toBe(true);
    expect(r.claims.find((c) => c.id === 'C1')?.parameters).toEqual([]);
  });

  it('a point is every preset with the parameters at the point, each within ±25% of its default', () => {
    const plan = claimsMapPlan({ samples: 5, seeds: 3, claims: ['C9'] });
    const design = mapDesign(plan);
    const pt = mapPoint(plan, design, 2);
    for (const input of plan.inputs) {
      const v = pt.params?.[input.name as keyof typeof pt.params] as number;
      expect(v).toBeGreaterThanOrEqual(input.lo);
      expect(v).toBeLessThanOrEqual(input.hi);
      expect(input.lo).toBeGreaterThanOrEqual(input.base * 0.75 - 1e-12);
      expect(input.hi).toBeLessThanOrEqual(input.base * 1.25 + 1e-12);
    }
    const [point] = evaluateMap(plan, 2, 3);
    const direct = measureClaims(presetContext(3, pt), ['C9']);
    expect(point.holds.C9).toBe(direct[0].holds);
  });

  const BASE = ['claims-map', '--samples', '5', '--seeds', '3', '--only', 'C1,C7,C9'];
  // The unsharded map in each format, run once.
  const wholes = new Map<string, string>();
  const whole = (fmt: string) => {
    let out = wholes.get(fmt);
    if (out === undefined) {
      const r = cli(...BASE, ...(fmt === 'default' ? [] : ['--format', fmt]));
      expect(r.code, r.err).toBe(0);
      out = r.out;
      wholes.set(fmt, out);
    }
    return out;
  };

  it('prints a table by default, JSON and CSV on request', () => {
    expect(whole('default')).toMatch(/^Claims map: 5 points of a Latin hypercube/);
    expect(whole('default')).toMatch(/\nC1 +\d\/5 /);
    expect(whole('table')).toBe(whole('default'));
    const json = JSON.parse(whole('json'));
    expect(json.claims.map((c: { id: string }) => c.id)).toEqual(['C1', 'C7', 'C9']);
    expect(whole('csv')).toMatch(/^# /);
  });

  it.each([1, 2, 5])('a map in %i shards merges to the unsharded bytes (json, csv, table)', (n) => {
    const files: string[] = [];
    for (let i = 1; i <= n; i++) {
      const f = `map-${i}-of-${n}.jsonl`;
      const r = cli(...BASE, '--shard', `${i}/${n}`, '--out', f);
      expect(r.code, r.err).toBe(0);
      files.push(f);
    }
    for (const fmt of ['json', 'csv', 'table']) {
      const merged = cli('merge', ...files.reverse(), '--format', fmt);
      expect(merged.code, merged.err).toBe(0);
      expect(merged.out).toBe(whole(fmt));
    }
  });

  it('refuses an unknown claim, a validation and a format with --shard, in one line each', () => {
    for (const [args, msg] of [
      [['--only', 'C99'], /unknown claim "C99"/],
      [['--only', 'V1'], /unknown claim "V1"/],
      [['--shard', '1/2', '--format', 'csv'], /give --format to merge/],
    ] as const) {
      const r = cli('claims-map', '--samples', '2', '--seeds', '2', ...args);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(msg);
      expect(r.err.trim().split('\n')).toHaveLength(1);
    }
  });
});
