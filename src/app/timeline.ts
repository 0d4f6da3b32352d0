// One timeline for the view, in quarters. Alone, it is run A's steps. In compare mode it spans both
// runs from the earlier start to the later end, so two scenarios are aligned by date where they
// overlap and each keeps its whole horizon where they do not (pre-2022 then post-ukraine, side by side
// in time). A run outside the date shown holds its first or last state and says so.
import { formatQuarter } from '../model/time';

export interface Lane {
  /** Timeline step of this run's step 0. */
  offset: number;
  /** The run's last step. */
  steps: number;
  start: number;
}

export interface Timeline {
  /** Quarter index of timeline step 0. */
  origin: number;
  /** Last timeline step. */
  last: number;
  a: Lane;
  b: Lane | null;
  /** The two runs share at least one quarter. */
  overlap: boolean;
}

export interface LaneStep {
  /** The run's step to show (clamped to its range). */
  step: number;
  /** The date shown is inside the run's range. */
  inside: boolean;
  /** -1 before the run starts, 1 after it ends, 0 inside. */
  side: -1 | 0 | 1;
}

export function makeTimeline(
  a: { start: number; steps: number },
  b: { start: number; steps: number } | null,
): Timeline {
  if (!b)
    return { origin: a.start, last: a.steps, a: { offset: 0, steps: a.steps, start: a.start }, b: null, overlap: true };
  const origin = Math.min(a.start, b.start);
  const end = Math.max(a.start + a.steps, b.start + b.steps);
  const overlap = Math.max(a.start, b.start) <= Math.min(a.start + a.steps, b.start + b.steps);
  return {
    origin,
    last: end - origin,
    a: { offset: a.start - origin, steps: a.steps, start: a.start },
    b: { offset: b.start - origin, steps: b.steps, start: b.start },
    overlap,
  };
}

export function laneStep(lane: Lane, t: number): LaneStep {
  const s = t - lane.offset;
  if (s < 0) return { step: 0, inside: false, side: -1 };
  if (s > lane.steps) return { step: lane.steps, inside: false, side: 1 };
  return { step: s, inside: true, side: 0 };
}

export function dateAt(tl: Timeline, t: number): string {
  return formatQuarter(tl.origin + t);
}

/** "2022Q1–2025Q4" */
export function laneRange(lane: Lane): string {
  return `${formatQuarter(lane.start)}–${formatQuarter(lane.start + lane.steps)}`;
}
