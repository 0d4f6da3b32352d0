// The host facilities the core may use: performance.now() for timing work (never for results), and
// TextDecoder below. Browsers and Node both have them; declaring them here keeps the DOM and Node
// types out of the core.
declare const performance: { now(): number } | undefined;

// Decoding a scenario file's bytes (src/scenario/decode.ts): the same WHATWG TextDecoder in both.
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array): string;
}

// Cancelling a job of the worker pool (src/sim/pool.ts), and its scheduling: both hosts have these.
declare function queueMicrotask(callback: () => void): void;
interface AbortSignal {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
}
