// Bounds that mean something (issue 9): every number a scenario can hold has a range, and values
// outside it are refused by the loader with the field named, before they can reach the model.
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load';
import { PRESETS } from '../../src/scenario/presets';

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
