// Cause and effect in words: what the user's changes did to the run (against the unedited run), what
// differs most between two scenarios at a date, and which scheduled events a change stops from moving
// a lever. Everything is read from the runs and the scenario; nothing here knows the model's numbers.
import type { LeverName } from '../model/levers';
import type { ModelSpec } from '../model/spec';
import { formatQuarter } from '../model/time';
import type { StepRecord } from '../sim/run';
import type { LeverEdit } from './doc';
import { CONFIG_NAMES, fmt } from './format';
import { isTieKey, metricLabel } from './labels';

export interface Difference {
  name: string;
  label: string;
  a: number;
  b: number;
  /** a - b */
  d: number;
}

/** Differences smaller than this are not worth a word (two significant digits hide them anyway). */
export const NOTABLE = 0.005;

/** Every indicator and tie of two records, largest absolute difference first. */
export function differences(a: StepRecord, b: StepRecord, spec: ModelSpec | null = null): Difference[] {
  const out: Difference[] = [];
  const add = (name: string, va: number | undefined, vb: number | undefined) => {
    if (va === undefined || vb === undefined || !Number.isFinite(va) || !Number.isFinite(vb)) return;
    out.push({ name, label: metricLabel(name, spec).long, a: va, b: vb, d: va - vb });
  };
  for (const name of Object.keys(a.indicators)) add(name, a.indicators[name], b.indicators[name]);
  for (const name of Object.keys(a.ties)) add(name, a.ties[name], b.ties[name]);
  return out.sort((x, y) => Math.abs(y.d) - Math.abs(x.d) || (x.name < y.name ? -1 : 1));
}

export interface WhatChanged {
  date: string;
  /** The largest differences (at most `top`), notable ones only. */
  items: Difference[];
  configBefore: string;
  configAfter: string;
  /** One sentence. */
  text: string;
}

function verb(d: Difference): string {
  const tie = isTieKey(d.name);
  if (tie) return d.d > 0 ? 'warmed' : 'cooled';
  return d.d > 0 ? 'raised' : 'lowered';
}

/** What the user's changes did by the end of the run: the largest differences against the unedited run. */
export function whatChanged(edited: StepRecord, unedited: StepRecord, spec: ModelSpec, top = 3): WhatChanged {
  const diffs = differences(edited, unedited, spec).filter((d) => Math.abs(d.d) >= NOTABLE);
  const items = diffs.slice(0, top);
  const before = CONFIG_NAMES[unedited.triangle.config];
  const after = CONFIG_NAMES[edited.triangle.config];
  const parts = items.map((d) => `${verb(d)} ${d.label} by ${fmt(Math.abs(d.d))} (${fmt(d.b)} → ${fmt(d.a)})`);
  let text: string;
  if (parts.length === 0)
    text = `By ${edited.date} your changes make no visible difference (every indicator and tie within ${NOTABLE}).`;
  else text = `By ${edited.date} your changes ${joinList(parts)}.`;
  if (before !== after) text += ` The triangle ends as ${after} instead of ${before}.`;
  return { date: edited.date, items, configBefore: before, configAfter: after, text };
}

function joinList(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join('; ')} and ${parts[parts.length - 1]}`;
}

export interface Override {
  lever: LeverName;
  /** The user's change that pins the lever, and its date. */
  edit: LeverEdit;
  editDate: string;
  /** Step and date of the scenario's event that no longer moves it. */
  at: number;
  date: string;
  label: string;
  value: number;
  /** The event has a condition; it would move the lever only if the condition held. */
  conditional: string | null;
  /** The event comes at the same step as the change: the change replaces its value from then on. */
  sameStep: boolean;
}

/**
 * Scheduled events that a user's change stops from moving a lever: a change pins the lever from its
 * step on (as run.setLever does), so an event at that step or later that sets it no longer does.
 */
export function overrides(spec: ModelSpec, edits: readonly LeverEdit[]): Override[] {
  const out: Override[] = [];
  const first = new Map<LeverName, LeverEdit>();
  for (const e of [...edits].sort((x, y) => x.t - y.t)) if (!first.has(e.name)) first.set(e.name, e);
  for (const [lever, edit] of first) {
    for (const ev of spec.events) {
      const v = ev.set[lever];
      if (v === undefined || ev.at < edit.t) continue;
      out.push({
        lever,
        edit,
        editDate: formatQuarter(spec.start + edit.t),
        at: ev.at,
        date: formatQuarter(spec.start + ev.at),
        label: ev.label,
        value: v,
        conditional: ev.whenText ?? null,
        sameStep: ev.at === edit.t,
      });
    }
  }
  return out.sort((x, y) => x.at - y.at);
}

export interface Scheduled {
  at: number;
  date: string;
  label: string;
  value: number;
  conditional: string | null;
}

/** The scenario's events that set a lever at step `from` or later (what a change now would stop). */
export function scheduled(spec: ModelSpec, lever: LeverName, from: number): Scheduled[] {
  return spec.events
    .filter((ev) => ev.set[lever] !== undefined && ev.at >= from && !(lever in spec.pinned))
    .map((ev) => ({
      at: ev.at,
      date: formatQuarter(spec.start + ev.at),
      label: ev.label,
      value: ev.set[lever] as number,
      conditional: ev.whenText ?? null,
    }));
}

/** The actor whose own decisions move a lever in this scenario (e.g. Vietnam for vn_cam_ranh), if any. */
export function decider(spec: ModelSpec, lever: LeverName): string | null {
  for (const [actor, l] of Object.entries(spec.decisions)) if (l === lever) return actor;
  return null;
}
