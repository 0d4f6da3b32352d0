// The claims map the app shows is computed ahead (a full map costs minutes of CPU: about 2 s per point
// of 20 seeds, 64 points) by `npm run claims-map:data` and committed as src/data/claims-map.json. The
// file says how it was made (the command, sample size, seeds) and with which model: the model's
// fingerprint is the hash of every preset's seed-1 run at its horizon, so a change to the model, a
// preset or a default parameter changes it. tests/unit/claimsMapFile.test.ts fails when the file no
// longer matches what the model computes (fingerprint, parameters, claims, and a few points recomputed).
import { Hasher } from '../model/hash';
import { loadPreset, PRESET_IDS } from '../scenario/presets';
import { analyseMap, type ClaimsMapPlan, type ClaimsMapResult, type MapPointResult } from './claimsMap';
import { Run } from './run';

export const MAP_FILE_COMMAND = 'npm run claims-map:data';

export interface ClaimsMapFile {
  /** What made the file, and the CLI command that prints the same map. */
  command: string;
  cli: string;
  fingerprint: { digest: string; runs: Record<string, string> };
  /** Informative: the package version and the commit the sources were at. */
  version: string;
  commit: string;
  /** Wall-clock seconds to compute, on this many worker threads (informative). */
  seconds: number;
  workers: number;
  plan: ClaimsMapPlan;
  points: MapPointResult[];
  result: ClaimsMapResult;
}

/** Every preset's seed-1 run hashed at its horizon, and one digest of them all. */
export function modelFingerprint(): ClaimsMapFile['fingerprint'] {
  const runs: Record<string, string> = {};
  const all = new Hasher();
  for (const id of PRESET_IDS) {
    const r = loadPreset(id);
    if (!r.ok) throw new Error(`preset ${id}: ${r.errors.join('; ')}`);
    const run = new Run(r.spec, { seed: 1 });
    run.runTo(r.spec.steps);
    runs[id] = run.hash(r.spec.steps);
    for (let i = 0; i < runs[id].length; i += 8) all.addNumber(Number.parseInt(runs[id].slice(i, i + 8), 16));
  }
  return { digest: all.digest(), runs };
}

export function cliCommand(plan: ClaimsMapPlan): string {
  return `npm run --silent sim -- claims-map --samples ${plan.samples} --seeds ${plan.seeds} --design-seed ${plan.designSeed}`;
}

export function claimsMapFile(
  plan: ClaimsMapPlan,
  points: MapPointResult[],
  meta: { version: string; commit: string; seconds: number; workers: number },
): ClaimsMapFile {
  return {
    command: MAP_FILE_COMMAND,
    cli: cliCommand(plan),
    fingerprint: modelFingerprint(),
    ...meta,
    plan,
    points,
    result: analyseMap(plan, points),
  };
}
