import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchemaText } from '../../src/scenario/jsonSchema';
import { loadScenario, parseScenarioText } from '../../src/scenario/load';
import { loadPreset, PRESET_IDS, PRESETS } from '../../src/scenario/presets';

const base = () =>
  JSON.parse(JSON.stringify(PRESETS['post-ukraine'])) as Record<string, unknown> & {
    actors: Record<string, unknown>[];
  };

function errorsOf(json: unknown): string[] {
  const r = loadScenario(json);
  return r.ok ? [] : r.errors;
}

describe('scenario files', () => {
  it('has the six presets MODEL.md names, all valid', () => {
    expect(PRESET_IDS).toEqual(
      expect.arrayContaining([
        'pre-2022',
        'post-ukraine',
        'no-war-2022',
        'us-engages-russia',
        'japan-counterweight',
        'vietnam-closes-cam-ranh',
      ]),
    );
    for (const id of PRESET_IDS) {
      const r = loadPreset(id);
      expect(r.ok, r.ok ? '' : r.errors.join('\n')).toBe(true);
    }
  });

  it('each preset names the sources of its numbers', () => {
    for (const id of PRESET_IDS) {
      const json = PRESETS[id] as { sources: Record<string, string>; description: string };
      expect(Object.keys(json.sources).length).toBeGreaterThan(3);
      expect(json.sources['trade.CN-RU']).toMatch(/GACC|customs/);
    }
  });

  it('publishes the schema that the code validates with (run `npm run schema` after changing it)', () => {
    const published = readFileSync(new URL('../../scenarios/scenario.schema.json', import.meta.url), 'utf8');
    expect(published).toBe(scenarioJsonSchemaText());
  });

  it('names the field of each problem', () => {
    const s = base();
    s.actors[0].color = 'blue';
    expect(errorsOf(s)).toEqual([expect.stringMatching(/^actors\[0\]\.color: a colour is written #rrggbb/)]);

    const t = base();
    (t.levers as Record<string, number>).war = 2;
    expect(errorsOf(t)[0]).toMatch(/^levers\.war: /);

    const u = base();
    (u as Record<string, unknown>).lever = {};
    expect(errorsOf(u)[0]).toMatch(/unknown field "lever"/);

    const v = base();
    v.start = '2022-01';
    expect(errorsOf(v)[0]).toMatch(/^start: a date is written YYYYQn/);
  });

  it('checks the roster and cross-references', () => {
    const s = base();
    s.actors = s.actors.filter((a) => a.id !== 'RU');
    const errs = errorsOf(s);
    expect(errs).toContain('actors: the roster must include RU (US, CN and RU are required)');
    expect(errs.some((e) => /^ties\.CN-RU: unknown actor "RU"/.test(e))).toBe(true);

    const t = base();
    (t.energy as { shares: Record<string, number> }).shares.EU = 0.9;
    expect(errorsOf(t)).toEqual([expect.stringMatching(/^energy\.shares: shares must sum to 1/)]);

    const u = base();
    const k = (u.events as object[]).push({ at: '2019Q1', set: {}, label: 'early' }) - 1;
    expect(errorsOf(u)).toEqual([`events[${k}].at: 2019Q1 is before the scenario's start 2022Q1`]);
  });

  it('compiles event conditions and extra indicators in the sandbox, and rejects bad ones by field', () => {
    const s = base();
    (s.indicators as object[]).push({ name: 'bad', label: 'bad', expr: 'evaluate("2")' });
    expect(errorsOf(s)).toEqual([expect.stringMatching(/^indicators\[1\]\.expr: .*not allowed/)]);
    const t = base();
    const k =
      (t.events as object[]).push({ at: '2023Q1', when: 'ru_dependence_on_cnn > 0.3', set: { war: 0.5 }, label: 'x' }) -
      1;
    expect(errorsOf(t)).toEqual([
      expect.stringMatching(new RegExp(`^events\\[${k}\\]\\.when: .*unknown name "ru_dependence_on_cnn"`)),
    ]);
  });

  it('rejects an extra indicator that gives no number at the start', () => {
    const s = base();
    (s.indicators as { expr: string }[])[0].expr = '1 / (war - war)';
    expect(errorsOf(s)).toEqual([expect.stringMatching(/^indicators\[0\]\.expr: .*gives no number at the start/)]);
  });

  it('lets a scenario drop an energy buyer: its share may be left out, but not given to an absent actor', () => {
    const s = base();
    s.actors = s.actors.filter((a) => a.id !== 'JP');
    const keep = (o: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(o).filter(([k]) => !k.split('-').includes('JP')));
    s.ties = keep(s.ties as Record<string, unknown>);
    s.trade = keep(s.trade as Record<string, unknown>);
    s.security = (s.security as { between: string[] }[]).filter((x) => !x.between.includes('JP'));
    s.weights = keep(s.weights as Record<string, unknown>);
    (s.rfe as { investment: Record<string, number> }).investment = { CN: 10, KR: 1 };
    const shares = (s.energy as { shares: Record<string, number> }).shares;
    expect(errorsOf(s)).toEqual([
      'energy.shares.JP: JP buys Russian energy but is not on the roster (give it 0 or leave it out)',
    ]);
    delete shares.JP;
    shares.other += 0.03;
    const r = loadScenario(s);
    expect(r.ok, r.ok ? '' : r.errors.join('\n')).toBe(true);
  });

  it('reports broken JSON in one line, without throwing', () => {
    const r = parseScenarioText('{"id": ');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/^not valid JSON/);
  });

  it('accepts a scenario that adds an actor and drops regional ones (the roster is data)', () => {
    const s = base();
    s.actors = s.actors.filter((a) => ['US', 'CN', 'RU', 'EU', 'JP', 'KR'].includes(a.id as string));
    s.actors.push({
      id: 'IN',
      name: 'India',
      color: '#c08a3e',
      sanctionCompliance: 0,
      asian: true,
      growth: 0.06,
      otherTrade: 800,
    });
    const keep = (o: Record<string, number>) =>
      Object.fromEntries(
        Object.entries(o).filter(([k]) => k.split('-').every((id) => s.actors.some((a) => a.id === id))),
      );
    s.ties = { ...keep(s.ties as Record<string, number>), 'IN-RU': 0.5 };
    s.trade = { ...keep(s.trade as Record<string, number>), 'IN-RU': 13 };
    s.security = (s.security as { between: string[] }[]).filter((x) =>
      x.between.every((id) => s.actors.some((a) => a.id === id)),
    );
    s.weights = Object.fromEntries(
      Object.entries(s.weights as Record<string, object>).filter(([k]) => s.actors.some((a) => a.id === k)),
    );
    s.decisions = { US: 'us_pivot' };
    const r = loadScenario(s);
    expect(r.ok, r.ok ? '' : r.errors.join('\n')).toBe(true);
  });
});
