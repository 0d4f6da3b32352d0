// Sensitivity analysis (src/sim/sensitivity.ts, sobolSequence.ts, study.ts): the estimators against
// functions whose indices are known in closed form, the Sobol' points' net property, and studies of the
// model (inputs, ranges, what one point means).
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../src/model/spec';
import { loadPreset } from '../../src/scenario/presets';
import { horizonValues, toWorld } from '../../src/sim/ensemble';
import {
  type Design,
  latinHypercube,
  morrisDesign,
  morrisIndices,
  oatDesign,
  saltelliDesign,
  sobolIndices,
  tornado,
} from '../../src/sim/sensitivity';
import { sobolPoints } from '../../src/sim/sobolSequence';
import {
  analyse,
  applyPoint,
  evaluatePoints,
  runStudy,
  studyDesign,
  studyInputs,
  studyPlan,
} from '../../src/sim/study';

function evaluate(d: Design, f: (x: Float64Array) => number): Float64Array {
  const y = new Float64Array(d.count);
  for (let r = 0; r < d.count; r++) y[r] = f(d.rows.subarray(r * d.k, (r + 1) * d.k));
  return y;
}

/** Ishigami with a = 7, b = 0.1 on [-pi, pi]^3. */
function ishigami(x: Float64Array): number {
  const [a, b, c] = [0, 1, 2].map((i) => -Math.PI + 2 * Math.PI * x[i]);
  return Math.sin(a) + 7 * Math.sin(b) ** 2 + 0.1 * c ** 4 * Math.sin(a);
}

function preset(id = 'post-ukraine') {
  const r = loadPreset(id);
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.spec;
}

describe("Sobol' points", () => {
  it('every power-of-two prefix fills every interval of each dimension once, shifted or not', () => {
    const n = 256;
    for (const shift of [undefined, Uint32Array.from({ length: 128 }, (_, d) => (d * 2654435761) >>> 0)]) {
      const pts = sobolPoints(n, 128, shift);
      for (let d = 0; d < 128; d++) {
        const seen = new Uint8Array(n);
        for (let i = 0; i < n; i++) seen[Math.floor(pts[i * 128 + d] * n)]++;
        expect(
          seen.every((c) => c === 1),
          `dimension ${d + 1}`,
        ).toBe(true);
      }
    }
  });

  it('the first two dimensions form a (0, m, 2)-net: one point in every dyadic box of area 1/n', () => {
    const n = 64;
    const pts = sobolPoints(n, 2);
    for (let a = 0; a <= 6; a++) {
      const cols = 2 ** a;
      const rows = n / cols;
      const seen = new Uint8Array(n);
      for (let i = 0; i < n; i++) seen[Math.floor(pts[2 * i] * cols) * rows + Math.floor(pts[2 * i + 1] * rows)]++;
      expect(seen.every((c) => c === 1)).toBe(true);
    }
    expect(Array.from(pts.subarray(0, 8))).toEqual([0, 0, 0.5, 0.5, 0.25, 0.75, 0.75, 0.25]);
  });
});

describe("Sobol' indices (Saltelli 2010 first order, Jansen total)", () => {
  it("recover the Ishigami function's known indices (a = 7, b = 0.1)", () => {
    const n = 8192;
    const d = saltelliDesign(3, n, 1);
    const s = sobolIndices(evaluate(d, ishigami), 3, n, { bootstrap: 200 });
    // Analytical: S1 = 0.3139, 0.4424, 0; ST = 0.5576, 0.4424, 0.2437 (Ishigami and Homma 1990).
    const s1 = [0.3139, 0.4424, 0];
    const st = [0.5576, 0.4424, 0.2437];
    s.first.forEach((x, i) => {
      expect(Math.abs(x.value - s1[i])).toBeLessThan(0.02);
      expect(x.lo).toBeLessThanOrEqual(s1[i] + 0.01);
      expect(x.hi).toBeGreaterThanOrEqual(s1[i] - 0.01);
    });
    s.total.forEach((x, i) => {
      expect(Math.abs(x.value - st[i])).toBeLessThan(0.02);
    });
    // Variance of Ishigami: a^2/8 + b pi^4/5 + b^2 pi^8/18 + 1/2 = 13.8446.
    expect(s.variance).toBeCloseTo(13.8446, 0);
  });

  it('are exact shares for an additive function: S1 = ST = c_i^2 / sum c^2', () => {
    const n = 4096;
    const c = [3, 1, 0, 2];
    const d = saltelliDesign(4, n, 3);
    const s = sobolIndices(
      evaluate(d, (x) => c.reduce((acc, ci, i) => acc + ci * x[i], 0)),
      4,
      n,
      { bootstrap: 0 },
    );
    const total = c.reduce((a, ci) => a + ci * ci, 0);
    c.forEach((ci, i) => {
      expect(s.first[i].value).toBeCloseTo((ci * ci) / total, 2);
      expect(s.total[i].value).toBeCloseTo((ci * ci) / total, 2);
    });
  });
});

describe('Morris elementary effects', () => {
  it('give the slopes of a linear function exactly, with no spread', () => {
    const d = morrisDesign(3, 12, 4, 2);
    const m = morrisIndices(
      evaluate(d, (x) => 5 * x[0] - 1 * x[1] + 0 * x[2]),
      d,
      { bootstrap: 50 },
    );
    expect(m.mu.map((v) => Number(v.toFixed(9)))).toEqual([5, -1, 0]);
    expect(m.muStar.map((v) => Number(v.value.toFixed(9)))).toEqual([5, 1, 0]);
    expect(m.sigma.every((v) => v < 1e-9)).toBe(true);
  });

  it('flag an interaction by sigma, and rank by mu*', () => {
    const d = morrisDesign(3, 40, 4, 5);
    const m = morrisIndices(
      evaluate(d, (x) => x[0] * x[1] + 0.1 * x[2]),
      d,
    );
    expect(m.sigma[0]).toBeGreaterThan(0.1);
    expect(m.sigma[2]).toBeLessThan(1e-9);
    expect(m.muStar[0].value).toBeGreaterThan(m.muStar[2].value);
    expect(m.muStar[0].lo).toBeLessThanOrEqual(m.muStar[0].value);
    expect(m.muStar[0].hi).toBeGreaterThanOrEqual(m.muStar[0].value);
  });

  it('move one input per step by delta = p / (2(p - 1)) within [0, 1]', () => {
    const d = morrisDesign(5, 7, 4, 9);
    for (let t = 0; t < 7; t++) {
      for (let m = 0; m < 5; m++) {
        const a = d.rows.subarray((t * 6 + m) * 5, (t * 6 + m + 1) * 5);
        const b = d.rows.subarray((t * 6 + m + 1) * 5, (t * 6 + m + 2) * 5);
        const changed = [0, 1, 2, 3, 4].filter((i) => a[i] !== b[i]);
        expect(changed).toEqual([d.moved[t * 5 + m]]);
        expect(Math.abs(Math.abs(b[changed[0]] - a[changed[0]]) - 2 / 3)).toBeLessThan(1e-12);
        expect(b.every((v) => v >= 0 && v <= 1 + 1e-12)).toBe(true);
      }
    }
  });
});

describe('Latin hypercube', () => {
  it('puts one point in each of the n strata of every input, the same for the same seed', () => {
    const n = 50;
    const x = latinHypercube(4, n, 3);
    for (let i = 0; i < 4; i++) {
      const seen = new Uint8Array(n);
      for (let j = 0; j < n; j++) seen[Math.floor(x[j * 4 + i] * n)]++;
      expect(seen.every((c) => c === 1)).toBe(true);
    }
    expect(latinHypercube(4, n, 3)).toEqual(x);
    expect(latinHypercube(4, n, 4)).not.toEqual(x);
  });
});

describe('one at a time', () => {
  it('gives the base and each input at its low and high end', () => {
    const d = oatDesign(2);
    const y = evaluate(d, (x) => (Number.isNaN(x[0]) ? 0.5 : x[0]) * 10 + (Number.isNaN(x[1]) ? 0.5 : x[1]));
    const t = tornado(y, 2);
    expect(t).toEqual({ base: 5.5, low: [0.5, 5], high: [10.5, 6], swing: [10, 1] });
  });
});

describe('studies of the model', () => {
  const spec = preset();

  it('vary substantive levers over their range and parameters by 25% within the schema', () => {
    const { inputs, fixed } = studyInputs(spec);
    const war = inputs.find((i) => i.name === 'war');
    expect(war).toMatchObject({ kind: 'lever', lo: 0, hi: 1 });
    const alpha = inputs.find((i) => i.name === 'alpha');
    expect(alpha?.lo).toBeCloseTo(DEFAULT_PARAMS.alpha * 0.75, 15);
    expect(alpha?.hi).toBeCloseTo(DEFAULT_PARAMS.alpha * 1.25, 15);
    // sanctionDepth 0.9 + 25% is past the schema's 1: clipped.
    expect(inputs.find((i) => i.name === 'sanctionDepth')?.hi).toBe(1);
    expect(inputs.some((i) => i.name === 'beta' || i.name === 'noise')).toBe(false);
    expect(inputs).toHaveLength(8 + Object.keys(DEFAULT_PARAMS).length - fixed.length);
    const design = studyInputs(spec, ['design', 'war'], { war: [0.2, 0.4] }).inputs;
    // The scenario's own beta and noise, 25% either side, clipped to the levers' ranges (beta at most 50).
    const b = spec.levers.beta;
    const z = spec.levers.noise;
    expect(design.map((i) => [i.name, i.lo, i.hi])).toEqual([
      ['beta', b * 0.75, Math.min(50, b * 1.25)],
      ['noise', z * 0.75, Math.min(0.2, z * 1.25)],
      ['war', 0.2, 0.4],
    ]);
    expect(() => studyInputs(spec, ['warr'])).toThrow(/unknown input "warr"/);
    expect(() => studyInputs(spec, ['war'], { war: [0.5, 2] })).toThrow(/--range war/);
  });

  it('a point pins its levers and sets its parameters; NaN leaves the scenario as it is', () => {
    const { inputs } = studyInputs(spec, ['war', 'alpha']);
    const p = applyPoint(spec, inputs, [0.25, 1]);
    expect(p.pins).toEqual({ war: 0.25 });
    expect(p.spec.params.alpha).toBeCloseTo(0.025, 15);
    expect(spec.params.alpha).toBe(DEFAULT_PARAMS.alpha);
    expect(applyPoint(spec, inputs, [Number.NaN, Number.NaN]).spec).toBe(spec);
  });

  it("a point's output is the seeds' mean of the indicator at the horizon (OAT base = the plain ensemble)", () => {
    const plan = studyPlan(spec, { method: 'oat', metric: 'ru_dependence_on_cn', inputs: ['war'], seeds: 5 });
    const y = evaluatePoints(spec, plan, studyDesign(plan), 0, 3);
    const w = toWorld(spec);
    const k = 0;
    let sum = 0;
    horizonValues(w, { seeds: 5, seedStart: 1 }, (_s, v) => {
      sum += v[k];
    });
    expect(y[0]).toBe(sum / 5);
    let high = 0;
    horizonValues(w, { seeds: 5, seedStart: 1, pins: { war: 1 } }, (_s, v) => {
      high += v[k];
    });
    expect(y[2]).toBe(high / 5);
    // The war raises Russia's dependence on China (the seeds' claim), so the high end is above the low.
    const r = analyse(plan, y);
    expect(r.inputs[0].high).toBeGreaterThan(r.inputs[0].low ?? 1);
  });

  it('is deterministic, any split of the points gives the same analysis, and ranks its inputs', () => {
    const plan = studyPlan(spec, {
      method: 'morris',
      metric: 'ru_dependence_on_cn',
      inputs: ['war', 'sanctions', 'epsilon'],
      samples: 3,
      seeds: 2,
      steps: 6,
    });
    const whole = runStudy(spec, plan);
    const design = studyDesign(plan);
    const y = new Float64Array(design.count);
    for (let from = 0; from < design.count; from += 5) {
      y.set(evaluatePoints(spec, plan, design, from, Math.min(design.count, from + 5)), from);
    }
    expect(analyse(plan, y)).toEqual(whole);
    // epsilon only classifies the triangle: it cannot move an indicator.
    const eps = whole.inputs.find((i) => i.name === 'epsilon');
    expect(eps?.muStar?.value).toBe(0);
    expect(whole.inputs[whole.inputs.length - 1].name).toBe('epsilon');
  });

  it('refuses an unknown indicator', () => {
    expect(() => studyPlan(spec, { method: 'sobol', metric: 'nope' })).toThrow(/unknown indicator "nope"/);
  });
});
