// Each utility term of MODEL.md 6 moves in the direction its seed sentence says.
import { describe, expect, it } from 'vitest';
import { computePotentials, utility } from '../../src/model/derive';
import { LEVER_INDEX, type LeverName } from '../../src/model/levers';
import { createRng } from '../../src/model/rng';
import type { TermName } from '../../src/model/spec';
import {
  B_CN,
  B_EU,
  buildWorld,
  initialState,
  N_TERMS,
  type State,
  TERM_INDEX,
  type World,
} from '../../src/model/world';
import { loadPreset } from '../../src/scenario/presets';

const r = loadPreset('post-ukraine');
if (!r.ok) throw new Error(r.errors.join('; '));
const world: World = buildWorld(r.spec);
const id = (a: string) => world.index.get(a) ?? -1;

function setTie(s: State, a: string, b: string, v: number) {
  const n = world.n;
  s.ties[id(a) * n + id(b)] = v;
  s.ties[id(b) * n + id(a)] = v;
}

/** The weighted value of one term of one actor's utility in a fresh post-ukraine state after `edit`. */
function term(actor: string, name: TermName, edit: (s: State, lev: Float64Array) => void = () => {}): number {
  const s = initialState(world, createRng(1).state());
  edit(s, s.levers);
  const P = new Float64Array(world.n * world.n);
  const O = new Float64Array(world.n);
  computePotentials(world, s, s.levers, P, O);
  const out = new Float64Array(N_TERMS);
  utility(world, s, s.levers, P, O, id(actor), out);
  return out[TERM_INDEX[name]];
}

const lever = (name: LeverName, v: number) => (_s: State, lev: Float64Array) => {
  lev[LEVER_INDEX[name]] = v;
};
const both =
  (...fs: ((s: State, lev: Float64Array) => void)[]) =>
  (s: State, lev: Float64Array) => {
    for (const f of fs) f(s, lev);
  };

describe('utility terms', () => {
  it('triangle: your two ties minus the tie between the other two', () => {
    const base = term('RU', 'triangle');
    expect(term('RU', 'triangle', (s) => setTie(s, 'CN', 'RU', 0.9))).toBeGreaterThan(base);
    expect(term('RU', 'triangle', (s) => setTie(s, 'RU', 'US', 0))).toBeGreaterThan(base);
    expect(term('RU', 'triangle', (s) => setTie(s, 'CN', 'US', 0))).toBeLessThan(base);
  });

  it('triangle: the US weighs the China–Russia tie only by us_engagement', () => {
    const warmer = (eng: number) =>
      term(
        'US',
        'triangle',
        both(lever('us_engagement', eng), (s) => setTie(s, 'CN', 'RU', 0.9)),
      ) - term('US', 'triangle', lever('us_engagement', eng));
    expect(warmer(0)).toBeCloseTo(0, 12);
    expect(warmer(1)).toBeLessThan(0);
  });

  it("economy: sanctions cut Russia's trade and energy gains", () => {
    expect(term('RU', 'economy', lever('sanctions', 0.9))).toBeLessThan(term('RU', 'economy', lever('sanctions', 0.3)));
    const eastward = (s: State) => {
      s.energy[B_CN] += 0.2;
      s.energy[B_EU] -= 0.2;
    };
    expect(term('RU', 'economy', eastward)).toBeLessThan(term('RU', 'economy'));
  });

  it('autonomy: Russia dislikes over-dependence on China', () => {
    expect(term('RU', 'autonomy', (s) => setTie(s, 'CN', 'RU', 1))).toBeLessThan(term('RU', 'autonomy'));
    expect(
      term('RU', 'autonomy', (s) => {
        s.rfe[id('CN')] *= 3;
      }),
    ).toBeLessThan(term('RU', 'autonomy'));
  });

  it('status: standing in Asia apart from China, from ties across the region and Cam Ranh', () => {
    expect(term('RU', 'status', (s) => setTie(s, 'JP', 'RU', 0.8))).toBeGreaterThan(term('RU', 'status'));
    expect(term('RU', 'status', lever('vn_cam_ranh', 1))).toBeGreaterThan(
      term('RU', 'status', lever('vn_cam_ranh', 0)),
    );
    expect(term('RU', 'status', (s) => setTie(s, 'CN', 'RU', 1))).toBeCloseTo(term('RU', 'status'), 12);
  });

  it("leverage: China gains from Russia's dependence", () => {
    expect(term('CN', 'leverage', (s) => setTie(s, 'CN', 'RU', 1))).toBeGreaterThan(term('CN', 'leverage'));
    const eastward = (s: State) => {
      s.energy[B_CN] += 0.2;
      s.energy[B_EU] -= 0.2;
    };
    expect(term('CN', 'leverage', eastward)).toBeGreaterThan(term('CN', 'leverage'));
  });

  it('security: warmth with allies pays; Russia–Vietnam military ties cost China, more with Cam Ranh', () => {
    expect(term('US', 'security', (s) => setTie(s, 'JP', 'US', 1))).toBeGreaterThan(term('US', 'security'));
    const cost = (cam: number) =>
      term(
        'CN',
        'security',
        both(lever('vn_cam_ranh', cam), (s) => setTie(s, 'RU', 'VN', 0.9)),
      ) - term('CN', 'security', lever('vn_cam_ranh', cam));
    expect(cost(0)).toBeLessThan(0);
    expect(cost(1)).toBeLessThan(cost(0));
  });

  it("counterweight: Japan values Russia leaning its way rather than China's, scaled by cn_jp_tension", () => {
    const gain = (tension: number) =>
      term(
        'JP',
        'counterweight',
        both(lever('cn_jp_tension', tension), (s) => setTie(s, 'JP', 'RU', 0.8)),
      ) - term('JP', 'counterweight', lever('cn_jp_tension', tension));
    expect(gain(0)).toBeCloseTo(0, 12);
    expect(gain(1)).toBeGreaterThan(gain(0.5));
    expect(gain(0.5)).toBeGreaterThan(0);
  });

  it('war_needs: suppliers that do not sanction Russia matter in proportion to the war', () => {
    const gain = (war: number) =>
      term(
        'RU',
        'war_needs',
        both(lever('war', war), (s) => setTie(s, 'KP', 'RU', 0.9)),
      ) - term('RU', 'war_needs', lever('war', war));
    expect(gain(0)).toBeCloseTo(0, 12);
    expect(gain(1)).toBeGreaterThan(0);
  });

  it('compliance: under sanctions, warmth and trade with Russia cost a complying actor', () => {
    const cost = (sanctions: number) =>
      term(
        'JP',
        'compliance',
        both(lever('sanctions', sanctions), (s) => setTie(s, 'JP', 'RU', 0.8)),
      ) - term('JP', 'compliance', lever('sanctions', sanctions));
    expect(cost(0)).toBeCloseTo(0, 12);
    expect(cost(0.8)).toBeLessThan(0);
    expect(term('CN', 'compliance', lever('sanctions', 1))).toBe(0);
  });
});
