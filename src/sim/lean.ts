// Seeds without history: one state per seed stepped in place, every metric read by index into one
// reused array. What ensembles, sweeps, comparisons and sensitivity studies run; a Run (history,
// records, seeking) is for the one trajectory a user looks at. The metrics equal a Run's under the
// same seed, pins and changes, value for value (tests/unit/stream.test.ts).
import { indicators, makeScratch, N_INDICATORS, type Scratch } from '../model/derive';
import { LEVER_INDEX, LEVER_NAMES, type LeverName } from '../model/levers';
import { createRng } from '../model/rng';
import { INDICATOR_NAMES } from '../model/spec';
import { applyEvents, hashState, step } from '../model/step';
import type { TriangleConfig } from '../model/triangle';
import { initialState, type State, type World } from '../model/world';
import type { LeverChange } from './replay';
import { type Pins, pairKey } from './run';

export const CONFIGS: readonly TriangleConfig[] = [
  'menage-a-trois',
  'romantic-triangle',
  'stable-marriage',
  'unit-veto',
  'indeterminate',
];
const CONFIG_INDEX = new Map(CONFIGS.map((c, i) => [c, i]));

/** The index in CONFIGS of classifyTriangle(ab, ac, bc, epsilon).config (tests/unit/stream.test.ts compares). */
export function configIndex(ab: number, ac: number, bc: number, epsilon: number): number {
  if (Math.abs(ab) < epsilon || Math.abs(ac) < epsilon || Math.abs(bc) < epsilon) return CONFIG_INDEX_OF.indeterminate;
  const positives = (ab > 0 ? 1 : 0) + (ac > 0 ? 1 : 0) + (bc > 0 ? 1 : 0);
  return positives === 3
    ? CONFIG_INDEX_OF.menage
    : positives === 0
      ? CONFIG_INDEX_OF.unitVeto
      : positives === 2
        ? CONFIG_INDEX_OF.romantic
        : CONFIG_INDEX_OF.stable;
}

const CONFIG_INDEX_OF = {
  menage: CONFIG_INDEX.get('menage-a-trois') ?? -1,
  romantic: CONFIG_INDEX.get('romantic-triangle') ?? -1,
  stable: CONFIG_INDEX.get('stable-marriage') ?? -1,
  unitVeto: CONFIG_INDEX.get('unit-veto') ?? -1,
  indeterminate: CONFIG_INDEX.get('indeterminate') ?? -1,
};

/** Names of the metrics tracked per step: indicators (built-in, then the scenario's) and ties. */
export function metricNames(w: World): string[] {
  const names: string[] = [...INDICATOR_NAMES, ...w.spec.indicators.map((x) => x.name)];
  for (let i = 0; i < w.n; i++) for (let j = i + 1; j < w.n; j++) names.push(pairKey(w.ids[i], w.ids[j]));
  return names;
}

export interface SeedPlan {
  /** Levers pinned for the whole run (`--set`, a sweep's or a study's values). */
  pins?: Pins;
  /** A user's slider changes, applied from their step on as Run.setLever does. */
  changes?: readonly LeverChange[];
  steps: number;
}

/** Visits every step of a seed: the metrics (reused: copy what you keep) and the configuration index. */
export type StepVisitor = (t: number, values: Float64Array, config: number) => void;

export class LeanRunner {
  readonly names: readonly string[];
  /** The metrics of the step being visited, in the order of `names`. */
  readonly values: Float64Array;
  private readonly sc: Scratch;
  private readonly ind = new Float64Array(N_INDICATORS);
  private readonly env: Record<string, number> = {};
  private readonly pins: [number, number][];
  private readonly changes: LeverChange[];
  private readonly steps: number;
  private state: State | null = null;

  constructor(
    readonly world: World,
    plan: SeedPlan,
  ) {
    this.names = metricNames(world);
    this.values = new Float64Array(this.names.length);
    this.sc = makeScratch(world);
    this.pins = Object.entries(plan.pins ?? {}).map(([name, v]) => [LEVER_INDEX[name as LeverName], v as number]);
    // By step; a stable sort keeps the order given within a step (as replay.sortChanges).
    this.changes = [...(plan.changes ?? [])].sort((a, b) => a.t - b.t);
    this.steps = plan.steps;
  }

  /** Run one seed to the horizon, visiting steps 0..steps. */
  run(seed: number, visit: StepVisitor): void {
    const w = this.world;
    const s = initialState(w, createRng(seed).state());
    for (const [k, v] of this.pins) {
      s.levers[k] = v;
      s.pinned[k] = 1;
    }
    applyEvents(w, s);
    let c = 0;
    for (let t = 0; ; t++) {
      while (c < this.changes.length && this.changes[c].t === t) {
        const k = LEVER_INDEX[this.changes[c].name];
        s.levers[k] = this.changes[c].value;
        s.pinned[k] = 1;
        c++;
      }
      visit(t, this.read(s), this.config(s));
      if (t >= this.steps) break;
      step(w, s, this.sc);
    }
    this.state = s;
  }

  /** The last seed's final state (read it before the next run). */
  get finalState(): Readonly<State> | null {
    return this.state;
  }

  /** Hash of the last seed's final state (equals Run.hash at the horizon). */
  hash(): string {
    if (!this.state) throw new Error('LeanRunner.hash before any run');
    return hashState(this.state);
  }

  private read(s: State): Float64Array {
    const w = this.world;
    const v = this.values;
    const ind = indicators(w, s, s.levers, s.trade, s.other, this.ind);
    let k = 0;
    for (; k < N_INDICATORS; k++) v[k] = ind[k];
    const extras = w.spec.indicators;
    if (extras.length > 0) {
      // The environment of conditionEnv (model/step.ts), filled in place.
      const env = this.env;
      env.t = s.t;
      env.year = Math.floor((w.spec.start + s.t) / 4);
      for (let i = 0; i < N_INDICATORS; i++) env[INDICATOR_NAMES[i]] = ind[i];
      for (let i = 0; i < LEVER_NAMES.length; i++) env[LEVER_NAMES[i]] = s.levers[i];
      for (const x of extras) {
        const y = x.evaluate(env);
        env[x.name] = y;
        v[k++] = y;
      }
    }
    const n = w.n;
    const T = s.ties;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) v[k++] = T[i * n + j];
    return v;
  }

  /** classifyTriangle's configuration of the US-China-Russia triangle, as an index into CONFIGS, without its objects. */
  private config(s: State): number {
    const w = this.world;
    const n = w.n;
    const T = s.ties;
    return configIndex(T[w.us * n + w.cn], T[w.us * n + w.ru], T[w.cn * n + w.ru], w.params.epsilon);
  }
}

/** What runSeeds runs: `count` consecutive seeds from `seedStart`, pins for the whole run. */
export interface SeedsPlan {
  seedStart: number;
  count: number;
  steps: number;
  pins?: Pins;
  /** A user's slider changes (as SeedPlan's): the paired difference of the app's compare view needs them. */
  changes?: readonly LeverChange[];
}

/**
 * Every metric at every step of consecutive seeds, seed-major: out[(r * (steps + 1) + t) * width + m] for
 * the r-th seed, with width = metricNames(world).length. What the claims and the lever experiments read.
 */
export function runSeeds(world: World, plan: SeedsPlan): Float64Array {
  const runner = new LeanRunner(world, { pins: plan.pins, changes: plan.changes, steps: plan.steps });
  const width = runner.names.length;
  const per = (plan.steps + 1) * width;
  const out = new Float64Array(plan.count * per);
  for (let r = 0; r < plan.count; r++) {
    const base = r * per;
    runner.run(plan.seedStart + r, (t, v) => {
      out.set(v, base + t * width);
    });
  }
  return out;
}
