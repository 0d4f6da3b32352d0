// Validate a scenario (parsed JSON or text) and compile it into the model's ModelSpec.
// Every problem is reported with the path of the field it concerns; nothing throws past here.
import type { z } from 'zod';
import { indicators as indicatorsOf, N_INDICATORS } from '../model/derive';
import { LEVERS, type LeverName } from '../model/levers';
import { createRng } from '../model/rng';
import {
  type ActorSpec,
  DEFAULT_PARAMS,
  ENERGY_BUYERS,
  type EventSpec,
  type ExtraIndicatorSpec,
  type ModelSpec,
  type Params,
} from '../model/spec';
import { conditionEnv } from '../model/step';
import { parseQuarter } from '../model/time';
import { compileWorld, initialState } from '../model/world';
import { compileExpr } from './expr';
import { asCondition, EXPR_BASE_NAMES } from './exprAst';
import { ACTORS_MAX, EVENTS_MAX, INDICATORS_MAX, PAIRS_MAX, SOURCES_MAX } from './limits';
import { listProblems, oneLine } from './messages';
import { type ScenarioFile, scenarioSchema } from './schema';

/**
 * A loaded scenario, or what is wrong with it: `errors` lists the first few problems, one line each
 * (listProblems), `total` counts them all.
 */
export type LoadResult =
  | { ok: true; spec: ModelSpec; file: ScenarioFile }
  | { ok: false; errors: string[]; total: number };

/** The failure result for a list of problems (each naming its field). */
export function failed(problems: readonly string[]): LoadResult & { ok: false } {
  return { ok: false, errors: listProblems(problems), total: problems.length };
}

export const REQUIRED_ACTORS = ['US', 'CN', 'RU'] as const;
export { EXPR_BASE_NAMES };

const BASE_NAME_SET: ReadonlySet<string> = new Set(EXPR_BASE_NAMES);

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out || '(file)';
}

/** Unknown fields named in one problem, each quoted to at most 60 characters. */
const KEYS_LISTED = 5;

function zodMessages(error: z.ZodError): string[] {
  return error.issues.map((iss) => {
    let msg = iss.message;
    if (iss.code === 'unrecognized_keys') {
      const keys = iss.keys.slice(0, KEYS_LISTED).map((k) => `"${oneLine(k, 60)}"`);
      if (iss.keys.length > KEYS_LISTED) keys.push(`and ${iss.keys.length - KEYS_LISTED} more`);
      msg = `unknown field${iss.keys.length > 1 ? 's' : ''} ${keys.join(', ')}`;
    }
    return `${formatPath(iss.path)}: ${msg}`;
  });
}

/** Normalise "B-A" to "A-B" (alphabetical), checking both ids exist and differ. */
function pairIndices(
  key: string,
  index: Map<string, number>,
  field: string,
  errors: string[],
): [number, number] | null {
  const [a, b] = key.split('-');
  if (a === b) {
    errors.push(`${field}.${key}: an actor has no tie or trade with itself`);
    return null;
  }
  const ia = index.get(a);
  const ib = index.get(b);
  if (ia === undefined || ib === undefined) {
    errors.push(
      `${field}.${key}: unknown actor "${ia === undefined ? a : b}" (the roster has ${[...index.keys()].join(', ')})`,
    );
    return null;
  }
  return [ia, ib];
}

/** The weights the initial ties are calibrated under: the file's, with its `calibration` overrides. */
export function calibrationWeights(f: ScenarioFile): ModelSpec['calibrationWeights'] {
  const out: ModelSpec['calibrationWeights'] = {};
  for (const [id, t] of Object.entries(f.weights)) out[id] = { ...t };
  for (const [id, t] of Object.entries(f.calibration?.weights ?? {})) out[id] = { ...(out[id] ?? {}), ...t };
  return out;
}

/**
 * A file with a user's weight edits: the run uses the new weights, the calibration keeps the file's
 * preferences, so the edit is a change of preferences in the same world rather than a new world.
 */
export function withWeightEdits(
  f: ScenarioFile,
  edits: Readonly<Record<string, Readonly<Record<string, number>>>>,
): ScenarioFile {
  const weights: ScenarioFile['weights'] = {};
  for (const [id, t] of Object.entries(f.weights)) weights[id] = { ...t };
  for (const [id, t] of Object.entries(edits)) weights[id] = { ...(weights[id] ?? {}), ...t };
  return { ...f, weights, calibration: { ...f.calibration, weights: calibrationWeights(f) } };
}

export function parseScenarioText(text: string): LoadResult {
  let json: unknown;
  try {
    // A byte-order mark left at the start (text pasted or stored after decoding) is not content.
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return failed([`not valid JSON: ${(e as Error).message.replace(/\s+/g, ' ')}`]);
  }
  return loadScenario(json);
}

const LISTS: readonly [string, number, string][] = [
  ['actors', ACTORS_MAX, 'actors'],
  ['events', EVENTS_MAX, 'events'],
  ['indicators', INDICATORS_MAX, 'extra indicators'],
  ['security', PAIRS_MAX, 'entries (one per pair of actors)'],
];
const RECORDS: readonly [string, number][] = [
  ['ties', PAIRS_MAX],
  ['trade', PAIRS_MAX],
  ['weights', ACTORS_MAX],
  ['decisions', ACTORS_MAX],
  ['sources', SOURCES_MAX],
];

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Lists and records longer than their limits, checked before anything else looks inside them. */
function sizeProblems(json: unknown): string[] {
  if (!isRecord(json)) return [];
  const out: string[] = [];
  for (const [field, max, what] of LISTS) {
    const v = json[field];
    if (Array.isArray(v) && v.length > max) out.push(`${field}: at most ${max} ${what} (this file has ${v.length})`);
  }
  const records: [string, unknown, number][] = RECORDS.map(([f, max]) => [f, json[f], max]);
  if (isRecord(json.rfe)) records.push(['rfe.investment', json.rfe.investment, ACTORS_MAX]);
  for (const [field, v, max] of records) {
    if (!isRecord(v)) continue;
    const n = Object.keys(v).length;
    if (n > max) out.push(`${field}: at most ${max} entries (this file has ${n})`);
  }
  return out;
}

export function loadScenario(json: unknown): LoadResult {
  const tooBig = sizeProblems(json);
  if (tooBig.length > 0) return failed(tooBig);
  const parsed = scenarioSchema.safeParse(json);
  if (!parsed.success) return failed(zodMessages(parsed.error));
  const f = parsed.data;
  const errors: string[] = [];

  const index = new Map<string, number>();
  f.actors.forEach((a, i) => {
    if (index.has(a.id)) errors.push(`actors[${i}].id: "${a.id}" appears twice`);
    index.set(a.id, i);
  });
  for (const req of REQUIRED_ACTORS) {
    if (!index.has(req)) errors.push(`actors: the roster must include ${req} (US, CN and RU are required)`);
  }
  const n = f.actors.length;
  const ties = new Float64Array(n * n);
  const trade = new Float64Array(n * n);
  const seen = new Set<string>();
  for (const [key, v] of Object.entries(f.ties)) {
    const ij = pairIndices(key, index, 'ties', errors);
    if (!ij) continue;
    const norm = [f.actors[ij[0]].id, f.actors[ij[1]].id].sort().join('-');
    if (seen.has(norm)) errors.push(`ties.${key}: the pair ${norm} is given twice`);
    seen.add(norm);
    ties[ij[0] * n + ij[1]] = v;
    ties[ij[1] * n + ij[0]] = v;
  }
  seen.clear();
  for (const [key, v] of Object.entries(f.trade)) {
    const ij = pairIndices(key, index, 'trade', errors);
    if (!ij) continue;
    const norm = [f.actors[ij[0]].id, f.actors[ij[1]].id].sort().join('-');
    if (seen.has(norm)) errors.push(`trade.${key}: the pair ${norm} is given twice`);
    seen.add(norm);
    trade[ij[0] * n + ij[1]] = v;
    trade[ij[1] * n + ij[0]] = v;
  }

  const shares = f.energy.shares;
  const sum = ENERGY_BUYERS.reduce((s, b) => s + shares[b], 0);
  if (Math.abs(sum - 1) > 1e-6) errors.push(`energy.shares: shares must sum to 1 (they sum to ${sum.toFixed(4)})`);
  for (const b of ENERGY_BUYERS) {
    if (b !== 'other' && shares[b] > 0 && !index.has(b)) {
      errors.push(`energy.shares.${b}: ${b} buys Russian energy but is not on the roster (give it 0 or leave it out)`);
    }
  }
  if (f.energy.eastCapacity < shares.CN) errors.push("energy.eastCapacity: must be at least China's current share");
  for (const id of Object.keys(f.rfe.investment)) {
    if (!index.has(id)) errors.push(`rfe.investment.${id}: unknown actor "${id}"`);
  }
  for (const id of Object.keys(f.weights)) {
    if (!index.has(id)) errors.push(`weights.${id}: unknown actor "${id}"`);
  }
  for (const id of Object.keys(f.calibration?.weights ?? {})) {
    if (!index.has(id)) errors.push(`calibration.weights.${id}: unknown actor "${id}"`);
  }
  if (f.frozen !== 'all') {
    for (const id of f.frozen) if (!index.has(id)) errors.push(`frozen: unknown actor "${id}"`);
  }
  for (const [id, lever] of Object.entries(f.decisions)) {
    if (!index.has(id)) errors.push(`decisions.${id}: unknown actor "${id}"`);
    if (lever === 'beta' || lever === 'noise')
      errors.push(`decisions.${id}: ${lever} is a design parameter, not a decision`);
  }
  f.security.forEach((s, k) => {
    for (const a of s.between) if (!index.has(a)) errors.push(`security[${k}].between: unknown actor "${a}"`);
    if (s.between[0] === s.between[1]) errors.push(`security[${k}].between: the two actors must differ`);
  });

  const start = parseQuarter(f.start) ?? 0;
  const events: EventSpec[] = [];
  f.events.forEach((e, k) => {
    const at = (parseQuarter(e.at) ?? 0) - start;
    if (at < 0) errors.push(`events[${k}].at: ${e.at} is before the scenario's start ${f.start}`);
    let when: EventSpec['when'];
    if (e.when) {
      try {
        when = asCondition(compileExpr(e.when, BASE_NAME_SET));
      } catch (err) {
        errors.push(`events[${k}].when: ${(err as Error).message}`);
      }
    }
    events.push({
      at,
      set: e.set as Partial<Record<LeverName, number>>,
      when,
      whenText: e.when,
      label: e.label,
      pin: e.pin,
    });
  });

  const indicators: ExtraIndicatorSpec[] = [];
  // One set of names, grown as indicators are defined: each may use those before it.
  const names = new Set(EXPR_BASE_NAMES);
  f.indicators.forEach((ind, k) => {
    if (names.has(ind.name)) {
      errors.push(`indicators[${k}].name: "${ind.name}" is already a name (indicators, levers, t, year)`);
      return;
    }
    try {
      const fn = compileExpr(ind.expr, names);
      indicators.push({ name: ind.name, label: ind.label, expr: ind.expr, evaluate: fn });
      names.add(ind.name);
    } catch (err) {
      errors.push(`indicators[${k}].expr: ${(err as Error).message}`);
    }
  });

  if (errors.length > 0) return failed(errors);

  const levers = {} as Record<LeverName, number>;
  for (const l of LEVERS) levers[l.name] = f.levers[l.name] ?? l.default;
  const actors: ActorSpec[] = f.actors.map((a) => ({ ...a }));
  const params: Params = { ...DEFAULT_PARAMS };
  for (const [k, v] of Object.entries(f.params)) if (v !== undefined) params[k as keyof Params] = v;

  const spec: ModelSpec = {
    id: f.id,
    title: f.title,
    start,
    steps: f.steps,
    seed: f.seed,
    actors,
    ties,
    trade,
    energy: {
      shares: { ...shares },
      eastCapacity: f.energy.eastCapacity,
      eastCapacityGrowth: f.energy.eastCapacityGrowth,
      exports: f.energy.exports,
    },
    rfe: { investment: { ...f.rfe.investment }, development: f.rfe.development },
    navy: f.navy,
    levers,
    pinned: { ...(f.pinned as Partial<Record<LeverName, number>>) },
    security: f.security.map((s) => ({
      a: s.between[0],
      b: s.between[1],
      weight: s.weight,
      scale: s.scale,
      damp: s.damp,
    })),
    weights: f.weights,
    calibrationWeights: calibrationWeights(f),
    decisions: f.decisions,
    frozen: f.frozen === 'all' ? f.actors.map((a) => a.id) : [...f.frozen],
    params,
    events,
    indicators,
  };
  // An extra indicator must give a number on the scenario's own start (a division by zero, a log of a
  // negative number would otherwise print as NaN/null in every row).
  if (indicators.length > 0) {
    // The start's indicators need no calibration: the world's static arrays are enough.
    const w = compileWorld(spec);
    const s = initialState(w, createRng(spec.seed).state());
    const env = conditionEnv(w, s, indicatorsOf(w, s, s.levers, s.trade, s.other, new Float64Array(N_INDICATORS)));
    indicators.forEach((x, k) => {
      const v = x.evaluate(env);
      env[x.name] = v;
      if (!Number.isFinite(v)) {
        errors.push(
          `indicators[${k}].expr: "${x.expr}" gives no number at the start (${v}); check for a division by zero or the log of a non-positive value`,
        );
      }
    });
    if (errors.length > 0) return failed(errors);
  }
  return { ok: true, spec, file: f };
}
