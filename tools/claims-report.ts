// `npm run claims`: every claim of CLAIMS.md with its paired share, mean effect, unpaired d and class.
// `npm run claims -- --robustness`: each claim's verdict under every free parameter at ±25% (one at a time)
// and under a neutral 2012; a claim that holds only at the defaults is reported as fragile.
// Options: --seeds N (default 100; 40 for --robustness), --only C1,C3, --json, --workers N (default one per
// core; the runs go to worker threads, the numbers are the same for any N, 1 runs in this thread).
// A robustness study splits over processes: --part i/n runs every n-th perturbation from the i-th and
// prints one JSON line each; --from a.jsonl,b.jsonl,... reads such lines back and prints the table.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  type ClaimContext,
  type ClaimResult,
  measureClaims,
  type Perturbation,
  perturbations,
  presetContext,
} from '../src/sim/claims';
import { collectSamples, fetchSamples, withSamples } from '../src/sim/experiment';
import { cores } from '../src/sim/nodePool';
import type { Pool } from '../src/sim/pool';
import { bundlePool } from './bundle-pool';

const { values } = parseArgs({
  options: {
    robustness: { type: 'boolean' },
    seeds: { type: 'string' },
    only: { type: 'string' },
    json: { type: 'boolean' },
    part: { type: 'string' },
    from: { type: 'string' },
    workers: { type: 'string' },
  },
});
const seeds = Number(values.seeds ?? (values.robustness ? 40 : 100));
if (!Number.isInteger(seeds) || seeds < 2 || seeds > 100000) {
  console.error(`error: --seeds must be a whole number from 2 to 100000 (got "${values.seeds}")`);
  process.exit(2);
}
const only = values.only?.split(',');
const workers = Number(values.workers ?? cores());
if (!Number.isInteger(workers) || workers < 1 || workers > 256) {
  console.error(`error: --workers must be a whole number from 1 to 256 (got "${values.workers}")`);
  process.exit(2);
}
const pool: Pool | null = workers > 1 ? bundlePool(workers) : null;

/**
 * Each perturbation's claims, several perturbations at a time: their runs go to the pool together (so
 * workers stay busy across perturbations), then each is measured from its runs, in order. Memory is
 * bounded by the perturbations in flight.
 */
async function measureAll(ps: readonly Perturbation[], each: (p: Perturbation, res: ClaimResult[]) => void) {
  const inFlight = Math.max(2, 2 * workers);
  for (let k = 0; k < ps.length; k += inFlight) {
    const batch = ps.slice(k, k + inFlight).map((p) => ({ p, ctx: presetContext(seeds, p) as ClaimContext }));
    if (pool)
      await fetchSamples(
        batch.flatMap((b) => collectSamples(() => measureClaims(b.ctx, only))),
        pool,
      );
    for (const b of batch) each(b.p, measureClaims(b.ctx, only));
  }
}

const pct = (x: number | null) => (x === null ? '' : `${(100 * x).toFixed(0)}%`);
const num = (x: number | null, digits = 3) =>
  x === null ? '' : Number.isFinite(x) ? `${x >= 0 ? '+' : ''}${x.toFixed(digits)}` : x > 0 ? '+inf' : '-inf';

function table(results: ClaimResult[]): string {
  const rows: string[][] = [['claim', 'class', 'statement', 'paired share (need)', 'mean effect', 'd', 'ok']];
  for (const r of results) {
    r.checks.forEach((c, k) => {
      rows.push([
        k === 0 ? r.id : '',
        k === 0 ? r.cls : '',
        c.label,
        c.share === null ? (c.pass ? 'yes' : 'no') : `${pct(c.share)} (${pct(c.need)})`,
        num(c.mean),
        num(c.d, 2),
        c.pass ? 'yes' : 'NO',
      ]);
    });
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows
    .map((r) =>
      r
        .map((x, i) => x.padEnd(widths[i]))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

if (!values.robustness) {
  const t0 = performance.now();
  const results = await withSamples(pool, () => measureClaims(presetContext(seeds), only));
  if (values.json) console.log(JSON.stringify({ seeds, results }, null, 2));
  else {
    console.log(
      `Claims of CLAIMS.md, ${seeds} seeds (paired by seed; d on unpaired seeds ${seeds + 1}..${2 * seeds}):\n`,
    );
    console.log(table(results));
    const counted = results.filter((r) => r.cls === 'mechanism').length;
    console.log(`\nreproduced by a mechanism: ${counted} of ${results.filter((r) => r.cls !== 'validation').length}`);
    for (const r of results) if (r.note) console.log(`${r.id} is definitional: ${r.note}`);
    console.log(`(${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  }
} else {
  const perts = perturbations();
  const part = values.part?.match(/^(\d+)\/(\d+)$/);
  if (values.part && (!part || Number(part[1]) < 1 || Number(part[1]) > Number(part[2]))) {
    console.error(`error: --part takes i/n with 1 <= i <= n (got "${values.part}")`);
    process.exit(2);
  }
  if (part) {
    const [i, n] = [Number(part[1]), Number(part[2])];
    await measureAll(
      perts.filter((_, k) => k % n === i - 1),
      (p, res) => {
        console.log(JSON.stringify({ label: p.label, holds: Object.fromEntries(res.map((r) => [r.id, r.holds])) }));
      },
    );
    pool?.close();
    process.exit(0);
  }
  const base = await withSamples(pool, () => measureClaims(presetContext(seeds), only));
  const kept = new Map<string, string[]>();
  const lost = new Map<string, string[]>();
  const record = (label: string, holds: Record<string, boolean>) => {
    for (const [id, ok] of Object.entries(holds)) {
      const m = ok ? kept : lost;
      m.set(id, [...(m.get(id) ?? []), label]);
    }
  };
  if (values.from) {
    for (const f of values.from.split(',')) {
      for (const line of readFileSync(f, 'utf8').split('\n')) {
        if (!line.trim()) continue;
        const r = JSON.parse(line) as { label: string; holds: Record<string, boolean> };
        record(r.label, r.holds);
      }
    }
  } else {
    const t0 = performance.now();
    let done = 0;
    await measureAll(perts, (p, res) => {
      record(p.label, Object.fromEntries(res.map((r) => [r.id, r.holds])));
      done++;
      if (!values.json)
        console.error(`${done}/${perts.length} ${p.label} (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
    });
  }
  const rows = base.map((r) => {
    const k = kept.get(r.id)?.length ?? 0;
    const total = k + (lost.get(r.id)?.length ?? 0);
    const verdict = !r.holds
      ? 'not reproduced'
      : k === total
        ? 'robust'
        : k >= total * 0.8
          ? 'mostly robust'
          : 'fragile';
    return {
      id: r.id,
      cls: r.cls,
      holdsAtDefaults: r.holds,
      kept: k,
      of: total,
      verdict,
      lostUnder: lost.get(r.id) ?? [],
    };
  });
  if (values.json) console.log(JSON.stringify({ seeds, perturbations: perts.map((p) => p.label), rows }, null, 2));
  else {
    console.log(
      `Robustness, ${seeds} seeds: each claim under ${perts.length} perturbations (every free parameter ±25%, one at a time; a neutral 2012)\n`,
    );
    for (const r of rows) {
      console.log(
        `${r.id.padEnd(4)} ${r.cls.padEnd(15)} at defaults: ${r.holdsAtDefaults ? 'holds' : 'fails'}  kept under ${r.kept}/${r.of}  ${r.verdict}` +
          (r.lostUnder.length > 0 && r.lostUnder.length <= 12 ? `  (lost: ${r.lostUnder.join('; ')})` : ''),
      );
    }
  }
}
pool?.close();
