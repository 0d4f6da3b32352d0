// Downloads: the scenario as JSON, the run as CSV (the CLI's `run --format csv` columns), the picture as PNG.
import type { LeverEdit } from '../app/state';
import { formatQuarter } from '../model/time';
import type { ScenarioFile } from '../scenario/schema';
import { runCsv as writeRunCsv } from '../sim/csv';
import type { Run, StepRecord } from '../sim/run';

/** Same file as `sim run --format csv` (one shared writer, src/sim/csv.ts); the app's lever changes are listed as such. */
export function runCsv(run: Run, records: readonly StepRecord[], edits: readonly LeverEdit[]): string {
  const spec = run.world.spec;
  const pinned = Object.entries(spec.pinned)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${v}`);
  const changes = edits.map((e) => `${e.name}=${e.value}@${formatQuarter(spec.start + e.t)}`);
  return writeRunCsv(run, records, { pinned: pinned.join(' '), changes: changes.join(' ') });
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
 *   (exportCheck) and says so when it does not reproduce the run.
 */
export function scenarioJson(
  file: ScenarioFile,
  edits: readonly LeverEdit[],
  startQuarter: number,
  seed?: number,
): string {
  const out: ScenarioFile = structuredClone(file);
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

/** Save `href` as a file named `name` (the browser's download, through a temporary link). */
function clickDownload(name: string, href: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
}

export function download(name: string, content: string | Blob, type = 'text/plain'): void {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  clickDownload(name, url);
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadDataUrl(name: string, dataUrl: string): void {
  clickDownload(name, dataUrl);
}
