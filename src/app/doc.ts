// The document: what a link carries and what undo steps through. Scenario, seed, step, lever changes
// (each from a step on), utility weights, the compare scenario, and for an imported scenario the
// fingerprint of its file (so a link never shows another version under the same id). Parsing never
// throws: a strange value is reported in words and replaced by its default.
import { isLeverName, LEVERS, type LeverName } from '../model/levers';
import { TERM_NAMES, type TermName } from '../model/spec';

export interface LeverEdit {
  /** Step of scenario A from which the value applies (run.setLever at this step). */
  t: number;
  name: LeverName;
  value: number;
}

/** weights[actorId][term] = weight, replacing the scenario's. */
export type WeightEdits = Readonly<Record<string, Readonly<Partial<Record<TermName, number>>>>>;

export interface Doc {
  scenario: string;
  /** Fingerprint of the imported file shown, or null for a preset. */
  file: string | null;
  seed: number;
  /** Step on the timeline: A's step, or in compare mode the step from the earlier of the two starts. */
  t: number;
  edits: readonly LeverEdit[];
  weights: WeightEdits;
  /** Scenario shown beside the main one, or null. */
  compare: string | null;
}

export const TABS = ['chart', 'table', 'sources', 'analysis'] as const;
export type Tab = (typeof TABS)[number];

export const WEIGHT_MAX = 10;
export const MAX_SEED = 2 ** 32 - 1;

export interface ParseContext {
  /** Scenario ids that can be loaded (presets and imported files). */
  known: readonly string[];
  defaultScenario: string;
  defaultSeed: (scenario: string) => number;
  /** Whether the scenario is an imported file, and the fingerprint a link without one means. */
  imported?: (scenario: string) => { latest: string; has: (fp: string) => boolean } | null;
  /** Last step of the timeline (in compare mode it spans both runs). */
  horizon: (scenario: string, compare: string | null) => number;
  /** The scenario's own number of steps, for lever changes. */
  steps: (scenario: string) => number;
  /** The scenario compared with by default, when a link compares a scenario with itself. */
  counterpart: (scenario: string) => string | null;
  /** Actor ids of a scenario, to check weight edits. */
  actors: (scenario: string) => readonly string[];
}

export interface Parsed {
  doc: Doc;
  tab: Tab;
  problems: string[];
}

const KEYS = ['scenario', 'file', 'seed', 't', 'set', 'w', 'compare', 'tab'] as const;

/** A query string as key -> value (the last of repeated keys), decoded as a browser does ('+' is a space). */
export function parseQuery(query: string): Map<string, string> {
  const out = new Map<string, string>();
  const q = query.startsWith('?') ? query.slice(1) : query;
  for (const part of q.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const raw = [eq < 0 ? part : part.slice(0, eq), eq < 0 ? '' : part.slice(eq + 1)];
    const [k, v] = raw.map((s) => {
      try {
        return decodeURIComponent(s.replace(/\+/g, ' '));
      } catch {
        return s;
      }
    });
    out.set(k, v);
  }
  return out;
}

const RAW = /[^A-Za-z0-9_.:@,-]/g;
const enc = (s: string) => s.replace(RAW, (c) => encodeURIComponent(c));

export function serialize(d: Doc, tab: Tab = 'chart'): string {
  const parts = [`scenario=${enc(d.scenario)}`];
  if (d.file) parts.push(`file=${enc(d.file)}`);
  parts.push(`seed=${d.seed}`, `t=${d.t}`);
  // String(x) is the shortest decimal that reads back to the same double: links stay exact.
  if (d.edits.length > 0) parts.push(`set=${d.edits.map((e) => `${e.name}:${String(e.value)}@${e.t}`).join(',')}`);
  const w: string[] = [];
  for (const [actor, terms] of Object.entries(d.weights)) {
    for (const [term, v] of Object.entries(terms)) if (v !== undefined) w.push(`${actor}.${term}:${String(v)}`);
  }
  if (w.length > 0) parts.push(`w=${enc(w.join(','))}`);
  if (d.compare) parts.push(`compare=${enc(d.compare)}`);
  if (tab !== 'chart') parts.push(`tab=${tab}`);
  return `?${parts.join('&')}`;
}

/** True when the query string holds any state of ours (else a saved view may be restored). */
export function hasState(query: string): boolean {
  const p = parseQuery(query);
  return KEYS.some((k) => p.has(k));
}

function wholeNumber(s: string): number | null {
  return /^\d+$/.test(s.trim()) ? Number(s.trim()) : null;
}

export function parse(query: string, ctx: ParseContext): Parsed {
  const p = parseQuery(query);
  const problems: string[] = [];

  let scenario = ctx.defaultScenario;
  const sc = p.get('scenario');
  let file: string | null = null;
  if (sc !== undefined) {
    const imp = ctx.known.includes(sc) ? (ctx.imported?.(sc) ?? null) : null;
    const fp = p.get('file') ?? null;
    if (!ctx.known.includes(sc)) {
      problems.push(
        fp
          ? `The imported scenario "${sc}" is not kept in this browser (import its file again); showing "${ctx.defaultScenario}".`
          : `Unknown scenario "${sc}" in the link; showing "${ctx.defaultScenario}" (known: ${ctx.known.join(', ')}).`,
      );
    } else if (imp && fp && !imp.has(fp)) {
      problems.push(
        `The link shows a version of the imported scenario "${sc}" that this browser does not hold (file ${fp}); import that file again. Showing "${ctx.defaultScenario}".`,
      );
    } else {
      scenario = sc;
      if (imp) file = fp ?? imp.latest;
    }
  }

  let seed = ctx.defaultSeed(scenario);
  const sd = p.get('seed');
  if (sd !== undefined) {
    const v = wholeNumber(sd);
    if (v === null || v > MAX_SEED)
      problems.push(`The seed "${sd}" is not a whole number from 0 to ${MAX_SEED}; using seed ${seed}.`);
    else seed = v;
  }

  let compare: string | null = null;
  const cmp = p.get('compare');
  if (cmp !== undefined && cmp !== '') {
    if (cmp === scenario) {
      const other = ctx.counterpart(scenario);
      compare = other && other !== scenario && ctx.known.includes(other) ? other : null;
      problems.push(
        `The link compares "${cmp}" with itself; ${compare ? `comparing with "${compare}" instead` : 'compare view off'}.`,
      );
    } else if (ctx.known.includes(cmp)) compare = cmp;
    else problems.push(`Unknown scenario "${cmp}" to compare with; compare view off.`);
  }

  const horizon = ctx.horizon(scenario, compare);
  let t = 0;
  const ts = p.get('t');
  if (ts !== undefined) {
    const v = wholeNumber(ts);
    if (v === null) problems.push(`The step "${ts}" is not a whole number; showing step 0.`);
    else if (v > horizon) {
      problems.push(`Step ${v} is past the end of the timeline (${horizon} steps); showing the last step.`);
      t = horizon;
    } else t = v;
  }

  const edits: LeverEdit[] = [];
  const set = p.get('set');
  if (set) {
    const last = ctx.steps(scenario);
    for (const item of set.split(',')) {
      const m = /^([a-z_0-9]+):(-?[0-9.eE+-]+)@(\d+)$/.exec(item.trim());
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
      if (at > last) {
        problems.push(`The change ${name}=${vs} at step ${at} is past the end (${last} steps); ignored.`);
        continue;
      }
      const dup = edits.findIndex((e) => e.t === at && e.name === name);
      if (dup >= 0) edits.splice(dup, 1);
      edits.push({ t: at, name, value });
    }
    edits.sort((a, b) => a.t - b.t);
  }

  const weights: Record<string, Partial<Record<TermName, number>>> = {};
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

  let tab: Tab = 'chart';
  const tb = p.get('tab');
  if (tb !== undefined) {
    if ((TABS as readonly string[]).includes(tb)) tab = tb as Tab;
    else problems.push(`Unknown tab "${tb}" (tabs: ${TABS.join(', ')}); showing the chart.`);
  }

  return { doc: { scenario, file, seed, t, edits, weights, compare }, tab, problems };
}

/**
 * Record a lever change at step t. Changes at later steps are kept: each still applies from its own
 * step (a change of the same lever later overrides this one from then on). A change of the same lever
 * at the same step replaces the earlier one. Returns the later changes, so the app can say they stay.
 */
export function addEdit(edits: readonly LeverEdit[], e: LeverEdit): { edits: LeverEdit[]; later: LeverEdit[] } {
  const kept = edits.filter((x) => !(x.t === e.t && x.name === e.name));
  const later = kept.filter((x) => x.t > e.t);
  const out = [...kept, e].sort((a, b) => a.t - b.t);
  return { edits: out, later };
}

export function weightsEmpty(w: WeightEdits): boolean {
  return Object.values(w).every((terms) => Object.values(terms).every((v) => v === undefined));
}

export function docEqual(a: Doc, b: Doc): boolean {
  return a === b || (serialize(a) === serialize(b) && a.file === b.file);
}
