import { describe, expect, it } from 'vitest';
import { compileExpr, EXPR_CHARS_MAX, EXPR_DEPTH_MAX } from '../../src/scenario/expr';

const names = ['ru_dependence_on_cn', 'war', 'x'];

describe('sandboxed expressions', () => {
  it('evaluates arithmetic, comparison, logic, conditionals and whitelisted functions', () => {
    const f = compileExpr('max(ru_dependence_on_cn, 0.2) * 2 + (war > 0.5 and x < 1 ? 1 : 0)', names);
    expect(f({ ru_dependence_on_cn: 0.3, war: 1, x: 0 })).toBeCloseTo(1.6);
    expect(f({ ru_dependence_on_cn: 0.1, war: 0, x: 0 })).toBeCloseTo(0.4);
    expect(compileExpr('ru_dependence_on_cn > 0.3', names)({ ru_dependence_on_cn: 0.31 })).toBe(1);
  });

  it("computes powers, mod, exp and log with the model's deterministic functions", () => {
    expect(compileExpr('2 ^ 10 + x ^ -1', names)({ x: 4 })).toBe(1024.25);
    expect(compileExpr('x ^ 0.5', names)({ x: 2 })).toBeCloseTo(Math.SQRT2, 14);
    expect(compileExpr('exp(1) - log(exp(2))', names)({})).toBeCloseTo(Math.E - 2, 14);
    expect(compileExpr('7 mod 3 + (not war) + (war or x)', names)({ war: 0, x: 0 })).toBe(2);
    expect(Number.isNaN(compileExpr('log(-1)', names)({}))).toBe(true);
  });

  it.each([
    ['import({}, {override: true})', /not allowed|unknown/],
    ['evaluate("1+1")', /not allowed/],
    ['createUnit("foo")', /not allowed/],
    ['parse("1")', /not allowed/],
    ['x = 1', /not allowed/],
    ['f(y) = y', /not allowed/],
    ['x.constructor', /not allowed/],
    ['[1, 2]', /not allowed/],
    ['"text"', /not allowed|only numbers/],
    ['cos(x)', /function cos is not allowed/],
    ['unknown_name + 1', /unknown name "unknown_name"/],
    ['1 +', /cannot parse/],
  ])('rejects %s', (text, message) => {
    expect(() => compileExpr(text, names)).toThrow(message);
  });
});

describe('limits of the expression language', () => {
  it(`an expression nested deeper than EXPR_DEPTH_MAX is refused, naming the limit`, () => {
    const deep = `${'('.repeat(EXPR_DEPTH_MAX)}x${')'.repeat(EXPR_DEPTH_MAX)}`;
    expect(compileExpr(deep, names)({ x: 2 })).toBe(2);
    const deeper = `${'-'.repeat(EXPR_DEPTH_MAX + 1)}x`;
    expect(() => compileExpr(deeper, names)).toThrow(`nested more than ${EXPR_DEPTH_MAX} levels deep`);
    expect(() => compileExpr(`${'abs('.repeat(EXPR_DEPTH_MAX + 1)}x${')'.repeat(EXPR_DEPTH_MAX + 1)}`, names)).toThrow(
      /nested more than/,
    );
  });

  it(`an expression longer than EXPR_CHARS_MAX is refused before it is parsed`, () => {
    expect(() => compileExpr(`x${' + x'.repeat(EXPR_CHARS_MAX)}`, names)).toThrow(
      `expression is longer than ${EXPR_CHARS_MAX} characters`,
    );
  });
});
