// One seeded generator per run, with a state that can be saved and restored (MODEL.md section 9).
// seedrandom's alea alone: the package's index bundles five other generators the model never uses.
import alea from 'seedrandom/lib/alea';
import { dcos, dlog } from './dmath';

export interface RngState {
  c: number;
  s0: number;
  s1: number;
  s2: number;
}

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  state(): RngState;
}

interface AleaPrng {
  (): number;
  state(): RngState;
}

export function createRng(seed: number | string, state?: RngState): Rng {
  const prng = (state
    ? alea(String(seed), { state: { ...state } })
    : alea(String(seed), { state: true })) as unknown as AleaPrng;
  return {
    next: () => prng(),
    state: () => ({ ...prng.state() }),
  };
}

/** Standard normal from two uniforms (Box–Muller); always consumes exactly two draws. */
export function normal(rng: Rng): number {
  const u1 = rng.next();
  const u2 = rng.next();
  return Math.sqrt(-2 * dlog(1 - u1)) * dcos(2 * Math.PI * u2);
}
