// Statistics that stream: a fixed-grid histogram per (step, metric) for quantiles, Welford moments per
// block of seeds merged in block order (Chan et al.), and exact type-7 quantiles for small ensembles.
// Memory depends on steps and metrics, never on the number of seeds, and every merge is either exact
// integer addition (counts), order-free (min, max) or done in a fixed order (moments), so the numbers
// do not depend on how many workers computed them.
//
// The quantile error is bounded by the grid: the estimate of an order statistic lies in the same bin as
// the order statistic itself (bins are counted exactly), so a type-7 quantile (interpolated between two
// order statistics) is off by less than the width of the bin it falls in. Linear grids: the bin width.
// Log grids: max(2 * floor, (ratio - 1) * ratio * |x|). Outside a grid's range the bins reach to the
// exact min and max, and the bound is their distance.

/** Quantile by linear interpolation (type 7, as R and numpy default) of a sorted array. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * Bin edges e_0 < ... < e_B: bin 0 is (-inf, e_0), bin j (1..B) is [e_(j-1), e_j), bin B+1 is [e_B, inf).
 * A uniform grid also knows its step, so finding a bin is a division, not a search.
 */
export interface Grid {
  readonly edges: Float64Array;
  readonly uniform: boolean;
  readonly lo: number;
  readonly width: number;
  /** What the quantile error bound is, in words. */
  readonly bound: string;
}

/** Number of counters a grid needs: its bins plus the two outside ones. */
export function gridSize(g: Grid): number {
  return g.edges.length + 1;
}

export function linearGrid(lo: number, hi: number, bins: number): Grid {
  const width = (hi - lo) / bins;
  const edges = new Float64Array(bins + 1);
  for (let j = 0; j <= bins; j++) edges[j] = j === bins ? hi : lo + j * width;
  return { edges, uniform: true, lo, width, bound: `< ${width} (bin width) within ${lo}..${hi}` };
}

/**
 * Bins of constant ratio on each side of zero, |x| from `floor` to `maxAbs`, and one bin (-floor, floor):
 * relative error about (ratio - 1), absolute near zero. Edges come from repeated multiplication, so
 * they are the same doubles in every engine.
 */
export function logGrid(floor: number, ratio: number, maxAbs: number): Grid {
  const side: number[] = [];
  for (let p = floor; ; p *= ratio) {
    side.push(p);
    if (p >= maxAbs) break;
  }
  const edges = new Float64Array(side.length * 2);
  for (let j = 0; j < side.length; j++) {
    edges[side.length - 1 - j] = -side[j];
    edges[side.length + j] = side[j];
  }
  return {
    edges,
    uniform: false,
    lo: edges[0],
    width: Number.NaN,
    bound: `< max(${2 * floor}, ${ratio - 1} x ${ratio} x |value|) within ±${side[side.length - 1]}`,
  };
}

/** The counter index of x: 0 below the grid, 1..B inside, B + 1 at or above its last edge. */
export function binOf(g: Grid, x: number): number {
  const e = g.edges;
  const last = e.length - 1;
  if (x < e[0]) return 0;
  if (x >= e[last]) return last + 1;
  let j: number;
  if (g.uniform) {
    j = Math.floor((x - g.lo) / g.width);
    if (j > last - 1) j = last - 1;
    // The division can be off by one at an edge; the edges decide.
    while (j > 0 && x < e[j]) j--;
    while (j < last - 1 && x >= e[j + 1]) j++;
  } else {
    let a = 0;
    let b = last;
    // Invariant: e[a] <= x < e[b].
    while (b - a > 1) {
      const m = (a + b) >> 1;
      if (x < e[m]) b = m;
      else a = m;
    }
    j = a;
  }
  return j + 1;
}

/** Bound on the error of a quantile estimate near x (inside the grid's range). */
export function errorBound(g: Grid, x: number): number {
  const b = binOf(g, x);
  if (b === 0 || b === g.edges.length) return Number.POSITIVE_INFINITY;
  return g.edges[b] - g.edges[b - 1];
}

/**
 * Histograms of many cells (one per step and metric) in one counter array, each with its exact min, max
 * and count of NaN values (left out of quantiles).
 */
export class Histograms {
  readonly counts: Uint32Array;
  readonly min: Float64Array;
  readonly max: Float64Array;
  readonly nan: Uint32Array;
  private readonly offset: Int32Array;

  constructor(readonly grids: readonly Grid[]) {
    this.offset = new Int32Array(grids.length + 1);
    for (let c = 0; c < grids.length; c++) this.offset[c + 1] = this.offset[c] + gridSize(grids[c]);
    this.counts = new Uint32Array(this.offset[grids.length]);
    this.min = new Float64Array(grids.length).fill(Number.POSITIVE_INFINITY);
    this.max = new Float64Array(grids.length).fill(Number.NEGATIVE_INFINITY);
    this.nan = new Uint32Array(grids.length);
  }

  add(cell: number, x: number): void {
    if (Number.isNaN(x)) {
      this.nan[cell]++;
      return;
    }
    this.counts[this.offset[cell] + binOf(this.grids[cell], x)]++;
    if (x < this.min[cell]) this.min[cell] = x;
    if (x > this.max[cell]) this.max[cell] = x;
  }

  /** Add another set of histograms over the same grids (exact: integers, min and max). */
  merge(o: { counts: Uint32Array; min: Float64Array; max: Float64Array; nan: Uint32Array }): void {
    for (let i = 0; i < this.counts.length; i++) this.counts[i] += o.counts[i];
    for (let c = 0; c < this.grids.length; c++) {
      if (o.min[c] < this.min[c]) this.min[c] = o.min[c];
      if (o.max[c] > this.max[c]) this.max[c] = o.max[c];
      this.nan[c] += o.nan[c];
    }
  }

  /** Type-7 quantiles of cell c (qs ascending), estimated from its histogram; NaN if it holds no number. */
  quantiles(c: number, qs: readonly number[], out: Float64Array): void {
    const g = this.grids[c];
    const off = this.offset[c];
    const size = gridSize(g);
    let n = 0;
    for (let b = 0; b < size; b++) n += this.counts[off + b];
    if (n === 0) {
      out.fill(Number.NaN, 0, qs.length);
      return;
    }
    const lo = this.min[c];
    const hi = this.max[c];
    // Each quantile needs the order statistics of ranks floor(h) and floor(h) + 1 (0-based). The first
    // and last are the exact min and max; the others are placed evenly in their bin, narrowed to the
    // min and max where those fall inside it.
    const rank = (r: number): number => {
      if (r <= 0) return lo;
      if (r >= n - 1) return hi;
      let cum = 0;
      for (let b = 0; b < size; b++) {
        const k = this.counts[off + b];
        if (r < cum + k) {
          const a = Math.max(lo, b === 0 ? lo : g.edges[b - 1]);
          const z = Math.min(hi, b === size - 1 ? hi : g.edges[b]);
          return a + ((r - cum + 0.5) / k) * (z - a);
        }
        cum += k;
      }
      return hi;
    };
    for (let i = 0; i < qs.length; i++) {
      const h = (n - 1) * qs[i];
      const r = Math.floor(h);
      const x0 = rank(r);
      out[i] = h === r ? x0 : x0 + (h - r) * (rank(r + 1) - x0);
    }
  }
}

/** Welford's running mean and sum of squared deviations for many cells over one block of seeds. */
export class Moments {
  n = 0;
  readonly mean: Float64Array;
  readonly m2: Float64Array;

  constructor(cells: number) {
    this.mean = new Float64Array(cells);
    this.m2 = new Float64Array(cells);
  }

  /** Start the next seed (call before its `add`s). */
  next(): void {
    this.n++;
  }

  add(cell: number, x: number): void {
    const d = x - this.mean[cell];
    this.mean[cell] += d / this.n;
    this.m2[cell] += d * (x - this.mean[cell]);
  }

  /** Chan et al.'s pairwise update: fold a later block into this one. */
  merge(nb: number, meanB: Float64Array, m2B: Float64Array): void {
    const na = this.n;
    const n = na + nb;
    if (nb === 0) return;
    if (na === 0) {
      this.mean.set(meanB);
      this.m2.set(m2B);
      this.n = nb;
      return;
    }
    for (let c = 0; c < this.mean.length; c++) {
      const d = meanB[c] - this.mean[c];
      this.mean[c] += (d * nb) / n;
      this.m2[c] += m2B[c] + (d * d * na * nb) / n;
    }
    this.n = n;
  }

  /** Sample standard deviation (n - 1); 0 for a single seed. */
  sd(cell: number): number {
    return this.n > 1 ? Math.sqrt(this.m2[cell] / (this.n - 1)) : 0;
  }
}
