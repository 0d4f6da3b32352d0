// V2: Dittmer's eight sign patterns and Wu's payoffs (MODEL.md 7).
import { describe, expect, it } from 'vitest';
import { classifyTriangle, ROLE_PAYOFF } from '../../src/model/triangle';

// Corners a=US, b=CN, c=RU; ties ab, ac, bc.
const CASES: [string, [number, number, number], string, [string, string, string]][] = [
  ['+++', [0.5, 0.5, 0.5], 'menage-a-trois', ['friend', 'friend', 'friend']],
  ['---', [-0.5, -0.5, -0.5], 'unit-veto', ['foe', 'foe', 'foe']],
  ['++- (bc negative: a is pivot)', [0.5, 0.5, -0.5], 'romantic-triangle', ['pivot', 'wing', 'wing']],
  ['+-+ (ac negative: b is pivot)', [0.5, -0.5, 0.5], 'romantic-triangle', ['wing', 'pivot', 'wing']],
  ['-++ (ab negative: c is pivot)', [-0.5, 0.5, 0.5], 'romantic-triangle', ['wing', 'wing', 'pivot']],
  ['+-- (ab positive: c is pariah)', [0.5, -0.5, -0.5], 'stable-marriage', ['partner', 'partner', 'pariah']],
  ['-+- (ac positive: b is pariah)', [-0.5, 0.5, -0.5], 'stable-marriage', ['partner', 'pariah', 'partner']],
  ['--+ (bc positive: a is pariah)', [-0.5, -0.5, 0.5], 'stable-marriage', ['pariah', 'partner', 'partner']],
];

describe('classifyTriangle', () => {
  for (const [name, ties, config, roles] of CASES) {
    it(`${name} → ${config}`, () => {
      const r = classifyTriangle(ties[0], ties[1], ties[2], 0.05);
      expect(r.config).toBe(config);
      expect(r.roles).toEqual(roles);
      expect(r.neutral).toEqual([]);
    });
  }

  it('pays +3 pivot, +1 friend and partner, -1 wing and foe, -3 pariah (Wu)', () => {
    expect(ROLE_PAYOFF).toMatchObject({ pivot: 3, friend: 1, partner: 1, wing: -1, foe: -1, pariah: -3 });
  });

  it('payoffs of each configuration sum as Wu scores them', () => {
    const sum = (t: [number, number, number]) => classifyTriangle(...t).roles.reduce((s, r) => s + ROLE_PAYOFF[r], 0);
    expect(sum([1, 1, 1])).toBe(3);
    expect(sum([-1, -1, -1])).toBe(-3);
    expect(sum([1, 1, -1])).toBe(1);
    expect(sum([1, -1, -1])).toBe(-1);
  });

  it('reports ties within epsilon of zero as neutral and the configuration as indeterminate', () => {
    const r = classifyTriangle(0.5, 0.01, -0.5, 0.05);
    expect(r.config).toBe('indeterminate');
    expect(r.neutral).toEqual(['ac']);
    expect(classifyTriangle(0.5, 0.06, -0.5, 0.05).config).toBe('romantic-triangle');
  });
});
