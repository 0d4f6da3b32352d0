// Each utility term of MODEL.md 6 moves in the direction its seed sentence says.
import { describe, expect, it } from 'vitest';
import { buildWorld } from '../../src/model/build';
import { computePotentials, overdependence, utility } from '../../src/model/derive';
import { LEVER_INDEX, type LeverName } from '../../src/model/levers';
import { createRng } from '../../src/model/rng';
import type { TermName } from '../../src/model/spec';
import { B_CN, B_EU, initialState, N_TERMS, type State, TERM_INDEX, type World } from '../../src/model/world';
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

  it('status: standing in Asia apart from China, from ties across the region and ships at Cam Ranh', () => {
    expect(term('RU', 'status', (s) => setTie(s, 'JP', 'RU', 0.8))).toBeGreaterThan(term('RU', 'status'));
    const ships = (navy: number) => (s: State) => {
      s.navy = navy;
    };
    expect(term('RU', 'status', ships(0.6))).toBeGreaterThan(term('RU', 'status', ships(0)));
    // The lever alone (access not used) is not presence.
    expect(term('RU', 'status', both(ships(0), lever('vn_cam_ranh', 1)))).toBeCloseTo(
      term('RU', 'status', both(ships(0), lever('vn_cam_ranh', 0))),
      12,
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

  it('security: warmth with allies pays; Russian ships at Cam Ranh cost China its value of Russia', () => {
    expect(term('US', 'security', (s) => setTie(s, 'JP', 'US', 1))).toBeGreaterThan(term('US', 'security'));
    const withNavy = (navy: number) => (s: State) => {
      s.navy = navy;
    };
    expect(term('CN', 'security', withNavy(0.8))).toBeLessThan(term('CN', 'security', withNavy(0)));
  });

  it('security: an ally is worth more the more hostility toward shared threats (balance of threat)', () => {
    // China's value of a warmer tie with Russia grows with the rebalance, which sharpens China's rivalry with
    // the US, a threat Russia shares.
    const value = (pivot: number) =>
      term(
        'CN',
        'security',
        both(lever('us_pivot', pivot), (s) => setTie(s, 'CN', 'RU', 0.9)),
      ) - term('CN', 'security', lever('us_pivot', pivot));
    expect(value(1)).toBeGreaterThan(value(0));
    // us_engagement tempers the US-Russia hostility, so Russia's value of China falls.
    const ru = (eng: number) =>
      term(
        'RU',
        'security',
        both(lever('us_engagement', eng), (s) => setTie(s, 'CN', 'RU', 0.9)),
      ) - term('RU', 'security', lever('us_engagement', eng));
    expect(ru(1)).toBeLessThan(ru(0));
  });

  it('counterweight: Japan values Russia away from China, more so under China-Japan tension', () => {
    const gain = (tension: number) =>
      term(
        'JP',
        'counterweight',
        both(lever('cn_jp_tension', tension), (s) => setTie(s, 'CN', 'RU', 0.2)),
      ) -
      term(
        'JP',
        'counterweight',
        both(lever('cn_jp_tension', tension), (s) => setTie(s, 'CN', 'RU', 0.9)),
      );
    expect(gain(0)).toBeCloseTo(0, 12);
    expect(gain(1)).toBeGreaterThan(gain(0.5));
    expect(gain(0.5)).toBeGreaterThan(0);
    // Not a term in Japan's own tie with Russia: that tie moves only through what Japan expects of others.
    expect(term('JP', 'counterweight', (s) => setTie(s, 'JP', 'RU', 0.9))).toBeCloseTo(term('JP', 'counterweight'), 12);
  });

  it('autonomy: no cost below the threshold, then convex', () => {
    const th = world.params.autonomyThreshold;
    expect(overdependence(th - 0.05, th)).toBe(0);
    expect(overdependence(th, th)).toBe(0);
    expect(overdependence(1, th)).toBeCloseTo(1, 12);
    const step = (x: number) => overdependence(x + 0.1, th) - overdependence(x, th);
    expect(step(th + 0.2)).toBeGreaterThan(step(th));
    // In the term: more of Russia's energy to China costs more, the further past the threshold.
    const at = (share: number) => (s: State) => {
      s.energy[B_EU] += s.energy[B_CN] - share;
      s.energy[B_CN] = share;
    };
    const d1 = term('RU', 'autonomy', at(0.35)) - term('RU', 'autonomy', at(0.55));
    const d2 = term('RU', 'autonomy', at(0.55)) - term('RU', 'autonomy', at(0.75));
    expect(d1).toBeGreaterThan(0);
    expect(d2).toBeGreaterThan(d1);
  });

  it('continuity: moving a tie away from its reference costs, more the further it goes', () => {
    const c = (v: number) => term('RU', 'continuity', (s) => setTie(s, 'JP', 'RU', v));
    const ref = world.tieRef[id('RU') * world.n + id('JP')];
    expect(c(ref)).toBeGreaterThan(c(ref + 0.1));
    expect(c(ref + 0.1) - c(ref + 0.2)).toBeGreaterThan(c(ref) - c(ref + 0.1));
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
