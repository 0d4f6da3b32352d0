// Reading the state the way the views need it: the record of each run at the date shown, the summary
// sentence, what the footer's command is. Pure functions of (state, runs), so tests can call them.
import { PRESET_IDS } from '../scenario/presets';
import type { StepRecord } from '../sim/run';
import type { Computed, Runs } from './derive';
import { weightsEmpty } from './doc';
import { CONFIG_NAMES, configSentence, fmt, fmtSigned } from './format';
import { whatChanged } from './insight';
import { reproduce } from './reproduce';
import type { AppState } from './state';
import { dateAt, type LaneStep, laneRange, laneStep } from './timeline';

export interface Shown {
  run: Computed;
  rec: StepRecord;
  at: LaneStep;
}

export interface Frame {
  t: number;
  /** The date on the timeline. */
  date: string;
  a: Shown;
  b: Shown | null;
}

export function frame(s: AppState, runs: Runs): Frame {
  const tl = runs.timeline;
  const atA = laneStep(tl.a, s.doc.t);
  const a = { run: runs.a, rec: runs.a.records[atA.step], at: atA };
  let b: Shown | null = null;
  if (runs.b && tl.b) {
    const atB = laneStep(tl.b, s.doc.t);
    b = { run: runs.b, rec: runs.b.records[atB.step], at: atB };
  }
  return { t: s.doc.t, date: dateAt(tl, s.doc.t), a, b };
}

export function actorName(run: Computed, id: string): string {
  return run.spec.actors.find((a) => a.id === id)?.name ?? id;
}

/** Why a run's scene shows another date than the timeline's. */
export function outsideNote(sh: Shown, which: 'A' | 'B'): string {
  if (sh.at.inside) return '';
  const range = laneRange({ offset: 0, steps: sh.run.horizon, start: sh.run.spec.start });
  return sh.at.side < 0
    ? `${which} starts later (it runs ${range}): its first quarter is shown`
    : `${which} has ended (it runs ${range}): its last quarter is shown`;
}

export function summaryText(s: AppState, runs: Runs): string {
  const f = frame(s, runs);
  const rec = f.a.rec;
  const ind = rec.indicators;
  const name = (id: string) => actorName(runs.a, id);
  const tri = configSentence(rec.triangle.config, rec.triangle.roles, name, rec.triangle.neutral);
  const num = (v: number | undefined) => (v === undefined ? '—' : fmt(v));
  let text =
    `${rec.date}, step ${rec.t} of ${runs.a.horizon}, scenario ${runs.a.title}, seed ${s.doc.seed}. ` +
    `${CONFIG_NAMES[rec.triangle.config]}: ${tri} ` +
    `Ties: China–Russia ${fmtSigned(rec.ties['CN-RU'] ?? 0)}, US–China ${fmtSigned(rec.ties['CN-US'] ?? 0)}, US–Russia ${fmtSigned(rec.ties['RU-US'] ?? 0)}. ` +
    `Russia's dependence on China ${num(ind.ru_dependence_on_cn)}, autonomy ${num(ind.ru_autonomy)}, negotiating space ${num(ind.ru_negotiating_space)}.`;
  if (f.b) {
    const rb = f.b.rec;
    text += ` Compared with ${f.b.run.title} at ${rb.date}: ${CONFIG_NAMES[rb.triangle.config]}, dependence ${num(rb.indicators.ru_dependence_on_cn)}.`;
  }
  return text;
}

export function reproduceFor(s: AppState, runs: Runs) {
  const f = frame(s, runs);
  return reproduce({
    id: runs.a.id,
    preset: PRESET_IDS.includes(runs.a.id),
    seed: s.doc.seed,
    t: f.a.at.step,
    start: runs.a.spec.start,
    edits: s.doc.edits,
    weights: !weightsEmpty(s.doc.weights),
    exportName: `${runs.a.id}.json`,
  });
}

/** The user's changes against the unedited run at A's end, or null when nothing is edited. */
export function changedAtEnd(runs: Runs) {
  if (!runs.ghost) return null;
  const a = runs.a;
  return whatChanged(a.records[a.horizon], runs.ghost.records[runs.ghost.horizon], a.spec);
}

export function fileBase(s: AppState, runs: Runs): string {
  return `${runs.a.id}-seed${s.doc.seed}`;
}
