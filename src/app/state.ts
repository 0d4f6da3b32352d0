// The app's whole state as plain data: the document (what a link carries and undo steps through), its
// history, the imported scenarios, what is selected and shown, messages, and the slots of results
// computed off the main thread. Only the reducer makes a new one.
import { DEFAULT_PRESET } from '../scenario/presets';
import { type Doc, type ParseContext, parse, type Tab } from './doc';
import type { JobSlot } from './jobs';
import { counterpart, importedVersions, type Library, libraryIds, resolve, resolveOrDefault } from './library';
import { makeTimeline, type Timeline } from './timeline';

export type MessageKind = 'warn' | 'error' | 'ok';

export interface Message {
  id: string;
  kind: MessageKind;
  text: string;
  details: readonly string[];
  /** ms until it closes by itself; 0 stays until dismissed. */
  ttl: number;
  /** A button in the message that dispatches an intent. */
  action?: { label: string; intent: import('./intents').Intent };
  /** Increases with every message shown, so a view can tell a repeated message from the same one. */
  seq: number;
}

export interface Focus {
  /** 0: scene A, 1: scene B (compare mode). */
  scene: 0 | 1;
  actor: string;
}

export type ThemeMode = 'auto' | 'light' | 'dark';
export type SideTab = 'controls' | 'explain';

/** How the document last changed: the browser's history follows (push a new entry, or replace it). */
export type HistoryOp = 'init' | 'push' | 'replace' | 'undo' | 'redo' | 'goto' | 'navigate';

export interface History {
  /** Every document state the user made, oldest first; `index` is the one shown. */
  entries: readonly Doc[];
  index: number;
  op: HistoryOp;
  /** A drag in progress ("lever@step"): its changes replace the entry it started. */
  pending: string | null;
  /** Entries dropped from the front (the cap), so a browser entry's number still maps to ours. */
  dropped: number;
}

export const HISTORY_MAX = 100;

export interface TableSort {
  key: string;
  dir: 1 | -1;
}

export interface AppState {
  library: Library;
  doc: Doc;
  history: History;
  tab: Tab;
  side: SideTab;
  selected: Focus;
  hovered: Focus | null;
  playing: boolean;
  /** The last move in time eases (a step) or jumps (a scrub). */
  animate: boolean;
  theme: ThemeMode;
  drawer: boolean;
  info: boolean;
  sort: TableSort;
  messages: readonly Message[];
  seq: number;
  jobs: Readonly<Record<string, JobSlot>>;
}

export function timelineOf(lib: Library, doc: Pick<Doc, 'scenario' | 'file' | 'compare'>): Timeline {
  const a = resolveOrDefault(lib, doc.scenario, doc.file).spec;
  const b = doc.compare ? resolve(lib, doc.compare)?.spec : null;
  return makeTimeline({ start: a.start, steps: a.steps }, b ? { start: b.start, steps: b.steps } : null);
}

export function parseContext(lib: Library): ParseContext {
  const ids = libraryIds(lib);
  return {
    known: ids,
    defaultScenario: DEFAULT_PRESET,
    defaultSeed: (id) => resolveOrDefault(lib, id).spec.seed,
    imported: (id) => {
      const v = importedVersions(lib, id);
      return v.length ? { latest: v[0].fp, has: (fp) => v.some((f) => f.fp === fp) } : null;
    },
    horizon: (id, cmp) => timelineOf(lib, { scenario: id, file: null, compare: cmp }).last,
    steps: (id) => resolveOrDefault(lib, id).spec.steps,
    counterpart: (id) => counterpart(lib, id),
    actors: (id) => resolveOrDefault(lib, id).spec.actors.map((a) => a.id),
  };
}

export interface StartInput {
  /** The page's query string. */
  query: string;
  /** The view saved at the last visit (a query string), used when the page's own has no state. */
  saved: string | null;
  library: Library;
  theme: ThemeMode;
  /** The browser history entry this page shows (kept across reloads), so Back maps onto our history. */
  entry?: number;
}

export function initialState(input: StartInput, fromPage: boolean): AppState {
  const query = fromPage ? input.query : (input.saved ?? '');
  const parsed = parse(query, parseContext(input.library));
  const messages: Message[] = [];
  if (parsed.problems.length > 0) {
    messages.push({
      id: 'link',
      kind: 'warn',
      text: fromPage
        ? 'This link had problems; the rest of it is shown:'
        : 'Your saved view had problems; the rest of it is shown:',
      details: parsed.problems,
      ttl: 0,
      seq: 1,
    });
  }
  const roster = resolveOrDefault(input.library, parsed.doc.scenario, parsed.doc.file).spec.actors;
  return {
    library: input.library,
    doc: parsed.doc,
    history: { entries: [parsed.doc], index: 0, op: 'init', pending: null, dropped: input.entry ?? 0 },
    tab: parsed.tab,
    side: 'controls',
    selected: { scene: 0, actor: roster.some((a) => a.id === 'RU') ? 'RU' : roster[0].id },
    hovered: null,
    playing: false,
    animate: false,
    theme: input.theme,
    drawer: false,
    info: false,
    sort: { key: 't', dir: 1 },
    messages,
    seq: messages.length,
    jobs: {},
  };
}
