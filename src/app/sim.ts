// From app state to computed runs. The whole horizon is computed on every change (a few ms), so the view
// can draw the full trajectory and scrubbing is a lookup: cause and effect seen at once.
import { LEVER_NAMES } from '../model/levers';
import type { ModelSpec } from '../model/spec';
import { formatQuarter } from '../model/time';
import { type LoadResult, loadScenario, parseScenarioText, withWeightEdits } from '../scenario/load';
import { DEFAULT_PRESET, loadPreset, PRESET_IDS } from '../scenario/presets';
import type { ScenarioFile } from '../scenario/schema';
import { runWithChanges, sortChanges } from '../sim/replay';
import { Run, type StepRecord } from '../sim/run';
import type { LeverEdit, WeightEdits } from './state';

/** Scenario sources: the presets and, at most, one imported file (kept in this browser). */
export class Library {
  private imported: { id: string; result: LoadResult & { ok: true } } | null = null;

  get ids(): string[] {
    return this.imported && !PRESET_IDS.includes(this.imported.id)
      ? [...PRESET_IDS, this.imported.id]
      : [...PRESET_IDS];
  }

  get importedId(): string | null {
    return this.imported?.id ?? null;
  }

  setImported(result: LoadResult & { ok: true }): string {
    // An imported file whose id is a preset's would shadow it: give it a distinct id.
    let id = result.file.id;
    if (PRESET_IDS.includes(id)) id = `${id}-imported`;
    this.imported = { id, result };
    return id;
  }

  load(id: string): LoadResult {
    if (this.imported && id === this.imported.id) return this.imported.result;
    return loadPreset(id);
  }

  loadOrDefault(id: string): LoadResult & { ok: true } {
    const r = this.load(id);
    if (r.ok) return r;
    const d = loadPreset(DEFAULT_PRESET);
    if (!d.ok) throw new Error(`the default scenario does not load: ${d.errors.join('; ')}`);
    return d;
  }
}

export interface Computed {
  id: string;
  title: string;
  file: ScenarioFile;
  spec: ModelSpec;
  run: Run;
  horizon: number;
  records: StepRecord[];
  /** Lever values at which each lever was set by the user, by step. */
  edits: LeverEdit[];
}

/** Apply weight edits to a scenario file and compile it again (weights apply to the whole run). */
export function withWeights(file: ScenarioFile, weights: WeightEdits): LoadResult {
  return loadScenario(withWeightEdits(file, weights));
}

export function compute(
  id: string,
  base: LoadResult & { ok: true },
  seed: number,
  edits: readonly LeverEdit[],
  weights: WeightEdits,
  horizon = base.spec.steps,
): Computed {
  let spec = base.spec;
  let file = base.file;
  if (Object.keys(weights).length > 0) {
    const r = withWeights(base.file, weights);
    if (r.ok) {
      spec = r.spec;
      file = r.file;
    }
  }
  const sorted = sortChanges(edits);
  const run = runWithChanges(spec, seed, sorted, horizon, true);
  const records: StepRecord[] = [];
  for (let t = 0; t <= horizon; t++) records.push(run.recordAt(t));
  return { id, title: spec.title, file, spec, run, horizon, records, edits: sorted };
}

/**
 * The same as compute() after a slider change at step t0, reusing the previous run up to t0: the
 * history before t0 cannot change (Run.setLever at t0 drops only what follows), so only t0..horizon is
 * recomputed. Falls back to a full compute when the previous run does not fit (other scenario, seed,
 * weights or horizon, or edits before t0 that differ).
 */
export function recomputeFrom(
  prev: Computed,
  id: string,
  base: LoadResult & { ok: true },
  seed: number,
  edits: readonly LeverEdit[],
  weights: WeightEdits,
  horizon: number,
  t0: number,
): Computed {
  const sorted = sortChanges(edits);
  const before = (list: readonly LeverEdit[]) => JSON.stringify(list.filter((e) => e.t < t0));
  const atT0 = sorted.filter((e) => e.t === t0);
  const fits =
    prev.id === id &&
    prev.run.seed === seed &&
    prev.horizon === horizon &&
    Object.keys(weights).length === 0 &&
    prev.spec === base.spec &&
    before(prev.edits) === before(sorted) &&
    sorted.every((e) => e.t <= t0) &&
    prev.edits.filter((e) => e.t === t0).every((p) => atT0.some((e) => e.name === p.name)) &&
    prev.run.computed >= t0;
  if (!fits) return compute(id, base, seed, edits, weights, horizon);
  const run = prev.run;
  run.seek(t0);
  for (const e of atT0) run.setLever(e.name, e.value);
  run.runTo(horizon);
  const records = prev.records.slice(0, t0);
  for (let t = t0; t <= horizon; t++) records.push(run.recordAt(t));
  return { ...prev, run, records, edits: sorted };
}

/**
 * Whether a scenario file's run retraces a reference run: every state variable at every step up to
 * `steps`, except which levers are pinned and which events have fired (a file carries a slider change
 * as an extra event, so those differ, and with them the hash). Returns the first difference in words.
 */
export function retraces(text: string, seed: number, reference: Run, steps: number): string | null {
  const r = parseScenarioText(text);
  if (!r.ok) return `the file does not load: ${r.errors[0]}`;
  const run = new Run(r.spec, { seed, record: false });
  const fields = ['levers', 'ties', 'trade', 'other', 'energy', 'rfe', 'moves', 'policy'] as const;
  for (let t = 0; t <= steps; t++) {
    run.seek(t);
    const a = reference.stateAt(t);
    const b = run.stateAt(t);
    const date = formatQuarter(reference.world.spec.start + t);
    for (const f of fields) {
      const x = a[f];
      const y = b[f];
      for (let k = 0; k < x.length; k++) {
        if (!Object.is(x[k], y[k])) {
          const what = f === 'levers' ? `lever ${LEVER_NAMES[k]}` : f;
          return `${what} differs from ${date} (app ${x[k]}, file ${y[k]})`;
        }
      }
    }
    if (a.eastCap !== b.eastCap || a.rfeDev !== b.rfeDev || JSON.stringify(a.rng) !== JSON.stringify(b.rng))
      return `the state differs from ${date}`;
  }
  return null;
}
