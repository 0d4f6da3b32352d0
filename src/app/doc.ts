// The app's state as plain data, and its URL form. A link carries everything needed to reproduce a view:
// scenario, seed, step, lever changes (each from a step on), utility weights and the compare scenario.
// Parsing never throws: a strange value is reported in words and replaced by its default.
import { isLeverName, LEVERS, type LeverName } from '../model/levers';
import { TERM_NAMES, type TermName } from '../model/spec';

export interface LeverEdit {
  /** Step from which the value applies (run.setLever at this step). */
  t: number;
  name: LeverName;
  value: number;
}

/** weights[actorId][term] = weight, replacing the scenario's. */
export type WeightEdits = Record<string, Partial<Record<TermName, number>>>;

export interface AppState {
  scenario: string;
  seed: number;
  t: number;
  edits: LeverEdit[];
  weights: WeightEdits;
  /** Scenario shown beside the main one, or null. */
  compare: string | null;
}

export const WEIGHT_MAX = 10;

export interface ParseContext {
  /** Scenario ids that can be loaded (presets and an imported file). */
  known: readonly string[];
  defaultScenario: string;
  defaultSeed: (scenario: string) => number;
  /** Last step that can be shown (the shorter run's in compare mode). */
  horizon: (scenario: string) => number;
  /** The scenario's own number of steps, for lever changes (default: horizon). */
  steps?: (scenario: string) => number;
  /** The scenario compared with by default, when a link compares a scenario with itself. */
  counterpart?: (scenario: string) => string | null;
  /** Actor ids of a scenario, to check weight edits. */
  actors: (scenario: string) => readonly string[];
}

export interface ParsedState {
  state: AppState;
  problems: string[];
}

const RAW = /[^A-Za-z0-9_.:@,-]/g;
const enc = (s: string) => s.replace(RAW, (c) => encodeURIComponent(c));

/** Shortest decimal that reads back to the same double (links stay exact). */
function num(x: number): string {
  return String(x);
}

export function serialize(s: AppState): string {
  const parts = [`scenario=${enc(s.scenario)}`, `seed=${s.seed}`, `t=${s.t}`];
  if (s.edits.length > 0) parts.push(`set=${s.edits.map((e) => `${e.name}:${num(e.value)}@${e.t}`).join(',')}`);
  const w: string[] = [];
  for (const [actor, terms] of Object.entries(s.weights)) {
    for (const [term, v] of Object.entries(terms)) if (v !== undefined) w.push(`${actor}.${term}:${num(v)}`);
  }
  if (w.length > 0) parts.push(`w=${enc(w.join(','))}`);
  if (s.compare) parts.push(`compare=${enc(s.compare)}`);
  return `?${parts.join('&')}`;
}

/** True when the query string holds any state of ours (else a saved state may be restored). */
export function hasState(query: string): boolean {
  const p = new URLSearchParams(query);
  return ['scenario', 'seed', 't', 'set', 'w', 'compare'].some((k) => p.has(k));
}

function parseIntStrict(s: string): number | null {
  return /^\d+$/.test(s.trim()) ? Number(s.trim()) : null;
}

export function parse(query: string, ctx: ParseContext): ParsedState {
  const p = new URLSearchParams(query);
  const problems: string[] = [];

  let scenario = ctx.defaultScenario;
  const sc = p.get('scenario');
  if (sc !== null) {
    if (ctx.known.includes(sc)) scenario = sc;
    else
      problems.push(
        `Unknown scenario "${sc}" in the link; showing "${ctx.defaultScenario}" (known: ${ctx.known.join(', ')}).`,
      );
  }

  let seed = ctx.defaultSeed(scenario);
  const sd = p.get('seed');
  if (sd !== null) {
    const v = parseIntStrict(sd);
    if (v === null || v > 2 ** 32 - 1)
      problems.push(`The seed "${sd}" is not a whole number from 0 to 4294967295; using seed ${seed}.`);
    else seed = v;
  }

  const horizon = ctx.horizon(scenario);
  let t = 0;
  const ts = p.get('t');
  if (ts !== null) {
    const v = parseIntStrict(ts);
    if (v === null) problems.push(`The step "${ts}" is not a whole number; showing step 0.`);
    else if (v > horizon) {
      const own = ctx.steps ? ctx.steps(scenario) : horizon;
      problems.push(
        own > horizon
          ? `Step ${v} is past the end of the comparison (${horizon} steps, the shorter scenario's length); showing the last step.`
          : `Step ${v} is past the end of this scenario (${horizon} steps); showing the last step.`,
      );
      t = horizon;
    } else t = v;
  }

  const edits: LeverEdit[] = [];
  const set = p.get('set');
  if (set) {
    for (const item of set.split(',')) {
      const m = /^([a-z_]+):(-?[0-9.eE+-]+)@(\d+)$/.exec(item.trim());
      if (!m) {
        problems.push(`Could not read the lever change "${item}" (expected name:value@step, e.g. war:0.4@4); ignored.`);
        continue;
      }
      const [, name, vs, stepText] = m;
      if (!isLeverName(name)) {
        problems.push(
          `Unknown lever "${name}" in the link; ignored (levers: ${LEVERS.map((l) => l.name).join(', ')}).`,
        );
        continue;
      }
      const info = LEVERS.find((l) => l.name === name)!;
      const value = Number(vs);
      if (!Number.isFinite(value) || value < info.min || value > info.max) {
        problems.push(`Lever ${name}=${vs} is out of its range ${info.min}..${info.max}; ignored.`);
        continue;
      }
      const at = Number(stepText);
      const last = ctx.steps ? ctx.steps(scenario) : horizon;
      if (at > last) {
        problems.push(`The change ${name}=${vs} at step ${at} is past the end (${last} steps); ignored.`);
        continue;
      }
      edits.push({ t: at, name, value });
    }
    edits.sort((a, b) => a.t - b.t);
  }

  const weights: WeightEdits = {};
  const w = p.get('w');
  if (w) {
    const actors = ctx.actors(scenario);
    for (const item of w.split(',')) {
      const m = /^([A-Z][A-Z0-9_]*)\.([a-z_]+):([0-9.eE+-]+)$/.exec(item.trim());
      if (!m) {
        problems.push(`Could not read the weight "${item}" (expected ACTOR.term:value, e.g. RU.autonomy:2); ignored.`);
        continue;
      }
      const [, actor, term, vs] = m;
      const value = Number(vs);
      if (!actors.includes(actor)) problems.push(`Weight for unknown actor "${actor}"; ignored.`);
      else if (!(TERM_NAMES as readonly string[]).includes(term))
        problems.push(`Unknown utility term "${term}"; ignored.`);
      else if (!Number.isFinite(value) || value < 0 || value > WEIGHT_MAX) {
        problems.push(`Weight ${actor}.${term}=${vs} is out of range 0..${WEIGHT_MAX}; ignored.`);
      } else {
        weights[actor] = { ...(weights[actor] ?? {}), [term as TermName]: value };
      }
    }
  }

  let compare: string | null = null;
  const cmp = p.get('compare');
  if (cmp !== null && cmp !== '') {
    if (cmp === scenario) {
      const other = ctx.counterpart?.(scenario) ?? null;
      compare = other && other !== scenario && ctx.known.includes(other) ? other : null;
      problems.push(
        `The link compares "${cmp}" with itself; ${compare ? `comparing with "${compare}" instead` : 'compare view off'}.`,
      );
    } else if (ctx.known.includes(cmp)) compare = cmp;
    else problems.push(`Unknown scenario "${cmp}" to compare with; compare view off.`);
  }

  return { state: { scenario, seed, t, edits, weights, compare }, problems };
}

/**
 * Record a lever change at step t. The run drops its history after t when a lever moves, so later
 * changes go too; a change of the same lever at the same step replaces the earlier one.
 */
export function addEdit(edits: readonly LeverEdit[], e: LeverEdit): { edits: LeverEdit[]; dropped: LeverEdit[] } {
  const kept: LeverEdit[] = [];
  const dropped: LeverEdit[] = [];
  for (const x of edits) {
    if (x.t < e.t || (x.t === e.t && x.name !== e.name)) kept.push(x);
    else if (x.t > e.t) dropped.push(x);
  }
  kept.push(e);
  return { edits: kept, dropped };
}
