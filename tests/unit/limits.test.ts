// Limits on size and work (issue 9): what the loader lists, how long a message may be, how much it
// reads and compiles. Each limit is a named constant that --help and the schema print.
import { describe, expect, it } from 'vitest';
import { ACTORS_MAX, EVENTS_MAX, INDICATORS_MAX, PAIRS_MAX } from '../../src/scenario/limits';
import { loadScenario } from '../../src/scenario/load';
import { PROBLEM_CHARS_MAX, PROBLEMS_LISTED } from '../../src/scenario/messages';
import { PRESETS } from '../../src/scenario/presets';
import { Run } from '../../src/sim/run';
import { CONTROL } from './harness';

type Json = Record<string, unknown> & { actors: Record<string, unknown>[] };
const base = () => structuredClone(PRESETS['post-ukraine']) as Json;

function failure(json: unknown): { errors: string[]; total: number } {
  const r = loadScenario(json);
  if (r.ok) throw new Error('expected the loader to refuse this file');
  return r;
}

describe('the problems of a file are listed briefly, each on one line', () => {
  it('the first few, then "and M more", with the total', () => {
    const s = base();
    const roster = s.actors;
    while (roster.length < 24) roster.push({ ...roster[3], id: `X${roster.length}` });
    for (const a of roster) {
      a.color = 'red';
      a.growth = 7;
      a.sanctionCompliance = -1;
    }
    const r = failure(s);
    expect(r.total).toBe(72);
    expect(r.errors).toHaveLength(PROBLEMS_LISTED + 1);
    expect(r.errors[PROBLEMS_LISTED]).toBe(`... and ${72 - PROBLEMS_LISTED} more problems`);
  });

  it('100,000 problems: still a short list, quickly', () => {
    const s = base();
    s.ties = Object.fromEntries(Array.from({ length: 100_000 }, (_, k) => [`A${k}-B${k}`, 0]));
    const r = failure(s);
    expect(r.errors.length).toBeLessThanOrEqual(PROBLEMS_LISTED + 1);
    expect(r.total).toBeGreaterThanOrEqual(1);
  });

  it('a newline or other control character inside an expression is shown escaped, on one line', () => {
    const s = base();
    s.indicators = [{ name: 'y', label: 'y', expr: '1 +\n (t\u001b[31m' }];
    const [msg] = failure(s).errors;
    expect(msg).not.toMatch(CONTROL);
    expect(msg).toContain('1 +\\n (t\\u001b[31m');
  });

  it('a message quoting a huge field is cut to a bounded length', () => {
    const s = base() as Record<string, unknown>;
    s[`x${'y'.repeat(100_000)}`] = 1;
    s['bad\u0000key\u202e'] = 2;
    const r = failure(s);
    for (const m of r.errors) {
      expect(m.length).toBeLessThanOrEqual(PROBLEM_CHARS_MAX);
      expect(m).not.toMatch(CONTROL);
    }
    expect(r.errors.join(' ')).toMatch(/bad\\u0000key\\u202e/);
  });
});

describe('limits on counts', () => {
  // 30,000 indicators in a 2 MB file took the CLI about 4 minutes before it died (compiling each
  // indicator copied the list of names before it).
  it('more extra indicators than INDICATORS_MAX are refused at once, naming the limit', () => {
    const s = base();
    s.indicators = Array.from({ length: 30_000 }, (_, k) => ({
      name: `x${k}`,
      label: 'x',
      expr: k ? `x${k - 1} + 1` : '1',
    }));
    const r = failure(s);
    expect(r.errors).toEqual([`indicators: at most ${INDICATORS_MAX} extra indicators (this file has 30000)`]);
  });

  it('INDICATORS_MAX chained indicators load and each reads the one before', () => {
    const s = base();
    s.indicators = Array.from({ length: INDICATORS_MAX }, (_, k) => ({
      name: `x${k}`,
      label: 'x',
      expr: k ? `x${k - 1} + 1` : 'war',
    }));
    const r = loadScenario(s);
    if (!r.ok) throw new Error(r.errors.join('; '));
    const ind = new Run(r.spec, { record: false }).indicatorsAt(0);
    expect(ind[`x${INDICATORS_MAX - 1}`]).toBe(ind.x0 + INDICATORS_MAX - 1);
  });

  it.each([
    ['events', () => Array.from({ length: EVENTS_MAX + 1 }, () => ({ at: '2022Q1', set: {}, label: 'e' })), EVENTS_MAX],
    ['actors', () => Array.from({ length: 1000 }, () => ({})), ACTORS_MAX],
    ['security', () => Array.from({ length: 10_000 }, () => ({})), PAIRS_MAX],
  ])('more %s than the limit are refused in one problem', (field, make, limit) => {
    const s = base() as Record<string, unknown>;
    s[field] = make();
    const r = failure(s);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(new RegExp(`^${field}: at most ${limit} `));
  });

  it.each(['ties', 'trade', 'weights', 'decisions', 'sources'])(
    'a %s record with 100,000 keys is one problem',
    (field) => {
      const s = base() as Record<string, unknown>;
      s[field] = Object.fromEntries(Array.from({ length: 100_000 }, (_, k) => [`K${k}-L${k}`, 0]));
      const r = failure(s);
      expect(r.errors).toHaveLength(1);
      expect(r.errors[0]).toMatch(new RegExp(`^${field}: at most \\d+ entries`));
    },
  );
});
