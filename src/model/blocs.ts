// The two factions given by the sign classes of the leading eigenvector of the tie matrix
// (Marvel, Kleinberg, Kleinberg & Strogatz 2011). Power iteration on T + nI, which shares T's
// eigenvectors and makes the algebraically largest eigenvalue dominant.

export function leadingEigenvector(t: Float64Array, n: number, iterations = 200): Float64Array {
  let v = new Float64Array(n);
  let w = new Float64Array(n);
  for (let i = 0; i < n; i++) v[i] = 1 + i / (4 * n); // fixed, non-symmetric start
  const shift = n;
  for (let it = 0; it < iterations; it++) {
    let norm = 0;
    for (let i = 0; i < n; i++) {
      let s = shift * v[i];
      for (let j = 0; j < n; j++) s += t[i * n + j] * v[j];
      w[i] = s;
      norm += s * s;
    }
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < n; i++) w[i] /= norm;
    const tmp = v;
    v = w;
    w = tmp;
  }
  // Fix the sign so that the first non-zero component is positive.
  for (let i = 0; i < n; i++) {
    if (Math.abs(v[i]) > 1e-12) {
      if (v[i] < 0) for (let j = 0; j < n; j++) v[j] = -v[j];
      break;
    }
  }
  return v;
}

/** Indices split by the sign of the leading eigenvector: [non-negative class, negative class]. */
export function blocsOf(t: Float64Array, n: number): [number[], number[]] {
  const v = leadingEigenvector(t, n);
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < n; i++) (v[i] >= 0 ? a : b).push(i);
  return [a, b];
}
