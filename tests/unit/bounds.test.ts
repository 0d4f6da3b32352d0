// Bounds that mean something (issue 9): every number a scenario can hold has a range, and values
// outside it are refused by the loader with the field named, before they can reach the model.
import { describe, expect, it } from 'vitest';
import { scenarioJson } from '../../src/app/files';
import { loadScenario, parseScenarioText } from '../../src/scenario/load';
import { PRESETS } from '../../src/scenario/presets';
import { STEPS_MAX } from '../../src/scenario/schema';
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
