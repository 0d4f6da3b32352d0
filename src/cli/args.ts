// Turning command-line words into checked values. Every problem becomes a CliError whose message is one
// line naming the option and the value, so `main` can print it after "error: " and exit with status 2.
import { isAbsolute, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isLeverName, LEVER_NAMES, type LeverName, leverInfo } from '../model/levers';
import type { ModelSpec } from '../model/spec';
import { formatQuarter, parseQuarter } from '../model/time';
import { decodeScenarioBytes } from '../scenario/decode';
import { STEPS_MAX } from '../scenario/limits';
import { parseScenarioText } from '../scenario/load';
import { loadPreset, PRESET_IDS } from '../scenario/presets';
import { checkPins, type Pins } from '../sim/run';
import { ReadError, readBounded } from './readFile';

/** A problem with the user's input: printed as `error: <message>` (plus `details`), exit status 2. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** The scenario's own limit: every date of a run up to it is a four-digit year. */
export const MAX_STEPS = STEPS_MAX;
export const MAX_SEEDS = 100_000;
export const MAX_SEED = 2 ** 32 - 1;
export const MAX_SWEEP_VALUES = 1000;
/** Error lines are cut to this many characters (a value quoted in them may be long). */
export const ERROR_CHARS_MAX = 1000;

export type OptionSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }>;

/**
 * util.parseArgs in strict mode, with its messages rewritten as one line each, and a repeated
 * single-valued option rejected instead of silently keeping the last one.
 */
export function parseOptions(
  command: string,
  args: string[],
  options: OptionSpec,
): Record<string, string | string[] | boolean | undefined> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals: false, tokens: true });
  } catch (e) {
    throw new CliError(rewriteParseError(command, e, Object.keys(options)));
  }
  const seen = new Set<string>();
  for (const tok of parsed.tokens ?? []) {
    if (tok.kind !== 'option') continue;
    if (!options[tok.name]?.multiple && seen.has(tok.name)) {
      throw new CliError(`option --${tok.name} is given more than once`);
    }
    seen.add(tok.name);
  }
  return parsed.values as Record<string, string | string[] | boolean | undefined>;
}

/** Levenshtein distance, for "did you mean" on a mistyped option. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

function suggest(opt: string, names: readonly string[]): string {
  const word = opt.replace(/^-+/, '');
  if (word === 'seed' && names.includes('seeds')) return ' (this command takes --seeds N and --seed-start S)';
  if (word.length < 3) return '';
  let best = '';
  let bestD = Number.POSITIVE_INFINITY;
  for (const n of names) {
    const d = n.startsWith(word) || word.startsWith(n) ? 1 : distance(word, n);
    if (d < bestD) {
      best = n;
      bestD = d;
    }
  }
  return bestD <= 2 ? ` (did you mean --${best}?)` : '';
}

function rewriteParseError(command: string, e: unknown, names: readonly string[]): string {
  const err = e as { code?: string; message?: string };
  const msg = String(err.message ?? e);
  const quoted = /'([^']*)'/.exec(msg)?.[1] ?? '';
  const opt = quoted.replace(/ <value>$/, '').replace(/^-\w, /, '');
  const see = `(see: npm run sim -- ${command} --help)`;
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${opt} for "${command}"${suggest(opt, names)} ${see}`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument "${quoted}" for "${command}": every value follows an option, e.g. --seeds 100 ${see}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (/does not take an argument/.test(msg)) return `option ${opt} does not take a value`;
      if (/ambiguous/.test(msg)) {
        return `option ${opt} needs a value; if you meant a negative number, no option takes one (write ${opt}=VALUE to pass a value starting with "-")`;
      }
      return `option ${opt} needs a value`;
    default:
      return msg.split('\n')[0];
  }
}

const DECIMAL = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/** A finite decimal number; "", "1e", "0x10", "Infinity" and "NaN" are refused. */
export function parseNumber(text: string, what: string): number {
  const s = text.trim();
  if (!DECIMAL.test(s)) throw new CliError(`${what}: "${text}" is not a number`);
  const v = Number(s);
  if (!Number.isFinite(v)) throw new CliError(`${what}: "${text}" is not a finite number`);
  return v;
}

/** A whole number in lo..hi. */
export function parseInteger(text: string, what: string, lo: number, hi: number): number {
  const s = text.trim();
  if (!/^[-+]?\d+$/.test(s)) {
    if (DECIMAL.test(s)) throw new CliError(`${what}: "${text}" is not a whole number (expected ${lo}..${hi})`);
    throw new CliError(`${what}: "${text}" is not a number (expected a whole number ${lo}..${hi})`);
  }
  const v = Number(s);
  if (v < lo || v > hi) throw new CliError(`${what}=${s} is out of range ${lo}..${hi}`);
  return v;
}

/**
 * `--set lever=value`, repeatable, and `--set a=1,b=2` in one word. Names and ranges are checked with
 * the sim's checkPins, so the CLI and the app agree on what a valid pin is.
 */
export function parsePins(sets: readonly string[] | undefined, option = '--set'): Pins {
  const pins: Pins = {};
  for (const word of sets ?? []) {
    for (const part of word.split(',')) {
      const eq = part.indexOf('=');
      if (eq < 0) throw new CliError(`${option} "${part}": expected lever=value, e.g. ${option} war=0.5`);
      const name = part.slice(0, eq).trim();
      const text = part.slice(eq + 1);
      if (!isLeverName(name))
        throw new CliError(`${option}: unknown lever "${name}" (levers: ${LEVER_NAMES.join(', ')})`);
      if (name in pins) throw new CliError(`${option}: lever ${name} is set more than once`);
      pins[name] = parseNumber(text, `${option} ${name}`);
    }
  }
  const problem = checkPins(pins);
  if (problem) throw new CliError(`${option}: ${problem}`);
  return pins;
}

export interface LeverChangeArg {
  name: LeverName;
  value: number;
  /** Step from which it applies, and its date. */
  t: number;
  date: string;
}

/**
 * `--change lever=value@YYYYQn`: the lever takes the value from that quarter on and is held there,
 * exactly as a slider moved in the app at that quarter (so the app's footer hash can be reproduced).
 */
export function parseChanges(words: readonly string[] | undefined, start: number, steps: number): LeverChangeArg[] {
  const out: LeverChangeArg[] = [];
  for (const word of words ?? []) {
    for (const part of word.split(',')) {
      const m = /^([a-z_]+)=([^@]+)@(\d{4}Q[1-4])$/.exec(part.trim());
      if (!m) throw new CliError(`--change "${part}": expected lever=value@YYYYQn, e.g. --change sanctions=0.2@2023Q1`);
      const [, name, text, date] = m;
      if (!isLeverName(name))
        throw new CliError(`--change: unknown lever "${name}" (levers: ${LEVER_NAMES.join(', ')})`);
      const value = parseNumber(text, `--change ${name}`);
      const problem = checkPins({ [name]: value });
      if (problem) throw new CliError(`--change: ${problem}`);
      const t = (parseQuarter(date) ?? 0) - start;
      if (t < 0 || t > steps) {
        throw new CliError(
          `--change ${part}: ${date} is outside the run (${formatQuarter(start)}..${formatQuarter(start + steps)})`,
        );
      }
      out.push({ name, value, t, date });
    }
  }
  // Date order; within a quarter, the order given.
  return out
    .map((c, k) => ({ c, k }))
    .sort((a, b) => a.c.t - b.c.t || a.k - b.k)
    .map((x) => x.c);
}

/** Round away the binary noise of from + k*step (0.1 * 3 = 0.30000000000000004). */
function tidy(x: number): number {
  return Number(x.toPrecision(12));
}

/** `--values 0,0.5,1` or `--values 0:1:0.25` (from:to:step, both ends included). */
export function parseValues(text: string, lever: LeverName): number[] {
  const info = leverInfo(lever);
  let values: number[];
  const range = text.split(':');
  if (range.length === 3) {
    const [from, to, step] = range.map((p, k) => parseNumber(p, `--values (${['from', 'to', 'step'][k]})`));
    if (step <= 0) throw new CliError(`--values ${text}: the step must be positive`);
    if (to < from) throw new CliError(`--values ${text}: "to" must not be below "from"`);
    const count = Math.floor((to - from) / step + 1e-9) + 1;
    if (count > MAX_SWEEP_VALUES)
      throw new CliError(`--values ${text} gives ${count} values; at most ${MAX_SWEEP_VALUES}`);
    values = [];
    for (let k = 0; k < count; k++) values.push(tidy(from + k * step));
  } else if (range.length === 1) {
    const parts = text.split(',');
    if (parts.some((p) => p.trim() === ''))
      throw new CliError(`--values "${text}": expected numbers separated by commas, e.g. 0,0.5,1`);
    values = parts.map((p) => parseNumber(p, '--values'));
    if (values.length > MAX_SWEEP_VALUES)
      throw new CliError(`--values has ${values.length} values; at most ${MAX_SWEEP_VALUES}`);
  } else {
    throw new CliError(`--values "${text}": expected v1,v2,... or from:to:step`);
  }
  for (const v of values) {
    if (v < info.min || v > info.max)
      throw new CliError(`--values: ${lever}=${v} is out of range ${info.min}..${info.max}`);
  }
  return values;
}

export function parseLever(text: string): LeverName {
  if (!isLeverName(text)) throw new CliError(`--lever: unknown lever "${text}" (levers: ${LEVER_NAMES.join(', ')})`);
  return text;
}

export interface LoadedScenario {
  spec: ModelSpec;
  /** What the user typed: a preset id or the path as given. */
  source: string;
}

/**
 * A preset id, or the path of a scenario file (relative paths from `cwd`). A word that is neither a
 * preset nor looks like a path is reported as an unknown scenario id, listing the presets.
 */
export function resolveScenario(arg: string, option: string, cwd: string): LoadedScenario {
  if (PRESET_IDS.includes(arg)) {
    const r = loadPreset(arg);
    if (!r.ok) throw new CliError(`preset "${arg}" is invalid (a bug): ${r.errors[0]}`);
    return { spec: r.spec, source: arg };
  }
  const looksLikePath = /[/\\]/.test(arg) || /\.json$/i.test(arg);
  const path = isAbsolute(arg) ? arg : resolve(cwd, arg);
  let bytes: Uint8Array;
  try {
    bytes = readBounded(path);
  } catch (e) {
    if (!(e instanceof ReadError)) throw e;
    if (e.code === 'ENOENT' && !looksLikePath) {
      throw new CliError(
        `${option}: unknown scenario "${arg}" (presets: ${PRESET_IDS.join(', ')}; or the path of a .json file)`,
      );
    }
    throw new CliError(`${option}: cannot read scenario file ${arg}: ${e.message}`);
  }
  const decoded = decodeScenarioBytes(bytes);
  if (!decoded.ok) throw new CliError(`${option}: cannot read scenario file ${arg}: ${decoded.error}`);
  const text = decoded.text;
  const r = parseScenarioText(text);
  if (!r.ok) {
    const n = r.total;
    throw new CliError(
      `invalid scenario file ${arg} (${n} problem${n > 1 ? 's' : ''}):`,
      r.errors.map((m) => `  ${m}`),
    );
  }
  return { spec: r.spec, source: arg };
}
