// A larger roster for the bench: a preset's actors plus generated regional actors, built as a ModelSpec
// directly (the scenario schema caps rosters at 24 actors; the model has no such limit). Ties and trade
// come from a fixed integer sequence, so every bench run steps the same world.
import type { ActorSpec, ModelSpec } from '../src/model/spec';

export function widerRoster(base: ModelSpec, n: number): ModelSpec {
  const n0 = base.actors.length;
  if (n < n0) throw new Error(`widerRoster: ${n} is fewer than the ${n0} actors of ${base.id}`);
  let x = 2463534242;
  const next = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
  const actors: ActorSpec[] = base.actors.map((a) => ({ ...a }));
  for (let k = n0; k < n; k++) {
    actors.push({
      id: `X${String(k).padStart(2, '0')}`,
      name: `Generated ${k}`,
      color: '#888888',
      sanctionCompliance: k % 3 === 0 ? 0.8 : 0.2,
      asian: k % 2 === 0,
      growth: 0.02 + 0.03 * next(),
      otherTrade: 50 + 200 * next(),
      warSupply: k % 5 === 0 ? 0.3 : 0,
      counterweightScale: 0,
    });
  }
  const ties = new Float64Array(n * n);
  const trade = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const old = i < n0 && j < n0;
      const t = old ? base.ties[i * n0 + j] : -0.3 + 0.8 * next();
      const v = old ? base.trade[i * n0 + j] : next() < 0.3 ? 0 : 40 * next();
      ties[i * n + j] = ties[j * n + i] = t;
      trade[i * n + j] = trade[j * n + i] = v;
    }
  }
  const regional = base.weights.ASEAN ?? { economy: 1, security: 0.5 };
  const weights = { ...base.weights };
  const calibrationWeights = { ...base.calibrationWeights };
  for (let k = n0; k < n; k++) {
    weights[actors[k].id] = { ...regional };
    calibrationWeights[actors[k].id] = { ...regional };
  }
  return { ...base, id: `${base.id}-${n}`, actors, ties, trade, weights, calibrationWeights };
}
