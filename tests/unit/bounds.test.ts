// Bounds that mean something (issue 9): every number a scenario can hold has a range, and values
// outside it are refused by the loader with the field named, before they can reach the model.
import { describe, expect, it } from 'vitest';
import { scenarioJson } from '../../src/app/files';
import { buildWorld } from '../../src/model/build';
import { dpow } from '../../src/model/dmath';
import { NonFiniteError } from '../../src/model/finite';
import { GROWTH_STEPS, growthAt, RFE_STOCK_MAX } from '../../src/model/world';
import { AMOUNT_MIN, STEPS_MAX } from '../../src/scenario/limits';
import { loadScenario, parseScenarioText } from '../../src/scenario/load';
import { PRESETS } from '../../src/scenario/presets';
import { Run } from '../../src/sim/run';

type Json = Record<string, unknown> & { actors: Record<string, unknown>[] };
const base = () => structuredClone(PRESETS['post-ukraine']) as Json;

function errorsOf(json: unknown): string[] {
  const r = loadScenario(json);
  return r.ok ? [] : r.errors;
}

describe('amounts in USD bn have an upper bound', () => {
  // 1e308 trade made China's utility NaN, and it then warmed toward everyone every quarter.
  it.each([
    ['trade', (s: Json) => ((s.trade as Record<string, number>)['CN-RU'] = 1e308), /^trade\.CN-RU: /],
    ['otherTrade', (s: Json) => (s.actors[1].otherTrade = 1e308), /^actors\[1\]\.otherTrade: /],
    [
      'RFE investment',
      (s: Json) => ((s.rfe as { investment: Record<string, number> }).investment.CN = 1e308),
      /^rfe\.investment\.CN: /,
    ],
  ])('%s of 1e308 is refused, naming the field', (_name, mutate, field) => {
    const s = base();
    mutate(s);
    const errors = errorsOf(s);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(field);
    expect(errors[0]).toMatch(/at most 100000|at most 10000/);
  });
});

describe('an amount is 0 or at least AMOUNT_MIN', () => {
  // Found while writing the bounds argument: a positive amount far below a dollar divides to NaN.
  // RFE investment of 5e-324 made development NaN at step 1 (the stock's growth ratio overflowed), and
  // an actor whose only trade was 5e-324 had a NaN utility once shrinking growth rounded it to 0.
  it.each([
    [
      'RFE investment',
      (s: Json) => ((s.rfe as { investment: Record<string, number> }).investment.CN = 5e-324),
      /^rfe\.investment\.CN: /,
    ],
    ['otherTrade', (s: Json) => (s.actors[5].otherTrade = 5e-324), /^actors\[5\]\.otherTrade: /],
    ['trade', (s: Json) => ((s.trade as Record<string, number>)['CN-RU'] = 1e-9), /^trade\.CN-RU: /],
  ])('%s of a tiny positive amount is refused, naming the field', (_name, mutate, field) => {
    const s = base();
    mutate(s);
    const errors = errorsOf(s);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(field);
    expect(errors[0]).toMatch(`0 or at least ${AMOUNT_MIN}`);
  });

  it('0 and AMOUNT_MIN itself are accepted', () => {
    for (const v of [0, AMOUNT_MIN]) {
      const s = base();
      s.actors[5].otherTrade = v;
      (s.rfe as { investment: Record<string, number> }).investment.CN = v;
      expect(errorsOf(s)).toEqual([]);
    }
  });
});

describe('dates are four-digit years for the whole of any run', () => {
  // A scenario starting in 9990 ran past 9999Q4: its exported file held events at "10005Q1", which no
  // loader (nor the CLI's --change) accepts, so the export could not be loaded back.
  it('a start after 9899Q4 (whose 400th quarter would pass 9999Q4) or before 1000Q1 is refused', () => {
    for (const start of ['9990Q1', '9900Q1', '0999Q4']) {
      const s = base();
      s.start = start;
      s.events = [];
      const errors = errorsOf(s);
      expect(errors, start).toHaveLength(1);
      expect(errors[0]).toMatch(/^start: .*1000Q1.*9899Q4/);
    }
  });

  it('the latest start, 9899Q4, runs 400 quarters to 9999Q4 and its export (a change at the last step) loads', () => {
    const s = base();
    s.start = '9899Q4';
    s.events = [];
    const r = loadScenario(s);
    if (!r.ok) throw new Error(r.errors.join('; '));
    const run = new Run(r.spec, { record: false });
    run.runTo(STEPS_MAX);
    expect(run.date).toBe('9999Q4');
    const text = scenarioJson(r.file, [{ t: STEPS_MAX, name: 'war', value: 0.5 }], r.spec.start);
    const back = parseScenarioText(text);
    expect(back.ok, back.ok ? '' : back.errors.join('; ')).toBe(true);
  });
});

describe('the model checks finiteness once per step', () => {
  function spec() {
    const r = loadScenario(base());
    if (!r.ok) throw new Error(r.errors.join('; '));
    return r.spec;
  }

  // Through the Run API a spec need not come from the loader: 1e308 trade made China's utility NaN,
  // and China then warmed toward everyone every quarter, silently.
  it('a run that would go non-finite stops with an error naming the step, its date and the quantity', () => {
    const s = spec();
    s.trade[1 * s.actors.length + 2] = 1e308;
    s.trade[2 * s.actors.length + 1] = 1e308;
    const run = new Run(s, { record: false });
    expect(() => run.step()).toThrow(NonFiniteError);
    expect(() => run.step()).toThrow(
      /^step 1: .* \(2022Q2\) is not a finite number \((NaN|-?Infinity)\); the run stops here$/,
    );
    expect(run.t).toBe(0);
  });

  it('names a state variable that went bad', () => {
    const run = new Run(spec(), { record: false });
    run.runTo(3);
    (run.state.ties as Float64Array)[1] = Number.NaN;
    expect(() => run.step()).toThrow(/^step 4: tie US-CN \(2023Q1\) is not a finite number \(NaN\)/);
  });
});

describe('long runs stay finite and in range', () => {
  function check(run: Run): void {
    const s = run.state;
    const n = run.world.n;
    for (const v of s.ties) expect(v >= -1 && v <= 1).toBe(true);
    for (let k = 0; k < n * n; k++) expect(Number.isFinite(s.trade[k]) && s.trade[k] >= 0).toBe(true);
    for (const v of s.rfe) expect(v >= 0 && v <= RFE_STOCK_MAX).toBe(true);
    for (const v of s.energy) expect(v >= 0 && v <= 1).toBe(true);
    for (const [name, v] of Object.entries(run.indicatorsAt())) {
      expect(Number.isFinite(v), name).toBe(true);
      if (name !== 'ru_cn_trade_gap') expect(v >= 0 && v <= 1, name).toBe(true);
    }
  }

  // Growth factors (1 + g)^(t/4) overflowed a double: pre-2022 turned non-finite at step 9,855 and
  // post-ukraine at 26,520. Growth now compounds for GROWTH_STEPS quarters, then holds.
  it('growth factors are exact within GROWTH_STEPS and hold after it', () => {
    expect(GROWTH_STEPS).toBeGreaterThanOrEqual(STEPS_MAX);
    const r = loadScenario(PRESETS['pre-2022']);
    if (!r.ok) throw new Error();
    const w = buildWorld(r.spec);
    for (const t of [0, 1, 17, 399, 400]) {
      const g = growthAt(w, t);
      for (let i = 0; i < w.n; i++) expect(g[i]).toBe(dpow(1 + w.growth[i], t / 4));
    }
    expect(Array.from(growthAt(w, 26_520))).toEqual(Array.from(growthAt(w, GROWTH_STEPS)));
  });

  it('pre-2022 runs 12,000 steps (past the old overflow at 9,855), finite and in range', () => {
    const r = loadScenario(PRESETS['pre-2022']);
    if (!r.ok) throw new Error();
    const run = new Run(r.spec, { record: false });
    for (let t = 1000; t <= 12_000; t += 1000) {
      run.runTo(t);
      check(run);
    }
  });

  // An investor that keeps investing compounds its stock by (1 + investStep) a quarter: 11x at the
  // parameter's bound. The stock has a ceiling that no preset can reach within STEPS_MAX quarters.
  it('RFE stocks stop at RFE_STOCK_MAX, which no preset reaches within STEPS_MAX quarters', () => {
    for (const json of Object.values(PRESETS)) {
      const r = loadScenario(json);
      if (!r.ok) throw new Error();
      const stock = Math.max(1, ...Object.values(r.spec.rfe.investment));
      const p = r.spec.params;
      // The most a stock can grow in a quarter is by investStep of itself; a lookahead trial adds horizon steps.
      expect(stock * (1 + p.investStep) ** STEPS_MAX * (1 + p.horizon * p.investStep)).toBeLessThan(RFE_STOCK_MAX);
    }
    const s = base();
    s.params = { investStep: 10, capitalCost: 0, depreciation: 0 };
    const r = loadScenario(s);
    if (!r.ok) throw new Error(r.errors.join('; '));
    const run = new Run(r.spec, { record: false });
    run.runTo(STEPS_MAX);
    check(run);
    expect(Math.max(...run.state.rfe)).toBe(RFE_STOCK_MAX);
  });
});

describe('the Run API checks the levers it is given', () => {
  const spec = () => {
    const r = loadScenario(base());
    if (!r.ok) throw new Error(r.errors.join('; '));
    return r.spec;
  };
  // Pins and setLever values went into the model unchecked: war = 1e308 through the API.
  it('pins and lever changes out of range are refused with the lever and its range named', () => {
    expect(() => new Run(spec(), { pins: { war: 1e308 } })).toThrow(/^war=1e\+308 is out of range 0\.\.1$/);
    expect(() => new Run(spec(), { pins: { beta: Number.NaN } })).toThrow(/^beta=NaN is out of range 0\.\.50$/);
    const run = new Run(spec());
    expect(() => run.setLever('noise', 0.3)).toThrow(/^noise=0\.3 is out of range 0\.\.0\.2$/);
    expect(() => run.setLever('sanctions', Number.POSITIVE_INFINITY)).toThrow(RangeError);
    run.setLever('noise', 0.2);
    expect(run.state.levers[9]).toBe(0.2);
  });
});
