// Option values shared by the commands: required options, formats, steps and seeds, pins, output.
import { LEVER_NAMES } from '../model/levers';
import type { ModelSpec } from '../model/spec';
import type { Pins } from '../sim/run';
import { CliError, MAX_SEED, MAX_SEEDS, MAX_STEPS, parseInteger } from './args';

export type Values = Record<string, string | string[] | boolean | undefined>;

export function required(v: Values, name: string, command: string, hint: string): string {
  const x = v[name];
  if (typeof x !== 'string') throw new CliError(`missing option --${name} for "${command}" (${hint})`);
  return x;
}

export function format(v: Values, allowed: readonly string[]): string {
  const f = typeof v.format === 'string' ? v.format : 'json';
  if (!allowed.includes(f)) throw new CliError(`--format: unknown format "${f}" (formats: ${allowed.join(', ')})`);
  if (v.pretty && f !== 'json') throw new CliError(`--pretty applies to --format json only`);
  return f;
}

export function steps(v: Values, spec: ModelSpec): number {
  return typeof v.steps === 'string' ? parseInteger(v.steps, '--steps', 0, MAX_STEPS) : spec.steps;
}

export function seeds(v: Values, command: string): { seeds: number; seedStart: number } {
  const n = parseInteger(required(v, 'seeds', command, `how many seeds, 1..${MAX_SEEDS}`), '--seeds', 1, MAX_SEEDS);
  const s = typeof v['seed-start'] === 'string' ? parseInteger(v['seed-start'], '--seed-start', 0, MAX_SEED) : 1;
  if (s + n - 1 > MAX_SEED)
    throw new CliError(`--seed-start ${s} with --seeds ${n} runs past the largest seed ${MAX_SEED}`);
  return { seeds: n, seedStart: s };
}

/** Pins in the order of LEVER_NAMES, so the output does not depend on the order of the options. */
export function canonicalPins(...layers: Readonly<Pins>[]): Pins {
  const merged: Pins = Object.assign({}, ...layers);
  const out: Pins = {};
  for (const name of LEVER_NAMES) if (merged[name] !== undefined) out[name] = merged[name];
  return out;
}

export function json(v: Values, value: unknown): string {
  return `${JSON.stringify(value, null, v.pretty ? 2 : undefined)}\n`;
}

export const SCENARIO_HINT = 'a preset id, see --help, or the path of a .json file';

export function out(v: Values): string | undefined {
  return typeof v.out === 'string' ? v.out : undefined;
}
