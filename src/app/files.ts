// The files the app writes: the scenario with the user's changes written in (checked by running it),
// and the run as CSV, the CLI's own writer with the user's changes and weights in its comment line.
import { LEVER_NAMES } from '../model/levers';
import { formatQuarter } from '../model/time';
import { parseScenarioText } from '../scenario/load';
import type { ScenarioFile } from '../scenario/schema';
import { runCsv as writeRunCsv } from '../sim/csv';
import { Run, type StepRecord, toSnapshot } from '../sim/run';
import type { LeverEdit, WeightEdits } from './doc';

function weightsText(w: WeightEdits): string {
  const out: string[] = [];
  for (const actor of Object.keys(w).sort())
    for (const [term, v] of Object.entries(w[actor]).sort()) if (v !== undefined) out.push(`${actor}.${term}=${v}`);
  return out.join(' ');
}

/** Same file as `sim run --format csv` (src/sim/csv.ts); the app's lever changes and weights are listed in its first line. */
export function runCsv(
  run: Run,
  records: readonly StepRecord[],
  edits: readonly LeverEdit[],
  weights: WeightEdits,
): string {
  const spec = run.world.spec;
  const pinned = Object.entries(spec.pinned)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${v}`);
  const changes = edits.map((e) => `${e.name}=${e.value}@${formatQuarter(spec.start + e.t)}`);
  return writeRunCsv(run, records, {
    pinned: pinned.join(' '),
    changes: changes.join(' '),
    weights: weightsText(weights),
  });
}

/**
 * The scenario as a file that reproduces the app's run (`sim run --scenario file --seed s`): weight
 * changes are written into `weights`, and each lever change holds exactly as the app's slider does.
 * - A change at step 0 goes into `pinned` (as `--set` does).
 * - A change at step k > 0 becomes an event at that quarter with `pin: true`: it sets the lever after
 *   the scenario's own events of that quarter (it comes later in the file) and pins it, so later events
 *   and decisions leave it, as run.setLever does.
 * - A pinned lever cannot be set again (a pinning event skips it). So when a lever changes more than
 *   once, or the scenario pins it and the user changes it later, every value but the last is written
 *   as an event without `pin` that holds it until the next change. That is exact unless another event
 *   or an actor's decision would move the lever in between; the app checks the file by running it
 *   (retraces) and says so when it does not reproduce the run.
 */
export function scenarioJson(
  file: ScenarioFile,
  edits: readonly LeverEdit[],
  startQuarter: number,
  seed?: number,
): string {
  const out: ScenarioFile = JSON.parse(JSON.stringify(file)) as ScenarioFile;
  const pinned = { ...out.pinned };
  const events = [...out.events];
  if (seed !== undefined) out.seed = seed;
  const byLever = new Map<LeverEdit['name'], LeverEdit[]>();
  for (const e of [...edits].sort((a, b) => a.t - b.t)) byLever.set(e.name, [...(byLever.get(e.name) ?? []), e]);
  const notes: string[] = [];
  for (const [name, seq] of byLever) {
    const from = file.pinned[name];
    // The scenario's own pin is the lever's first value when the user changes it only later.
    const values = from !== undefined && seq[0].t > 0 ? [{ t: 0, name, value: from, own: true }, ...seq] : seq;
    values.forEach((e, k) => {
      const last = k === values.length - 1;
      const when = formatQuarter(startQuarter + e.t);
      if (!('own' in e)) notes.push(`${name} ${e.value} from ${when}`);
      if (last && e.t === 0) {
        pinned[name] = e.value;
        return;
      }
      if (e.t === 0) delete pinned[name];
      const what = 'own' in e ? 'held by the scenario' : 'set in the app';
      events.push({
        at: when,
        set: { [name]: e.value },
        label: `${name} ${what}: ${e.value}${last ? '' : ' until the next change'}`.slice(0, 120),
        ...(last ? { pin: true } : {}),
      });
    });
  }
  out.pinned = pinned;
  out.events = events;
  if (notes.length || seed !== undefined) {
    out.description = `${out.description.trim()}\n\nExported from the app${seed !== undefined ? ` with seed ${seed}` : ''}${
      notes.length ? `; lever changes: ${notes.join(', ')}` : ''
    }.`;
  }
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** Parts of the snapshot a file cannot match: which levers are pinned and which events fired (a file
 * carries a slider change as an extra event, so those differ), and the snapshot's hash, which covers them. */
const NOT_COMPARED = new Set(['t', 'pinned', 'fired', 'hash']);

function same(x: unknown, y: unknown): boolean {
  if (typeof x === 'number' && typeof y === 'number') return Object.is(x, y);
  if (Array.isArray(x) && Array.isArray(y)) return x.length === y.length && x.every((v, k) => same(v, y[k]));
  if (x && y && typeof x === 'object' && typeof y === 'object') {
    const kx = Object.keys(x);
    return kx.length === Object.keys(y).length && kx.every((k) => same((x as never)[k], (y as never)[k]));
  }
  return x === y;
}

/**
 * Whether a scenario file's run retraces a reference run: every part of the state (as the sim's
 * snapshot holds it) at every step up to `steps`, except pins and fired events. Returns the first
 * difference in words, or null.
 */
export function retraces(text: string, seed: number, reference: Run, steps: number): string | null {
  const r = parseScenarioText(text);
  if (!r.ok) return `the file does not load: ${r.errors[0]}`;
  const run = new Run(r.spec, { seed, record: false });
  for (let t = 0; t <= steps; t++) {
    run.seek(t);
    const a = toSnapshot(reference.stateAt(t)) as unknown as Record<string, unknown>;
    const b = toSnapshot(run.stateAt(t)) as unknown as Record<string, unknown>;
    const date = formatQuarter(reference.world.spec.start + t);
    for (const f of Object.keys(a)) {
      if (NOT_COMPARED.has(f) || same(a[f], b[f])) continue;
      const x = a[f];
      const y = b[f];
      if (f === 'levers' && Array.isArray(x) && Array.isArray(y)) {
        const k = x.findIndex((v, i) => !Object.is(v, y[i]));
        return `lever ${LEVER_NAMES[k]} differs from ${date} (app ${x[k]}, file ${y[k]})`;
      }
      return `${f} differs from ${date}`;
    }
  }
  return null;
}
