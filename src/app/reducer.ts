// The one place the state changes: (state, intent) -> state, pure. A change of the document is
// recorded in the history (a drag makes one entry), so it can be undone and the browser's Back can
// return to it; moving in time only updates the entry shown. Messages say what happened when it is
// not plain on the screen (a bad seed, later changes that still apply, an import's problems).

import type { ExampleSetup } from '../data/info';
import { LEVERS, type LeverName } from '../model/levers';
import type { ModelSpec } from '../model/spec';
import { formatQuarter, parseQuarter } from '../model/time';
import { failed } from '../scenario/load';
import { addEdit, type Doc, docEqual, type LeverEdit, MAX_SEED, parse, type WeightEdits } from './doc';
import { fmtLever } from './format';
import type { Intent } from './intents';
import { EMPTY_SLOT, type JobSlot, jobError, jobProgress, jobResult, requestJob, retryJob } from './jobs';
import {
  addImport,
  appId,
  counterpart,
  fingerprint,
  importedVersions,
  libraryIds,
  loadText,
  resolveOrDefault,
} from './library';
import { capDetails } from './messages';
import { type AppState, HISTORY_MAX, type Message, parseContext, timelineOf } from './state';
import { laneRange, laneStep } from './timeline';

function specOf(s: AppState, doc: Doc = s.doc): ModelSpec {
  return resolveOrDefault(s.library, doc.scenario, doc.file).spec;
}

function say(s: AppState, m: Omit<Message, 'seq'>): AppState {
  const seq = s.seq + 1;
  return { ...s, seq, messages: [...s.messages.filter((x) => x.id !== m.id), { ...m, seq }] };
}

function unsay(s: AppState, id: string): AppState {
  return s.messages.some((m) => m.id === id) ? { ...s, messages: s.messages.filter((m) => m.id !== id) } : s;
}

/** Keep t on the timeline and the selection in the roster. */
function normalise(s: AppState, doc: Doc): Doc {
  const tl = timelineOf(s.library, doc);
  const t = Math.max(0, Math.min(tl.last, Math.round(doc.t)));
  return t === doc.t ? doc : { ...doc, t };
}

/** The same date on a new timeline (compare on or off, another B). */
function keepDate(s: AppState, from: Doc, to: Doc): Doc {
  const before = timelineOf(s.library, from);
  const after = timelineOf(s.library, to);
  return normalise(s, { ...to, t: before.origin + from.t - after.origin });
}

/**
 * Make `next` the document. `gesture` names a drag ("lever@step"): while it lasts, its changes replace
 * the entry it began instead of adding one each; `final` ends it.
 */
function commit(s: AppState, next: Doc, gesture: string | null = null, final = true): AppState {
  const doc = normalise(s, next);
  const h = s.history;
  if (docEqual(doc, s.doc)) {
    return gesture && final && h.pending ? { ...s, history: { ...h, op: 'replace', pending: null } } : s;
  }
  if (gesture && h.pending === gesture) {
    const entries = [...h.entries];
    entries[h.index] = doc;
    return { ...s, doc, history: { ...h, entries, op: 'replace', pending: final ? null : gesture } };
  }
  let entries = [...h.entries.slice(0, h.index + 1), doc];
  let dropped = h.dropped;
  if (entries.length > HISTORY_MAX) {
    dropped += entries.length - HISTORY_MAX;
    entries = entries.slice(entries.length - HISTORY_MAX);
  }
  return {
    ...s,
    doc,
    history: { entries, index: entries.length - 1, op: 'push', pending: gesture && !final ? gesture : null, dropped },
  };
}

/** Move in time: not a new history entry, but the entry remembers where it was left. */
function seek(s: AppState, t: number, animate: boolean): AppState {
  const doc = normalise(s, { ...s.doc, t });
  if (doc.t === s.doc.t) return animate === s.animate ? s : { ...s, animate };
  const entries = [...s.history.entries];
  entries[s.history.index] = doc;
  return { ...s, doc, animate, history: { ...s.history, entries, op: 'replace' } };
}

function moveTo(s: AppState, index: number, op: 'undo' | 'redo' | 'goto'): AppState {
  const h = s.history;
  if (index < 0 || index >= h.entries.length || index === h.index) return s;
  const doc = normalise(s, h.entries[index]);
  return rosterFix({ ...s, doc, playing: false, history: { ...h, index, op, pending: null } });
}

/** Keep the selected actor in the roster of the scene it belongs to. */
function rosterFix(s: AppState): AppState {
  const scene = s.selected.scene === 1 && s.doc.compare ? 1 : 0;
  const id = scene === 1 ? (s.doc.compare as string) : s.doc.scenario;
  const roster = resolveOrDefault(s.library, id, scene === 0 ? s.doc.file : null).spec.actors;
  if (scene === s.selected.scene && roster.some((a) => a.id === s.selected.actor)) return s;
  const actor = roster.some((a) => a.id === s.selected.actor)
    ? s.selected.actor
    : roster.some((a) => a.id === 'RU')
      ? 'RU'
      : roster[0].id;
  return { ...s, selected: { scene, actor } };
}

function setLever(s: AppState, name: LeverName, value: number, final: boolean): AppState {
  const info = LEVERS.find((l) => l.name === name);
  if (!info || !Number.isFinite(value)) return s;
  const v = Math.max(info.min, Math.min(info.max, value));
  const tl = timelineOf(s.library, s.doc);
  const at = laneStep(tl.a, s.doc.t);
  if (!at.inside) {
    return say(s, {
      id: 'lever-outside',
      kind: 'warn',
      text: `${s.doc.scenario} runs ${laneRange(tl.a)}: move the timeline into it to change its levers (the date shown is ${formatQuarter(tl.origin + s.doc.t)}).`,
      details: [],
      ttl: 8000,
    });
  }
  const { edits, later } = addEdit(s.doc.edits, { t: at.step, name, value: v });
  const gesture = `${name}@${at.step}`;
  let next = commit(s, { ...s.doc, edits }, gesture, final);
  if (next === s) return s;
  if (later.length > 0 && s.history.pending !== gesture) {
    const start = specOf(s).start;
    next = say(next, {
      id: 'later',
      kind: 'ok',
      text: `Your later changes still apply from their own quarters (the run is recomputed with all of them):`,
      details: later.map(
        (e) =>
          `${e.name} ${fmtLever(e.value, LEVERS.find((l) => l.name === e.name)?.max ?? 1)} from ${formatQuarter(start + e.t)}`,
      ),
      ttl: 0,
      action: { label: 'remove them', intent: { type: 'removeEdits', after: at.step } },
    });
  }
  return next;
}

function setSeed(s: AppState, text: string): AppState {
  const t = text.trim();
  let problem = '';
  if (t === '') problem = 'the field is empty';
  else if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) problem = `"${t}" is not a number`;
  else {
    const v = Number(t);
    if (v < 0) problem = `${t} is negative`;
    else if (!Number.isInteger(v)) problem = `${t} is not a whole number`;
    else if (v > MAX_SEED) problem = `${t} is larger than ${MAX_SEED}`;
    else if (!/^\+?\d+$/.test(t)) problem = `write it as digits only, not "${t}"`;
    else return unsay(commit(s, { ...s.doc, seed: v }), 'seed');
  }
  return say(s, {
    id: 'seed',
    kind: 'warn',
    text: `A seed is a whole number from 0 to ${MAX_SEED}: ${problem}. The seed stays ${s.doc.seed}.`,
    details: [],
    ttl: 8000,
  });
}

function setCompare(s: AppState, id: string | null): AppState {
  let next = s;
  let target = id;
  if (target !== null && !libraryIds(s.library).includes(target)) return s;
  if (target !== null && target === s.doc.scenario) {
    target = counterpart(s.library, target);
    next = say(next, {
      id: 'compare',
      kind: 'warn',
      text: `A scenario is not compared with itself; comparing with "${target}".`,
      details: [],
      ttl: 6000,
    });
  }
  return rosterFix(commit(next, keepDate(s, s.doc, { ...s.doc, compare: target })));
}

function setScenario(s: AppState, id: string): AppState {
  if (id === s.doc.scenario || !libraryIds(s.library).includes(id)) return s;
  const versions = importedVersions(s.library, id);
  const compare = s.doc.compare === id ? counterpart(s.library, id) : s.doc.compare;
  const doc: Doc = { ...s.doc, scenario: id, file: versions[0]?.fp ?? null, t: 0, edits: [], weights: {}, compare };
  return rosterFix(unsay(commit(s, doc), 'later'));
}

function setWeight(s: AppState, actor: string, term: string, value: number): AppState {
  if (!Number.isFinite(value)) return s;
  const v = Math.max(0, Math.min(10, value));
  const weights: WeightEdits = { ...s.doc.weights, [actor]: { ...(s.doc.weights[actor] ?? {}), [term]: v } };
  return commit(s, { ...s.doc, weights });
}

function importFile(s: AppState, text: string | null, fileName: string, problem = ''): AppState {
  const fp = text === null ? '' : fingerprint(text);
  const r = text === null ? failed([problem]) : loadText(fp, text);
  if (!r.ok || text === null) {
    const n = r.ok ? 1 : r.total;
    return say(s, {
      id: 'import',
      kind: 'error',
      text: `Could not import "${fileName}": ${n} problem${n > 1 ? 's' : ''}. The current run is kept.`,
      details: capDetails(r.ok ? [problem] : r.errors),
      ttl: 0,
    });
  }
  const id = appId(r.file.id);
  const library = addImport(s.library, { id, fp, name: fileName, text });
  const withLib = { ...s, library };
  const doc: Doc = {
    ...s.doc,
    scenario: id,
    file: fp,
    t: 0,
    edits: [],
    weights: {},
    compare: s.doc.compare === id ? null : s.doc.compare,
  };
  return rosterFix(
    say(commit(withLib, doc), {
      id: 'import',
      kind: 'ok',
      text: `Imported "${r.spec.title}" as scenario ${id}.`,
      details: [],
      ttl: 8000,
    }),
  );
}

/** The document an example sets up (lever changes dated; weights; compare; the quarter shown). */
export function exampleDoc(s: AppState, setup: ExampleSetup): Doc | string {
  const ids = libraryIds(s.library);
  if (!ids.includes(setup.scenario)) return `the example needs the scenario "${setup.scenario}"`;
  const spec = resolveOrDefault(s.library, setup.scenario).spec;
  const edits: LeverEdit[] = [];
  for (const x of setup.set ?? []) {
    const q = x.at ? parseQuarter(x.at) : spec.start;
    if (q === null || q < spec.start || q > spec.start + spec.steps)
      return `the date ${x.at} is outside ${setup.scenario}`;
    const { edits: e } = addEdit(edits, { t: q - spec.start, name: x.lever, value: x.value });
    edits.splice(0, edits.length, ...e);
  }
  const compare =
    setup.compare && ids.includes(setup.compare) && setup.compare !== setup.scenario ? setup.compare : null;
  const base: Doc = {
    scenario: setup.scenario,
    file: null,
    seed: setup.seed ?? s.doc.seed,
    t: 0,
    edits,
    weights: setup.weights ?? {},
    compare,
  };
  const tl = timelineOf(s.library, base);
  let t = tl.last;
  if (setup.show === 'start') t = tl.a.offset;
  else if (setup.show && setup.show !== 'end') {
    const q = parseQuarter(setup.show);
    if (q !== null) t = q - tl.origin;
  }
  return { ...base, t };
}

export function reduce(s: AppState, intent: Intent): AppState {
  switch (intent.type) {
    case 'seek':
      return seek(s, intent.t, intent.animate ?? false);
    case 'step': {
      const next = seek(s, s.doc.t + intent.by, true);
      return next.playing ? { ...next, playing: false } : next;
    }
    case 'play': {
      if (s.playing) return s;
      const tl = timelineOf(s.library, s.doc);
      const restart = s.doc.t >= tl.last ? seek(s, 0, false) : s;
      return { ...restart, playing: true };
    }
    case 'pause':
      return s.playing ? { ...s, playing: false } : s;
    case 'togglePlay':
      return reduce(s, { type: s.playing ? 'pause' : 'play' });
    case 'setScenario':
      return setScenario(s, intent.id);
    case 'setSeed':
      return setSeed(s, intent.text);
    case 'newSeed':
      return unsay(commit(s, { ...s.doc, seed: (s.doc.seed + 1) % 2 ** 32 }), 'seed');
    case 'setCompare':
      return setCompare(s, intent.id);
    case 'toggleCompare':
      return setCompare(s, s.doc.compare ? null : counterpart(s.library, s.doc.scenario));
    case 'setLever':
      return setLever(s, intent.name, intent.value, intent.final);
    case 'removeEdits': {
      const gone = (e: LeverEdit) =>
        (intent.lever === undefined || e.name === intent.lever) &&
        (intent.after === undefined || e.t > intent.after) &&
        (intent.at === undefined || e.t === intent.at);
      return unsay(commit(s, { ...s.doc, edits: s.doc.edits.filter((e) => !gone(e)) }), 'later');
    }
    case 'setWeight':
      return setWeight(s, intent.actor, intent.term, intent.value);
    case 'resetWeights':
      return commit(s, { ...s.doc, weights: {} });
    case 'resetAll':
      return unsay(commit(s, { ...s.doc, edits: [], weights: {} }), 'later');
    case 'import':
      return 'text' in intent
        ? importFile(s, intent.text, intent.fileName)
        : importFile(s, null, intent.fileName, intent.problem);
    case 'example': {
      const doc = exampleDoc(s, intent.setup);
      if (typeof doc === 'string')
        return say(s, {
          id: 'example',
          kind: 'warn',
          text: `Could not set up "${intent.title}": ${doc}.`,
          details: [],
          ttl: 8000,
        });
      return rosterFix(
        say(unsay(commit({ ...s, info: false, playing: false }, doc), 'later'), {
          id: 'example',
          kind: 'ok',
          text: `Set up "${intent.title}". Undo (Ctrl+Z) goes back to where you were.`,
          details: [],
          ttl: 8000,
        }),
      );
    }
    case 'undo':
      return moveTo(s, s.history.index - 1, 'undo');
    case 'redo':
      return moveTo(s, s.history.index + 1, 'redo');
    case 'goto':
      return moveTo(s, intent.entry - s.history.dropped, 'goto');
    case 'navigate': {
      const parsed = parse(intent.query, parseContext(s.library));
      const next: AppState = {
        ...s,
        doc: parsed.doc,
        playing: false,
        history: { entries: [parsed.doc], index: 0, op: 'navigate', pending: null, dropped: intent.entry },
      };
      return rosterFix(
        parsed.problems.length
          ? say(next, {
              id: 'link',
              kind: 'warn',
              text: 'This page had problems; the rest of it is shown:',
              details: parsed.problems,
              ttl: 0,
            })
          : next,
      );
    }
    case 'select':
      if (intent.scene === 1 && !s.doc.compare) return s;
      return { ...s, selected: { scene: intent.scene, actor: intent.actor }, side: 'explain' };
    case 'hover': {
      const h = intent.actor === null ? null : { scene: intent.scene, actor: intent.actor };
      if (h === s.hovered || (h && s.hovered && h.scene === s.hovered.scene && h.actor === s.hovered.actor)) return s;
      return { ...s, hovered: h };
    }
    case 'setTab':
      return intent.tab === s.tab ? s : { ...s, tab: intent.tab };
    case 'setSide':
      return intent.side === s.side ? s : { ...s, side: intent.side };
    case 'sortTable': {
      const dir = s.sort.key === intent.key ? (-s.sort.dir as 1 | -1) : 1;
      return { ...s, sort: { key: intent.key, dir } };
    }
    case 'setTheme':
      return intent.mode === s.theme ? s : { ...s, theme: intent.mode };
    case 'drawer':
      return intent.open === s.drawer ? s : { ...s, drawer: intent.open };
    case 'info':
      return intent.open === s.info ? s : { ...s, info: intent.open, playing: intent.open ? false : s.playing };
    case 'message':
      return say(s, { ...intent.message, details: capDetails(intent.message.details) });
    case 'dismiss':
      return unsay(s, intent.id);
    case 'jobRequest': {
      const slot = s.jobs[intent.kind] ?? EMPTY_SLOT;
      if (slot.key === intent.key) return s;
      return { ...s, jobs: { ...s.jobs, [intent.kind]: requestJob(slot, intent.key, intent.now) } };
    }
    case 'jobRetry': {
      if (intent.kind !== '*') {
        const slot = s.jobs[intent.kind];
        return slot ? { ...s, jobs: { ...s.jobs, [intent.kind]: retryJob(slot, intent.now) } } : s;
      }
      const jobs: Record<string, JobSlot> = {};
      for (const [k, slot] of Object.entries(s.jobs)) jobs[k] = retryJob(slot, intent.now);
      return unsay({ ...s, jobs }, 'worker');
    }
    case 'jobProgress':
    case 'jobResult':
    case 'jobError': {
      const slot = s.jobs[intent.kind];
      if (!slot) return s;
      const next =
        intent.type === 'jobProgress'
          ? jobProgress(slot, intent.gen, intent.done)
          : intent.type === 'jobResult'
            ? jobResult(slot, intent.gen, intent.value, intent.now)
            : jobError(slot, intent.gen, intent.error);
      return next === slot ? s : { ...s, jobs: { ...s.jobs, [intent.kind]: next } };
    }
    default:
      return s;
  }
}

export type { WeightEdits };
