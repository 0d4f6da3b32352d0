// A streaming ensemble: seeds run in fixed blocks; each block's moments come back and are merged in
// block order, while quantile histograms and configuration counts add up wherever the blocks ran. So a
// result is the same bytes whether one thread, two workers or twenty computed it, and memory is set by
// steps x metrics, not by seeds. Small ensembles keep their values and get exact quantiles.
import { INDICATOR_NAMES } from '../model/spec';
import type { World } from '../model/world';
import { CONFIGS, LeanRunner, type SeedPlan } from './lean';
import type { LeverChange } from './replay';
import type { Pins } from './run';
import { type Grid, Histograms, linearGrid, logGrid, Moments, quantileSorted } from './stats';

/** Seeds per block: fixed, because the order in which moments merge is part of the result. */
export const BLOCK_SEEDS = 32;
/** Ensembles with at most this many values (seeds x steps x metrics) get exact quantiles. */
export const EXACT_LIMIT = 4_194_304;
export const QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95] as const;

/** Indicators are shares in 0..1 and ties lie in -1..1: bins of 1/400 on both. */
export const INDICATOR_GRID: Grid = linearGrid(0, 1, 400);
export const TIE_GRID: Grid = linearGrid(-1, 1, 800);
/** A scenario's own indicators have no known range: 1% bins in ratio, |x| from 1e-4 to 1e6. */
export const EXTRA_GRID: Grid = logGrid(1e-4, 1.01, 1e6);

/** What a worker needs to run its share of an ensemble (plain data but for the world). */
export interface EnsemblePlan {
  seeds: number;
  seedStart: number;
  steps: number;
  pins?: Pins;
  changes?: readonly LeverChange[];
  /** Metrics to summarise (default: all of metricNames). */
  metrics?: readonly string[];
  /** Exact quantiles up to this many values (default EXACT_LIMIT; 0 streams every ensemble). */
  exactLimit?: number;
}

export interface BlockResult {
  block: number;
  n: number;
  mean: Float64Array;
  m2: Float64Array;
  /** Configuration counts per step, (steps + 1) x CONFIGS. */
  configs: Uint32Array;
  /** Exact mode: the block's values, seed-major: [seed][step][metric]. */
  values?: Float64Array;
  /** Hash of the block's first seed at the horizon (block 0's is the displayed run's). */
  hash: string;
}

export interface HistogramPart {
  counts: Uint32Array;
  min: Float64Array;
  max: Float64Array;
  nan: Uint32Array;
}

export function blockCount(seeds: number): number {
  return Math.ceil(seeds / BLOCK_SEEDS);
}

export function isExact(plan: EnsemblePlan, metrics: number): boolean {
  return plan.seeds * (plan.steps + 1) * metrics <= (plan.exactLimit ?? EXACT_LIMIT);
}

/** The grid of each cell (step-major), by the kind of metric: built-in indicator, scenario's own, tie. */
function gridsFor(world: World, picked: readonly number[], steps: number): Grid[] {
  const extras = INDICATOR_NAMES.length + world.spec.indicators.length;
  const grids: Grid[] = [];
  for (let t = 0; t <= steps; t++) {
    for (const k of picked)
      grids.push(k < INDICATOR_NAMES.length ? INDICATOR_GRID : k < extras ? EXTRA_GRID : TIE_GRID);
  }
  return grids;
}

/** Resolve the metric names of a plan to indices into the runner's values, in the order asked. */
export function pickMetrics(names: readonly string[], wanted?: readonly string[]): number[] {
  if (!wanted) return names.map((_, k) => k);
  return wanted.map((m) => {
    const k = names.indexOf(m);
    if (k < 0) throw new Error(`unknown metric "${m}"`);
    return k;
  });
}

/** One thread's share of an ensemble: runs blocks of seeds, keeps its histograms until asked. */
export class EnsembleWorkerCore {
  readonly runner: LeanRunner;
  readonly picked: number[];
  readonly exact: boolean;
  private readonly hist: Histograms | null;
  private readonly cellsPerStep: number;

  constructor(
    world: World,
    readonly plan: EnsemblePlan,
  ) {
    const seedPlan: SeedPlan = { pins: plan.pins, changes: plan.changes, steps: plan.steps };
    this.runner = new LeanRunner(world, seedPlan);
    this.picked = pickMetrics(this.runner.names, plan.metrics);
    this.cellsPerStep = this.picked.length;
    this.exact = isExact(plan, this.cellsPerStep);
    this.hist = this.exact ? null : new Histograms(gridsFor(world, this.picked, plan.steps));
  }

  runBlock(block: number): BlockResult {
    const { seeds, seedStart, steps } = this.plan;
    const first = block * BLOCK_SEEDS;
    const n = Math.min(BLOCK_SEEDS, seeds - first);
    if (n <= 0) throw new Error(`block ${block} is past the ${seeds} seeds`);
    const per = this.cellsPerStep;
    const cells = (steps + 1) * per;
    const mom = new Moments(cells);
    const configs = new Uint32Array((steps + 1) * CONFIGS.length);
    const values = this.exact ? new Float64Array(n * cells) : undefined;
    const hist = this.hist;
    const picked = this.picked;
    let hash = '';
    let base = 0;
    for (let r = 0; r < n; r++) {
      mom.next();
      // Seeds wrap at 2^32 like the app's band (seed + k, modulo 2^32).
      this.runner.run((seedStart + first + r) >>> 0, (t, v, config) => {
        const row = t * per;
        for (let i = 0; i < per; i++) {
          const x = v[picked[i]];
          mom.add(row + i, x);
          if (values) values[base + row + i] = x;
          else hist?.add(row + i, x);
        }
        configs[t * CONFIGS.length + config]++;
      });
      if (r === 0) hash = this.runner.hash();
      base += cells;
    }
    return { block, n, mean: mom.mean, m2: mom.m2, configs, values, hash };
  }

  /** The histograms of every block this core ran (exact mode: none). */
  histograms(): HistogramPart | null {
    const h = this.hist;
    return h ? { counts: h.counts, min: h.min, max: h.max, nan: h.nan } : null;
  }
}

export interface EnsembleStats {
  seeds: number;
  steps: number;
  /** Metric names in output order. */
  metrics: string[];
  exact: boolean;
  /** Per cell (step-major: t * metrics + m): mean, sample SD and the QUANTILES. */
  mean: Float64Array;
  sd: Float64Array;
  quantiles: Float64Array[];
  /** Shares of seeds in each configuration per step: [t][CONFIGS]. */
  configs: Float64Array;
  /** Hash of the first seed at the horizon. */
  hash: string;
}

/** Folds block results (any arrival order) and histogram parts into the ensemble's statistics. */
export class EnsembleMerger {
  private readonly pending = new Map<number, BlockResult>();
  private nextBlock = 0;
  private readonly moments: Moments;
  private readonly configs: Uint32Array;
  private readonly values: Float64Array[] = [];
  private hist: Histograms | null = null;
  private hash = '';

  constructor(
    private readonly world: World,
    readonly plan: EnsemblePlan,
    readonly metrics: readonly string[],
    readonly picked: readonly number[],
    readonly exact: boolean,
  ) {
    const cells = (plan.steps + 1) * picked.length;
    this.moments = new Moments(cells);
    this.configs = new Uint32Array((plan.steps + 1) * CONFIGS.length);
  }

  static for(world: World, plan: EnsemblePlan, names: readonly string[]): EnsembleMerger {
    const picked = pickMetrics(names, plan.metrics);
    return new EnsembleMerger(
      world,
      plan,
      picked.map((k) => names[k]),
      picked,
      isExact(plan, picked.length),
    );
  }

  addBlock(r: BlockResult): void {
    this.pending.set(r.block, r);
    for (let b = this.pending.get(this.nextBlock); b; b = this.pending.get(this.nextBlock)) {
      this.pending.delete(this.nextBlock);
      this.moments.merge(b.n, b.mean, b.m2);
      for (let i = 0; i < this.configs.length; i++) this.configs[i] += b.configs[i];
      if (this.exact) {
        if (!b.values) throw new Error(`block ${b.block} came without its values`);
        this.values.push(b.values);
      }
      if (b.block === 0) this.hash = b.hash;
      this.nextBlock++;
    }
  }

  addHistograms(p: HistogramPart | null): void {
    if (!p) return;
    if (!this.hist) {
      this.hist = new Histograms(gridsFor(this.world, this.picked, this.plan.steps));
    }
    this.hist.merge(p);
  }

  result(): EnsembleStats {
    const { seeds, steps } = this.plan;
    if (this.nextBlock !== blockCount(seeds)) {
      throw new Error(`ensemble incomplete: ${this.nextBlock} of ${blockCount(seeds)} blocks merged`);
    }
    const per = this.picked.length;
    const cells = (steps + 1) * per;
    const sd = new Float64Array(cells);
    for (let c = 0; c < cells; c++) sd[c] = this.moments.sd(c);
    const quantiles = QUANTILES.map(() => new Float64Array(cells));
    const q = new Float64Array(QUANTILES.length);
    if (this.exact) {
      const column = new Float64Array(seeds);
      for (let c = 0; c < cells; c++) {
        let n = 0;
        for (const block of this.values) {
          for (let r = c; r < block.length; r += cells) if (!Number.isNaN(block[r])) column[n++] = block[r];
        }
        const sorted = column.subarray(0, n).sort();
        for (let i = 0; i < QUANTILES.length; i++) quantiles[i][c] = quantileSorted(sorted, QUANTILES[i]);
      }
    } else {
      const h = this.hist;
      if (!h) throw new Error('ensemble incomplete: no histograms');
      for (let c = 0; c < cells; c++) {
        h.quantiles(c, QUANTILES, q);
        for (let i = 0; i < QUANTILES.length; i++) quantiles[i][c] = q[i];
      }
    }
    const configs = new Float64Array(this.configs.length);
    for (let i = 0; i < configs.length; i++) configs[i] = this.configs[i] / seeds;
    return {
      seeds,
      steps,
      metrics: [...this.metrics],
      exact: this.exact,
      mean: this.moments.mean,
      sd,
      quantiles,
      configs,
      hash: this.hash,
    };
  }
}

/** The whole ensemble in this thread: the same blocks, merged the same way, as a pool would. */
export function streamEnsemble(world: World, plan: EnsemblePlan): EnsembleStats {
  const core = new EnsembleWorkerCore(world, plan);
  const merger = EnsembleMerger.for(world, plan, core.runner.names);
  for (let b = 0; b < blockCount(plan.seeds); b++) merger.addBlock(core.runBlock(b));
  merger.addHistograms(core.histograms());
  return merger.result();
}
