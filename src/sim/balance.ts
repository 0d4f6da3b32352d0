// V1 (Marvel et al. 2011): with every term but Heider balance switched off and no noise, a random
// tie matrix evolves under the model's own step into at most two factions, which match the sign
// classes of the initial matrix's leading eigenvector.
import { blocsOf } from '../model/blocs';
import { LEVERS, type LeverName } from '../model/levers';
import { createRng } from '../model/rng';
import { type ActorSpec, DEFAULT_PARAMS, type ModelSpec } from '../model/spec';
import { Run } from './run';

export function balanceSpec(n: number, seed: number): ModelSpec {
  const rng = createRng(`v1-${seed}`);
  const ids = ['US', 'CN', 'RU', ...Array.from({ length: n - 3 }, (_, k) => `A${k + 3}`)];
  const actors: ActorSpec[] = ids.map((id) => ({
    id,
    name: id,
    color: '#888888',
    sanctionCompliance: 0,
    asian: false,
    growth: 0,
    otherTrade: 1,
    warSupply: 0,
    counterweightScale: 0,
  }));
  const ties = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const v = 2 * rng.next() - 1;
      ties[i * n + j] = v;
      ties[j * n + i] = v;
    }
  }
  const levers = Object.fromEntries(LEVERS.map((l) => [l.name, l.default])) as Record<LeverName, number>;
  levers.noise = 0;
  return {
    id: 'v1',
    title: 'balance only',
    start: 2000 * 4,
    steps: 200,
    seed,
    actors,
    ties,
    trade: new Float64Array(n * n),
    energy: { shares: { EU: 0, CN: 0, JP: 0, KR: 0, other: 1 }, eastCapacity: 0, eastCapacityGrowth: 0, exports: 0 },
    rfe: { investment: {}, development: 0 },
    navy: 0,
    levers,
    pinned: {},
    security: [],
    weights: {},
    calibrationWeights: {},
    decisions: {},
    frozen: [],
    params: { ...DEFAULT_PARAMS, alpha: 0, eta: 0, anchor: 0, gamma: 0.1 },
    events: [],
    indicators: [],
  };
}

function sameSplit(a: number[][], b: number[][]): boolean {
  const key = (g: number[][]) =>
    g
      .filter((x) => x.length > 0)
      .map((x) => [...x].sort((p, q) => p - q).join(','))
      .sort()
      .join('|');
  return key(a) === key(b);
}

/** The factions of a balanced matrix, or null if it is not split into at most two consistent groups. */
export function factions(t: Float64Array, n: number): number[][] | null {
  const g = [0];
  const h: number[] = [];
  for (let j = 1; j < n; j++) (t[j] > 0 ? g : h).push(j);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const same = g.includes(i) === g.includes(j);
      const v = t[i * n + j];
      if (same ? v <= 0 : v >= 0) return null;
    }
  }
  return [g, h];
}

const balanceResults = new Map<string, { twoFactions: number; matchEigen: number }>();

/** A pure function of its arguments, computed once per process (the claims ask for it more than once). */
export function balanceOnlyExperiment(matrices: number, n: number): { twoFactions: number; matchEigen: number } {
  const key = `${matrices}x${n}`;
  let r = balanceResults.get(key);
  if (!r) {
    r = runBalanceOnly(matrices, n);
    balanceResults.set(key, r);
  }
  return { ...r };
}

function runBalanceOnly(matrices: number, n: number): { twoFactions: number; matchEigen: number } {
  let two = 0;
  let match = 0;
  for (let m = 1; m <= matrices; m++) {
    const spec = balanceSpec(n, m);
    const initial = blocsOf(spec.ties, n);
    const run = new Run(spec, { seed: m, record: false });
    let f: number[][] | null = null;
    for (let t = 0; t < 300 && !f; t++) {
      run.step();
      f = factions(run.state.ties, n);
    }
    if (f) {
      two++;
      if (sameSplit(f, initial)) match++;
    }
  }
  return { twoFactions: two / matrices, matchEigen: match / matrices };
}
