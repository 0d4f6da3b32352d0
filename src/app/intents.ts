// Everything that can happen to the app, as data. Views and the browser's events turn into intents;
// only the reducer turns intents into a new state.
import type { ExampleSetup } from '../data/info';
import type { LeverName } from '../model/levers';
import type { TermName } from '../model/spec';
import type { Tab } from './doc';
import type { Message, SideTab, ThemeMode } from './state';

export type Intent =
  // time
  | { type: 'seek'; t: number; animate?: boolean }
  | { type: 'step'; by: number }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'togglePlay' }
  // the document (each recorded in the history, so it can be undone)
  | { type: 'setScenario'; id: string }
  | { type: 'setSeed'; text: string }
  | { type: 'newSeed' }
  | { type: 'setCompare'; id: string | null }
  | { type: 'toggleCompare' }
  /** A lever moved at the step shown; `final` ends a drag (its moves make one history entry). */
  | { type: 'setLever'; name: LeverName; value: number; final: boolean }
  /** Remove the user's lever changes: all, or those of one lever, after step `after` or at step `at` (of run A). */
  | { type: 'removeEdits'; after?: number; at?: number; lever?: LeverName }
  | { type: 'setWeight'; actor: string; term: TermName; value: number }
  | { type: 'resetWeights' }
  | { type: 'resetAll' }
  /** A scenario file's text, or why its bytes could not be read as text. */
  | { type: 'import'; text: string; fileName: string }
  | { type: 'import'; problem: string; fileName: string }
  | { type: 'example'; setup: ExampleSetup; title: string }
  // history
  | { type: 'undo' }
  | { type: 'redo' }
  /** The browser moved to one of our entries (Back/Forward). */
  | { type: 'goto'; entry: number }
  /** The browser moved to an entry we no longer hold (before a reload): its link is all there is. */
  | { type: 'navigate'; query: string; entry: number }
  // what is shown
  | { type: 'select'; scene: 0 | 1; actor: string }
  | { type: 'hover'; scene: 0 | 1; actor: string | null }
  | { type: 'setTab'; tab: Tab }
  | { type: 'setSide'; side: SideTab }
  | { type: 'sortTable'; key: string }
  | { type: 'setTheme'; mode: ThemeMode }
  | { type: 'drawer'; open: boolean }
  | { type: 'info'; open: boolean }
  // messages
  | { type: 'message'; message: Omit<Message, 'seq'> }
  | { type: 'dismiss'; id: string }
  // results computed off the main thread
  | { type: 'jobRequest'; kind: string; key: string | null; now: number }
  | { type: 'jobProgress'; kind: string; gen: number; done: number }
  | { type: 'jobResult'; kind: string; gen: number; value: unknown; now: number }
  | { type: 'jobError'; kind: string; gen: number; error: string }
  | { type: 'jobRetry'; kind: string; now: number };
