// A scenario sent to a worker as data (src/sim/plain.ts): the compiled conditions and indicators travel
// as checked expression trees and are recompiled without mathjs; runs are byte-identical.
import { describe, expect, it } from 'vitest';
import { parseExpr } from '../../src/scenario/expr';
import { compileAst, type ExprNode } from '../../src/scenario/exprAst';
import { loadScenario } from '../../src/scenario/load';
import { loadPreset, PRESET_IDS, PRESETS } from '../../src/scenario/presets';
import { fromPlainSpec, toPlainSpec } from '../../src/sim/plain';
import { Run } from '../../src/sim/run';

function preset(id: string) {
  const r = loadPreset(id);
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.spec;
}

describe('plain specs', () => {
  it.each(PRESET_IDS)('%s survives JSON and runs byte-identically (hashes, events, extra indicators)', (id) => {
    const spec = preset(id);
    const copy = fromPlainSpec(JSON.parse(JSON.stringify(toPlainSpec(spec))));
    for (const seed of [1, 2, 77]) {
      const a = new Run(spec, { seed, record: false });
      const b = new Run(copy, { seed, record: false });
      a.runTo(spec.steps);
      b.runTo(spec.steps);
      for (let t = 0; t <= spec.steps; t++) {
        expect(b.hash(t)).toBe(a.hash(t));
        expect(b.indicatorsAt(t)).toEqual(a.indicatorsAt(t));
      }
    }
  });

  it('carries a condition that fires mid-run and an indicator that reads an earlier one', () => {
    const file = structuredClone(PRESETS['post-ukraine']) as {
      events: { at: string; when?: string; set: Record<string, number>; label: string }[];
      indicators: { name: string; label: string; expr: string }[];
    };
    file.events.push({ at: '2022Q1', when: 'year >= 2023 and war > 0.1', set: { us_engagement: 0.9 }, label: 'x' });
    file.indicators.push({ name: 'gap_sq', label: 'gap squared', expr: 'ru_cn_trade_gap ^ 2 + exp(-t)' });
    const r = loadScenario(file);
    if (!r.ok) throw new Error(r.errors.join('; '));
    const copy = fromPlainSpec(JSON.parse(JSON.stringify(toPlainSpec(r.spec))));
    const a = new Run(r.spec, { seed: 5, record: false });
    const b = new Run(copy, { seed: 5, record: false });
    a.runTo(8);
    b.runTo(8);
    // The condition fired (us_engagement moved to 0.9 from 2023Q1) in both.
    expect(a.stateAt(8).levers[4]).toBe(0.9);
    expect(b.hash(8)).toBe(a.hash(8));
    expect(b.indicatorsAt(8).gap_sq).toBe(a.indicatorsAt(8).gap_sq);
  });

  it('refuses a spec whose functions were not compiled from expressions', () => {
    const spec = preset('post-ukraine');
    const hand = { ...spec, indicators: [{ name: 'h', label: 'h', expr: '1', evaluate: () => 1 }] };
    expect(() => toPlainSpec(hand)).toThrow(/indicator h: it was not compiled from an expression/);
  });
});

describe('expression trees as data', () => {
  it('compile to the same values as the parsed text', () => {
    const names = ['x', 'y'];
    const text = 'max(x, 0.2) * 2 + (y > 0.5 and x < 1 ? log(y) : -x ^ 3) - 7 mod 3';
    const ast = parseExpr(text, names);
    const f = compileAst(JSON.parse(JSON.stringify(ast)), names);
    expect(f({ x: 0.3, y: 2 })).toBe(0.6 + Math.log(2) - 1);
    expect(f({ x: 0.3, y: 0.1 })).toBeCloseTo(0.6 - 0.027 - 1, 15);
  });

  it.each<[string, unknown]>([
    ['a function off the whitelist', { k: 'fn', name: 'constructor', args: [{ k: 'num', v: 1 }] }],
    [
      'an inherited operator name',
      {
        k: 'op',
        op: 'toString',
        args: [
          { k: 'num', v: 1 },
          { k: 'num', v: 2 },
        ],
      },
    ],
    ['an unknown name', { k: 'name', name: 'process' }],
    ['a string constant', { k: 'num', v: 'alert(1)' }],
    ['an unknown node', { k: 'call', name: 'eval' }],
  ])('refuses %s', (_what, ast) => {
    expect(() => compileAst(ast as ExprNode, ['x'])).toThrow(/expression tree/);
  });
});
