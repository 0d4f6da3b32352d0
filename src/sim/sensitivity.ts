// Global sensitivity analysis on any function of k inputs scaled to [0, 1]: designs (which points to
// evaluate) and estimators (what the values say), kept apart so the evaluations can run anywhere, in
// any order, in any number of pieces. Nothing here knows the model (study.ts maps inputs onto it).
//
// - Sobol' indices, Saltelli's design: N base points A and B (the two halves of a 2k-dimensional
//   Sobol' sequence) and, per input i, A with column i taken from B. First order by Saltelli et al.
//   (2010): S_i = mean(f(B) (f(AB_i) - f(A))) / V; total by Jansen (1999): ST_i = mean((f(A) -
//   f(AB_i))^2) / 2V; V the variance of f(A) and f(B) together. Bootstrap over the N base points
//   gives percentile intervals. Checked on the Ishigami function (tests/unit/sensitivity.test.ts).
// - Morris elementary effects: r trajectories on a p-level grid, one input moved by delta = p/(2(p-1))
//   per step; mu* = mean |EE| (Campolongo et al. 2007) ranks inputs, sigma flags interactions and
//   nonlinearity. Effects are per unit of the scaled input: the change for crossing the whole range.
// - One at a time (tornado): each input at the low and at the high end of its range, the others at
//   their base.
import { createRng } from '../model/rng';
import { sobolPoints } from './sobolSequence';
import { quantileSorted } from './stats';

export type Method = 'sobol' | 'morris' | 'oat';

/** Points to evaluate, row-major (count x k), coordinates in [0, 1]; NaN leaves an input at its base. */
export interface Design {
  method: Method;
  k: number;
  count: number;
  rows: Float64Array;
}

/** 32-bit words from the alea generator, for digital shifts, permutations and bootstrap draws. */
function words(seed: string) {
  const rng = createRng(seed);
  return {
    uniform: () => rng.next(),
    word: () => Math.floor(rng.next() * 4294967296) >>> 0,
    below: (n: number) => Math.floor(rng.next() * n),
  };
}

/** Rows per base point of Saltelli's design: A, AB_1 .. AB_k, B. */
export function saltelliStride(k: number): number {
  return k + 2;
}

export function saltelliDesign(k: number, n: number, seed = 1): Design {
  const w = words(`saltelli:${seed}`);
  const shift = Uint32Array.from({ length: 2 * k }, () => w.word());
  const pts = sobolPoints(n, 2 * k, shift);
  const stride = saltelliStride(k);
  const rows = new Float64Array(n * stride * k);
  for (let j = 0; j < n; j++) {
    const a = pts.subarray(j * 2 * k, j * 2 * k + k);
    const b = pts.subarray(j * 2 * k + k, (j + 1) * 2 * k);
    const base = j * stride * k;
    rows.set(a, base);
    for (let i = 0; i < k; i++) {
      rows.set(a, base + (1 + i) * k);
      rows[base + (1 + i) * k + i] = b[i];
    }
    rows.set(b, base + (k + 1) * k);
  }
  return { method: 'sobol', k, count: n * stride, rows };
}

export interface Interval {
  value: number;
  lo: number;
  hi: number;
}

export interface SobolIndices {
  /** Variance of the output over A and B. */
  variance: number;
  first: Interval[];
  total: Interval[];
}

/**
 * The indices from the base points pick(0..n-1) (all of them, or a bootstrap draw). Outputs are
 * centred on the mean of f(A) and f(B) first: the estimators' expectations do not change, their
 * variance does (as SALib does by standardising).
 */
function sobolOnce(y: Float64Array, k: number, pick: (j: number) => number, n: number, s1: number[], st: number[]) {
  const stride = saltelliStride(k);
  let sum = 0;
  for (let jj = 0; jj < n; jj++) {
    const j = pick(jj);
    sum += y[j * stride] + y[j * stride + k + 1];
  }
  const c = sum / (2 * n);
  let v = 0;
  for (let jj = 0; jj < n; jj++) {
    const j = pick(jj);
    const a = y[j * stride] - c;
    const b = y[j * stride + k + 1] - c;
    v += a * a + b * b;
  }
  v /= 2 * n;
  for (let i = 0; i < k; i++) {
    let f = 0;
    let t = 0;
    for (let jj = 0; jj < n; jj++) {
      const j = pick(jj);
      const a = y[j * stride] - c;
      const b = y[j * stride + k + 1] - c;
      const ab = y[j * stride + 1 + i] - c;
      f += b * (ab - a);
      t += (a - ab) * (a - ab);
    }
    s1[i] = f / n / v;
    st[i] = t / (2 * n) / v;
  }
  return v;
}

/** Percentile interval of a sample (sorted in place). */
function percentile(xs: Float64Array, conf: number): [number, number] {
  xs.sort();
  return [quantileSorted(xs, (1 - conf) / 2), quantileSorted(xs, (1 + conf) / 2)];
}

export function sobolIndices(
  y: Float64Array,
  k: number,
  n: number,
  opts: { bootstrap?: number; seed?: number; conf?: number } = {},
): SobolIndices {
  if (y.length !== n * saltelliStride(k)) throw new Error(`Sobol': ${y.length} values for ${n} x ${k + 2} points`);
  const s1 = new Array<number>(k);
  const st = new Array<number>(k);
  const variance = sobolOnce(y, k, (j) => j, n, s1, st);
  const reps = opts.bootstrap ?? 500;
  const conf = opts.conf ?? 0.95;
  const b1 = Array.from({ length: k }, () => new Float64Array(reps));
  const bt = Array.from({ length: k }, () => new Float64Array(reps));
  const w = words(`bootstrap:${opts.seed ?? 1}`);
  const pick = new Int32Array(n);
  const r1 = new Array<number>(k);
  const rt = new Array<number>(k);
  for (let r = 0; r < reps; r++) {
    for (let jj = 0; jj < n; jj++) pick[jj] = w.below(n);
    sobolOnce(y, k, (jj) => pick[jj], n, r1, rt);
    for (let i = 0; i < k; i++) {
      b1[i][r] = r1[i];
      bt[i][r] = rt[i];
    }
  }
  const interval = (value: number, boot: Float64Array): Interval => {
    if (reps === 0) return { value, lo: Number.NaN, hi: Number.NaN };
    const [lo, hi] = percentile(boot, conf);
    return { value, lo, hi };
  };
  return {
    variance,
    first: s1.map((v, i) => interval(v, b1[i])),
    total: st.map((v, i) => interval(v, bt[i])),
  };
}

export interface MorrisDesign extends Design {
  trajectories: number;
  levels: number;
  /** Per trajectory step (r x k): the input moved, and the signed move in scaled units. */
  moved: Int32Array;
  delta: Float64Array;
}

export function morrisDesign(k: number, r: number, levels = 4, seed = 1): MorrisDesign {
  if (levels < 2 || levels % 2 !== 0) throw new Error('Morris: the number of levels must be even and at least 2');
  const w = words(`morris:${seed}`);
  const step = levels / (2 * (levels - 1));
  const rows = new Float64Array(r * (k + 1) * k);
  const moved = new Int32Array(r * k);
  const delta = new Float64Array(r * k);
  const x = new Float64Array(k);
  const order = new Int32Array(k);
  for (let t = 0; t < r; t++) {
    for (let i = 0; i < k; i++) {
      x[i] = w.below(levels) / (levels - 1);
      order[i] = i;
    }
    // Fisher-Yates: the order in which this trajectory moves the inputs.
    for (let i = k - 1; i > 0; i--) {
      const j = w.below(i + 1);
      const tmp = order[i];
      order[i] = order[j];
      order[j] = tmp;
    }
    const base = t * (k + 1) * k;
    rows.set(x, base);
    for (let m = 0; m < k; m++) {
      const i = order[m];
      const d = x[i] + step <= 1 + 1e-12 ? step : -step;
      x[i] += d;
      rows.set(x, base + (m + 1) * k);
      moved[t * k + m] = i;
      delta[t * k + m] = d;
    }
  }
  return { method: 'morris', k, count: r * (k + 1), rows, trajectories: r, levels, moved, delta };
}

export interface MorrisIndices {
  mu: number[];
  muStar: Interval[];
  sigma: number[];
}

export function morrisIndices(
  y: Float64Array,
  d: MorrisDesign,
  opts: { bootstrap?: number; seed?: number; conf?: number } = {},
): MorrisIndices {
  const { k, trajectories: r } = d;
  if (y.length !== d.count) throw new Error(`Morris: ${y.length} values for ${d.count} points`);
  const ee = Array.from({ length: k }, () => new Float64Array(r));
  for (let t = 0; t < r; t++) {
    for (let m = 0; m < k; m++) {
      const i = d.moved[t * k + m];
      const row = t * (k + 1) + m;
      ee[i][t] = (y[row + 1] - y[row]) / d.delta[t * k + m];
    }
  }
  const reps = opts.bootstrap ?? 500;
  const w = words(`bootstrap:${opts.seed ?? 1}`);
  const boot = Array.from({ length: k }, () => new Float64Array(reps));
  for (let b = 0; b < reps; b++) {
    const pick = Int32Array.from({ length: r }, () => w.below(r));
    for (let i = 0; i < k; i++) {
      let s = 0;
      for (const t of pick) s += Math.abs(ee[i][t]);
      boot[i][b] = s / r;
    }
  }
  const mu: number[] = [];
  const muStar: Interval[] = [];
  const sigma: number[] = [];
  for (let i = 0; i < k; i++) {
    let s = 0;
    let sa = 0;
    for (const e of ee[i]) {
      s += e;
      sa += Math.abs(e);
    }
    const m = s / r;
    let v = 0;
    for (const e of ee[i]) v += (e - m) * (e - m);
    mu.push(m);
    const [lo, hi] = reps > 0 ? percentile(boot[i], opts.conf ?? 0.95) : [Number.NaN, Number.NaN];
    muStar.push({ value: sa / r, lo, hi });
    sigma.push(r > 1 ? Math.sqrt(v / (r - 1)) : 0);
  }
  return { mu, muStar, sigma };
}

/**
 * A Latin hypercube of n points in [0, 1)^k: each input's range cut into n equal strata, one point in
 * each, strata paired at random across inputs (for maps of where a claim holds over the inputs).
 */
export function latinHypercube(k: number, n: number, seed = 1): Float64Array {
  const w = words(`lhs:${seed}`);
  const rows = new Float64Array(n * k);
  const perm = new Int32Array(n);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < n; j++) perm[j] = j;
    for (let j = n - 1; j > 0; j--) {
      const r = w.below(j + 1);
      const tmp = perm[j];
      perm[j] = perm[r];
      perm[r] = tmp;
    }
    for (let j = 0; j < n; j++) rows[j * k + i] = (perm[j] + w.uniform()) / n;
  }
  return rows;
}

/** One at a time: the base (every input at its base, NaN), then each input low (0) and high (1). */
export function oatDesign(k: number): Design {
  const rows = new Float64Array((1 + 2 * k) * k).fill(Number.NaN);
  for (let i = 0; i < k; i++) {
    rows[(1 + 2 * i) * k + i] = 0;
    rows[(2 + 2 * i) * k + i] = 1;
  }
  return { method: 'oat', k, count: 1 + 2 * k, rows };
}

export interface Tornado {
  base: number;
  low: number[];
  high: number[];
  /** |high - low|: the bar's length. */
  swing: number[];
}

export function tornado(y: Float64Array, k: number): Tornado {
  if (y.length !== 1 + 2 * k) throw new Error(`tornado: ${y.length} values for ${1 + 2 * k} points`);
  const low: number[] = [];
  const high: number[] = [];
  const swing: number[] = [];
  for (let i = 0; i < k; i++) {
    low.push(y[1 + 2 * i]);
    high.push(y[2 + 2 * i]);
    swing.push(Math.abs(y[2 + 2 * i] - y[1 + 2 * i]));
  }
  return { base: y[0], low, high, swing };
}
