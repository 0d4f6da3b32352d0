// Dittmer's strategic triangle (1981) with Wu Yu-shan's payoffs (MODEL.md section 7).

export type TriangleConfig = 'menage-a-trois' | 'romantic-triangle' | 'stable-marriage' | 'unit-veto' | 'indeterminate';
export type TriangleRole = 'friend' | 'pivot' | 'wing' | 'partner' | 'pariah' | 'foe' | 'neutral';

export const ROLE_PAYOFF: Readonly<Record<TriangleRole, number>> = {
  pivot: 3,
  friend: 1,
  partner: 1,
  wing: -1,
  foe: -1,
  pariah: -3,
  neutral: 0,
};

export interface TriangleState {
  config: TriangleConfig;
  /** Roles of the corners, in the order given (US, CN, RU). */
  roles: [TriangleRole, TriangleRole, TriangleRole];
  /** Dyads whose |tie| < epsilon: 'ab', 'ac', 'bc'. */
  neutral: string[];
}

/**
 * Classify the triangle of corners a, b, c from the ties ab, ac, bc.
 * A tie with |tie| < epsilon is neutral; any neutral dyad makes the configuration indeterminate.
 */
export function classifyTriangle(ab: number, ac: number, bc: number, epsilon = 0): TriangleState {
  const neutral: string[] = [];
  if (Math.abs(ab) < epsilon) neutral.push('ab');
  if (Math.abs(ac) < epsilon) neutral.push('ac');
  if (Math.abs(bc) < epsilon) neutral.push('bc');
  if (neutral.length > 0) {
    return { config: 'indeterminate', roles: ['neutral', 'neutral', 'neutral'], neutral };
  }
  const pAB = ab > 0;
  const pAC = ac > 0;
  const pBC = bc > 0;
  const positives = Number(pAB) + Number(pAC) + Number(pBC);
  if (positives === 3) return { config: 'menage-a-trois', roles: ['friend', 'friend', 'friend'], neutral };
  if (positives === 0) return { config: 'unit-veto', roles: ['foe', 'foe', 'foe'], neutral };
  if (positives === 2) {
    // The pivot is the corner with two positive ties: the one not on the negative dyad.
    const roles: [TriangleRole, TriangleRole, TriangleRole] = ['wing', 'wing', 'wing'];
    if (!pBC) roles[0] = 'pivot';
    else if (!pAC) roles[1] = 'pivot';
    else roles[2] = 'pivot';
    return { config: 'romantic-triangle', roles, neutral };
  }
  // One positive dyad: its two ends are partners, the third corner the pariah.
  const roles: [TriangleRole, TriangleRole, TriangleRole] = ['partner', 'partner', 'partner'];
  if (pAB) roles[2] = 'pariah';
  else if (pAC) roles[1] = 'pariah';
  else roles[0] = 'pariah';
  return { config: 'stable-marriage', roles, neutral };
}
