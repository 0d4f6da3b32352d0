// Ties a lookahead trial changed, to be put back: flat (index, value) pairs in arrays owned by a run's
// scratch, so a trial allocates nothing.
export class TieLog {
  readonly idx: Int32Array;
  readonly val: Float64Array;
  len = 0;

  constructor(size: number) {
    this.idx = new Int32Array(size);
    this.val = new Float64Array(size);
  }

  /** Set the symmetric tie (a, b) to v, remembering its value. */
  set(T: Float64Array, n: number, a: number, b: number, v: number): void {
    this.idx[this.len] = a * n + b;
    this.val[this.len++] = T[a * n + b];
    T[a * n + b] = v;
    T[b * n + a] = v;
  }

  /** Put back every tie set since the last restore, last first. */
  restore(T: Float64Array, n: number): void {
    for (let q = this.len - 1; q >= 0; q--) {
      const k = this.idx[q];
      const a = Math.floor(k / n);
      const b = k - a * n;
      T[k] = this.val[q];
      T[b * n + a] = this.val[q];
    }
    this.len = 0;
  }
}
