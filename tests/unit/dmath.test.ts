// The model's elementary functions are built from correctly rounded operations only, so they give the
// same bits in every engine; here they must agree with the engine's own to within rounding.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dcos, dexp, dlog, dpow, dtanh } from '../../src/model/dmath';

const rel = (a: number, b: number) => (a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(b), 1e-300));

describe('deterministic elementary functions', () => {
  it('exp matches Math.exp to 1e-15 relative over [-700, 700]', () => {
    fc.assert(fc.property(fc.double({ min: -700, max: 700, noNaN: true }), (x) => rel(dexp(x), Math.exp(x)) < 1e-15));
  });
  it('log matches Math.log to 1e-15 relative (or 1e-15 absolute near 1), subnormals included', () => {
    fc.assert(
      fc.property(fc.double({ min: 5e-324, max: 1e300, noNaN: true }), (x) => {
        const d = Math.abs(dlog(x) - Math.log(x));
        return d <= 1e-15 * Math.max(1, Math.abs(Math.log(x)));
      }),
    );
    expect(dlog(1)).toBe(0);
    expect(dlog(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(Number.isNaN(dlog(-1))).toBe(true);
  });
  it('cos matches Math.cos to 1e-15 on the generator angles [0, 2π)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }), (x) => Math.abs(dcos(x) - Math.cos(x)) < 1e-15),
    );
  });
  it('tanh and pow match', () => {
    fc.assert(
      fc.property(fc.double({ min: -30, max: 30, noNaN: true }), (x) => Math.abs(dtanh(x) - Math.tanh(x)) < 1e-15),
    );
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 2, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (a, b) => rel(dpow(a, b), a ** b) < 1e-13,
      ),
    );
  });
  it('uses no engine-specific Math functions in the model', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    for (const dir of ['src/model', 'src/sim', 'src/scenario']) {
      for (const f of readdirSync(dir)) {
        if (f === 'dmath.ts') continue;
        const code = readFileSync(`${dir}/${f}`, 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '');
        expect(code, `${dir}/${f}`).not.toMatch(
          /Math\.(exp|log|log1p|expm1|cos|sin|tan|tanh|pow|atan2?|cbrt|hypot)\(|\*\*/,
        );
      }
    }
  });
});
