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

/**
 * The next uniform of the generator whose state this is, advancing the state in place: alea's step
 * (seedrandom/lib/alea.js, Alea.next) on the run's own state, so stepping a run creates no generator
 * and allocates nothing. The same numbers as createRng('', state).next(), bit for bit.
 */
export function uniformOf(st: RngState): number {
  const t = 2091639 * st.s0 + st.c * 2.3283064365386963e-10; // 2^-32
  st.s0 = st.s1;
  st.s1 = st.s2;
  st.c = t | 0;
  st.s2 = t - st.c;
  return st.s2;
}

/** `normal` on a state advanced in place. */
export function normalOf(st: RngState): number {
  const u1 = uniformOf(st);
  const u2 = uniformOf(st);
  return Math.sqrt(-2 * dlog(1 - u1)) * dcos(2 * Math.PI * u2);
}
