// A state hash that is the same in Node and in the browser: FNV-1a over the little-endian bytes of
// every number, two 32-bit lanes with different offsets, printed as 16 hex digits.

export class Hasher {
  private h1 = 0x811c9dc5;
  private h2 = 0x01000193 ^ 0x9e3779b9;
  private readonly view = new DataView(new ArrayBuffer(8));

  addNumber(x: number): this {
    // Fold -0 into 0, and every NaN into one NaN (its bit pattern is the engine's choice).
    this.view.setFloat64(0, x === 0 ? 0 : Number.isNaN(x) ? Number.NaN : x, true);
    for (let i = 0; i < 8; i++) {
      const b = this.view.getUint8(i);
      this.h1 = Math.imul(this.h1 ^ b, 0x01000193) >>> 0;
      this.h2 = Math.imul(this.h2 ^ b, 0x01000193) >>> 0;
      this.h2 = (this.h2 ^ (this.h2 >>> 13)) >>> 0;
    }
    return this;
  }

  addArray(a: ArrayLike<number>): this {
    for (let i = 0; i < a.length; i++) this.addNumber(a[i]);
    return this;
  }

  digest(): string {
    return this.h1.toString(16).padStart(8, '0') + this.h2.toString(16).padStart(8, '0');
  }
}
