// Types for seedrandom's alea on its own (@types/seedrandom types only the package's index).
declare module 'seedrandom/lib/alea' {
  interface AleaState {
    c: number;
    s0: number;
    s1: number;
    s2: number;
  }
  interface Alea {
    (): number;
    state(): AleaState;
  }
  function alea(seed: string, options: { state: true | AleaState }): Alea;
  export default alea;
}
