// Deterministic elementary functions. IEEE 754 guarantees correctly rounded +, -, *, / and sqrt, so
// those give the same bits in every engine; Math.exp, Math.log, Math.cos, Math.tanh and ** do not
// (engines may differ in the last bit, and Node 20's V8 differs from current Chromium's). A run must
// hash the same in Node and in the browser (MODEL.md 9), so the model uses these instead: range
// reduction and fixed polynomial series built only from correctly rounded operations.

const LN2_HI = 0.6931471803691238; // high bits of ln 2 (exact in 32 bits of mantissa)
const LN2_LO = 1.9082149292705877e-10; // ln 2 - LN2_HI
const LN2 = Math.LN2;
const INV_LN2 = Math.LOG2E;
const PI = Math.PI;
const HALF_PI = Math.PI / 2;

const buf = new DataView(new ArrayBuffer(8));

/** 2^k for an integer k in [-1022, 1023], built from its bits. */
function pow2(k: number): number {
  buf.setUint32(0, (k + 1023) << 20, false);
  buf.setUint32(4, 0, false);
  return buf.getFloat64(0, false);
}

/** pow2(k) for the k dexp scales by (|k| <= 512), looked up: the same numbers without the byte juggling. */
const POW2_HALF = 512;
const POW2 = Float64Array.from({ length: 2 * POW2_HALF + 1 }, (_, q) => pow2(q - POW2_HALF));

/** 1 / d for the odd d of dlog's series, computed once (the same quotients). */
const INV_ODD = Float64Array.from({ length: 28 }, (_, d) => (d % 2 === 1 ? 1 / d : 0));

/** e^x. */
export function dexp(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x > 709.7) return Number.POSITIVE_INFINITY;
  if (x < -708) return 0;
  const k = Math.round(x * INV_LN2);
  const r = x - k * LN2_HI - k * LN2_LO; // |r| <= ~0.347
  // Taylor series of e^r to r^16 (error below 1e-17 for |r| <= 0.35), Horner form.
  let p = 1 / 20922789888000;
  p = p * r + 1 / 1307674368000;
  p = p * r + 1 / 87178291200;
  p = p * r + 1 / 6227020800;
  p = p * r + 1 / 479001600;
  p = p * r + 1 / 39916800;
  p = p * r + 1 / 3628800;
  p = p * r + 1 / 362880;
  p = p * r + 1 / 40320;
  p = p * r + 1 / 5040;
  p = p * r + 1 / 720;
  p = p * r + 1 / 120;
  p = p * r + 1 / 24;
  p = p * r + 1 / 6;
  p = p * r + 1 / 2;
  p = p * r + 1;
  p = p * r + 1;
  // Scale in two halves so that 2^k never overflows or underflows on its own.
  const k1 = k >> 1;
  return p * POW2[k1 + POW2_HALF] * POW2[k - k1 + POW2_HALF];
}

/** Natural logarithm of x > 0. */
export function dlog(x: number): number {
  if (Number.isNaN(x) || x < 0) return Number.NaN;
  if (x === 0) return Number.NEGATIVE_INFINITY;
  if (x === Number.POSITIVE_INFINITY) return x;
  let e = 0;
  // Bring subnormals into the normal range first.
  if (x < 2.2250738585072014e-308) {
    x *= 18014398509481984; // 2^54
    e -= 54;
  }
  buf.setFloat64(0, x, false);
  const hi = buf.getUint32(0, false);
  e += ((hi >>> 20) & 0x7ff) - 1023;
  // Mantissa m in [1, 2); move it to [sqrt(1/2), sqrt(2)).
  buf.setUint32(0, (hi & 0x000fffff) | 0x3ff00000, false);
  let m = buf.getFloat64(0, false);
  if (m > Math.SQRT2) {
    m /= 2;
    e += 1;
  }
  // log(m) = 2 atanh(s), s = (m - 1) / (m + 1), |s| <= 0.1716; series to s^27.
  const s = (m - 1) / (m + 1);
  const s2 = s * s;
  let q = INV_ODD[27];
  for (let d = 25; d >= 1; d -= 2) q = q * s2 + INV_ODD[d];
  return e * LN2 + 2 * s * q;
}

/** cos(x) for any finite x (the generator's angles lie in [0, 2π)). */
export function dcos(x: number): number {
  if (!Number.isFinite(x)) return Number.NaN;
  // Reduce to [-π, π] by whole turns, then to [0, π/2] by symmetry.
  const turns = Math.round(x / (2 * PI));
  let y = x - turns * 2 * PI;
  if (y < 0) y = -y;
  let sign = 1;
  if (y > HALF_PI) {
    y = PI - y;
    sign = -1;
  }
  // Taylor series of cos to y^26 (error below 1e-17 for y <= π/2).
  const y2 = y * y;
  let term = 1;
  let sum = 1;
  for (let k = 1; k <= 13; k++) {
    term = (-term * y2) / ((2 * k - 1) * (2 * k));
    sum += term;
  }
  return sign * sum;
}

/** tanh(x). */
export function dtanh(x: number): number {
  if (x > 20) return 1;
  if (x < -20) return -1;
  const e = dexp(2 * x);
  return (e - 1) / (e + 1);
}

/** a^b for a > 0. */
export function dpow(a: number, b: number): number {
  if (b === 0) return 1;
  if (a === 1) return 1;
  return dexp(b * dlog(a));
}
